// "Refresh from Webex": Webex changes behind the app's back (the fake drifts on request)
// and a refresh shows each kind of drift; the whole book on the customers list.
import { expect, test, type Page } from "@playwright/test";
import { connectToFake, control, fakeLog, openCustomer } from "./fake";
import { customerWithUsers, expectNoAxeViolations, panel, storedItems } from "./helpers";

test.afterEach(async ({ page }) => {
  expect((await fakeLog(page)).violations, "every request the app sent is one Cisco's spec accepts").toEqual([]);
});

/** The usual customer, provisioned in the fake; its id (Webex's externalId). */
async function provisioned(page: Page) {
  await customerWithUsers(page);
  await connectToFake(page, "one", true);
  await openCustomer(page);
  await panel(page).getByRole("button", { name: "Provision in Webex" }).click();
  await expect(panel(page).locator(".badge")).toHaveText("Provisioned", { timeout: 20_000 });
  return page.url().split("/customers/")[1];
}

test("a refresh shows a package in error, a user waiting for consent (resent), and a subscriber only Webex has", async ({ page }) => {
  test.setTimeout(90_000);
  const id = await provisioned(page);
  // Nothing changed in Webex: nothing changes here, and nothing is written.
  const before = await storedItems(page);
  await panel(page).getByRole("button", { name: "Refresh from Webex" }).click();
  await expect(panel(page).getByText("Refreshed from Webex: nothing changed.")).toBeVisible();
  expect(await storedItems(page)).toEqual(before);
  await expect(panel(page).getByText(/^Last refreshed from Webex at /)).toBeVisible();

  await control(page, "drift", {
    customer: id,
    packageError: true,
    pending: "jae@acme.example",
    add: { email: "pat@acme.example", package: "webex_meetings" },
  });
  await panel(page).getByRole("button", { name: "Refresh from Webex" }).click();
  await expect(panel(page).getByText("Refreshed from Webex: 1 customer changed.")).toBeVisible();
  await expect(panel(page).locator("dl")).toContainText("Webex Calling (Calling Basic): Error — 7000: The package could not be provisioned.");
  await expect(panel(page).getByText("Jae Park — Waiting for the user's consent")).toBeVisible();
  const only = panel(page).getByRole("region", { name: "In Webex only" });
  await expect(only.getByRole("rowheader")).toHaveText(["pat@acme.example"]);
  await expect(only.getByRole("row", { name: /pat@acme.example/ })).toContainText("Webex Meetings");
  await expectNoAxeViolations(page);

  await panel(page).getByRole("button", { name: "Resend consent e-mail to Jae Park" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Consent e-mail sent again to jae@acme.example." })).toBeVisible();
  expect((await fakeLog(page)).consents).toEqual(["jae@acme.example"]);

  // Saved: still shown after a reload.
  await page.reload();
  await expect(panel(page).getByText("Jae Park — Waiting for the user's consent")).toBeVisible();
  await page.locator("#ui-language").selectOption("ko");
  await expect(page.getByRole("region", { name: "Webex에만 있음" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Jae Park에게 동의 이메일 다시 보내기" })).toBeVisible();
  await expectNoAxeViolations(page);
});

test("a status this version does not know is shown as unknown with Webex's word, and the refresh goes on", async ({ page }) => {
  const id = await provisioned(page);
  await control(page, "drift", { customer: id, status: "suspended_for_audit" });
  await panel(page).getByRole("button", { name: "Refresh from Webex" }).click();
  await expect(panel(page).getByText("Refreshed from Webex: 1 customer changed.")).toBeVisible();
  await expect(panel(page).locator("dl")).toContainText("unknown (suspended_for_audit)");
  await expect(panel(page).locator(".badge")).not.toHaveText("Not in Webex");
  await expectNoAxeViolations(page);
  await page.locator("#ui-language").selectOption("ko");
  await expect(page.getByRole("region", { name: "Webex 프로비저닝" }).locator("dl")).toContainText("알 수 없음 (suspended_for_audit)");
  await expectNoAxeViolations(page);
});

test("a customer removed in Partner Hub is marked Not in Webex, and can be removed here", async ({ page }) => {
  const id = await provisioned(page);
  await control(page, "drift", { customer: id, removed: true });
  await panel(page).getByRole("button", { name: "Refresh from Webex" }).click();
  await expect(panel(page).locator(".badge")).toHaveText("Not in Webex");
  await expect(panel(page).getByRole("alert")).toHaveText("Webex no longer has this customer (it may have been removed in Partner Hub).");
  await expect(panel(page).getByRole("button", { name: "Provision again" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "Customers", exact: true }).click();
  await page.getByLabel("Status").selectOption({ label: "Not in Webex" });
  await expect(page.getByRole("rowheader")).toHaveText(["Acme Dental"]);
  await page.getByRole("link", { name: "Acme Dental" }).click();

  await panel(page).getByRole("button", { name: "Remove here" }).click();
  const dialog = page.getByRole("alertdialog", { name: "Delete customer “Acme Dental”?" });
  // Webex no longer has it: nothing to remove there.
  await expect(dialog.getByRole("checkbox")).toHaveCount(0);
  await dialog.getByRole("button", { name: "Delete customer" }).click();
  await expect(page.getByRole("heading", { name: "Customers", level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: "Acme Dental" })).toHaveCount(0);
  expect((await fakeLog(page)).requests.filter((r) => r.method === "DELETE")).toEqual([]);
});

test("Refresh from Webex on the list reads every customer, page after short page, and lists those this app did not make", async ({ page }) => {
  test.setTimeout(90_000);
  await provisioned(page);
  // 120 customers made in Partner Hub, listed before the app's own: Webex answers 30 a
  // page (100 asked), so the app's customer is on the fifth page.
  await control(page, "book", { count: 120, before: true });
  await page.getByRole("link", { name: "Customers", exact: true }).click();
  await page.getByRole("button", { name: "Refresh from Webex" }).click();
  await expect(page.getByText("Refreshed from Webex: nothing changed.")).toBeVisible({ timeout: 20_000 });
  const book = page.locator("details.webex-book");
  await book.locator("summary").click();
  await expect(book.locator("summary")).toHaveText("Webex has 120 customers this app did not make");
  await expect(book.getByRole("row")).toHaveCount(51);
  await expect(book.getByRole("row").nth(1)).toContainText("0 Other Street, Dallas, US");
  await expect(book.getByRole("row").nth(1)).toContainText("partner-hub-0");
  await expectNoAxeViolations(page);
  // Five pages of customers (4 × 30 and 1) and the empty one that ends the list, then
  // the one customer's subscribers (a page, and the empty one).
  const reads = (await fakeLog(page)).requests.filter((r) => r.method === "GET" && /^\/wholesale\/(customers|subscribers)\?/.test(r.path) && !r.path.includes("externalId") && !r.path.includes("email"));
  const offsets = reads.map((r) => `${r.path.split("?")[0]} ${new URLSearchParams(r.path.split("?")[1]).get("offset")}`);
  expect(offsets).toEqual([
    ...[0, 30, 60, 90, 120, 121].map((o) => `/wholesale/customers ${o}`),
    "/wholesale/subscribers 0",
    "/wholesale/subscribers 2",
  ]);
  // Its customer on a later page is still in Webex, and nothing of it is sent again.
  await page.getByLabel("Status").selectOption({ label: "Not in Webex" });
  await expect(page.getByRole("link", { name: "Acme Dental" })).toHaveCount(0);
  await page.getByLabel("Status").selectOption({ label: "Provisioned" });
  await expect(page.getByRole("link", { name: "Acme Dental" })).toHaveCount(1);
  await expectNoAxeViolations(page);
});
