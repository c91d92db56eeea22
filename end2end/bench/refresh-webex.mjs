// Benchmark (prints figures, asserts nothing), release build, Chromium, against the fake
// Webex (end2end/fake-webex.mjs, every request checked against Cisco's spec):
//  1. "Refresh from Webex" on the customers list with 5,000 provisioned customers and
//     50,000 subscribers (one customer in ten has a user waiting for consent): requests
//     sent, wall time, the longest main-thread task, what was written; then the same
//     refresh again, which finds nothing new and should write nothing; then a refresh
//     cancelled part-way and continued.
//  2. "Apply changes in Webex" for one customer with 1,000 pending user changes (each
//     user's extension): the same figures.
//
// Usage: node bench/refresh-webex.mjs [dist-dir]   (from end2end/, after a release build;
// BENCH_ONLY=apply runs the second part only)
import { spawn } from "node:child_process";
import { setTimeout as sleep } from "node:timers/promises";
import { armSnapshot, document, restoreOnNextLoad, upgradedSnapshot, withBrowser } from "./fixtures.mjs";

/**
 * The records the app keeps for `doc`, made by "Restore from backup" (the book as one
 * JSON document is larger than the storage quota; the app's records are deflated).
 */
async function restoredSnapshot(page, doc) {
  await page.goto(`${origin}/index.html`);
  await page.evaluate(() => localStorage.clear());
  await page.goto(`${origin}/settings`);
  const section = page.getByRole("region", { name: "Restore from backup" });
  await section.getByLabel("Backup file").setInputFiles({ name: "book.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(doc)) });
  await section.getByRole("button", { name: "Replace my data" }).click({ timeout: 120_000 });
  await page.getByRole("alertdialog").getByRole("button", { name: "Replace my data" }).click();
  await page.getByText("Backup restored.").waitFor({ timeout: 300_000 });
  return storage(page);
}

const CUSTOMERS = 5000;
const USERS = 10;
const CHANGED_USERS = 1000;
const PORT = 4193;
const FAKE_PORT = 4794;
const FAKE = `http://127.0.0.1:${FAKE_PORT}`;
const dist = process.argv[2] ?? "../dist";
const origin = `http://127.0.0.1:${PORT}`;

const uid = (i, u) => `00000000-0000-4000-9000-${String(i * 10_000 + u).padStart(12, "0")}`;

/** The saved document: every customer provisioned, its users taken by Webex. */
function book() {
  const doc = document(CUSTOMERS);
  const fake = { customers: [], locations: [], subscribers: [] };
  doc.customers.forEach((c, i) => {
    const hq = c.headquarters.id;
    c.users = Array.from({ length: USERS }, (_, u) => ({
      id: uid(i, u),
      first_name: `First${u}`,
      last_name: `Last${i}`,
      email: u === 0 ? c.admin_email : `u${u}@c${i}.example`,
      package: "webex_meetings",
      location: hq,
      role: u === 0 ? "full_admin" : "user",
      created_at: 1_790_000_000_000,
    }));
    const customerId = `C${i}`;
    const orgId = `O${i}`;
    c.provisioning = {
      prechecked: true,
      looked_up: true,
      create_sent: true,
      customer_id: customerId,
      org_id: orgId,
      status: "provisioned",
      packages: c.packages.map((p) => ({ package: p, status: "provisioned" })),
      locations_listed: true,
      locations: [[hq, `L${i}`]],
      users: c.users.map((u, n) => [u.id, { provisioned: { id: `S${i}x${n}`, status: "provisioned" } }]),
    };
    fake.customers.push({ id: customerId, orgId, externalId: c.id, packages: c.packages });
    fake.locations.push({ orgId, id: `L${i}`, name: "Headquarters" });
    c.users.forEach((u, n) =>
      fake.subscribers.push({
        id: `S${i}x${n}`,
        customerId,
        email: u.email,
        package: u.package,
        // One customer in ten has a user waiting for consent: Webex's news.
        status: i % 10 === 0 && n === 1 ? "pending_user_migration" : "provisioned",
      }),
    );
  });
  return { doc, fake };
}

/** One customer with CHANGED_USERS calling users whose extensions changed here. */
function changes() {
  const doc = document(1);
  const c = doc.customers[0];
  c.packages = ["webex_calling"];
  const hq = c.headquarters.id;
  const user = (u, extension) => ({
    id: uid(0, u),
    first_name: `First${u}`,
    last_name: "Last",
    email: u === 0 ? c.admin_email : `u${u}@changes.example`,
    package: "webex_calling",
    location: hq,
    extension: String(extension),
    role: u === 0 ? "full_admin" : "user",
    created_at: 1_790_000_000_000,
  });
  c.users = Array.from({ length: CHANGED_USERS }, (_, u) => user(u, 5000 + u));
  const before = Array.from({ length: CHANGED_USERS }, (_, u) => user(u, 1000 + u));
  c.provisioning = {
    prechecked: true,
    looked_up: true,
    create_sent: true,
    customer_id: "CHANGES",
    org_id: "OCHANGES",
    status: "provisioned",
    packages: [{ package: "webex_calling", status: "provisioned" }],
    locations_listed: true,
    locations: [[hq, "LCHANGES"]],
    calling: [hq],
    users: c.users.map((u, n) => [u.id, { provisioned: { id: `SC${n}`, status: "provisioned" } }]),
    // `changes::InWebex` as the record keeps it: each user, by id, as Webex has it.
    in_webex: JSON.stringify({ users: before.map((u) => [u.id, u]) }),
  };
  const fake = {
    customers: [{ id: "CHANGES", orgId: "OCHANGES", externalId: c.id, packages: ["webex_calling"] }],
    locations: [{ orgId: "OCHANGES", id: "LCHANGES", name: "Headquarters" }],
    subscribers: c.users.map((u, n) => ({ id: `SC${n}`, customerId: "CHANGES", email: u.email, package: "webex_calling", status: "provisioned" })),
  };
  return { doc, fake, id: c.id };
}

async function control(partner, action, body) {
  const r = await fetch(`${FAKE}/__control/${partner}/${action}`, { method: "POST", body: JSON.stringify(body) });
  if (!r.ok) throw new Error(`${action}: ${r.status}`);
}

async function requestsSent(partner) {
  const r = await fetch(`${FAKE}/__control/${partner}/log`);
  const log = await r.json();
  if (log.violations.length) console.log(`  spec violations: ${log.violations.length} (${JSON.stringify(log.violations[0]).slice(0, 200)})`);
  return log.requests.length;
}

/** Settings → "Webex connection": the fake, with this partner's token kept in the tab. */
async function connect(page, partner) {
  await page.goto(`${origin}/settings`);
  const section = page.getByRole("region", { name: "Webex connection" });
  await section.getByRole("radio", { name: "Webex API" }).check();
  await section.getByLabel("API base URL").fill(FAKE);
  await section.getByLabel("API base URL").blur();
  await section.getByLabel("Access token").fill(`${partner}.bench`);
  await section.getByRole("checkbox", { name: "Remember the token in this tab" }).check();
}

/** Starts recording long tasks in the page. */
const watchTasks = (page) =>
  page.evaluate(() => {
    window.__longest = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration);
    }).observe({ type: "longtask" });
  });

const storage = (page) => page.evaluate(() => Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)])));

function written(before, after) {
  const keys = Object.keys(after).filter((k) => before[k] !== after[k]);
  const chars = Object.values(after).reduce((n, v) => n + v.length, 0);
  return { keys: keys.length, chars };
}

async function measure(page, partner, label, act, done) {
  const requestsBefore = await requestsSent(partner);
  const before = await storage(page);
  await watchTasks(page);
  const start = Date.now();
  await act();
  await done.waitFor({ timeout: 600_000 });
  const ms = Date.now() - start;
  const longest = await page.evaluate(() => window.__longest);
  const after = await storage(page);
  const w = written(before, after);
  const requests = (await requestsSent(partner)) - requestsBefore;
  console.log(
    `${label}: ${requests} requests, ${(ms / 1000).toFixed(1)} s, longest task ${longest ? `${Math.round(longest)} ms` : "under 50 ms (none reported)"}, ` +
      `${w.keys} records changed, ${(w.chars / 1e6).toFixed(2)} M characters saved in all`,
  );
}

const fakeServer = spawn("node", ["fake-webex.mjs", String(FAKE_PORT)], { stdio: "ignore" });
await sleep(500);
try {
  await withBrowser(dist, PORT, async (browser) => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });

    // 1. Refresh from Webex, the whole book (BENCH_ONLY=apply skips it).
    if (process.env.BENCH_ONLY !== "apply") {
    const { doc, fake } = book();
    await control("book", "seed", fake);
    const snapshot = await restoredSnapshot(page, doc);
    console.log(`  the book saved: ${(Object.values(snapshot).reduce((n, v) => n + v.length, 0) / 1e6).toFixed(2)} M characters in ${Object.keys(snapshot).length} keys`);
    await restoreOnNextLoad(page, await armSnapshot(page, snapshot));
    await page.goto(`${origin}/customers`);
    await page.getByText(`Showing 1–50 of ${CUSTOMERS}`).waitFor({ timeout: 120_000 });
    await connect(page, "book");
    await page.getByRole("link", { name: "Customers", exact: true }).click();
    const refresh = page.getByRole("button", { name: "Refresh from Webex" });
    await refresh.waitFor();
    const finished = page.getByText(/^Refreshed from Webex: /);
    console.log(`Refresh from Webex: ${CUSTOMERS} customers, ${CUSTOMERS * USERS} subscribers in the fake Webex`);
    await measure(page, "book", "  first refresh", () => refresh.click(), finished);
    console.log(`    ${await finished.textContent()}`);
    await measure(page, "book", "  again, nothing new", () => refresh.click(), finished);
    console.log(`    ${await finished.textContent()}`);
    // Cancelled part-way, then continued.
    const requestsBefore = await requestsSent("book");
    await refresh.click();
    await page.getByText(/^Reading Webex: (1[0-9]{3}|[2-9][0-9]{3}) of/).waitFor({ timeout: 600_000 });
    await page.getByRole("button", { name: "Cancel" }).click();
    await page.getByText(/^Refresh cancelled/).waitFor();
    const cancelledAfter = (await requestsSent("book")) - requestsBefore;
    await measure(page, "book", `  cancelled after ${cancelledAfter} requests, then continued`, () => refresh.click(), finished);

    }

    // 2. Apply changes in Webex: 1,000 users' extensions.
    const changed = changes();
    await control("changes", "seed", changed.fake);
    const snapshot2 = await upgradedSnapshot(page, origin, changed.doc);
    await restoreOnNextLoad(page, await armSnapshot(page, snapshot2));
    await page.goto(`${origin}/customers`);
    await page.getByText("Showing 1–1 of 1").waitFor();
    await connect(page, "changes");
    await page.goto(`${origin}/customers/${changed.id}`);
    const section = page.getByRole("region", { name: "Changes not yet in Webex" });
    await section.getByRole("listitem").first().waitFor();
    const more = await section.getByRole("listitem").last().textContent();
    console.log(`Apply changes in Webex: ${CHANGED_USERS} pending user changes (the page lists 50, then "${more}")`);
    const gone = page.locator(".pending-changes");
    await measure(
      page,
      "changes",
      "  applied",
      () => section.getByRole("button", { name: "Apply changes in Webex" }).click(),
      { waitFor: (o) => gone.waitFor({ state: "detached", ...o }) },
    );
  });
} finally {
  fakeServer.kill();
}
