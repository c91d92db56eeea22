import { expect, test } from "@playwright/test";
import { customerWithUsers, expectNoAxeViolations } from "./helpers";

// A removal is written at once, as always; its toast offers "Undo" for a few seconds,
// which writes it back — unless what it was removed from has changed since.

test("a removed user, location and customer come back with Undo, saved", async ({ page }) => {
  await customerWithUsers(page);
  await page.getByRole("button", { name: "Remove Jae Park" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Remove" }).click();
  const toast = page.locator(".toast").filter({ hasText: "Jae Park removed." });
  await expect(toast).toBeVisible();
  await expect(page.getByRole("button", { name: "Remove Jae Park" })).toHaveCount(0);
  await expectNoAxeViolations(page);
  // From the keyboard: the toast's button is in the Tab order.
  await toast.getByRole("button", { name: "Undo" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.locator(".toast").filter({ hasText: "Put back as it was." })).toBeVisible();
  await expect(page.getByRole("button", { name: "Remove Jae Park" })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("button", { name: "Remove Jae Park" })).toBeVisible();

  // A location: Jae moves to the headquarters first (no user may be at a removed location).
  await page.getByRole("button", { name: "Remove Jae Park" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Remove" }).click();
  await page.getByRole("button", { name: "Remove location Dallas branch" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Remove" }).click();
  await page.locator(".toast").filter({ hasText: "Location “Dallas branch” removed." }).getByRole("button", { name: "Undo" }).click();
  await expect(page.getByRole("button", { name: "Remove location Dallas branch" })).toBeVisible();

  // The customer: gone from the list, and back with Undo.
  await page.getByRole("button", { name: "Delete customer" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Delete customer" }).click();
  await expect(page).toHaveURL(/\/customers$/);
  await expect(page.getByRole("heading", { name: "No customers yet" })).toBeVisible();
  await page.locator(".toast").filter({ hasText: "Customer “Acme Dental” deleted." }).getByRole("button", { name: "Undo" }).click();
  await expect(page.getByRole("link", { name: "Acme Dental" })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("link", { name: "Acme Dental" })).toBeVisible();
  await page.getByRole("link", { name: "Acme Dental" }).click();
  await expect(page.getByRole("button", { name: "Remove location Dallas branch" })).toBeVisible();
});

test("Undo is refused when the customer changed since, and says so in Korean too", async ({ page }) => {
  await customerWithUsers(page);
  await page.locator("#ui-language").selectOption("ko");
  await page.getByRole("button", { name: "Jae Park 제거" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "제거" }).click();
  const toast = page.locator(".toast").filter({ hasText: "Jae Park" });
  await expect(toast.getByRole("button", { name: "실행 취소" })).toBeVisible();
  // Another change to the same customer before the undo.
  await page.getByRole("button", { name: "Dallas branch 위치 삭제" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "제거" }).click();
  await toast.getByRole("button", { name: "실행 취소" }).click();
  await expect(page.locator(".toast").filter({ hasText: "그 뒤에 바뀌어서 되돌릴 수 없습니다." })).toBeVisible();
  await expect(page.getByRole("button", { name: "Jae Park 제거" })).toHaveCount(0);
  await expectNoAxeViolations(page);
});
