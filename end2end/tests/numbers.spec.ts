import { expect, test } from "@playwright/test";
import { readFileSync } from "node:fs";
import { DOCUMENT_KEY, fillUser, next, seedStorage, user } from "./helpers";

const HANBIT = "0700ed5e-0700-4000-8000-000000000000";

test("a number written as in Korea is kept as E.164 and shown grouped; lengths are Korea's", async ({ page }) => {
  await seedStorage(page, { [DOCUMENT_KEY]: readFileSync(new URL("../../tests/fixtures/format-1.json", import.meta.url), "utf8") });
  await page.goto(`/customers/${HANBIT}/setup`);
  await next(page);
  await fillUser(page, 1, "서연", "이");
  await page.getByRole("button", { name: "Add user" }).click();
  await fillUser(page, 2, "민준", "김", "minjun@hanbit.example");
  await next(page);

  const phone = user(page, 1).getByLabel("Phone number");
  await expect(phone).toHaveAccessibleDescription(/Example for South Korea: \+82 2 1234 5678\./);
  await phone.fill("02-1234-5678");
  await user(page, 2).getByLabel("Phone number").fill("010-12");
  await next(page);
  await expect(user(page, 2).getByLabel("Phone number")).toHaveAccessibleDescription(
    /A number in South Korea has 8 to 10 digits after the country code\./,
  );
  await user(page, 2).getByLabel("Phone number").fill("010-9876-5432");
  await next(page);
  const review = page.getByRole("region", { name: "Users at Seoul HQ" });
  await expect(review.getByRole("row", { name: /이서연/ })).toContainText("+82 2 1234 5678");
  await expect(review.getByRole("row", { name: /김민준/ })).toContainText("+82 10 9876 5432");
  await page.getByRole("button", { name: "Create users" }).click();
  await expect(page.getByRole("region", { name: "Users" }).getByRole("row", { name: /이서연/ })).toContainText("+82 2 1234 5678");

  // Stored and exported as E.164, the way Control Hub and the API take it.
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export users (CSV)" }).click();
  const text = readFileSync(await (await download).path(), "utf8");
  expect(text).toContain(",+82212345678,");
  expect(text).toContain(",+821098765432,");
});
