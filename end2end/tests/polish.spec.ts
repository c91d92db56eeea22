import { expect, test } from "@playwright/test";
import { createCustomer, createTemplate, customerWithUsers, expectNoAxeViolations, fillUser, user } from "./helpers";

test("the customer page names its setup state for what it is; the user editor shows numbers grouped", async ({ page }) => {
  await customerWithUsers(page);
  const info = page.getByRole("region", { name: "Customer information" });
  await expect(info).toContainText("SetupSet up");
  await expect(info).not.toContainText("StatusCreated");
  await page.getByRole("button", { name: "Edit Ada Admin" }).click();
  await expect(page.getByLabel("Phone number")).toHaveValue("+1 512 555 0100");
  await expectNoAxeViolations(page);
});

test("a new location in Korea speaks Korean unless the partner chose its language", async ({ page }) => {
  await createTemplate(page, { name: "Gold" });
  await createCustomer(page, { company: "Acme Dental", email: "it@acme.example" });
  await page.getByRole("link", { name: "Set up customer" }).click();
  await page.getByRole("button", { name: "Add location" }).click();
  const branch = page.getByRole("group", { name: "New location 1" });
  await expect(branch.getByLabel("Language")).toHaveValue("en_US");
  await branch.getByLabel("Country", { exact: true }).selectOption({ label: "South Korea" });
  await expect(branch.getByLabel("Language")).toHaveValue("ko_KR");
  await branch.getByLabel("Language").selectOption("fr_FR");
  await branch.getByLabel("Country", { exact: true }).selectOption({ label: "Germany" });
  await expect(branch.getByLabel("Language")).toHaveValue("fr_FR");
});

test("in Korean, a US customer's phone hint gives a US example, not a Korean one", async ({ page }) => {
  await createTemplate(page, { name: "Gold" });
  await createCustomer(page, { company: "Acme Dental", email: "it@acme.example", packages: ["Webex Calling (Calling Basic)"] });
  await page.getByRole("link", { name: "Set up customer" }).click();
  await page.getByRole("button", { name: "Next", exact: true }).click();
  await fillUser(page, 1, "Ada", "Admin");
  await page.getByRole("button", { name: "Next", exact: true }).click();
  await page.locator("#ui-language").selectOption("ko");
  const phone = user(page, 1, "사용자").getByRole("textbox").first();
  await expect(phone).toHaveAccessibleDescription(/\+1 512 555 0100/);
  await expect(phone).not.toHaveAccessibleDescription(/02-1234-5678/);
  await expect(page.locator(".column-hints")).not.toContainText("02-1234-5678");
});

test("packages are grouped, users' packages then add-ons, with what each add-on needs", async ({ page }) => {
  await createTemplate(page, { name: "Gold" });
  await page.goto("/customers/new");
  await page.getByLabel("Company name").fill("Hanbit Clinic");
  await page.getByLabel("Admin email").fill("admin@hanbit-clinic.example");
  await page.getByRole("button", { name: "Next", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Packages", level: 2 })).toBeVisible();
  const forUsers = page.getByRole("group", { name: "Packages for users (a customer has at least one)" });
  const addOns = page.getByRole("group", { name: "Add-ons" });
  await expect(forUsers.getByRole("checkbox")).toHaveCount(6);
  await expect(addOns.getByRole("checkbox")).toHaveCount(5);
  await expect(addOns.getByRole("checkbox", { name: "Attendant Console" })).toHaveAccessibleDescription(
    /Needs one of: Webex Calling \(Calling Basic\), Webex Suite, Customer Assist \(CX Essentials\)\.$/,
  );
  await expectNoAxeViolations(page);
});
