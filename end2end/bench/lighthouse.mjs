// Benchmark (prints figures, asserts nothing): Lighthouse's mobile profile (simulated slow
// 4G, 4× slower CPU) against the release build served like a production static host
// (precompressed files, long cache for hashed names; end2end/serve.mjs), in Debian's
// Chromium. Prints the median of RUNS runs of a first visit to / (the customers list): LCP, TTI, FCP,
// CLS, total blocking time, bytes over the wire, and the performance score.
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
const runs = [];
try {
  for (let run = 0; run < RUNS; run++) {
    const result = await lighthouse(`http://127.0.0.1:${PORT}/`, {
      port: chrome.port,
      output: "json",
      logLevel: "error",
      onlyCategories: ["performance"],
    });
    if (result.lhr.runtimeError) throw new Error(result.lhr.runtimeError.message);
    const audit = (id) => result.lhr.audits[id].numericValue;
    runs.push({
      lcp: audit("largest-contentful-paint"),
      tti: audit("interactive"),
      fcp: audit("first-contentful-paint"),
      cls: audit("cumulative-layout-shift"),
      tbt: audit("total-blocking-time"),
      bytes: audit("total-byte-weight"),
      score: result.lhr.categories.performance.score * 100,
      lcpElement: result.lhr.audits["lcp-breakdown-insight"]?.details?.items?.find((i) => i.type === "node")?.nodeLabel ?? "?",
    });
  }
} finally {
  await chrome.kill();
  server.kill();
}
const median = (key) => pct(runs.map((r) => r[key]), 0.5);
console.log(`lighthouse benchmark: mobile profile (slow 4G, 4x CPU), first visit to / (the customers list), ${RUNS} runs, precompressed build`);
console.log(`  largest contentful paint: median ${(median("lcp") / 1000).toFixed(2)} s (target: 1.8 s or less)`);
console.log(`  largest element painted: "${runs[0].lcpElement}"`);
console.log(`  time to interactive: median ${(median("tti") / 1000).toFixed(2)} s; first contentful paint ${(median("fcp") / 1000).toFixed(2)} s`);
console.log(`  cumulative layout shift: median ${median("cls").toFixed(3)} (target: 0); total blocking time ${median("tbt").toFixed(0)} ms`);
console.log(`  bytes over the wire: ${(median("bytes") / 1024).toFixed(0)} KiB; performance score ${median("score").toFixed(0)}`);
