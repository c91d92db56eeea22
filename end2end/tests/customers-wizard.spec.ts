import { expect, test, type Page } from "@playwright/test";
import { createCustomer, createTemplate, fillHeadquarters, navigateTo, next, savedDocument } from "./helpers";

test("with no template yet, the customers page points to creating one", async ({ page }) => {
  await page.goto("/customers");
  await expect(page.getByRole("heading", { name: "No customers yet" })).toBeVisible();
  await expect(page.getByText("Create a template first.")).toBeVisible();
  await page.getByRole("main").getByRole("link", { name: "Create template" }).click();
  await expect(page).toHaveURL(/\/templates\/new$/);
});

test("creates a customer from a template, step by step, and keeps it", async ({ page }) => {
  await createTemplate(page, { name: "Gold" });
  await navigateTo(page, "Customers");
  await expect(page.getByText("Create the first customer organization")).toBeVisible();
  await page.getByRole("main").getByRole("link", { name: "Create customer" }).first().click();

  await expect(page.getByRole("heading", { name: "Customer information", level: 2 })).toBeVisible();
  await expect(page.getByLabel("Template")).toHaveValue(/[0-9a-f-]{36}/); // the only template is preselected
  await page.getByLabel("Company name").fill("Hanbit Clinic");
  await page.getByLabel("Admin email").fill("admin@hanbit-clinic.example");
  await next(page);

  await expect(page.getByRole("heading", { name: "Packages", level: 2 })).toBeVisible();
  await page.getByRole("checkbox", { name: "Webex Suite" }).check();
  await page.getByRole("checkbox", { name: "Cisco Calling Plan" }).check();
  await next(page);

  await expect(page.getByRole("heading", { name: "Headquarters location", level: 2 })).toBeVisible();
  await fillHeadquarters(page, "South Korea");
  await expect(page.getByLabel("Time zone")).toHaveValue("Asia/Seoul");
  await expect(page.getByText("Customer data will be kept in the Asia Pacific data region.")).toBeVisible();
  await page.getByLabel("Language", { exact: true }).selectOption({ label: "한국어" });
  await next(page);

  const summary = page.getByRole("region", { name: "Customer information" });
  await expect(summary).toContainText("Hanbit Clinic");
  await expect(summary).toContainText("Gold");
  await expect(page.getByRole("region", { name: "Packages" })).toContainText("Webex Suite, Cisco Calling Plan");
  const hq = page.getByRole("region", { name: "Headquarters location" });
  await expect(hq).toContainText("110 Sejong-daero, Seoul 04524, South Korea");
  await expect(hq).toContainText("Asia Pacific");
  await page.getByRole("button", { name: "Create customer" }).click();

  await expect(page.getByRole("heading", { name: "Hanbit Clinic", level: 1 })).toBeVisible();
  await expect(page.getByRole("status")).toContainText("Customer “Hanbit Clinic” created.");
  await expect(page.getByRole("region", { name: "Customer information" })).toContainText("admin@hanbit-clinic.example");
  await expect(page.getByRole("region", { name: "Users" })).toContainText("No users yet.");
  await page.reload();
  await expect(page.getByRole("heading", { name: "Hanbit Clinic", level: 1 })).toBeVisible();

  const doc = await savedDocument(page);
  expect(doc.customers).toHaveLength(1);
  expect(doc.customers[0]).toMatchObject({
    company_name: "Hanbit Clinic",
    admin_email: "admin@hanbit-clinic.example",
    packages: ["webex_suite", "cisco_calling_plan"],
    region: "AsiaPacific",
    template_id: doc.templates[0].id,
  });
  expect(doc.customers[0].headquarters.details).toMatchObject({ time_zone: "Asia/Seoul", language: "ko_KR" });

  // "Set up customer" opens the setup wizard for this customer.
  await page.getByRole("link", { name: "Set up customer" }).click();
  await expect(page.getByRole("heading", { name: "Set up customer", level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Locations", level: 2 })).toBeVisible();
});

async function toInformation(page: Page) {
  await createTemplate(page, { name: "Gold" });
  await page.goto("/customers/new");
}

test("customer information is required, valid and unique", async ({ page }) => {
  await toInformation(page);
  await createCustomer(page, { company: "Acme Dental", email: "it@acme-dental.example" });
  await page.goto("/customers/new");
  await next(page);
  await expect(page.getByRole("alert")).toContainText("Company name: Enter the company name.");
  await expect(page.locator("#customer-admin-email-error")).toHaveText("Enter the customer admin's email address.");
  await page.getByLabel("Company name").fill("acme  DENTAL");
  await page.getByLabel("Admin email").fill("it@acme");
  await next(page);
  await expect(page.locator("#company-name-error")).toHaveText("A customer with this name already exists.");
  await expect(page.locator("#customer-admin-email-error")).toHaveText("Enter an email address like name@example.com.");
  await page.getByLabel("Admin email").fill("IT@acme-dental.example");
  await expect(page.locator("#customer-admin-email-error")).toHaveText(
    "This email address is already an admin or user of another customer.",
  );
  await expect(page.getByRole("heading", { name: "Customer information", level: 2 })).toBeVisible();
});

test("packages: at least one, and dependencies named", async ({ page }) => {
  await toInformation(page);
  await page.getByLabel("Company name").fill("Pkg Test");
  await page.getByLabel("Admin email").fill("pkg@example.com");
  await next(page);
  await next(page);
  await expect(page.locator("#packages-error")).toHaveText("Choose at least one package.");
  await page.getByRole("checkbox", { name: "Attendant Console" }).check();
  await page.getByRole("checkbox", { name: "Webex Voice" }).check();
  await next(page);
  await expect(page.locator("#packages-error")).toHaveText(
    "Attendant Console needs one of these packages too: Webex Calling (Calling Basic), Webex Suite, Customer Assist (CX Essentials).",
  );
  await page.getByRole("checkbox", { name: "Customer Assist (CX Essentials)" }).check();
  await next(page);
  await expect(page.getByRole("heading", { name: "Headquarters location", level: 2 })).toBeVisible();
});

test("headquarters: country rules, postal formats, region served, confirmation", async ({ page }) => {
  await toInformation(page);
  await page.getByLabel("Company name").fill("Addr Test");
  await page.getByLabel("Admin email").fill("addr@example.com");
  await next(page);
  await page.getByRole("checkbox", { name: "Webex Meetings" }).check();
  await next(page);
  await next(page);
  const alert = page.getByRole("alert");
  await expect(alert).toContainText("Enter a location name.");
  // The country starts as the template's, so the state it needs is asked for.
  await expect(page.getByLabel("Country", { exact: true }).locator("option:checked")).toHaveText("United States");
  await expect(alert).toContainText("Choose the state or province; Webex needs one for this country.");
  await expect(alert).toContainText("Confirm that this customer is in a Cisco Webex supported location.");

  await page.getByLabel("Location name").fill("HQ");
  await page.getByLabel("Address line 1").fill("1 Main St");
  await page.getByLabel("City").fill("Austin");
  await page.getByLabel("Country", { exact: true }).selectOption({ label: "United States" });
  await expect(page.locator("#state-error")).toHaveText("Choose the state or province; Webex needs one for this country.");
  // Webex wants the ISO 3166-2 code: the list shows names.
  await page.getByLabel("State or province").selectOption({ label: "Texas" });
  await expect(page.getByLabel("State or province")).toHaveValue("TX");
  await page.getByLabel("ZIP or postal code").fill("7870");
  await expect(page.locator("#postal-code-error")).toHaveText(
    "Enter the postal code in this country's format, for example 94105.",
  );
  await page.getByLabel("ZIP or postal code").fill("78701");
  await expect(page.locator("#postal-code-error")).toHaveCount(0);
  await page.getByRole("checkbox", { name: "This customer is in a Cisco Webex supported location" }).check();
  await next(page);
  await expect(page.getByRole("heading", { name: "Summary", level: 2 })).toBeVisible();

  // A country whose data region the partner does not serve is refused with the reason.
  await navigateTo(page, "Settings");
  await page.getByRole("checkbox", { name: "Europe" }).uncheck();
  await page.goto("/customers/new");
  await page.getByRole("button", { name: "Back" }).click();
  await page.getByLabel("Country", { exact: true }).selectOption({ label: "Germany" });
  await expect(page.getByLabel("State or province"), "free text where Webex has no list").toHaveValue("");
  await page.getByLabel("ZIP or postal code").fill("10115");
  await next(page);
  await expect(page.locator("#location-country-error")).toHaveText(
    "This country is in the Europe data region, which your organization does not serve. Add the region in Settings or choose another country.",
  );
});

test("Edit on the summary returns to the step; a reload resumes the wizard", async ({ page }) => {
  await toInformation(page);
  await page.getByLabel("Company name").fill("Resume Co");
  await page.getByLabel("Admin email").fill("ops@resume.example");
  await next(page);
  await page.getByRole("checkbox", { name: "Webex Calling (Calling Basic)" }).check();
  await page.reload();
  await expect(page.getByText("You're continuing where you left off.")).toBeVisible();
  await expect(page.getByRole("checkbox", { name: "Webex Calling (Calling Basic)" })).toBeChecked();
  await next(page);
  await fillHeadquarters(page, "United States");
  await next(page);
  await page.getByRole("region", { name: "Customer information" }).getByRole("button", { name: "Edit" }).click();
  await expect(page.getByLabel("Company name")).toHaveValue("Resume Co");
  await page.getByLabel("Company name").fill("Resumed Co");
  await next(page);
  await next(page);
  await next(page);
  await expect(page.getByRole("region", { name: "Customer information" })).toContainText("Resumed Co");
  await expect(page.getByRole("region", { name: "Headquarters location" })).toContainText("Austin TX 78701");
});

test("with several templates, one must be chosen", async ({ page }) => {
  await createTemplate(page, { name: "Gold" });
  await createTemplate(page, { name: "Silver" });
  await page.goto("/customers/new");
  await expect(page.getByLabel("Template")).toHaveValue("");
  await page.getByLabel("Company name").fill("Choice Co");
  await page.getByLabel("Admin email").fill("it@choice.example");
  await next(page);
  await expect(page.locator("#template-error")).toHaveText("Choose the onboarding template to create this customer from.");
  await page.getByLabel("Template").selectOption({ label: "Silver" });
  await next(page);
  await expect(page.getByRole("heading", { name: "Packages", level: 2 })).toBeVisible();
});
