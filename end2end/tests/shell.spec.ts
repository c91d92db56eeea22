import { expect, test } from "@playwright/test";
import { navigateTo } from "./helpers";

test("the landing page is the customers list, and the title follows the route", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/customers$/);
  await expect(page).toHaveTitle("Customers · Wholesale Partner Hub");
  await expect(page.getByText("Customers are created from an onboarding template. Create a template first.")).toBeVisible();
  await navigateTo(page, "Templates");
  await expect(page).toHaveTitle("Onboarding templates · Wholesale Partner Hub");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Templates" })).toHaveAttribute(
    "aria-current",
    "page",
  );
  await navigateTo(page, "Settings");
  await expect(page).toHaveTitle("Settings · Wholesale Partner Hub");
});

test("an unknown address shows a not-found page with a way back", async ({ page }) => {
  await page.goto("/no/such/page");
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expect(page).toHaveTitle("Page not found · Wholesale Partner Hub");
  await page.getByRole("link", { name: "Go to customers" }).click();
  await expect(page).toHaveURL(/\/customers$/);
});

test("a malformed address is answered as a bad request, and the host keeps serving", async ({ page, request }) => {
  const bad = await request.get("/customers/%E0%A4%A");
  expect(bad.status()).toBe(400);
  await page.goto("/customers");
  await expect(page.getByRole("heading", { name: "Customers", level: 1 })).toBeVisible();
});
