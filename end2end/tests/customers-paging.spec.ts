import { expect, test } from "@playwright/test";
// The generated document the benchmarks use (schema 1), here with 120 customers.
import { DOCUMENT_KEY, document } from "../bench/fixtures.mjs";
import { expectNoAxeViolations } from "./helpers";
import type { Page } from "@playwright/test";

/** 120 generated customers saved before the app first opens (and kept across reloads). */
async function seed120(page: Page) {
  const saved = JSON.stringify(document(120));
  await page.addInitScript(([key, raw]) => {
    if (!localStorage.getItem(key)) localStorage.setItem(key, raw);
  }, [DOCUMENT_KEY, saved]);
}

test("a long customer list is paged 50 at a time, and a search starts at its first page", async ({ page }) => {
  await seed120(page);
  await page.goto("/customers");
  const pager = page.getByRole("navigation", { name: "Pages" });
  const rows = page.getByRole("row").locator("th[scope=row]");
  await expect(pager.getByRole("status")).toHaveText("Showing 1–50 of 120");
  await expect(rows).toHaveCount(50);
  await expect(pager.getByRole("button", { name: "Previous page" })).toBeDisabled();
  await pager.getByRole("button", { name: "Next page" }).click();
  await pager.getByRole("button", { name: "Next page" }).click();
  await expect(pager.getByRole("status")).toHaveText("Showing 101–120 of 120");
  await expect(rows).toHaveCount(20);
  await expect(pager.getByRole("button", { name: "Next page" })).toBeDisabled();
  await page.getByRole("searchbox", { name: "Search customers" }).fill("acme");
  await expect(pager.getByRole("status")).toHaveText("Showing 1–12 of 12");
});

test("search, filters, order and page stay in the address: Back, a reload and a shared link show the same list", async ({ page, context }) => {
  await seed120(page);
  await page.goto("/customers");
  const pager = page.getByRole("navigation", { name: "Pages" });
  const rows = page.getByRole("row").locator("th[scope=row]");
  await page.getByRole("searchbox", { name: "Search customers" }).fill("acme");
  await page.getByLabel("Template", { exact: true }).selectOption({ label: "Template Gold 0" });
  await page.getByRole("button", { name: "Users" }).click();
  await page.getByRole("button", { name: "Users" }).click();
  await expect(page).toHaveURL(/\/customers\?q=acme&template=[0-9a-f-]+&sort=-users$/);
  await page.getByRole("searchbox", { name: "Search customers" }).fill("");
  await page.getByLabel("Template", { exact: true }).selectOption({ label: "All templates" });
  await pager.getByRole("button", { name: "Next page" }).click();
  await expect(page).toHaveURL(/\/customers\?sort=-users&page=2$/);
  const secondPage = await rows.allTextContents();

  // Into a customer and Back: the same page of the same list.
  await rows.first().getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1, name: secondPage[0] })).toBeVisible();
  await page.goBack();
  await expect(pager.getByRole("status")).toHaveText("Showing 51–100 of 120");
  await expect(rows).toHaveText(secondPage);
  await expect(page.getByRole("columnheader", { name: "Users" })).toHaveAttribute("aria-sort", "descending");

  // A reload, and the address shared with another tab.
  await page.reload();
  await expect(rows).toHaveText(secondPage);
  const other = await context.newPage();
  await other.goto(`/customers?q=birch&region=na&status=not-provisioned`);
  await expect(other.getByRole("searchbox", { name: "Search customers" })).toHaveValue("birch");
  await expect(other.getByLabel("Region", { exact: true })).toHaveValue("na");
  await expect(other.getByLabel("Status", { exact: true })).toHaveValue("not-provisioned");
  await expect(other.getByRole("navigation", { name: "Pages" }).getByRole("status")).toHaveText("Showing 1–24 of 24");
  await expect(other.locator("tbody tr")).toHaveCount(24);
  await expect(other.locator("tbody tr").filter({ hasNotText: /birch/i })).toHaveCount(0);
});

test("a filter that matches nothing names the active filters and offers to clear them", async ({ page }) => {
  await seed120(page);
  await page.goto("/customers?q=acme&status=error");
  const rows = page.getByRole("row").locator("th[scope=row]");
  await expect(rows).toHaveCount(0);
  await expect(page.getByText("No customers match the search “acme”, Status: Error.")).toBeVisible();
  // Nothing to page through: no "Showing 0–0 of 0".
  await expect(page.getByRole("navigation", { name: "Pages" })).toBeHidden();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Clear filters" }).click();
  await expect(rows).toHaveCount(50);
  await expect(page.getByRole("searchbox", { name: "Search customers" })).toHaveValue("");
  await expect(page).toHaveURL(/\/customers$/);

  // A link to a template that has gone since: the filter is dropped, as the select
  // (which cannot show it) says.
  await page.goto("/customers?template=0000dead-0000-4000-8000-000000000000");
  await expect(rows).toHaveCount(50);
  await expect(page.getByLabel("Template", { exact: true })).toHaveValue("");

  await page.locator("#ui-language").selectOption("ko");
  await page.getByLabel("지역", { exact: true }).selectOption({ label: "아시아 태평양" });
  await page.getByRole("searchbox", { name: "고객 검색" }).fill("acme");
  await expect(page.getByText("검색어 “acme”, 지역: 아시아 태평양 조건에 맞는 고객이 없습니다.")).toBeVisible();
  await expect(page.getByRole("button", { name: "필터 지우기" })).toBeVisible();
});

test("a filter, order or page chosen is a history entry: Back and Forward step through them, typing does not", async ({ page }) => {
  await seed120(page);
  await page.goto("/customers");
  const search = page.getByRole("searchbox", { name: "Search customers" });
  const region = page.getByLabel("Region", { exact: true });
  const users = page.getByRole("columnheader", { name: "Users" });
  for (const typed of ["a", "ac", "acme"]) await search.fill(typed);
  await expect(page).toHaveURL(/\/customers\?q=acme$/);
  await region.selectOption("na");
  await expect(page).toHaveURL(/\/customers\?q=acme&region=na$/);
  await users.getByRole("button", { name: "Users" }).click();
  await expect(page).toHaveURL(/\/customers\?q=acme&region=na&sort=users$/);

  await page.goBack();
  await expect(page).toHaveURL(/\/customers\?q=acme&region=na$/);
  await expect(users).not.toHaveAttribute("aria-sort", "ascending");
  await expect(region).toHaveValue("na");
  await page.goBack();
  await expect(page).toHaveURL(/\/customers\?q=acme$/);
  await expect(region).toHaveValue("");
  await expect(search).toHaveValue("acme");
  await page.goForward();
  await expect(region).toHaveValue("na");
  await expect(page.locator("tbody tr").filter({ hasNotText: /acme/i })).toHaveCount(0);
  // The choice stays shown when its words change.
  await page.locator("#ui-language").selectOption("ko");
  await expect(page.locator("#region-filter")).toHaveValue("na");
});
