import { expect, test, type Page } from "@playwright/test";
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

/**
 * The table cells whose words break across lines, as "cell text: word". Only words of
 * letters: a string with no place to wrap (an e-mail, an id) may wrap anywhere.
 */
async function wordsBrokenInCells(page: Page) {
  return page.evaluate(() => {
    const broken: string[] = [];
    for (const cell of document.querySelectorAll("table th, table td")) {
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? "";
        for (const match of text.matchAll(/\p{L}+/gu)) {
          const range = document.createRange();
          range.setStart(node, match.index!);
          range.setEnd(node, match.index! + match[0].length);
          const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
          if (lines.size > 1) broken.push(`${(cell.textContent ?? "").trim().slice(0, 40)}: ${match[0]}`);
        }
      }
    }
    return broken;
  });
}

test("at 1440 px no header or cell breaks inside a word (the list and a customer's page)", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto("/customers");
  await page.getByRole("button", { name: "Load demo data" }).click();
  await expect(page.getByRole("table").getByRole("rowheader")).toHaveCount(30);
  expect(await wordsBrokenInCells(page)).toEqual([]);
  await page.getByRole("link", { name: "Delta Partners" }).click();
  await expect(page.getByRole("region", { name: "Users" }).getByRole("rowheader")).toHaveCount(5);
  expect(await wordsBrokenInCells(page)).toEqual([]);
});
