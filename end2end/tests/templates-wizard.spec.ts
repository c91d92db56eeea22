import { expect, test } from "@playwright/test";
import { createTemplate, expectNoAxeViolations, fillPrimarySettings, navigateTo, next, savedDocument, UUID } from "./helpers";
import { PARTNER_HUB_IDS } from "./fake";

test("a new partner sees an empty template list that leads to the wizard", async ({ page }) => {
  await page.goto("/templates");
  await expect(page).toHaveTitle("Onboarding templates · Wholesale Partner Hub");
  await expect(page.getByRole("heading", { name: "No onboarding templates yet" })).toBeVisible();
  await page.getByRole("link", { name: "Create template" }).click();
  await expect(page).toHaveURL(/\/templates\/new$/);
  await expect(page.getByRole("heading", { name: "Offer", level: 2 })).toBeVisible();
});

test("creates a SAML template step by step and keeps it after a reload", async ({ page }) => {
  await page.goto("/templates/new");
  await page.getByRole("radio", { name: "Webex for Wholesale" }).check();
  await next(page);

  await expect(page.getByRole("heading", { name: "Primary settings" })).toBeVisible();
  await fillPrimarySettings(page, { name: "Seoul SMB", country: "South Korea" });
  await page.getByLabel("Default email language").selectOption({ label: "한국어" });
  // Enter in a field moves on, like Next.
  await page.getByLabel("Template name").press("Enter");

  await expect(page.getByRole("heading", { name: "Authentication", level: 2 })).toBeVisible();
  await expect(page.getByRole("radio", { name: "Webex authentication" })).toBeChecked();
  await page.getByRole("radio", { name: "Partner authentication (SAML)" }).check();
  await page.getByLabel("IdP entity ID", { exact: true }).fill("https://idp.northwind.example/saml/metadata");
  await next(page);

  await expect(page.getByRole("heading", { name: "Wholesale calling" })).toBeVisible();
  await expect(page.getByLabel("Cloud Connected PSTN vendor")).toHaveValue("");
  await expect(page.getByRole("note")).toContainText("Not recommended");
  await next(page);

  await expect(page.getByRole("heading", { name: "Common settings" })).toBeVisible();
  const restrict = page.getByRole("switch", { name: "Restrict admin invite emails when attaching to existing organizations" });
  const disableCalling = page.getByRole("switch", { name: "Disable Webex calling (1:1, non-PSTN)" });
  await expect(restrict).not.toBeChecked();
  await expect(disableCalling).not.toBeChecked();
  await restrict.check();
  await page.getByLabel("Brand name").fill("Northwind Korea");
  await next(page);

  const summary = page.getByRole("region", { name: "Primary settings" });
  await expect(summary).toContainText("Seoul SMB");
  await expect(summary).toContainText("South Korea");
  await expect(summary).toContainText("한국어");
  await expect(page.getByRole("region", { name: "Authentication" })).toContainText("https://idp.northwind.example/saml/metadata");
  await expect(page.getByRole("region", { name: "Common settings" })).toContainText("Northwind Korea");
  await page.getByRole("button", { name: "Submit" }).click();

  await expect(page.getByRole("heading", { name: "Seoul SMB", level: 1 })).toBeVisible();
  await expect(page.getByRole("status")).toContainText("Template “Seoul SMB” created.");
  // Its own ID is never shown as the provisioning ID: Partner Hub issues that one.
  await expect(page.getByRole("region", { name: "Partner Hub provisioning ID" })).toContainText("Not linked to Partner Hub.");
  await expect(page.getByRole("region", { name: "Authentication" })).toContainText("Partner authentication (SAML)");

  // A deep link survives a reload (the static host answers with 404.html = the app).
  await page.reload();
  await expect(page.getByRole("heading", { name: "Seoul SMB", level: 1 })).toBeVisible();

  const doc = await savedDocument(page);
  expect(doc.templates).toHaveLength(1);
  expect(doc.templates[0].provisioning_id).toMatch(UUID);
  await expect(page.getByText(doc.templates[0].provisioning_id)).toHaveCount(0);
  expect(doc.templates[0].settings).toMatchObject({
    name: "Seoul SMB",
    country: "KR",
    email_language: "ko_KR",
    auth: { Saml: { idp_entity_id: "https://idp.northwind.example/saml/metadata" } },
    restrict_admin_invites: true,
    disable_webex_calling: false,
    brand_name: "Northwind Korea",
  });

  await navigateTo(page, "Templates");
  const row = page.getByRole("row", { name: /Seoul SMB/ });
  await expect(row).toContainText("South Korea");
  await expect(row).toContainText("Partner authentication (SAML)");
  await expect(row).toContainText(new Date().toISOString().slice(0, 10));
});

test("Edit on the summary returns to that step with the values kept", async ({ page }) => {
  await page.goto("/templates/new");
  await page.getByRole("radio", { name: "Webex for Wholesale" }).check();
  await next(page);
  await fillPrimarySettings(page, { name: "Edit Me" });
  await next(page);
  await page.getByRole("radio", { name: "Partner authentication (OpenID Connect)" }).check();
  await page.getByLabel("OpenID Connect IdP entity ID").fill("first-idp");
  await next(page);
  await next(page);
  await next(page);

  await page.getByRole("region", { name: "Authentication" }).getByRole("button", { name: "Edit" }).click();
  await expect(page.getByRole("heading", { name: "Authentication", level: 2 })).toBeVisible();
  await expect(page.getByRole("radio", { name: "Partner authentication (OpenID Connect)" })).toBeChecked();
  await expect(page.getByLabel("OpenID Connect IdP entity ID")).toHaveValue("first-idp");
  await page.getByLabel("OpenID Connect IdP entity ID").fill("second-idp");
  await next(page);
  await next(page);
  await next(page);
  await expect(page.getByRole("region", { name: "Authentication" })).toContainText("second-idp");

  await page.getByRole("region", { name: "Primary settings" }).getByRole("button", { name: "Edit" }).click();
  await expect(page.getByLabel("Template name")).toHaveValue("Edit Me");
  await page.getByRole("button", { name: "Back" }).click();
  await expect(page.getByRole("radio", { name: "Webex for Wholesale" })).toBeChecked();
});

test("a half-finished wizard resumes after a reload and is gone once cancelled", async ({ page }) => {
  await page.goto("/templates/new");
  await page.getByRole("radio", { name: "Webex for Wholesale" }).check();
  await next(page);
  await page.getByLabel("Template name").fill("Half done");
  await page.getByLabel("Country or region").selectOption({ label: "Germany" });

  await page.reload();
  await expect(page.getByRole("heading", { name: "Primary settings" })).toBeVisible();
  await expect(page.getByText("You're continuing where you left off.")).toBeVisible();
  await expect(page.getByLabel("Template name")).toHaveValue("Half done");
  await expect(page.getByLabel("Country or region")).toHaveValue("DE");
  // Said where the page began, not on the steps the partner goes to next.
  await page.getByRole("button", { name: "Back" }).click();
  await expect(page.getByRole("heading", { name: "Offer", level: 2 })).toBeVisible();
  await expect(page.getByText("You're continuing where you left off.")).toHaveCount(0);
  await next(page);

  await page.getByRole("button", { name: "Cancel" }).click();
  const dialog = page.getByRole("alertdialog", { name: "Discard this template?" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Keep editing" }).click();
  await expect(page.getByLabel("Template name")).toHaveValue("Half done");
  await page.getByRole("button", { name: "Cancel" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Discard" }).click();
  await expect(page).toHaveURL(/\/templates$/);

  await page.getByRole("link", { name: "Create template" }).click();
  await expect(page.getByRole("heading", { name: "Offer", level: 2 })).toBeVisible();
  await expect(page.getByRole("radio", { name: "Webex for Wholesale" })).toBeChecked();
  await expect(page.getByText("You're continuing where you left off.")).toHaveCount(0);
});

test("a template can be edited; its Partner Hub link stays", async ({ page }) => {
  await createTemplate(page, { name: "Gold", partnerHubId: PARTNER_HUB_IDS[0] });
  const before = (await savedDocument(page)).templates[0];
  await page.getByRole("link", { name: "Edit" }).click();
  await expect(page.getByRole("heading", { name: "Edit template", level: 1 })).toBeVisible();
  await expect(page.getByLabel("Template name")).toHaveValue("Gold");
  await page.getByLabel("Template name").fill("Gold Plus");
  for (let i = 0; i < 3; i++) await next(page);
  await expect(page.getByLabel("Partner Hub provisioning ID")).toHaveValue(PARTNER_HUB_IDS[0]);
  await next(page);
  await expect(page.getByRole("region", { name: "Common settings" })).toContainText(PARTNER_HUB_IDS[0]);
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("heading", { name: "Gold Plus", level: 1 })).toBeVisible();
  await expect(page.getByRole("region", { name: "Partner Hub provisioning ID" }).locator("code")).toHaveText(PARTNER_HUB_IDS[0]);
  const after = (await savedDocument(page)).templates[0];
  expect(after.provisioning_id).toBe(before.provisioning_id);
});

test("a wizard behaves like pages: browser Back goes to the previous step, finished steps are links, Tab reaches Next before Back and Cancel", async ({ page }) => {
  await page.goto("/templates");
  await page.getByRole("link", { name: "Create template" }).click();
  await next(page);
  await fillPrimarySettings(page, { name: "Paged" });
  await next(page);
  await expect(page.getByRole("heading", { name: "Authentication", level: 2 })).toBeVisible();
  await expect(page).toHaveURL(/\/templates\/new\?step=3$/);

  // Back in the browser: the previous step, everything kept; again: the first; again: the list.
  await page.goBack();
  await expect(page.getByRole("heading", { name: "Primary settings", level: 2 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Primary settings", level: 2 })).toBeFocused();
  await expect(page.getByLabel("Template name")).toHaveValue("Paged");
  await page.goBack();
  await expect(page.getByRole("heading", { name: "Offer", level: 2 })).toBeVisible();
  await expect(page).toHaveURL(/\/templates\/new$/);
  // Forward cannot skip the checks of Next: the wizard stays where it is.
  await page.goForward();
  await expect(page.getByRole("heading", { name: "Offer", level: 2 })).toBeVisible();
  await expect(page).toHaveURL(/\/templates\/new$/);

  // A finished step in the step list is a link back to it.
  await next(page);
  await next(page);
  await next(page);
  const steps = page.getByRole("list", { name: "Progress" });
  await expect(steps.getByRole("link")).toHaveCount(3);
  await steps.getByRole("link", { name: /Primary settings/ }).click();
  await expect(page.getByRole("heading", { name: "Primary settings", level: 2 })).toBeVisible();
  await expect(steps.getByRole("link")).toHaveCount(1);

  // From the last field, Tab reaches the primary action first.
  await page.getByLabel("Wholesale subscription").focus();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Next", exact: true })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Back" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Cancel" })).toBeFocused();
  await expectNoAxeViolations(page);

  await page.goBack();
  await expect(page.getByRole("heading", { name: "Offer", level: 2 })).toBeVisible();
  await page.goBack();
  await expect(page).toHaveURL(/\/templates$/);
});
