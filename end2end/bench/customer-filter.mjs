// Benchmark (prints figures, asserts nothing): filtering 5,000 customers on a keystroke,
// release build, Chromium. For every keystroke typed into "Search customers" it measures
// the time from the input event until all its work is done and the DOM updated, and
// until style and layout are done too (forced then, rather than waiting for a frame).
//
// Usage: node bench/customer-filter.mjs [dist-dir]   (from end2end/, after a release build)
import { chromium } from "playwright-core";
import { spawn } from "node:child_process";
import { setTimeout as sleep } from "node:timers/promises";

const CUSTOMERS = 5000;
const PORT = 4190;
const dist = process.argv[2] ?? "../dist";

function uuid(n, salt) {
  const hex = (salt * 1_000_003 + n).toString(16).padStart(12, "0").slice(-12);
  return `${hex.slice(0, 8)}-0000-4000-8000-${hex}`;
}

/** A saved document (schema 1) with 10 templates and `count` customers. */
function document(count) {
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
  return JSON.stringify({ version: 1, partner, templates, customers });
}

const server = spawn("node", ["serve.mjs", dist, String(PORT)], { stdio: "ignore" });
await sleep(500);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--disable-quic"],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const saved = document(CUSTOMERS);
  await page.addInitScript((raw) => localStorage.setItem("wholesale-partner-hub:document", raw), saved);
  const loadStart = Date.now();
  await page.goto(`http://127.0.0.1:${PORT}/customers`);
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

  const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length - 1) * p))];
  const dom = samples.map((s) => s.script);
  const layout = samples.map((s) => s.layout);
  console.log(`customer filter benchmark: ${CUSTOMERS} customers, ${samples.length} keystrokes, document ${(saved.length / 1e6).toFixed(2)} M chars`);
  console.log(`  first load of /customers (parse + first page): ${loadMs} ms`);
  console.log(`  keystroke -> script done, DOM updated: median ${pct(dom, 0.5).toFixed(1)} ms, p95 ${pct(dom, 0.95).toFixed(1)} ms, max ${Math.max(...dom).toFixed(1)} ms`);
  console.log(`  keystroke -> and style + layout:       median ${pct(layout, 0.5).toFixed(1)} ms, p95 ${pct(layout, 0.95).toFixed(1)} ms, max ${Math.max(...layout).toFixed(1)} ms`);
  console.log(`  target: under 16 ms per keystroke (one frame at 60 Hz)`);
  for (const s of samples.filter((_, i) => i % 6 === 0)) console.log(`    "${s.value}": ${s.shown}, ${s.layout.toFixed(1)} ms`);
} finally {
  await browser.close();
  server.kill();
}
