import { expect, test, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import { customerWithUsers, DOCUMENT_KEY, expectNoAxeViolations, fillHeadquarters, fillPrimarySettings, next, panel, seedStorage, user } from "./helpers";

// A phone 390 px wide: no page is wider than the screen, wide tables scroll in their
// own frame (with a cue), and the header stays short.
const FIXTURE = readFileSync(new URL("../../tests/fixtures/format-1.json", import.meta.url), "utf8");
const ACME = "0500ed5e-0500-4000-8000-000000000000";
const HANBIT = "0700ed5e-0700-4000-8000-000000000000";
const TEMPLATE = "0100ed5e-0100-4000-8000-000000000000";
const PAGES = [
  "/customers",
  "/templates",
  "/settings",
  `/customers/${ACME}`,
  `/customers/${HANBIT}`,
  `/templates/${TEMPLATE}`,
  "/templates/new",
  "/customers/new",
  `/customers/${HANBIT}/setup`,
  "/no-such-page",
];

test.use({ viewport: { width: 390, height: 844 } });

/** The page fits the screen's width; what sticks out is named in the failure. */
async function expectFits(page: Page, what: string) {
  const wider = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const out = [...document.querySelectorAll("body *")]
      .filter((el) => el.getBoundingClientRect().right > width + 1 && !el.closest(".table-scroll"))
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}`);
    return { scroll: document.documentElement.scrollWidth, width, out: out.slice(0, 5) };
  });
  expect(wider.scroll, `${what} is wider than the screen: ${wider.out.join(", ")}`).toBeLessThanOrEqual(wider.width);
}

for (const locale of ["en-US", "ko-KR"]) {
  test.describe(`${locale} on a phone`, () => {
    test.use({ locale });

    test("no page is wider than the screen, and the header is short", async ({ page }) => {
      await seedStorage(page, { [DOCUMENT_KEY]: FIXTURE });
      for (const path of PAGES) {
        await page.goto(path);
        await expect(page.locator("main h1")).toBeVisible();
        await expectFits(page, path);
      }
      const header = await page.locator("header.top-bar").boundingBox();
      expect(header!.height).toBeLessThan(80);
    });
  });
}

test("every wizard step fits a phone, and wide tables scroll in a frame that says so", async ({ page }) => {
  await seedStorage(page, { [DOCUMENT_KEY]: FIXTURE });
  // Create template: each step.
  await page.goto("/templates/new");
  await page.getByRole("radio", { name: "Webex for Wholesale" }).check();
  for (let step = 1; step <= 5; step++) {
    await expectFits(page, `template step ${step}`);
    if (step === 2) await fillPrimarySettings(page, { name: "Phone" });
    await next(page);
  }
  await expect(page.getByRole("heading", { name: "Summary", level: 2 })).toBeVisible();
  await expectFits(page, "template summary");

  // Create customer: each step.
  await page.goto("/customers/new");
  await page.getByLabel("Company name").fill("Pocket Dental");
  await page.getByLabel("Admin email").fill("it@pocket.example");
  await page.getByLabel("Template").selectOption({ index: 1 });
  await expectFits(page, "customer step 1");
  await next(page);
  await page.getByRole("checkbox", { name: "Webex Calling (Calling Basic)" }).check();
  await expectFits(page, "customer step 2");
  await next(page);
  await fillHeadquarters(page, "United States");
  await expectFits(page, "customer step 3");
  await next(page);
  await expectFits(page, "customer summary");

  // Set up a customer: locations, the users grid, the numbers grid, the review.
  await page.goto(`/customers/${HANBIT}/setup`);
  await page.getByRole("button", { name: "Add location" }).click();
  await expectFits(page, "setup locations");
  await page.getByRole("button", { name: "Remove new location 1" }).click();
  await next(page);
  await user(page, 1).getByLabel("First name").fill("서연");
  await user(page, 1).getByLabel("Last name").fill("이");
  await expectFits(page, "setup users");
  // The users grid is wider than the phone: it scrolls, says so, and is reachable by keyboard.
  await expect(page.getByText("Scroll sideways for more columns →")).toBeVisible();
  const grid = page.getByRole("region", { name: "Users", exact: true });
  await user(page, 1).getByLabel("Package").focus();
  expect(await grid.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
  await next(page);
  await expectFits(page, "setup numbers");
  await user(page, 1).getByLabel("Phone number").fill("02-1234-5678");
  await next(page);
  await expectFits(page, "setup review");

  // A customer's page: its users table scrolls, and each row's actions stay reachable.
  await page.goto(`/customers/${ACME}`);
  const remove = page.getByRole("button", { name: "Remove Grace Hopper" });
  await remove.focus();
  await expect(remove).toBeInViewport();
  await expectNoAxeViolations(page);
});

test("a provisioned customer's page fits a phone: requests on one line with their ids cut, the tracking id copyable, statuses and summaries in the app's language", async ({ page, context }) => {
  // A whole simulated run, then the page read again after a reload.
  test.setTimeout(60_000);
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await customerWithUsers(page);
  await panel(page).getByRole("button", { name: "Provision in Webex" }).click();
  await expect(panel(page).locator(".badge")).toHaveText("Provisioned", { timeout: 20_000 });
  // The customer's 90-character Webex id is cut to its ends, and copyable whole.
  await expect(panel(page).locator("#webex-customer-id")).toHaveText(/^Y2lzY2…\S{4}$/);
  await panel(page).locator("details.timeline summary").click();
  await expectFits(page, "the provisioned customer's page");

  // Each request on one line; a cut one shows its whole path on demand.
  const heights = await panel(page).locator("td.request > *").evaluateAll((cells) =>
    cells.map((c) => c.getBoundingClientRect().height / parseFloat(getComputedStyle(c).fontSize)),
  );
  expect(heights.length).toBeGreaterThan(5);
  expect(Math.max(...heights)).toBeLessThan(2.5); // two lines would be 3 or more
  const cut = panel(page).locator("button.request-path").filter({ hasText: /^GET \/wholesale\/customers\/Y2lzY2…/ }).first();
  await expect(cut).toHaveAttribute("aria-expanded", "false");
  await cut.evaluate((b) => b.setAttribute("data-probe", "1"));
  const probe = panel(page).locator("button[data-probe]");
  await probe.click();
  await expect(probe).toHaveAttribute("aria-expanded", "true");
  await expect(probe).toHaveText(/^GET \/wholesale\/customers\/Y2lzY29zcGFyazovL3Vz\S{40,}$/);

  const summaries = panel(page).locator("details.timeline tbody td:nth-child(4)");
  await expect(summaries.filter({ hasText: /^precheck passed$/ }).first()).toBeVisible();
  await expect(summaries.filter({ hasText: /^status: Provisioned$/ })).not.toHaveCount(0);

  await panel(page).getByRole("button", { name: "Copy tracking ID" }).first().click();
  await expect(page.getByRole("status").filter({ hasText: "Tracking ID copied." })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/^SIMULATED_\d+$/);
  await expectNoAxeViolations(page);

  await page.locator("#ui-language").selectOption("ko");
  const korean = page.getByRole("region", { name: "Webex 프로비저닝" });
  await expect(korean.locator("dl")).toContainText("Webex Calling (Calling Basic): 프로비저닝됨");
  await expect(korean.locator("dl")).not.toContainText("webex_calling");
  // The timeline's summaries too, read back from storage after a reload.
  await page.reload();
  await korean.locator("details.timeline summary").click();
  const koSummaries = korean.locator("details.timeline tbody td:nth-child(4)");
  await expect(koSummaries.filter({ hasText: /^사전 확인 통과$/ }).first()).toBeVisible();
  await expect(koSummaries.filter({ hasText: /^상태: 프로비저닝됨$/ })).not.toHaveCount(0);
  await expect(koSummaries.filter({ hasText: /precheck|status|listed|added/ })).toHaveCount(0);
  await expectFits(page, "the provisioned customer's page in Korean");
  await expectNoAxeViolations(page);
});
