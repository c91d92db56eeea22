import { expect, test } from "@playwright/test";
// The generated document the benchmarks use (schema 1), here with 120 customers.
import { DOCUMENT_KEY, document } from "../bench/fixtures.mjs";

test("a long customer list is paged 50 at a time, and a search starts at its first page", async ({ page }) => {
  const saved = JSON.stringify(document(120));
  await page.addInitScript(([key, raw]) => {
    if (!localStorage.getItem(key)) localStorage.setItem(key, raw);
  }, [DOCUMENT_KEY, saved]);
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
