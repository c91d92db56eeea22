// Benchmark (prints figures, asserts nothing), release build, Chromium, against the fake
// Webex (end2end/fake-webex.mjs, answering at once, every request checked against
// Cisco's spec): "Check with Webex" of one customer not yet in Webex with 1,000 calling
// users, each with a number — requests sent, wall time, the longest main-thread task,
// and that nothing was written in Webex.
//
// Usage: node bench/check-webex.mjs [dist-dir]   (from end2end/, after a release build)
import { spawn } from "node:child_process";
import { setTimeout as sleep } from "node:timers/promises";
import { armSnapshot, document, restoreOnNextLoad, upgradedSnapshot, withBrowser } from "./fixtures.mjs";

const USERS = 1000;
const PORT = 4195;
const FAKE_PORT = 4796;
const FAKE = `http://127.0.0.1:${FAKE_PORT}`;
const PARTNER = "checkbench";
const dist = process.argv[2] ?? "../dist";
const origin = `http://127.0.0.1:${PORT}`;
/** A Partner Hub ID the fake's Partner Hub has issued (KNOWN_TEMPLATES in fake-webex.mjs). */
const LINKED_ID = "N2U1NzAwMDAtNWExZS00YjBiLTlkMDAtMDAwMDAwMDAwMDAx";
const PRECHECKS = ["/wholesale/customers/validate", "/wholesale/subscribers/validate", "/telephony/config/actions/validateNumbers/invoke"];

/** One calling customer of 1,000 users at its headquarters, its template linked to Partner Hub. */
function book() {
  const doc = document(1);
  doc.templates[0].settings.partner_hub_id = LINKED_ID;
  const c = doc.customers[0];
  c.template_id = doc.templates[0].id;
  c.packages = ["webex_calling"];
  c.headquarters.details.numbers = "partner_managed";
  const hq = c.headquarters.id;
  c.users = Array.from({ length: USERS }, (_, u) => ({
    id: `00000000-0000-4000-9000-${String(u).padStart(12, "0")}`,
    first_name: `First${u}`,
    last_name: "Last",
    email: u === 0 ? c.admin_email : `u${u}@check.example`,
    package: "webex_calling",
    location: hq,
    phone: `+1512555${String(u).padStart(4, "0")}`,
    extension: String(2000 + u),
    role: u === 0 ? "full_admin" : "user",
    created_at: 1_790_000_000_000,
  }));
  return { doc, id: c.id };
}

async function fakeLog() {
  return (await fetch(`${FAKE}/__control/${PARTNER}/log`)).json();
}

const fakeServer = spawn("node", ["fake-webex.mjs", String(FAKE_PORT)], { stdio: "ignore" });
await sleep(500);
try {
  await withBrowser(dist, PORT, async (browser) => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const { doc, id } = book();
    const snapshot = await upgradedSnapshot(page, origin, doc);
    await restoreOnNextLoad(page, await armSnapshot(page, snapshot));
    await page.goto(`${origin}/settings`);
    const section = page.getByRole("region", { name: "Webex connection" });
    await section.getByRole("radio", { name: "Webex API" }).check();
    await section.getByLabel("API base URL").fill(FAKE);
    await section.getByLabel("API base URL").blur();
    await section.getByLabel("Access token").fill(`${PARTNER}.bench`);
    await section.getByRole("checkbox", { name: "Remember the token in this tab" }).check();
    await page.goto(`${origin}/customers/${id}`);
    const panel = page.getByRole("region", { name: "Webex provisioning" });
    const button = panel.getByRole("button", { name: "Check with Webex" });
    await button.waitFor();
    const before = (await fakeLog()).requests.length;
    await page.evaluate(() => {
      window.__longest = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration);
      }).observe({ type: "longtask" });
    });
    const start = Date.now();
    await button.click();
    const report = panel.getByRole("region", { name: "Check with Webex" });
    await report.getByText(/^(Webex would take everything checked\.|What Webex would refuse)/).waitFor({ timeout: 600_000 });
    const ms = Date.now() - start;
    const longest = await page.evaluate(() => window.__longest);
    const log = await fakeLog();
    const sent = log.requests.slice(before);
    const writes = sent.filter((r) => r.method !== "GET" && !PRECHECKS.includes(r.path.split("?")[0]));
    console.log(`Check with Webex: one customer, ${USERS} calling users with numbers, the fake answering at once`);
    console.log(
      `  ${sent.length} requests, ${(ms / 1000).toFixed(1)} s, longest task ${longest ? `${Math.round(longest)} ms` : "under 50 ms (none reported)"}, ` +
        `${writes.length} writes, ${log.violations.length} spec violations`,
    );
    console.log(`  ${(await report.locator("p").nth(1).textContent()).trim()}`);
  });
} finally {
  fakeServer.kill();
}
