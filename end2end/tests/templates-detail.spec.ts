import { expect, test } from "@playwright/test";
import { PARTNER_HUB_IDS } from "./fake";
import { createTemplate, expectNoAxeViolations, savedDocument } from "./helpers";

test("a template linked in the wizard shows Partner Hub's ID, and Copy puts it on the clipboard", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  // Pasted as Partner Hub wraps it: the line break became a space, which is dropped.
  const wrapped = ` ${PARTNER_HUB_IDS[0].slice(0, 24)} ${PARTNER_HUB_IDS[0].slice(24)} `;
  await createTemplate(page, { name: "Copy source", auth: "saml", partnerHubId: wrapped });
  const link = page.getByRole("region", { name: "Partner Hub provisioning ID" });
  await expect(link).toContainText("Linked to Partner Hub");
  await expect(link.locator("code")).toHaveText(PARTNER_HUB_IDS[0]);
  await link.getByRole("button", { name: "Copy" }).click();
  await expect(link.getByRole("button", { name: "Copied" })).toBeVisible();
  await expect(page.getByRole("status")).toContainText("Provisioning ID copied to the clipboard.");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(PARTNER_HUB_IDS[0]);
});

test("a template is linked by pasting its Partner Hub ID on its page; other text is refused beside the field", async ({ page }) => {
  await createTemplate(page, { name: "Linked elsewhere", partnerHubId: PARTNER_HUB_IDS[1] });
  await createTemplate(page, { name: "Bronze" });
  const link = page.getByRole("region", { name: "Partner Hub provisioning ID" });
  await expect(link).toContainText("Not linked to Partner Hub.");
  await expect(link).toContainText("create it there with the same settings");
  const field = link.getByLabel("Partner Hub provisioning ID");
  const ownId = (await savedDocument(page)).templates[1].provisioning_id;
  const refusals: [string, string][] = [
    [ownId, "This looks like this app's own ID, not Partner Hub's."],
    // Cut short (a space inside is dropped: see the test above).
    ["ZjViMzYxODctYzhkZC00NzI3 LThiMmYtZjljNDQ3ZjI5MDQ", "This is not a Partner Hub provisioning ID."],
    [PARTNER_HUB_IDS[1], "Another template is already linked to this provisioning ID."],
    ["", "Paste the provisioning ID that Partner Hub shows for this template."],
  ];
  for (const [text, message] of refusals) {
    await field.fill(text);
    await link.getByRole("button", { name: "Link to Partner Hub" }).click();
    await expect(field).toHaveAttribute("aria-invalid", "true");
    await expect(field).toBeFocused();
    await expect(link.locator(".field-error")).toContainText(message);
  }
  await expectNoAxeViolations(page);
  expect((await savedDocument(page)).templates[1].settings.partner_hub_id).toBeUndefined();

  await field.fill(`${PARTNER_HUB_IDS[0]}==`);
  await field.press("Enter");
  await expect(page.getByRole("status")).toContainText("“Bronze” is linked to Partner Hub.");
  await expect(link).toContainText("Linked to Partner Hub");
  await expect(link.locator("code")).toHaveText(PARTNER_HUB_IDS[0]);
  await expectNoAxeViolations(page);
  await page.reload();
  await expect(link.locator("code")).toHaveText(PARTNER_HUB_IDS[0]);
  expect((await savedDocument(page)).templates[1].settings.partner_hub_id).toBe(PARTNER_HUB_IDS[0]);

  // Changing it: the form opens again, and Cancel leaves the link as it was.
  await link.getByRole("button", { name: "Change ID" }).click();
  await expect(link.getByLabel("Partner Hub provisioning ID")).toBeFocused();
  await link.getByRole("button", { name: "Cancel" }).click();
  await expect(link.getByLabel("Partner Hub provisioning ID")).toBeHidden();
  await expect(link.locator("code")).toHaveText(PARTNER_HUB_IDS[0]);
});

test("Duplicate makes a copy that is not linked to Partner Hub (a copy is another template there)", async ({ page }) => {
  await createTemplate(page, { name: "Silver", auth: "oidc", partnerHubId: PARTNER_HUB_IDS[0] });
  await page.getByRole("button", { name: "Duplicate" }).click();
  await expect(page.getByRole("heading", { name: "Silver (copy)", level: 1 })).toBeVisible();
  await expect(page.getByRole("region", { name: "Partner Hub provisioning ID" })).toContainText("Not linked to Partner Hub.");
  const saved = await savedDocument(page);
  expect(saved.templates.map((t: { settings: { partner_hub_id?: string } }) => t.settings.partner_hub_id)).toEqual([PARTNER_HUB_IDS[0], undefined]);
  expect(saved.templates[1].provisioning_id).not.toBe(saved.templates[0].provisioning_id);
  // Saved: the copy is still there after a reload.
  await page.reload();
  await expect(page.getByRole("heading", { name: "Silver (copy)", level: 1 })).toBeVisible();
  const auth = page.getByRole("region", { name: "Authentication" });
  await expect(auth.getByRole("definition")).toHaveText(["Partner authentication (OpenID Connect)", "northwind-oidc"]);
  await expect(auth.getByRole("term")).toHaveText(["Authentication method", "OpenID Connect IdP entity ID"]);
});

test("deleting an unused template asks first", async ({ page }) => {
  await createTemplate(page, { name: "Short lived" });
  await page.getByRole("button", { name: "Delete" }).click();
  const dialog = page.getByRole("alertdialog", { name: "Delete “Short lived”?" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("heading", { name: "Short lived", level: 1 })).toBeVisible();

  await page.getByRole("button", { name: "Delete" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Delete" }).click();
  await expect(page).toHaveURL(/\/templates$/);
  await expect(page.getByRole("heading", { name: "No onboarding templates yet" })).toBeVisible();
  expect((await savedDocument(page)).templates).toHaveLength(0);
});

test("an unknown template id shows a helpful page", async ({ page }) => {
  await page.goto("/templates/00000000-0000-4000-8000-000000000000");
  await expect(page.getByText("This template doesn't exist. It may have been deleted.")).toBeVisible();
  await page.getByRole("link", { name: "All templates" }).click();
  await expect(page).toHaveURL(/\/templates$/);
});

test("the confirmation dialog works from the keyboard", async ({ page }) => {
  await createTemplate(page, { name: "Keyboard" });
  const deleteButton = page.getByRole("button", { name: "Delete" });
  await deleteButton.focus();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("alertdialog", { name: "Delete “Keyboard”?" });
  await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(dialog.getByRole("button", { name: "Delete" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
  await page.keyboard.press("Shift+Tab");
  await expect(dialog.getByRole("button", { name: "Delete" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(deleteButton).toBeFocused();
  await expect(page.getByRole("heading", { name: "Keyboard", level: 1 })).toBeVisible();
});
