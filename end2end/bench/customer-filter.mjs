// Benchmark (prints figures, asserts nothing): filtering 5,000 customers on a keystroke,
// release build, Chromium. For every keystroke typed into "Search customers" it measures
// the time from the input event until all its work is done and the DOM updated, and
// until style and layout are done too (forced then, rather than waiting for a frame).
//
// Usage: node bench/customer-filter.mjs [dist-dir]   (from end2end/, after a release build)
import { armSnapshot, document, pct, restoreOnNextLoad, upgradedSnapshot, withBrowser } from "./fixtures.mjs";

const CUSTOMERS = 5000;
const PORT = 4190;
const dist = process.argv[2] ?? "../dist";

await withBrowser(dist, PORT, async (browser) => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const origin = `http://127.0.0.1:${PORT}`;
  const saved = JSON.stringify(document(CUSTOMERS));
  // Saved by format 1 first: the first open upgrades it to one record per key.
  const upgradeStart = Date.now();
  const snapshot = await upgradedSnapshot(page, origin, document(CUSTOMERS));
  await page.getByText(`Showing 1–50 of ${CUSTOMERS}`).waitFor();
  const upgradeMs = Date.now() - upgradeStart;
  const stored = Object.entries(snapshot).reduce((n, [k, v]) => n + k.length + v.length, 0);
  await restoreOnNextLoad(page, await armSnapshot(page, snapshot));
  const loadStart = Date.now();
  await page.goto(`${origin}/customers`);
  await page.getByText(`Showing 1–50 of ${CUSTOMERS}`).waitFor();
  const loadMs = Date.now() - loadStart;

  // Type a query key by key, then delete it again; every keystroke is one sample.
  const query = "acme dental 1";
  const steps = [...Array.from(query, (_, i) => query.slice(0, i + 1)), ...Array.from(query, (_, i) => query.slice(0, query.length - 1 - i))];
  const samples = await page.evaluate(async (steps) => {
    const input = document.getElementById("customer-search");
    const status = () => document.querySelector(".pager [role=status]").textContent;
    const results = [];
    for (const value of steps) {
      const start = performance.now();
      input.value = value;
      input.dispatchEvent(new Event("input", { bubbles: true }));
      // A task posted now runs after the event and every microtask it queued (Leptos
      // runs its effects as microtasks): then all the keystroke's work is done.
      const [script, layout, seen] = await new Promise((resolve) => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          const script = performance.now() - start;
          document.body.getBoundingClientRect(); // style + layout now, not at the next frame
          resolve([script, performance.now() - start, status()]);
        };
        channel.port2.postMessage(null);
      });
      await new Promise((r) => setTimeout(r, 30));
      if (status() !== seen) throw new Error(`the page changed after it was measured ("${value}")`);
      results.push({ value, script, layout, shown: seen });
    }
    return results;
  }, steps);

  const dom = samples.map((s) => s.script);
  const layout = samples.map((s) => s.layout);
  console.log(`customer filter benchmark: ${CUSTOMERS} customers, ${samples.length} keystrokes`);
  console.log(`  stored: ${(stored / 1e6).toFixed(2)} M chars in ${Object.keys(snapshot).length} keys (format 1 kept the same as one document of ${(saved.length / 1e6).toFixed(2)} M chars)`);
  console.log(`  first open after the upgrade from format 1 (read, write every record, show): ${upgradeMs} ms`);
  console.log(`  load of /customers (read every record + first page): ${loadMs} ms`);
  console.log(`  keystroke -> script done, DOM updated: median ${pct(dom, 0.5).toFixed(1)} ms, p95 ${pct(dom, 0.95).toFixed(1)} ms, max ${Math.max(...dom).toFixed(1)} ms`);
  console.log(`  keystroke -> and style + layout:       median ${pct(layout, 0.5).toFixed(1)} ms, p95 ${pct(layout, 0.95).toFixed(1)} ms, max ${Math.max(...layout).toFixed(1)} ms`);
  console.log(`  target: under 16 ms per keystroke (one frame at 60 Hz)`);
  for (const s of samples.filter((_, i) => i % 6 === 0)) console.log(`    "${s.value}": ${s.shown}, ${s.layout.toFixed(1)} ms`);
});
