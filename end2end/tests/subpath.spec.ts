import { expect, test } from "@playwright/test";
import { createTemplate } from "./helpers";

// The build made with `trunk build --public-url /sub/`, served under /sub/.
test.use({ baseURL: "http://127.0.0.1:4174/sub/" });

test("under a sub-path, links, deep links and reloads stay under it", async ({ page }) => {
  await page.goto("./");
  await expect(page).toHaveURL("http://127.0.0.1:4174/sub/customers");
  await page.goto("templates/new");
  await expect(page.getByRole("heading", { name: "Offer", level: 2 })).toBeVisible();
  await page.goto("templates");
  await createTemplate(page, { name: "Hosted under sub" }, "templates");
  await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:4174\/sub\/templates\/[0-9a-f-]{36}$/);
  await page.reload();
  await expect(page.getByRole("heading", { name: "Hosted under sub", level: 1 })).toBeVisible();
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Customers" }).click();
  await expect(page).toHaveURL("http://127.0.0.1:4174/sub/customers");
});
