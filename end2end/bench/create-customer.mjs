// Benchmark (prints figures, asserts nothing): "Create customer" with 50 and with 5,000
// customers saved, release build, Chromium. The figure is from the click on the wizard's
// final button (the app marks "wizard-finish") until the new customer is in localStorage
// (the app marks "document-saved"): every rule checked against all customers, the new
// customer encoded and written; and of that, the save alone (from "wizard-checked"). The
// store writes only the changed record, so the save should take about the same time
// with 50 or 5,000 customers (format 1 rewrote the whole document: 2.7 M chars at
// 5,000); the rules still look at every customer's name and admin e-mail.
//
// Usage: node bench/create-customer.mjs [dist-dir]   (from end2end/, after a release build)
import { armSnapshot, document, pct, restoreOnNextLoad, storageUsed, upgradedSnapshot, withBrowser } from "./fixtures.mjs";

const SIZES = [50, 5000];
const RUNS = 7;
const PORT = 4192;
const dist = process.argv[2] ?? "../dist";
const origin = `http://127.0.0.1:${PORT}`;

await withBrowser(dist, PORT, async (browser) => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const figures = {};
  for (const size of SIZES) {
    const snapshot = await upgradedSnapshot(page, origin, document(size));
    const used = await storageUsed(page);
    const id = await armSnapshot(page, snapshot);
    const times = [];
    const saves = [];
    for (let run = 0; run < RUNS; run++) {
      await restoreOnNextLoad(page, id);
      await page.goto(`${origin}/customers/new`);
      await page.getByLabel("Company name").fill(`Bench Customer ${run}`);
      await page.getByLabel("Admin email").fill(`admin${run}@bench-new.example`);
      await page.getByLabel("Template").selectOption({ index: 1 });
      await page.getByRole("button", { name: "Next", exact: true }).click();
      await page.getByRole("checkbox", { name: "Webex Meetings" }).check();
      await page.getByRole("button", { name: "Next", exact: true }).click();
      await page.getByLabel("Location name").fill("Headquarters");
      await page.getByLabel("Address line 1").fill("500 Congress Ave");
      await page.getByLabel("City").fill("Austin");
      await page.getByLabel("Country", { exact: true }).selectOption({ label: "United States" });
      await page.getByLabel("State or province").selectOption({ label: "Texas" });
      await page.getByLabel("ZIP or postal code").fill("78701");
      await page.getByRole("checkbox", { name: "This customer is in a Cisco Webex supported location" }).check();
      await page.getByRole("button", { name: "Next", exact: true }).click();
      await page.getByRole("button", { name: "Create customer" }).click();
      await page.getByRole("heading", { name: `Bench Customer ${run}`, level: 1 }).waitFor();
      times.push(await page.evaluate(() => performance.measure("create", "wizard-finish", "document-saved").duration));
      saves.push(await page.evaluate(() => performance.measure("save", "wizard-checked", "document-saved").duration));
    }
    figures[size] = { times, saves, used };
  }
  console.log(`create-customer benchmark: ${RUNS} runs each`);
  for (const size of SIZES) {
    const { times, saves, used } = figures[size];
    console.log(`  with ${size} customers saved (${(used / 1e6).toFixed(2)} M chars stored): click "Create customer" -> saved: ` +
      `median ${pct(times, 0.5).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms; ` +
      `of which the save (rules passed -> in localStorage): median ${pct(saves, 0.5).toFixed(2)} ms`);
  }
  const ratio = (key) => (pct(figures[SIZES[1]][key], 0.5) / pct(figures[SIZES[0]][key], 0.5)).toFixed(2);
  console.log(`  ratio ${SIZES[1]} : ${SIZES[0]} customers: the save ${ratio("saves")}, the click with every rule checked ${ratio("times")}`);
});
