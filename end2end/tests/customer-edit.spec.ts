import { expect, test } from "@playwright/test";
import { readFileSync } from "node:fs";
import { DOCUMENT_KEY, expectNoAxeViolations, seedStorage, user } from "./helpers";

const ACME = "0500ed5e-0500-4000-8000-000000000000";
const HANBIT = "0700ed5e-0700-4000-8000-000000000000";

/** The previous release's data; 한빛 물류 (not set up yet) gets a branch no user is in. */
function fixture() {
  const doc = JSON.parse(readFileSync(new URL("../../tests/fixtures/format-1.json", import.meta.url), "utf8"));
  const branch = structuredClone(doc.customers[0].locations[0]);
  branch.id = "00000000-0000-0000-0000-0000000d0d0d";
  branch.details.name = "Daejeon branch";
  doc.customers[1].locations = [branch];
  return JSON.stringify(doc);
}

test.beforeEach(async ({ page }) => {
  await seedStorage(page, { [DOCUMENT_KEY]: fixture() });
});

test("before its admin is set up, a customer's admin email and packages change; the setup follows", async ({ page }) => {
  await page.goto(`/customers/${HANBIT}`);
  await page.getByRole("button", { name: "Edit customer information" }).click();
  const editor = page.getByRole("form", { name: "Edit customer information" });
  await editor.getByLabel("Admin email").fill("it@acme-dental.example");
  await expect(editor.getByText("This email address is already an admin or user of another customer.")).toBeVisible();
  await editor.getByLabel("Admin email").fill("it@hanbit.example");
  await editor.getByRole("checkbox", { name: "Webex Meetings" }).uncheck();
  await editor.getByRole("checkbox", { name: "Webex Calling (Calling Basic)" }).uncheck();
  await expect(editor.getByText("Choose at least one package.")).toBeVisible();
  await expectNoAxeViolations(page);
  await editor.getByRole("checkbox", { name: "Webex Calling (Calling Basic)" }).check();
  await editor.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Changes to 한빛 물류 saved.")).toBeVisible();
  const info = page.getByRole("region", { name: "Customer information" });
  await expect(info).toContainText("it@hanbit.example");
  await expect(info.getByRole("definition").filter({ hasText: "Webex" })).toHaveText("Webex Calling (Calling Basic)");
  await expect(page.getByRole("heading", { name: "Customer information", level: 2 })).toBeFocused();

  // Saved, and the setup's admin row has the new address.
  await page.reload();
  await expect(info).toContainText("it@hanbit.example");
  await page.getByRole("link", { name: "Set up customer" }).click();
  await page.getByRole("button", { name: "Next", exact: true }).click();
  await expect(user(page, 1).getByLabel("Email")).toHaveValue("it@hanbit.example");
});

test("once users exist, the admin email stays and a package users hold cannot be removed; one can be added", async ({ page }) => {
  await page.goto(`/customers/${ACME}`);
  await page.getByRole("button", { name: "Edit customer information" }).click();
  const editor = page.getByRole("form", { name: "Edit customer information" });
  await expect(editor.getByLabel("Admin email")).toHaveAttribute("readonly", "");
  await expect(editor.getByText("The customer admin is set up as a user, so this address stays.")).toBeVisible();
  await editor.getByRole("checkbox", { name: "Webex Calling (Calling Basic)" }).uncheck();
  await expect(editor.getByText("3 users have Webex Calling (Calling Basic): give them another package first.")).toBeVisible();
  await editor.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText(/Changes to .* saved/)).toHaveCount(0);
  await editor.getByRole("checkbox", { name: "Webex Calling (Calling Basic)" }).check();
  await editor.getByRole("checkbox", { name: "Attendant Console" }).check();
  await editor.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Changes to Acme Dental saved.")).toBeVisible();
  await expect(page.getByRole("region", { name: "Customer information" })).toContainText("Attendant Console");
});

test("a branch no user is in is removed after a confirmation; one with users, and the headquarters, stay", async ({ page }) => {
  await page.goto(`/customers/${ACME}`);
  const locations = page.getByRole("region", { name: "Locations" });
  await expect(locations.getByRole("button", { name: "Remove location Seoul HQ" })).toHaveCount(0);
  await locations.getByRole("button", { name: "Remove location Busan branch" }).click();
  await expect(locations.getByRole("alert")).toHaveText("1 user is at this location: move or remove that user first.");
  await expect(page.getByRole("alertdialog")).toHaveCount(0);

  await page.goto(`/customers/${HANBIT}`);
  await locations.getByRole("button", { name: "Remove location Daejeon branch" }).click();
  const dialog = page.getByRole("alertdialog", { name: "Remove location “Daejeon branch”?" });
  await expectNoAxeViolations(page);
  await dialog.getByRole("button", { name: "Remove" }).click();
  await expect(page.getByText("Location “Daejeon branch” removed.")).toBeVisible();
  await expect(locations.getByRole("rowheader")).toHaveText(["Seoul HQ"]);
  await page.reload();
  await expect(locations.getByRole("rowheader")).toHaveText(["Seoul HQ"]);
});
