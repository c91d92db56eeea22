// The size budget: fails when the wasm and its JS glue, gzipped as the build writes them
// (.gz beside each file, see compress.mjs), weigh more than BUDGET. Sizes are deterministic,
// unlike timings, so this is a test, not a benchmark.
//
// The budget is 380 KB ("Fast first open"), every feature included: a new feature pays
// for its bytes with a cut, or goes into a page's split-off code (ui::lazy).
//
// Usage: node .ci/size.mjs [dist-dir]
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const BUDGET = 380_000; // bytes of gzip
const dir = process.argv[2] ?? "dist";
// What the first screen loads: the main module, its JS and the split modules' loader
// (pkg-<hash>/, .ci/wasm.mjs). The pages' own code follows when they are first opened.
const pkg = readdirSync(dir).find((f) => /^pkg-[0-9a-f]{16}$/.test(f));
if (!pkg) throw new Error(`no pkg-<hash> folder in ${dir}`);
const all = readdirSync(join(dir, pkg)).filter((f) => /\.(wasm|js)$/.test(f));
const first = ["wholesale-partner-hub_bg.wasm", "wholesale-partner-hub.js", "__wasm_split.js"];
for (const f of first) if (!all.includes(f)) throw new Error(`no ${f} in ${join(dir, pkg)}`);
const gz = (f) => statSync(join(dir, pkg, `${f}.gz`)).size;
const total = first.reduce((sum, f) => sum + gz(f), 0);
const later = all.filter((f) => !first.includes(f));
const laterTotal = later.reduce((sum, f) => sum + gz(f), 0);
const kb = (n) => `${(n / 1000).toFixed(1)} KB`;
console.log(`size budget: first open (wasm + JS) ${kb(total)} gzip, budget ${kb(BUDGET)}`);
console.log(`  loaded when first opened: ${later.length} modules of the other pages, ${kb(laterTotal)} gzip`);
if (total > BUDGET) {
  console.error(`over the size budget by ${kb(total - BUDGET)}: cut as much as the change added (README, "Size and speed")`);
  process.exit(1);
}
