// Benchmark (prints figures, asserts nothing): Lighthouse's mobile profile (simulated slow
// 4G, 4× slower CPU) against the release build served like a production static host
// (precompressed files, long cache for hashed names; end2end/serve.mjs), in Debian's
// Chromium. Prints the median of RUNS runs of a first visit to / (the customers list), then of
// RUNS repeat visits (service worker installed): LCP, TTI, FCP, CLS, total blocking time,
// bytes over the wire, and the performance score.
// Targets: LCP ≤ 1.8 s, CLS 0.
//
// Usage: node bench/lighthouse.mjs [dist-dir]   (from end2end/, after a release build)
import { spawn } from "node:child_process";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { pct } from "./fixtures.mjs";

const PORT = 4197;
const RUNS = 3;
const dist = process.argv[2] ?? "../dist";

const server = spawn("node", ["serve.mjs", dist, String(PORT)], { stdio: "ignore" });
await new Promise((r) => setTimeout(r, 500));
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
  chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
});
/** One Lighthouse navigation to `/`. A first visit resets the origin's storage (no data,
 *  no service worker); a repeat visit keeps what the previous run left: the service
 *  worker and its cache, which is how a partner opens the app every day. */
async function visit(repeat) {
  const result = await lighthouse(`http://127.0.0.1:${PORT}/`, {
    port: chrome.port,
    output: "json",
    logLevel: "error",
    onlyCategories: ["performance"],
    disableStorageReset: repeat,
  });
  if (result.lhr.runtimeError) throw new Error(result.lhr.runtimeError.message);
  const audit = (id) => result.lhr.audits[id].numericValue;
  return {
    lcp: audit("largest-contentful-paint"),
    tti: audit("interactive"),
    fcp: audit("first-contentful-paint"),
    cls: audit("cumulative-layout-shift"),
    tbt: audit("total-blocking-time"),
    bytes: audit("total-byte-weight"),
    score: result.lhr.categories.performance.score * 100,
    lcpElement: result.lhr.audits["lcp-breakdown-insight"]?.details?.items?.find((i) => i.type === "node")?.nodeLabel ?? "?",
  };
}
const first = [];
const repeat = [];
try {
  for (let run = 0; run < RUNS; run++) first.push(await visit(false));
  // The last first visit installed the service worker and filled its cache.
  for (let run = 0; run < RUNS; run++) repeat.push(await visit(true));
} finally {
  await chrome.kill();
  server.kill();
}
// The targets decided after the measured Leptos floor (README, "Size and speed").
function report(title, runs, target) {
  const median = (key) => pct(runs.map((r) => r[key]), 0.5);
  console.log(`  ${title}:`);
  console.log(`    largest contentful paint: median ${(median("lcp") / 1000).toFixed(2)} s (target: ${target} s or less)`);
  console.log(`    largest element painted: "${runs[0].lcpElement}"`);
  console.log(`    time to interactive: median ${(median("tti") / 1000).toFixed(2)} s; first contentful paint ${(median("fcp") / 1000).toFixed(2)} s`);
  console.log(`    cumulative layout shift: median ${median("cls").toFixed(3)} (target: 0); total blocking time ${median("tbt").toFixed(0)} ms`);
  console.log(`    bytes over the wire: ${(median("bytes") / 1024).toFixed(0)} KiB; performance score ${median("score").toFixed(0)}`);
}
console.log(`lighthouse benchmark: mobile profile (slow 4G, 4x CPU), / (the customers list), ${RUNS} runs each, precompressed build`);
report("first visit (nothing cached)", first, 2.5);
report("repeat visit (the service worker's cache, as every day after the first)", repeat, 0.8);
