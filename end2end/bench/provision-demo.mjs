// Benchmark (prints figures, asserts nothing): "Provision in Webex" in the demo (the
// built-in simulator, 150 ms a request, a customer provisioned after 4 s) for a customer
// with 50 users, release build, Chromium: from the click until the badge says
// "Provisioned", with every answer saved as it comes.
//
// Usage: node bench/provision-demo.mjs [dist-dir]   (from end2end/, after a release build)
import { armSnapshot, document, pct, restoreOnNextLoad, upgradedSnapshot, withBrowser } from "./fixtures.mjs";

const USERS = 50;
const RUNS = 3;
const PORT = 4192;
const dist = process.argv[2] ?? "../dist";

const doc = document(20);
const customer = doc.customers[0];
customer.users = Array.from({ length: USERS }, (_, i) => ({
  id: `00000000-0000-4000-8000-${String(900000 + i).padStart(12, "0")}`,
  first_name: i === 0 ? "Ada" : `First${i}`,
  last_name: i === 0 ? "Admin" : `Last${i}`,
  email: i === 0 ? customer.admin_email : `user${i}@bench-customer.example`,
  package: i % 5 === 4 ? "webex_meetings" : "webex_calling",
  location: customer.headquarters.id,
  ...(i % 5 === 4 ? {} : { extension: String(1000 + i) }),
  role: i === 0 ? "full_admin" : "user",
  created_at: 1_790_000_000_000,
}));
const origin = `http://127.0.0.1:${PORT}`;

await withBrowser(dist, PORT, async (browser) => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const snapshot = await upgradedSnapshot(page, origin, doc);
  const fresh = await armSnapshot(page, snapshot);
  const times = [];
  let requests = 0;
  for (let run = 0; run < RUNS; run++) {
    // The snapshot replaces localStorage whole: the simulated Webex (kept there) too.
    await restoreOnNextLoad(page, fresh);
    await page.goto(`${origin}/customers/${customer.id}`);
    const panel = page.getByRole("region", { name: "Webex provisioning" });
    await panel.getByRole("button", { name: "Provision in Webex" }).waitFor();
    const start = Date.now();
    await panel.getByRole("button", { name: "Provision in Webex" }).click();
    await panel.locator(".badge").getByText("Provisioned", { exact: true }).waitFor({ timeout: 120_000 });
    times.push(Date.now() - start);
    // The timeline draws its rows once it is open.
    await panel.locator("details.timeline summary").click();
    await panel.locator("details.timeline tbody tr").first().waitFor();
    requests = await panel.locator("details.timeline tbody tr").count();
  }
  console.log(`demo provisioning benchmark: 1 customer, ${USERS} users (4 at a time), ${requests} requests`);
  console.log(`  click -> "Provisioned": median ${pct(times, 0.5)} ms (runs: ${times.join(", ")} ms)`);
  console.log("  of which the simulated Webex takes about 5 s to provision the customer (polled at 2 s, then 3 s more)");
});
