// After day 0: edits to a customer Webex has wait visibly as "Changes not yet in Webex",
// then "Apply changes in Webex" sends each once (against the fake, as strict as a tenant:
// a subscriber's package must be the customer's, a package a subscriber holds stays).
import { expect, test, type Page } from "@playwright/test";
import { connectToFake, control, count, fakeLog, openCustomer, partnerOf } from "./fake";
import { customerWithUsers, expectNoAxeViolations, next, panel } from "./helpers";

test.afterEach(async ({ page }) => {
  expect((await fakeLog(page)).violations, "every request the app sent is one Cisco's spec accepts").toEqual([]);
});

const SUITE = "Webex Suite";

function changes(page: Page) {
  return page.getByRole("region", { name: "Changes not yet in Webex" });
}

/** The usual customer plus Bo Kim (Meetings, at the headquarters), provisioned in the fake. */
async function provisionedWithThreeUsers(page: Page) {
  await customerWithUsers(page);
  await page.getByRole("link", { name: "Set up customer" }).click();
  await next(page);
  await page.getByLabel("Paste users").fill("Bo\tKim\tbo@acme.example\tWebex Meetings\tHeadquarters\n");
  await page.getByRole("button", { name: "Add pasted users" }).click();
  await next(page);
  await next(page);
  await page.getByRole("button", { name: "Create users" }).click();
  await expect(page.getByRole("region", { name: "Users" }).getByRole("rowheader")).toHaveCount(3);
  // Remembered in this tab: the test reloads.
  await connectToFake(page, "one", true);
  await openCustomer(page);
  await panel(page).getByRole("button", { name: "Provision in Webex" }).click();
  await expect(panel(page).locator(".badge")).toHaveText("Provisioned", { timeout: 20_000 });
  await expect(changes(page)).toHaveCount(0);
}

async function addSuite(page: Page) {
  await page.getByRole("button", { name: "Edit customer information" }).click();
  const editor = page.getByRole("form", { name: "Edit customer information" });
  await editor.getByRole("checkbox", { name: SUITE }).check();
  await editor.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Changes to Acme Dental saved.")).toBeVisible();
}

async function giveJaeSuite(page: Page) {
  await page.getByRole("button", { name: "Edit Jae Park" }).click();
  const jae = page.getByRole("form", { name: "Edit user Jae Park" });
  await jae.getByLabel("Package").selectOption({ label: SUITE });
  await jae.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Jae Park saved.")).toBeVisible();
}

async function removeBo(page: Page) {
  await page.getByRole("button", { name: "Remove Bo Kim" }).click();
  await page.getByRole("alertdialog", { name: "Remove Bo Kim?" }).getByRole("button", { name: "Remove" }).click();
  await expect(page.getByRole("region", { name: "Users" }).getByRole("rowheader")).toHaveCount(2);
}

test("each kind of change is listed, applied in Webex once each in order, and then gone", async ({ page }) => {
  test.setTimeout(90_000);
  await provisionedWithThreeUsers(page);
  const before = (await fakeLog(page)).requests.length;

  await addSuite(page);
  await giveJaeSuite(page);
  await removeBo(page);
  await page.getByRole("button", { name: "Edit location Dallas branch" }).click();
  const branch = page.getByRole("form", { name: "Edit location Dallas branch" });
  await branch.getByLabel("Address line 1").fill("900 Elm Street");
  await branch.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Changes to" })).toBeVisible();

  const listed = changes(page).getByRole("listitem");
  await expect(listed).toHaveText([
    "Add Webex Suite to the customer's packages",
    "Update the address of Dallas branch",
    "Remove Bo Kim from Webex",
    "Change Jae Park's package to Webex Suite",
  ]);
  expect((await fakeLog(page)).requests.length, "edits alone send nothing").toBe(before);
  await expectNoAxeViolations(page);

  // Saved: still listed after a reload, and the list says so and filters by it.
  await page.reload();
  await expect(listed).toHaveCount(4);
  await page.getByRole("link", { name: "Customers", exact: true }).click();
  const row = page.getByRole("row", { name: /Acme Dental/ });
  await expect(row).toContainText("Changes pending");
  await page.getByLabel("Status").selectOption({ label: "Changes pending" });
  await expect(page.getByRole("rowheader")).toHaveText(["Acme Dental"]);
  await page.getByLabel("Status").selectOption({ label: "Provisioned" });
  await expect(page.getByRole("rowheader")).toHaveText(["Acme Dental"]);
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "Acme Dental" }).click();

  await changes(page).getByRole("button", { name: "Apply changes in Webex" }).click();
  await expect(changes(page)).toHaveCount(0, { timeout: 20_000 });
  await expect(panel(page).locator(".badge")).toHaveText("Provisioned");
  const log = await fakeLog(page);
  const sent = log.requests
    .slice(before)
    .filter((r) => r.method !== "GET")
    .map((r) => `${r.method} ${r.path.replace(/[A-Za-z0-9_-]{30,}/g, "{id}").split("?")[0]} ${r.status}`);
  expect(sent).toEqual([
    // The package first (Jae's needs it), then the branch, then Bo, then Jae.
    "PUT /wholesale/customers/{id} 202",
    "PUT /locations/{id} 204",
    "DELETE /wholesale/subscribers/{id} 204",
    "PUT /wholesale/subscribers/{id} 200",
  ]);
  // Applied again: nothing left to send.
  await page.reload();
  await expect(changes(page)).toHaveCount(0);
  await panel(page).getByRole("button", { name: "Provision in Webex" }).click();
  await expect(panel(page).locator(".badge")).toHaveText("Provisioned");
  await page.waitForTimeout(1_000);
  expect((await fakeLog(page)).requests.slice(before).filter((r) => r.method !== "GET")).toHaveLength(4);
});

test("a change Webex refuses stays listed with its code; applied again once the cause is gone, it goes (Korean too)", async ({ page }) => {
  test.setTimeout(90_000);
  await provisionedWithThreeUsers(page);
  await removeBo(page);
  await page.getByRole("button", { name: "Edit Jae Park" }).click();
  const jae = page.getByRole("form", { name: "Edit user Jae Park" });
  await jae.getByLabel("Extension").fill("2009");
  await jae.getByRole("button", { name: "Save changes" }).click();
  await expect(changes(page).getByRole("listitem")).toHaveText(["Remove Bo Kim from Webex", "Change Jae Park's extension to 2009"]);
  await control(page, "faults", [
    {
      // An extension goes through the People API.
      method: "PUT",
      path: "^/people/",
      status: 400,
      times: 1,
      body: { message: "bad", errors: [{ errorCode: 4003, description: "The extension 2009 is in use at this location." }], trackingId: "FAKE" },
    },
  ]);
  await changes(page).getByRole("button", { name: "Apply changes in Webex" }).click();
  await expect(changes(page).getByRole("listitem")).toHaveText(
    ["Change Jae Park's extension to 2009 — Webex refused it: 4003: The extension 2009 is in use at this location."],
    { timeout: 20_000 },
  );
  await expectNoAxeViolations(page);
  await page.locator("#ui-language").selectOption("ko");
  const ko = page.getByRole("region", { name: "Webex에 아직 반영되지 않은 변경 사항" });
  await expect(ko.getByRole("listitem")).toHaveText([
    "Jae Park의 내선 번호를 2009(으)로 변경 — Webex에서 거부함: 4003: The extension 2009 is in use at this location.",
  ]);
  await expectNoAxeViolations(page);
  await ko.getByRole("button", { name: "Webex에 변경 사항 적용" }).click();
  await expect(ko).toHaveCount(0, { timeout: 20_000 });
  const log = await fakeLog(page);
  expect(count(log, "DELETE", /^\/wholesale\/subscribers\//, 204), "the removal went once").toBe(1);
  expect(count(log, "PUT", /^\/people\//, 400)).toBe(1);
  expect(count(log, "PUT", /^\/people\//, 200)).toBe(1);
  expect(count(log, "PUT", /^\/wholesale\/subscribers\//), "the package did not change").toBe(0);
});

test("Apply changes in Webex without a token says so beside the button, and goes once one is given", async ({ page }) => {
  test.setTimeout(90_000);
  await provisionedWithThreeUsers(page);
  await removeBo(page);
  // A reload forgets the token (not remembered in this tab).
  await page.evaluate(() => sessionStorage.clear());
  await page.reload();
  await changes(page).getByRole("button", { name: "Apply changes in Webex" }).click();
  await expect(changes(page).getByRole("alert")).toHaveText("The run is paused: Webex needs a valid access token. Enter a new one in Webex connection");
  await expectNoAxeViolations(page);
  await changes(page).getByRole("link", { name: "Webex connection" }).click();
  const section = page.getByRole("region", { name: "Webex connection" });
  await section.getByLabel("Access token").fill(`${partnerOf()}.one`);
  await openCustomer(page);
  await changes(page).getByRole("button", { name: "Apply changes in Webex" }).click();
  await expect(changes(page)).toHaveCount(0, { timeout: 20_000 });
  expect(count(await fakeLog(page), "DELETE", /^\/wholesale\/subscribers\//, 204)).toBe(1);
});
