// Benchmark (prints figures, asserts nothing): "Create users" for a setup of 1,000 users,
// release build, Chromium, with 5,000 other customers saved. The setup wizard is resumed
// at its Review step; the figure is from the click (the app marks "wizard-finish") until
// the customer with the new users is in localStorage (the app marks "document-saved"):
// validation of every row against all customers, applying it, encoding and saving.
// Then: a keystroke in the users step with the 1,000 users in the draft, and how many
// users fit in the storage quota.
//
// Usage: node bench/setup-users.mjs [dist-dir]   (from end2end/, after a release build)
import { armSnapshot, document, draftUser, fillStorageInPage, pct, restoreOnNextLoad, storageUsed, upgradedSnapshot, withBrowser } from "./fixtures.mjs";

const CUSTOMERS = 5000;
const USERS = 1000;
const RUNS = 5;
const PORT = 4191;
const dist = process.argv[2] ?? "../dist";

const doc = document(CUSTOMERS);
const customer = doc.customers[0];
const draftKey = `wholesale-partner-hub:draft:setup:${customer.id}`;
const users = Array.from({ length: USERS }, (_, i) =>
  draftUser(customer, i, (i) => ({
    package: i % 5 === 4 ? "webex_meetings" : "webex_calling",
    phone: i % 2 === 0 ? `+1 512 ${5550000 + i}` : "",
    extension: String(1000 + i),
  })),
);
const wizard = { step: "Review", draft: { customer: customer.id, next_key: USERS, locations: [], users } };
const savedDraft = JSON.stringify(wizard);
const origin = `http://127.0.0.1:${PORT}`;

await withBrowser(dist, PORT, async (browser) => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const snapshot = await upgradedSnapshot(page, origin, doc, { [draftKey]: savedDraft });
  const before = await storageUsed(page) - savedDraft.length - draftKey.length;
  const atReview = await armSnapshot(page, snapshot);
  const atUsers = await armSnapshot(page, { ...snapshot, [draftKey]: JSON.stringify({ ...wizard, step: "Users" }) });

  const runs = [];
  let after = 0;
  for (let run = 0; run < RUNS; run++) {
    await restoreOnNextLoad(page, atReview);
    const loadStart = Date.now();
    await page.goto(`http://127.0.0.1:${PORT}/customers/${customer.id}/setup`);
    await page.getByRole("heading", { name: "Review", level: 2 }).waitFor();
    const reviewMs = Date.now() - loadStart;
    const clickStart = Date.now();
    await page.getByRole("button", { name: "Create users" }).click();
    await page.getByText(`${USERS} users created for ${customer.company_name}.`).waitFor();
    const shownMs = Date.now() - clickStart;
    const saveMs = await page.evaluate(() => {
      const m = performance.measure("create users → saved", "wizard-finish", "document-saved");
      return m.duration;
    });
    after = await storageUsed(page);
    // Saved, as a reload shows.
    await page.reload();
    await page.getByText(`of ${USERS}`).first().waitFor();
    runs.push({ reviewMs, saveMs, shownMs });
  }

  // Typing in a user row while the draft holds all 1,000 users (it is saved on every
  // keystroke); after a refused "Next" every keystroke also re-checks every row.
  const typing = {};
  await restoreOnNextLoad(page, atUsers);
  await page.goto(`http://127.0.0.1:${PORT}/customers/${customer.id}/setup`);
  await page.getByRole("heading", { name: "Users", level: 2 }).waitFor();
  for (const phase of ["before Next", "after a refused Next"]) {
    if (phase !== "before Next") {
      await page.locator("#email-2").fill("not-an-email");
      await page.getByRole("button", { name: "Next", exact: true }).click();
      await page.getByRole("alert").waitFor();
    }
    typing[phase] = await page.evaluate(async () => {
      const input = document.getElementById("first-name-3");
      const out = [];
      for (let i = 0; i < 20; i++) {
        const start = performance.now();
        input.value = `Name${i}`;
        input.dispatchEvent(new Event("input", { bubbles: true }));
        await new Promise((r) => { const c = new MessageChannel(); c.port1.onmessage = r; c.port2.postMessage(null); });
        out.push(performance.now() - start);
        await new Promise((r) => setTimeout(r, 20));
      }
      return out;
    });
  }

  // Storage: what a user costs, and the quota measured by filling a spare key.
  await page.evaluate(() => localStorage.clear());
  const quota = (await page.evaluate(fillStorageInPage, 0)) + "filler".length;
  await page.evaluate(() => localStorage.removeItem("filler"));
  const perUser = (after - before) / USERS;
  // An otherwise empty store: the partner record, a template and one customer's keys.
  const emptyStore = 4_000;

  const save = runs.map((r) => r.saveMs);
  console.log(`setup benchmark: ${USERS} users created for one customer, ${CUSTOMERS} customers saved, ${RUNS} runs`);
  console.log(`  click "Create users" -> validated, applied, saved: median ${pct(save, 0.5).toFixed(1)} ms, max ${Math.max(...save).toFixed(1)} ms (target: under 100 ms)`);
  console.log(`  click -> customer page with the users shown: median ${pct(runs.map((r) => r.shownMs), 0.5)} ms`);
  console.log(`  open the setup at its Review step (parse, validate, render ${USERS} rows): median ${pct(runs.map((r) => r.reviewMs), 0.5)} ms`);
  for (const [phase, xs] of Object.entries(typing)) {
    console.log(`  a keystroke in a user row with ${USERS} users in the draft, ${phase}: median ${pct(xs, 0.5).toFixed(1)} ms, p95 ${pct(xs, 0.95).toFixed(1)} ms`);
  }
  console.log(`  storage: quota ${(quota / 1e6).toFixed(2)} M chars; a user takes ${perUser.toFixed(0)} chars saved`);
  console.log(`  users that fit: about ${Math.floor((quota - emptyStore) / perUser).toLocaleString("en-US")} in all (one customer), ` +
    `${Math.floor((quota - after) / perUser).toLocaleString("en-US")} more beside these ${CUSTOMERS} customers and ${USERS} users`);
});
