// Benchmark (prints figures, asserts nothing): "Create customer" with 50 and with 5,000
// customers saved, release build, Chromium. The figure is from the click on the wizard's
// final button (the app marks "wizard-finish") until the new customer is in localStorage
// (the app marks "document-saved"): every rule checked against all customers, the new
// customer encoded and written. The store writes only the changed record, so the two
// figures should be about the same (format 1 rewrote the whole document: 2.7 M chars at
// 5,000 customers).
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
      await page.getByLabel("State or province").fill("TX");
      await page.getByLabel("ZIP or postal code").fill("78701");
      await page.getByRole("checkbox", { name: "This customer is in a Cisco Webex supported location" }).check();
      await page.getByRole("button", { name: "Next", exact: true }).click();
      await page.getByRole("button", { name: "Create customer" }).click();
      await page.getByRole("heading", { name: `Bench Customer ${run}`, level: 1 }).waitFor();
      times.push(await page.evaluate(() => performance.measure("create", "wizard-finish", "document-saved").duration));
    }
    figures[size] = { times, used };
  }
  console.log(`create-customer benchmark: ${RUNS} runs each`);
  for (const size of SIZES) {
    const { times, used } = figures[size];
    console.log(`  with ${size} customers saved (${(used / 1e6).toFixed(2)} M chars stored): click "Create customer" -> saved: ` +
      `median ${pct(times, 0.5).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms`);
  }
  const ratio = pct(figures[SIZES[1]].times, 0.5) / pct(figures[SIZES[0]].times, 0.5);
  console.log(`  ratio ${SIZES[1]} : ${SIZES[0]} customers = ${ratio.toFixed(2)} (the cost follows the change, not the book)`);
});
