// Trunk post_build step: builds the app's WebAssembly, split into the first screen and
// one file per page (and the pieces pages share), and adds its loader to the page.
//
// Trunk 0.21 runs wasm-bindgen itself and cannot split a module (trunk-rs/trunk#1022), so
// the page (web/index.html) has no Rust asset for Trunk and this step does what Trunk did:
//   cargo build (with `--emit-relocs`, .cargo/config.toml)
//   → wasm-split-cli: the code reachable only from a split point (`ui::lazy`) moves to
//     split_<page>.wasm / chunk_<n>.wasm, loaded by __wasm_split.js on first use
//   → wasm-bindgen on the main module → wasm-opt -Oz on every module (release)
//   → everything in pkg-<hash>/, named by the hash of its contents (cached for a year),
//     preloaded and started by one inline module script in index.html.
//
// Usage: node .ci/wasm.mjs [dir]  (default: $TRUNK_STAGING_DIR; release unless
// $TRUNK_PROFILE is "debug"; WASM_OPT=0 keeps function names for a size profile)
import { execFileSync, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

const ROOT = resolve(new URL("..", import.meta.url).pathname);
const BIN = "wholesale-partner-hub";
// Features of the wasm32 target these modules use (wasm-opt must be told for the split
// modules, which carry no target_features section of their own): the wasm-opt option's
// name, and binaryen's name for the library.
const FEATURES = {
  "bulk-memory": "BulkMemory",
  "bulk-memory-opt": "BulkMemoryOpt",
  "nontrapping-float-to-int": "NontrappingFPToInt",
  "sign-ext": "SignExt",
  "mutable-globals": "MutableGlobals",
  "reference-types": "ReferenceTypes",
  "call-indirect-overlong": "CallIndirectOverlong",
  "multivalue": "Multivalue",
};

// wasm-opt 132 from npm's binaryen (end2end/, installed by .ci/setup.sh); Debian's is too old.
const WASM_OPT = [join(ROOT, "end2end", "node_modules", ".bin", "wasm-opt")].find(existsSync) ?? "wasm-opt";

const run = (command, args, options = {}) => execFileSync(command, args, { cwd: ROOT, stdio: "inherit", ...options });

/** Builds into `dir`/pkg-<hash>/ and adds the loader to `dir`/index.html; returns the folder's name. */
export async function buildWasm(dir, { release = true, optimize = release } = {}) {
  const profile = release ? "release" : "debug";
  run("cargo", ["build", "--target", "wasm32-unknown-unknown", "--bin", BIN, ...(release ? ["--release"] : [])]);
  // Where cargo builds (CARGO_TARGET_DIR or build.target-dir may move it from target/).
  const metadata = JSON.parse(execFileSync("cargo", ["metadata", "--format-version", "1", "--no-deps"], { cwd: ROOT }));
  const target = metadata.target_directory;
  const input = join(target, "wasm32-unknown-unknown", profile, `${BIN}.wasm`);

  const work = join(target, "wasm-split", profile);
  rmSync(work, { recursive: true, force: true });
  const split = join(work, "split");
  const pkg = join(work, "pkg");
  mkdirSync(pkg, { recursive: true });
  run("wasm-split-cli", [input, split, "--out-name", BIN]);
  // --keep-lld-exports: the split modules import the main module's functions by those names.
  run("wasm-bindgen", ["--target", "web", "--keep-lld-exports", "--no-demangle", "--no-typescript",
    "--out-dir", pkg, "--out-name", BIN, join(split, `${BIN}.wasm`)]);
  for (const name of readdirSync(split)) {
    if (name !== `${BIN}.wasm`) copyFileSync(join(split, name), join(pkg, name));
  }
  if (optimize) await optimizeAll(pkg);

  const names = readdirSync(pkg).sort();
  const hash = createHash("sha256");
  for (const name of names) hash.update(name).update(readFileSync(join(pkg, name)));
  const folder = `pkg-${hash.digest("hex").slice(0, 16)}`;
  mkdirSync(join(dir, folder));
  for (const name of names) copyFileSync(join(pkg, name), join(dir, folder, name));

  // The main module and its JS start downloading with the page; the script starts the app.
  // Paths are relative to <base href> (the public URL), so a sub-path host works.
  const main = `${folder}/${BIN}`;
  const tags = [
    `<link rel="modulepreload" href="${main}.js" />`,
    `<link rel="modulepreload" href="${folder}/__wasm_split.js" />`,
    `<link rel="preload" href="${main}_bg.wasm" as="fetch" type="application/wasm" crossorigin />`,
    `<script type="module">import init from "./${main}.js"; init();</script>`,
  ];
  const page = join(dir, "index.html");
  const html = readFileSync(page, "utf8");
  if (!html.includes("</head>")) throw new Error(`no </head> in ${page}`);
  writeFileSync(page, html.replace("</head>", `  ${tags.join("\n    ")}\n  </head>`));
  return folder;
}

/** The first 1,024 bytes of memory are never read or written: Rust puts its stack
 *  first (it grows down towards 0 and is 1 MB deep), and no pointer wraps around. Told
 *  so, wasm-opt folds constant offsets into loads and stores: 1.6 KB (gzip) off the
 *  first screen. */
const LOW_MEMORY_UNUSED = "--low-memory-unused";

/** wasm-opt -Oz on every module in `dir`. npm's wasm-opt is binaryen compiled to JS and
 *  takes most of a second to start, which is most of a small module's time: the main
 *  module goes to the wasm-opt command while the 60-odd split modules are optimized in
 *  this process by the same binaryen as a library (`optimize()` at -Oz levels). */
async function optimizeAll(dir) {
  const names = readdirSync(dir).filter((n) => n.endsWith(".wasm"));
  const main = names.find((n) => n.endsWith("_bg.wasm"));
  const mainDone = new Promise((done, fail) => {
    // --converge: passes again until the module stops shrinking (0.3 KB, a few seconds).
    const args = ["-Oz", "--converge", LOW_MEMORY_UNUSED, ...Object.keys(FEATURES).map((f) => `--enable-${f}`), join(dir, main), "-o", join(dir, main)];
    const child = spawn(WASM_OPT, args, { stdio: ["ignore", "inherit", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", fail);
    // On success its stderr only warns that it skips the linker's name subsections.
    child.on("exit", (code) => (code === 0 ? done() : fail(new Error(`wasm-opt ${main} exited with ${code}:\n${stderr}`))));
  });
  const { default: binaryen } = await import(join(ROOT, "end2end", "node_modules", "binaryen", "index.js"));
  const features = Object.values(FEATURES).reduce((all, name) => {
    if (binaryen.Features[name] === undefined) throw new Error(`binaryen has no feature ${name}`);
    return all | binaryen.Features[name];
  }, 0);
  binaryen.setOptimizeLevel(2);
  binaryen.setShrinkLevel(2);
  binaryen.setLowMemoryUnused(true);
  for (const name of names.filter((n) => n !== main)) {
    const module = binaryen.readBinary(readFileSync(join(dir, name)));
    module.setFeatures(features);
    module.optimize();
    if (!module.validate()) throw new Error(`${name} is not valid after wasm-opt`);
    writeFileSync(join(dir, name), module.emitBinary());
    module.dispose();
  }
  await mainDone;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR ?? "dist";
  await buildWasm(dir, { release: process.env.TRUNK_PROFILE !== "debug", optimize: process.env.WASM_OPT !== "0" });
}
