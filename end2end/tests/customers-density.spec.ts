import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./helpers";

test("a dense list: one line a customer, filters on one line from 1280 px, '+N' opens the other packages, the status beside the company on a phone", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto("/customers");
  await page.getByRole("button", { name: "Load demo data" }).click();
  await expect(page.getByRole("table").getByRole("rowheader")).toHaveCount(30);
  const middles = await page.locator(".list-tools").locator("input, select").evaluateAll((all) =>
    all.map((e) => { const r = e.getBoundingClientRect(); return r.top + r.height / 2; }),
  );
  expect(Math.max(...middles) - Math.min(...middles)).toBeLessThan(4);
  const aboveFold = await page.locator("tbody tr").evaluateAll((rows) => rows.filter((r) => r.getBoundingClientRect().bottom <= window.innerHeight).length);
  expect(aboveFold).toBeGreaterThanOrEqual(10);
  // No column hidden to the right at 1440 px.
  await page.setViewportSize({ width: 1440, height: 900 });
  expect(await page.locator("table.customers").evaluate((t) => t.scrollWidth <= t.parentElement!.clientWidth + 1)).toBe(true);

  // The main package, then "+2": opened from the keyboard it lists the others.
  const aurora = page.getByRole("row", { name: /Aurora Retail/ });
  await expect(aurora.locator("td.packages")).toContainText("Webex Calling (Calling Basic)");
  const more = aurora.getByText("+2");
  await more.focus();
  await page.keyboard.press("Enter");
  await expect(aurora.locator("details.more")).toHaveAttribute("open", "");
  await expect(aurora.locator("details.more")).toContainText("Webex Meetings, Common Area Calling");
  await expectNoAxeViolations(page);

  await page.setViewportSize({ width: 390, height: 844 });
  const row = page.getByRole("row", { name: /Beacon Realty/ });
  const company = await row.getByRole("rowheader").boundingBox();
  const badge = await row.locator(".badge").first().boundingBox();
  expect(badge!.x + badge!.width).toBeLessThanOrEqual(390);
  expect(Math.abs(badge!.y - company!.y)).toBeLessThan(20);
});
