import { expect, test } from "@playwright/test";
import { createTemplate, expectNoAxeViolations, next } from "./helpers";

test("with no template yet, Customers leads to creating one: one primary action, also on Create customer", async ({ page }) => {
  await page.goto("/customers");
  await expect(page.getByRole("heading", { name: "No customers yet" })).toBeVisible();
  await expect(page.getByText("Customers are created from an onboarding template. Create a template first.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Create customer" })).toHaveCount(0);
  await expect(page.locator("main .button.primary")).toHaveText(["Create template"]);

  // The wizard's address, bookmarked, explains the same.
  await page.goto("/customers/new");
  await expect(page.getByRole("heading", { name: "First, an onboarding template", level: 2 })).toBeVisible();
  await expect(page.getByLabel("Company name")).toHaveCount(0);
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "Create template" }).click();
  await expect(page).toHaveURL(/\/templates\/new$/);
});

test("a template's page creates a customer from it: the template chosen, the headquarters in its country", async ({ page }) => {
  await createTemplate(page, { name: "Gold" });
  await createTemplate(page, { name: "Seoul Gold", country: "South Korea" });
  await page.getByRole("link", { name: "Create customer from this template" }).click();
  await expect(page.getByRole("heading", { name: "Create customer", level: 1 })).toBeVisible();
  await expect(page.getByLabel("Template")).toHaveValue(/[0-9a-f-]{36}/);
  await expect(page.getByLabel("Template").locator("option:checked")).toHaveText("Seoul Gold");
  await page.getByLabel("Company name").fill("Hanbit Clinic");
  await page.getByLabel("Admin email").fill("it@hanbit.example");
  await next(page);
  await page.getByRole("checkbox", { name: "Webex Meetings" }).check();
  await next(page);
  await expect(page.getByLabel("Country", { exact: true }).locator("option:checked")).toHaveText("South Korea");
  await expect(page.getByLabel("Time zone")).toHaveValue("Asia/Seoul");

  // Another template, chosen before any address is typed, moves the country along.
  await page.getByRole("button", { name: "Back" }).click();
  await page.getByRole("button", { name: "Back" }).click();
  await page.getByLabel("Template").selectOption({ label: "Gold" });
  await next(page);
  await next(page);
  await expect(page.getByLabel("Country", { exact: true }).locator("option:checked")).toHaveText("United States");

  // Time zones west to east with their offsets; a Texas address is on Chicago's time.
  const zones = page.getByLabel("Time zone");
  await expect(zones.locator("option").nth(1)).toHaveText("(UTC−10:00) Hawaii Time — Honolulu"); // after "Choose…"
  await page.getByLabel("State or province").selectOption({ label: "Texas" });
  await expect(zones).toHaveValue("America/Chicago");
  await expect(zones.locator("option:checked")).toHaveText("(UTC−06:00) Central Time — Chicago");
  await page.getByLabel("State or province").selectOption({ label: "Washington" });
  await expect(zones).toHaveValue("America/Los_Angeles");
});

test("after Duplicate, the copy's page does not show the original's refusal to delete", async ({ page }) => {
  await createTemplate(page, { name: "Gold" });
  await page.getByRole("link", { name: "Create customer from this template" }).click();
  await page.getByLabel("Company name").fill("Acme Dental");
  await page.getByLabel("Admin email").fill("it@acme.example");
  await next(page);
  await page.getByRole("checkbox", { name: "Webex Meetings" }).check();
  await next(page);
  await page.getByLabel("Location name").fill("Headquarters");
  await page.getByLabel("Address line 1").fill("500 Congress Ave");
  await page.getByLabel("City").fill("Austin");
  await page.getByLabel("State or province").selectOption({ label: "Texas" });
  await page.getByLabel("ZIP or postal code").fill("78701");
  await page.getByRole("checkbox", { name: "This customer is in a Cisco Webex supported location" }).check();
  await next(page);
  // Finished steps are checked in the step list.
  const steps = page.getByRole("list", { name: "Progress" }).getByRole("listitem");
  await expect(steps.nth(0)).toContainText("✓");
  await expect(steps.nth(0)).toContainText("Customer information (done)");
  await expect(steps.nth(3)).toContainText("4");
  await page.getByRole("button", { name: "Create customer" }).click();
  // The new customer's page starts at its heading.
  await expect(page.getByRole("heading", { name: "Acme Dental", level: 1 })).toBeFocused();

  await page.goto("/templates");
  await page.getByRole("link", { name: "Gold" }).click();
  await page.getByRole("button", { name: "Delete" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "can't be deleted" })).toBeVisible();
  await page.getByRole("button", { name: "Duplicate" }).click();
  await expect(page.getByRole("heading", { name: "Gold (copy)", level: 1 })).toBeFocused();
  await expect(page.getByRole("alert").filter({ hasText: "can't be deleted" })).toHaveCount(0);
});
