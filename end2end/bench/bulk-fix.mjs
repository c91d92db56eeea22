// Benchmark (prints figures, asserts nothing): fixing many rows, release build, Chromium.
// 1. 200 users pasted from a spreadsheet, 6 of them bad: from the click on "Add pasted
//    users" until the first bad row's first cell has focus, and the clicks it takes.
// 2. "Assign numbers" for 1,000 calling users without numbers (the setup resumed at its
//    numbers step): from the click until every number is in the table's draft.
//
// Usage: node bench/bulk-fix.mjs [dist-dir]   (from end2end/, after a release build)
import { document, draftUser, upgradedSnapshot, withBrowser } from "./fixtures.mjs";

const PORT = 4196;
const USERS = 1000;
const dist = process.argv[2] ?? "../dist";
const origin = `http://127.0.0.1:${PORT}`;

const doc = document(1);
const customer = doc.customers[0];
const draftKey = `wholesale-partner-hub:draft:setup:${customer.id}`;
const users = Array.from({ length: USERS }, (_, i) => draftUser(customer, i));
const atNumbers = JSON.stringify({ step: "PhoneNumbers", draft: { customer: customer.id, next_key: USERS, locations: [], users } });

await withBrowser(dist, PORT, async (browser) => {
  // 1. The paste.
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await upgradedSnapshot(page, origin, doc);
  await page.goto(`${origin}/customers/${customer.id}/setup`);
  await page.getByRole("button", { name: "Next", exact: true }).click();
  await page.getByRole("heading", { name: "Users", level: 2 }).waitFor();
  await page.locator("#first-name-1").fill("Ada");
  await page.locator("#last-name-1").fill("Admin");
  const bad = new Set([20, 59, 101, 150, 177, 191]);
  const lines = Array.from({ length: 200 }, (_, i) => `Person${i + 1}\tLast\t${bad.has(i + 1) ? `broken-${i + 1}` : `p${i + 1}@bench.example`}`);
  await page.getByLabel("Paste users").fill(lines.join("\n"));
  let clicks = 0;
  const start = Date.now();
  await page.getByRole("button", { name: "Add pasted users" }).click();
  clicks++;
  await page.getByText("Added 200 users. 6 need a fix.").waitFor();
  const told = Date.now() - start;
  await page.getByRole("button", { name: "Show only those" }).click();
  clicks++;
  await page.waitForFunction(() => document.activeElement?.id?.startsWith("first-name-") && document.activeElement.closest("tr")?.textContent.includes("21"));
  const focused = Date.now() - start;
  console.log(`paste of 200 users, 6 bad: told "6 need a fix" after ${told} ms; first bad row focused after ${focused} ms and ${clicks} clicks`);
  await page.close();

  // 2. Assign numbers for 1,000 users.
  const numbers = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await upgradedSnapshot(numbers, origin, doc, { [draftKey]: atNumbers });
  await numbers.goto(`${origin}/customers/${customer.id}/setup`);
  await numbers.getByRole("heading", { name: "Phone numbers", level: 2 }).waitFor();
  await numbers.getByText(`Numbers for many users: ${USERS} calling users have none`).click();
  await numbers.getByLabel("First number").fill("+1 512 555 0000");
  const assignStart = Date.now();
  await numbers.getByRole("button", { name: `Assign numbers to ${USERS} users` }).click();
  await numbers.getByText(`Assigned ${USERS} numbers and ${USERS} extensions.`).waitFor();
  const assignMs = Date.now() - assignStart;
  const last = await numbers.evaluate(() => document.getElementById("phone-number-1")?.value);
  console.log(`"Assign numbers" for ${USERS} users: ${assignMs} ms (first user's number: ${last})`);
});
