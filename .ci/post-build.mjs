// Trunk's post_build hook, in order: the app's WebAssembly and its loader, the service
// worker and build id, the Content-Security-Policy (and 404.html), then the precompressed
// copies of everything.
//
// Usage: node .ci/post-build.mjs [dir]  (default: $TRUNK_STAGING_DIR, as Trunk sets it)
import { compress } from "./compress.mjs";
import { addPolicy } from "./csp.mjs";
import { addServiceWorker } from "./offline.mjs";
import { buildWasm } from "./wasm.mjs";

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR ?? "dist";
await buildWasm(dir, { release: process.env.TRUNK_PROFILE !== "debug", optimize: process.env.WASM_OPT !== "0" });
addServiceWorker(dir);
addPolicy(dir);
compress(dir);
