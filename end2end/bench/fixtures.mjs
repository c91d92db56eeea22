// Saved documents and a browser for the benchmarks (generated, not recorded).
import { chromium } from "playwright-core";
import { spawn } from "node:child_process";
import { setTimeout as sleep } from "node:timers/promises";

export const DOCUMENT_KEY = "wholesale-partner-hub:document";

export function uuid(n, salt) {
  const hex = (salt * 1_000_003 + n).toString(16).padStart(12, "0").slice(-12);
  return `${hex.slice(0, 8)}-0000-4000-8000-${hex}`;
}

/** A saved document (schema 1) with 10 templates and `count` customers. */
export function document(count) {
  const admin = "00000000-0000-0000-0000-0000000000a1";
  const subscription = "00000000-0000-0000-0000-000000000051";
  const templates = Array.from({ length: 10 }, (_, i) => ({
    id: uuid(i, 1),
    provisioning_id: uuid(i, 2),
    settings: {
      name: `Template ${["Gold", "Silver", "Bronze", "Enterprise", "SMB"][i % 5]} ${i}`,
      country: "US",
      admin,
      email_language: "en_US",
      subscription,
      auth: "Webex",
      pstn_vendor: null,
      restrict_admin_invites: false,
      brand_name: "Northwind",
      disable_webex_calling: false,
    },
    created_at: 1_790_000_000_000,
    updated_at: 1_790_000_000_000,
  }));
  const words = ["Acme", "Birch", "Cedar", "Delta", "Everest", "Falcon", "Granite", "Harbor", "Iris", "Juniper"];
  const kinds = ["Dental", "Logistics", "Clinic", "Partners", "Bakery", "Motors", "Studio", "Labs"];
  const customers = Array.from({ length: count }, (_, i) => ({
    id: uuid(i, 3),
    company_name: `${words[i % 10]} ${kinds[(i * 7) % 8]} ${i}`,
    admin_email: `admin${i}@${words[(i * 3) % 10].toLowerCase()}-${i}.example`,
    template_id: templates[i % 10].id,
    packages: ["webex_calling", "webex_meetings"],
    headquarters: {
      id: uuid(i, 4),
      details: {
        name: "Headquarters",
        address: { line1: `${i} Main St`, line2: null, city: "Austin", state: "TX", postal_code: "78701", country: "US" },
        time_zone: "America/Chicago",
        language: "en_US",
      },
    },
    region: "NorthAmerica",
    created_at: 1_790_000_000_000 + i * 60_000,
  }));
  const partner = {
    name: "Northwind Telecom",
    admins: [{ id: admin, name: "Dana Whitfield", email: "dana.whitfield@northwind-telecom.example" }],
    subscriptions: [{ id: subscription, name: "Sub100448 – Webex for Wholesale (North America)" }],
    regions: ["NorthAmerica", "Europe", "AsiaPacific"],
  };
  return { version: 1, partner, templates, customers };
}

/**
 * The `n`th row (from 0) of a setup draft's users for `customer`: the admin first, then
 * `First<n> Last<n>`, at the headquarters; `extra(i)` sets the rest (package, numbers).
 */
export function draftUser(customer, i, extra = () => ({})) {
  return {
    key: i + 1,
    customer_admin: i === 0,
    first_name: i === 0 ? "Ada" : `First${i}`,
    last_name: i === 0 ? "Admin" : `Last${i}`,
    email: i === 0 ? customer.admin_email : `user${i}@bench-customer.example`,
    package: "webex_calling",
    location: customer.headquarters.id,
    phone: "",
    extension: "",
    role: i === 0 ? "full_admin" : "user",
    ...extra(i),
  };
}

/** Serves `dist` on `port` and opens Chromium; `run(browser)` gets the browser. */
export async function withBrowser(dist, port, run) {
  const server = spawn("node", ["serve.mjs", dist, String(port)], { stdio: "ignore" });
  await sleep(500);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
      "--disable-sync", "--no-first-run", "--disable-quic"],
  });
  try {
    await run(browser);
  } finally {
    await browser.close();
    server.kill();
  }
}

/**
 * Runs in the page: fills localStorage under "filler" with the longest value that fits,
 * less `spare` characters, and answers that value's length.
 */
export function fillStorageInPage(spare) {
  let low = 0;
  let high = 64 * 1024 * 1024;
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    try {
      localStorage.setItem("filler", "x".repeat(mid));
      low = mid;
    } catch {
      high = mid;
    }
  }
  const length = Math.max(0, low - spare);
  localStorage.setItem("filler", "x".repeat(length));
  return length;
}

/** The value at percentile `p` (0..1) of `xs`. */
export const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length - 1) * p))];

/**
 * Opens the app once with `doc` saved in format 1 (which it upgrades to its own
 * records), and answers every key it then keeps: a snapshot to restore before each run.
 */
export async function upgradedSnapshot(page, origin, doc, extra = {}) {
  await page.goto(`${origin}/index.html`);
  await page.evaluate(([key, raw, extra]) => {
    localStorage.clear();
    localStorage.setItem(key, raw);
    for (const [k, v] of Object.entries(extra)) localStorage.setItem(k, v);
  }, [DOCUMENT_KEY, JSON.stringify(doc), extra]);
  await page.goto(`${origin}/customers`);
  await page.getByRole("heading", { name: "Customers", level: 1 }).waitFor();
  return page.evaluate(() => Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)])));
}

let armed = 0;

/**
 * Makes `snapshot` restorable: after `restoreOnNextLoad(page, id)`, the next page load
 * puts it back as all of localStorage before the app starts. (Written from the page
 * before, thousands of writes would reach the new page as other-tab events.)
 */
export async function armSnapshot(page, snapshot) {
  const id = `snapshot-${++armed}`;
  await page.addInitScript(([id, snapshot]) => {
    if (sessionStorage.getItem("restore-snapshot") !== id) return;
    sessionStorage.removeItem("restore-snapshot");
    localStorage.clear();
    for (const [k, v] of Object.entries(snapshot)) localStorage.setItem(k, v);
  }, [id, snapshot]);
  return id;
}

export async function restoreOnNextLoad(page, id) {
  await page.evaluate((id) => sessionStorage.setItem("restore-snapshot", id), id);
}

/** Characters in localStorage, keys and values, as the quota counts them. */
export async function storageUsed(page) {
  return page.evaluate(() => Object.keys(localStorage).reduce((n, k) => n + k.length + localStorage.getItem(k).length, 0));
}
