import { expect, test } from "@playwright/test";
import { createTemplate, savedDocument, UUID } from "./helpers";

test("Copy puts the provisioning ID on the clipboard and says so", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await createTemplate(page, { name: "Copy source", auth: "saml" });
  const pid = (await page.locator("#provisioning-id").textContent())!.trim();
  await expect(page.getByRole("heading", { name: "Provisioning ID" })).toBeVisible();
  await page.getByRole("button", { name: "Copy" }).click();
  await expect(page.getByRole("button", { name: "Copied" })).toBeVisible();
  await expect(page.getByRole("status")).toContainText("Provisioning ID copied to the clipboard.");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(pid);
});

test("Duplicate makes a copy with its own provisioning ID", async ({ page }) => {
  await createTemplate(page, { name: "Silver", auth: "oidc" });
  const original = (await page.locator("#provisioning-id").textContent())!.trim();
  await page.getByRole("button", { name: "Duplicate" }).click();
  await expect(page.getByRole("heading", { name: "Silver (copy)", level: 1 })).toBeVisible();
  const copy = (await page.locator("#provisioning-id").textContent())!.trim();
  expect(copy).toMatch(UUID);
  expect(copy).not.toBe(original);
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
