import { expect, test } from "@playwright/test";
import { createCustomer, createTemplate, navigateTo } from "./helpers";

test.beforeEach(async ({ page }) => {
  await createTemplate(page, { name: "Gold" });
  await createTemplate(page, { name: "Silver" });
  await createCustomer(page, { company: "Acme Dental", email: "it@acme-dental.example", template: "Gold" });
  await createCustomer(page, { company: "Birch Logistics", email: "admin@birch.example", template: "Silver" });
  await createCustomer(page, {
    company: "Hanbit Clinic",
    email: "ops@hanbit.example",
    template: "Silver",
    country: "South Korea",
  });
  await navigateTo(page, "Customers");
});

test("search filters by company, admin email and template as you type", async ({ page }) => {
  const search = page.getByRole("searchbox", { name: "Search customers" });
  const companies = page.getByRole("row").locator("th[scope=row]");
  await expect(companies).toHaveText(["Acme Dental", "Birch Logistics", "Hanbit Clinic"]);
  await search.fill("birch");
  await expect(companies).toHaveText(["Birch Logistics"]);
  await search.fill("hanbit.example");
  await expect(companies).toHaveText(["Hanbit Clinic"]);
  await search.fill("silver");
  await expect(companies).toHaveText(["Birch Logistics", "Hanbit Clinic"]);
  // The headquarters' country, as the row shows it, and its city.
  await search.fill("korea");
  await expect(companies).toHaveText(["Hanbit Clinic"]);
  await page.locator("#ui-language").selectOption("ko");
  await page.getByRole("searchbox").fill("대한민국");
  await expect(companies).toHaveText(["Hanbit Clinic"]);
  await page.locator("#ui-language").selectOption("en");
  await search.fill("nobody");
  await expect(companies).toHaveCount(0);
  await expect(page.getByText("No customers match the search “nobody”.")).toBeVisible();
});

test("a template the address names that does not exist is dropped, not a filter that hides every row", async ({ page }) => {
  await page.goto("/customers?template=zzz");
  await expect(page.getByRole("row").locator("th[scope=row]")).toHaveCount(3);
  await expect(page.getByLabel("Template", { exact: true })).toHaveValue("");
  await expect(page.getByText(/No customers match/)).toHaveCount(0);
});

test("filters by template and by region beside the search, together", async ({ page }) => {
  const companies = page.getByRole("row").locator("th[scope=row]");
  await page.getByLabel("Template", { exact: true }).selectOption({ label: "Silver" });
  await expect(companies).toHaveText(["Birch Logistics", "Hanbit Clinic"]);
  await page.getByLabel("Region", { exact: true }).selectOption({ label: "Asia Pacific" });
  await expect(companies).toHaveText(["Hanbit Clinic"]);
  await page.getByRole("searchbox", { name: "Search customers" }).fill("birch");
  await expect(companies).toHaveCount(0);
  await page.getByLabel("Region", { exact: true }).selectOption({ label: "All regions" });
  await expect(companies).toHaveText(["Birch Logistics"]);
  await page.getByRole("searchbox", { name: "Search customers" }).fill("");
  await page.getByLabel("Template", { exact: true }).selectOption({ label: "All templates" });
  await expect(companies).toHaveCount(3);
});

test("columns sort both ways and rows open the customer", async ({ page }) => {
  const companies = page.getByRole("row").locator("th[scope=row]");
  await page.getByRole("button", { name: "Company" }).click();
  await expect(page.getByRole("columnheader", { name: "Company" })).toHaveAttribute("aria-sort", "descending");
  await expect(companies).toHaveText(["Hanbit Clinic", "Birch Logistics", "Acme Dental"]);
  await page.getByRole("button", { name: "Headquarters" }).click();
  await expect(companies.first()).toHaveText("Hanbit Clinic"); // South Korea < United States
  await page.getByRole("button", { name: "Data region" }).click();
  await expect(companies.last()).toHaveText("Hanbit Clinic"); // North America before Asia Pacific
  const row = page.getByRole("row", { name: /Hanbit Clinic/ });
  await expect(row).toContainText("Silver");
  await expect(row).toContainText("Asia Pacific");
  await expect(row).toContainText("Not set up");
  await page.getByRole("link", { name: "Hanbit Clinic" }).click();
  await expect(page.getByRole("heading", { name: "Hanbit Clinic", level: 1 })).toBeVisible();
});

test("templates count their customers and cannot be deleted while used", async ({ page }) => {
  await navigateTo(page, "Templates");
  await expect(page.getByRole("row", { name: /Silver/ }).getByRole("cell").nth(3)).toHaveText("2");
  await page.getByRole("link", { name: "Gold" }).click();
  await expect(page.getByText("1 customer was created from this template.")).toBeVisible();
  await page.getByRole("button", { name: "Delete" }).click();
  await expect(page.getByRole("alert")).toHaveText(
    "This template can't be deleted: 1 customer was created from it. Delete that customer first.",
  );

  // Once the customer is deleted (after confirming), the template can go.
  await page.getByRole("link", { name: "Customers" }).first().click();
  await page.getByRole("link", { name: "Acme Dental" }).click();
  await page.getByRole("button", { name: "Delete customer" }).click();
  await page.getByRole("alertdialog", { name: "Delete customer “Acme Dental”?" }).getByRole("button", { name: "Delete customer" }).click();
  await expect(page).toHaveURL(/\/customers$/);
  await expect(page.getByRole("link", { name: "Acme Dental" })).toHaveCount(0);
  await navigateTo(page, "Templates");
  await expect(page.getByRole("row", { name: /Gold/ }).getByRole("cell").nth(3)).toHaveText("0");
});
