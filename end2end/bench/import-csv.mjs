// Benchmark (prints figures, asserts nothing): "Import users from a CSV file" with
// 20,000 rows (Control Hub's limit) in the setup wizard's Users step, release build,
// Chromium, 1,000 other customers saved. Figures, from the page's own clock:
// - read: the file input's change → the app has the text ("csv-read");
// - parse + check: CSV parsed and every row checked by the setup's rules ("csv-checked");
// - first render: → the preview table is in the page;
// - the longest main-thread task meanwhile (what a user feels as a freeze);
// then "Add 20,000 users" → the first page of rows shown, and whether the draft
// (saved after a pause) fits in storage.
//
// Usage: node bench/import-csv.mjs [dist-dir]   (from end2end/, after a release build)
import { armSnapshot, document, pct, restoreOnNextLoad, upgradedSnapshot, withBrowser } from "./fixtures.mjs";

const CUSTOMERS = 1000;
const ROWS = 20_000;
const RUNS = 3;
const PORT = 4192;
const dist = process.argv[2] ?? "../dist";

const doc = document(CUSTOMERS);
const customer = doc.customers[0];
const origin = `http://127.0.0.1:${PORT}`;

/** A Control Hub users export: quoted names (some Korean, some with commas), numbers, extensions. */
function controlHubCsv(rows) {
  const lines = ["First Name,Last Name,Display Name,User ID/Email (Required),User Status,Phone Number,Extension,Location,Webex Calling"];
  for (let i = 0; i < rows; i++) {
    const korean = i % 3 === 0;
    const first = korean ? `민준${i}` : `First${i}`;
    const last = korean ? "김" : i % 7 === 0 ? `"Hopper, Jr"` : `Last${i}`;
    // Every 1,000th row repeats an e-mail: a preview with some problems, as files have.
    const email = `user${i % 1000 === 999 ? i - 1 : i}@bench-import.example`;
    const phone = i % 2 === 0 ? `+1 512 ${5550000 + i}` : "";
    lines.push(`"${first}",${last},"${first} ${last.replaceAll('"', "")}",${email},Active,${phone},${10000 + i},Headquarters,TRUE`);
  }
  return "\uFEFF" + lines.join("\r\n") + "\r\n";
}

const csv = controlHubCsv(ROWS);

await withBrowser(dist, PORT, async (browser) => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const snapshot = await upgradedSnapshot(page, origin, doc);
  const fresh = await armSnapshot(page, snapshot);
  const runs = [];
  for (let run = 0; run < RUNS; run++) {
    await restoreOnNextLoad(page, fresh);
    await page.goto(`${origin}/customers/${customer.id}/setup`);
    await page.getByRole("button", { name: "Next", exact: true }).click();
    await page.getByRole("heading", { name: "Users", level: 2 }).waitFor();
    await page.evaluate(() => {
      window.__bench = { tasks: [] };
      new PerformanceObserver((list) => window.__bench.tasks.push(...list.getEntries().map((e) => e.duration)))
        .observe({ type: "longtask" });
      document.getElementById("csv-file").addEventListener("change", () => (window.__bench.changed = performance.now()), { capture: true });
      new MutationObserver((_, observer) => {
        if (document.querySelector(".import-preview")) {
          window.__bench.drawn = performance.now();
          observer.disconnect();
        }
      }).observe(document.body, { childList: true, subtree: true });
    });
    await page.getByLabel("CSV file", { exact: true }).setInputFiles({ name: "users.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
    await page.getByRole("group", { name: `“users.csv”: ${ROWS.toLocaleString("en-US").replace(",", "")} users` }).waitFor({ timeout: 60_000 });
    const preview = await page.evaluate(() => {
      const at = (name) => performance.getEntriesByName(name).at(-1).startTime;
      const b = window.__bench;
      const longest = Math.max(0, ...b.tasks);
      b.tasks = [];
      return {
        read: at("csv-read") - b.changed,
        check: at("csv-checked") - at("csv-read"),
        render: b.drawn - at("csv-checked"),
        total: b.drawn - b.changed,
        longest,
      };
    });
    const counts = await page.locator(".import-preview > p").first().innerText();

    const clickStart = Date.now();
    await page.getByRole("button", { name: /^Add \d+ users$/ }).click();
    await page.getByText(`Added ${ROWS} users.`).waitFor({ timeout: 60_000 });
    const addMs = Date.now() - clickStart;
    const addLongest = await page.evaluate(() => Math.max(0, ...window.__bench.tasks));
    // The draft is saved after a pause in typing.
    await page.waitForTimeout(1500);
    const draftKey = `wholesale-partner-hub:draft:setup:${customer.id}`;
    const draft = await page.evaluate((key) => localStorage.getItem(key)?.length ?? 0, draftKey);
    const alert = await page.locator(".banner[role=alert]").count();
    runs.push({ ...preview, counts, addMs, addLongest, draft, alert });
  }
  const m = (k) => pct(runs.map((r) => r[k]), 0.5).toFixed(0);
  console.log(`CSV import benchmark: ${ROWS} rows (${(csv.length / 1e6).toFixed(2)} M chars, Control Hub headers) into a setup, ${CUSTOMERS} customers saved, ${RUNS} runs`);
  console.log(`  preview says: ${runs[0].counts}`);
  console.log(`  file chosen -> text in the app: median ${m("read")} ms`);
  console.log(`  parse + check every row by the setup's rules: median ${m("check")} ms`);
  console.log(`  first render of the preview: median ${m("render")} ms`);
  console.log(`  file chosen -> preview on screen: median ${m("total")} ms; longest main-thread task ${m("longest")} ms`);
  console.log(`  "Add ${ROWS} users" -> first page of rows shown: median ${m("addMs")} ms; longest task ${m("addLongest")} ms`);
  const last = runs.at(-1);
  console.log(`  draft saved after the pause: ${last.draft ? `${(last.draft / 1e6).toFixed(2)} M chars` : "not saved"}${last.alert ? " (storage alert shown)" : ""}`);
});
