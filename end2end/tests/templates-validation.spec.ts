import { expect, test, type Page } from "@playwright/test";
import { createTemplate, fillPrimarySettings, next } from "./helpers";

async function toPrimarySettings(page: Page) {
  await page.goto("/templates/new");
  await page.getByRole("radio", { name: "Webex for Wholesale" }).check();
  await next(page);
}

async function toStep(page: Page, heading: string) {
  await toPrimarySettings(page);
  await fillPrimarySettings(page, { name: "Valid name" });
  await next(page);
  while (!(await page.getByRole("heading", { name: heading, level: 2 }).isVisible())) await next(page);
}

test("the Offer step's only choice is chosen already, so Next moves on", async ({ page }) => {
  await page.goto("/templates/new");
  await expect(page.getByRole("radio", { name: "Webex for Wholesale" })).toBeChecked();
  await next(page);
  await expect(page.getByRole("heading", { name: "Primary settings", level: 2 })).toBeVisible();
});

test("each missing primary setting is shown next to its field and in the summary", async ({ page }) => {
  await toPrimarySettings(page);
  await next(page);
  const alert = page.getByRole("alert");
  await expect(alert).toContainText("Template name: Enter a template name.");
  await expect(alert).toContainText("Choose a country or region.");
  await expect(alert).toContainText("Choose a service provider admin.");
  await expect(alert).toContainText("Choose a wholesale subscription.");
  const name = page.getByLabel("Template name");
  await expect(name).toHaveAttribute("aria-invalid", "true");
  await expect(name).toBeFocused();
  await expect(page.locator("#template-name-error")).toHaveText("Enter a template name.");
  await expect(name).toHaveAttribute("aria-describedby", "template-name-error");
  await expect(page.getByRole("heading", { name: "Primary settings" })).toBeVisible();

  // Fixing a field clears its message as you type.
  await name.fill("Fixed");
  await expect(page.locator("#template-name-error")).toHaveCount(0);
  await expect(alert).not.toContainText("Template name");
});

test("template names are unique, ignoring case and spaces", async ({ page }) => {
  await createTemplate(page, { name: "Enterprise" });
  await toPrimarySettings(page);
  await fillPrimarySettings(page, { name: "  enterprise " });
  await next(page);
  await expect(page.locator("#template-name-error")).toHaveText("A template with this name already exists. Choose another name.");
});

test("template names are at most 80 characters: the 81st is not taken", async ({ page }) => {
  await toPrimarySettings(page);
  await fillPrimarySettings(page, { name: "x".repeat(81) });
  await expect(page.getByLabel("Template name")).toHaveValue("x".repeat(80));
  await next(page);
  await expect(page.getByRole("heading", { name: "Authentication", level: 2 })).toBeVisible();
});

test("SAML needs an IdP entity ID that is an absolute URI", async ({ page }) => {
  await toStep(page, "Authentication");
  await page.getByRole("radio", { name: "Partner authentication (SAML)" }).check();
  await next(page);
  const error = page.locator("#saml-entity-id-error");
  await expect(error).toHaveText("Enter the IdP entity ID from your IdP's SAML metadata.");
  await page.getByLabel("IdP entity ID", { exact: true }).fill("idp.example.com");
  await next(page);
  await expect(error).toHaveText("Enter an absolute URI, such as https://idp.example.com/saml or urn:example:idp.");
  await page.getByLabel("IdP entity ID", { exact: true }).fill("urn:example:idp");
  await next(page);
  await expect(page.getByRole("heading", { name: "Wholesale calling" })).toBeVisible();
});

test("OpenID Connect needs the IdP name", async ({ page }) => {
  await toStep(page, "Authentication");
  await page.getByRole("radio", { name: "Partner authentication (OpenID Connect)" }).check();
  await next(page);
  await expect(page.locator("#oidc-idp-name-error")).toHaveText(
    "Enter the OpenID Connect IdP entity ID (the IdP name set up with Cisco TAC).",
  );
});

test("brand name is required and bounded", async ({ page }) => {
  await toStep(page, "Common settings");
  const brand = page.getByLabel("Brand name");
  await expect(brand).toHaveValue("Northwind Telecom");
  await brand.fill("   ");
  await next(page);
  await expect(page.locator("#brand-name-error")).toHaveText("Enter the brand name customers see in onboarding emails.");
  await brand.fill("b".repeat(65));
  await expect(brand).toHaveValue("b".repeat(64));
  await expect(page.locator("#brand-name-error")).toHaveCount(0);
});

test("a name field stops at the length its rule allows", async ({ page }) => {
  await toPrimarySettings(page);
  const name = page.getByLabel("Template name");
  await expect(name).toHaveAttribute("maxlength", "80");
  await name.fill("가".repeat(80));
  await name.press("End");
  await page.keyboard.type("xyz");
  await expect(name).toHaveValue("가".repeat(80));
  await next(page);
  await expect(page.getByRole("alert")).not.toContainText("Template name");
});

test("names that only look different are taken, and invisible characters are refused", async ({ page }) => {
  await createTemplate(page, { name: "Gold" });
  await toPrimarySettings(page);
  await fillPrimarySettings(page, { name: "Ｇｏｌｄ" });
  await next(page);
  await expect(page.getByLabel("Template name")).toHaveAccessibleDescription(
    "A template with this name already exists. Choose another name.",
  );
  for (const name of ["G\u200Bold", "\u202EGold premium"]) {
    await page.getByLabel("Template name").fill(name);
    await expect(page.getByLabel("Template name")).toHaveAccessibleDescription(
      "Remove the invisible characters (zero-width spaces or text-direction marks), often pasted along with text.",
    );
  }
});
