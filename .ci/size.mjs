// The size budget: fails when the wasm and its JS glue, gzipped as the build writes them
// (.gz beside each file, see compress.mjs), weigh more than BUDGET. Sizes are deterministic,
// unlike timings, so this is a test, not a benchmark.
//
// The target is 380 KB ("Fast first open"); until the cuts reach it, the budget is the
// size reached so far plus a little, lowered with every cut: a new feature pays for itself.
//
// Usage: node .ci/size.mjs [dist-dir]
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const BUDGET = 640_000; // bytes of gzip; target 380_000
const dir = process.argv[2] ?? "dist";
const files = readdirSync(dir).filter((f) => /^wholesale-partner-hub-[0-9a-f]+(_bg\.wasm|\.js)$/.test(f));
if (files.length !== 2) throw new Error(`expected the app's wasm and JS in ${dir}, found ${files.join(", ")}`);
const total = files.reduce((sum, f) => sum + statSync(join(dir, `${f}.gz`)).size, 0);
const kb = (n) => `${(n / 1000).toFixed(1)} KB`;
console.log(`size budget: wasm + JS ${kb(total)} gzip, budget ${kb(BUDGET)} (target ${kb(380_000)})`);
if (total > BUDGET) {
  console.error(`over the size budget by ${kb(total - BUDGET)}: cut as much as the change added (README, "Size and speed")`);
  process.exit(1);
}
