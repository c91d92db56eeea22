// Post-build step: the service worker (web/sw.js) with this build's id and hashed
// files, and the build id in the page (<meta name="app-build">) so that the app can tell
// a newer release from its own.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** Writes `dir`/sw.js and marks index.html with the build id (before 404.html is written). */
export function addServiceWorker(dir) {
  // Every file of the build but the page itself: hashed names, or files that go with them
  // (the pages' split-off code included, so that every page opens offline).
  const assets = readdirSync(dir, { recursive: true })
    .filter((name) => !statSync(join(dir, name)).isDirectory())
    .filter((name) => !/^(index|404)\.html$|^sw\.js$|\.(br|gz)$/.test(name))
    .sort();
  const hash = createHash("sha256");
  for (const name of assets) hash.update(name).update(readFileSync(join(dir, name)));
  const build = hash.digest("hex").slice(0, 16);
  const template = readFileSync(new URL("../web/sw.js", import.meta.url), "utf8");
  writeFileSync(join(dir, "sw.js"), template.replace("__BUILD__", build).replace("__ASSETS__", JSON.stringify(assets)));
  const page = join(dir, "index.html");
  const html = readFileSync(page, "utf8");
  const marked = html.replace(/(<meta charset="utf-8" \/>)/, `$1\n    <meta name="app-build" content="${build}" />`);
  if (marked === html) throw new Error(`no <meta charset> in ${page}`);
  writeFileSync(page, marked);
  return build;
}
