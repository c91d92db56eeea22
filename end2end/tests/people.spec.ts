// A provisioned user's changes go where Webex takes them (against the fake, as strict as
// the spec): its number and extension through the People API, read back; its location
// as a move job, shown as moving until the job ends; a failed move stays listed with
// Webex's words. A subscriber PUT carries no calling details Webex would ignore.
import { expect, test, type Page } from "@playwright/test";
import { FAKE, connectToFake, count, control, fakeLog, openCustomer, partnerOf } from "./fake";
import { customerWithUsers, expectNoAxeViolations, panel } from "./helpers";

test.afterEach(async ({ page }) => {
  const log = await fakeLog(page);
  expect(log.violations, "every request the app sent is one Cisco's spec accepts").toEqual([]);
  expect((log as unknown as { ignored: string[] }).ignored, "no subscriber PUT carried details Webex ignores").toEqual([]);
});

function changes(page: Page) {
  return page.getByRole("region", { name: "Changes not yet in Webex" });
}

/** The usual customer (Ada at the headquarters, Jae at the Dallas branch, extension 2001), provisioned. */
async function provisioned(page: Page) {
  await customerWithUsers(page);
  await connectToFake(page, "one", true);
  await openCustomer(page);
  await panel(page).getByRole("button", { name: "Provision in Webex" }).click();
  await expect(panel(page).locator(".badge")).toHaveText("Provisioned", { timeout: 20_000 });
}

/** The people behind the fake's subscribers, by e-mail. */
async function people(page: Page): Promise<Record<string, { extension?: string; locationId?: string; phoneNumbers: { value: string }[]; lastName: string }>> {
  const list = await (await page.request.get(`${FAKE}/__control/${partnerOf()}/people`)).json();
  return Object.fromEntries(list.map((p: { email: string }) => [p.email, p]));
}

async function editJae(page: Page, edit: (form: ReturnType<Page["getByRole"]>) => Promise<void>, saved = "Jae Park saved.") {
  await page.getByRole("button", { name: "Edit Jae Park" }).click();
  const jae = page.getByRole("form", { name: "Edit user Jae Park" });
  await edit(jae);
  await jae.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText(saved)).toBeVisible();
}

test("a provisioned user's new extension and name go through the People API and are read back", async ({ page }) => {
  test.setTimeout(90_000);
  await provisioned(page);
  await editJae(page, async (jae) => {
    await jae.getByLabel("Extension").fill("2002");
    await jae.getByLabel("Last name").fill("Parker");
  }, "Jae Parker saved.");
  await expect(changes(page).getByRole("listitem")).toHaveText(["Rename Jae Park to Jae Parker", "Change Jae Parker's extension to 2002"]);
  await expectNoAxeViolations(page);
  await changes(page).getByRole("button", { name: "Apply changes in Webex" }).click();
  await expect(changes(page)).toHaveCount(0, { timeout: 20_000 });
  const jae = (await people(page))["jae@acme.example"];
  expect([jae.extension, jae.lastName]).toEqual(["2002", "Parker"]);
  const log = await fakeLog(page);
  expect(count(log, "GET", /^\/people\//, 200)).toBe(1);
  expect(count(log, "PUT", /^\/people\//, 200)).toBe(1);
  expect(count(log, "PUT", /^\/wholesale\/subscribers\//), "the package did not change").toBe(0);
});

test("a calling user's move is a job: moving until Webex ends it, then at the new location", async ({ page }) => {
  test.setTimeout(90_000);
  await provisioned(page);
  await editJae(page, (jae) => jae.getByLabel("Location").selectOption({ label: "Headquarters" }).then(() => undefined));
  await expect(changes(page).getByRole("listitem")).toHaveText(["Move Jae Park to Headquarters"]);
  await changes(page).getByRole("button", { name: "Apply changes in Webex" }).click();
  await expect(changes(page).getByRole("listitem")).toHaveText(["Moving Jae Park to Headquarters: Webex is still at it"], { timeout: 10_000 });
  await expectNoAxeViolations(page);
  await expect(changes(page)).toHaveCount(0, { timeout: 20_000 });
  const log = await fakeLog(page);
  expect(count(log, "POST", /^\/telephony\/config\/jobs\/person\/moveLocation\?/, 201)).toBe(1);
  expect(count(log, "GET", /^\/telephony\/config\/jobs\/person\/moveLocation\/[^/]+\?/, 200)).toBe(2);
  const jae = (await people(page))["jae@acme.example"];
  const ada = (await people(page))["it@acme.example"];
  expect(jae.locationId).toBe(ada.locationId);
});

test("a move Webex fails stays listed with Webex's words, in English and Korean", async ({ page }) => {
  test.setTimeout(90_000);
  await provisioned(page);
  await control(page, "moveFailure", { code: "19605", description: "[Error 19605] User is assigned services not authorized to the new group." });
  await editJae(page, (jae) => jae.getByLabel("Location").selectOption({ label: "Headquarters" }).then(() => undefined));
  await changes(page).getByRole("button", { name: "Apply changes in Webex" }).click();
  await expect(changes(page).getByRole("listitem")).toHaveText(
    ["Move Jae Park to Headquarters — Webex refused it: 19605: [Error 19605] User is assigned services not authorized to the new group."],
    { timeout: 20_000 },
  );
  await expectNoAxeViolations(page);
  await page.locator("#ui-language").selectOption("ko");
  const ko = page.getByRole("region", { name: "Webex에 아직 반영되지 않은 변경 사항" });
  await expect(ko.getByRole("listitem")).toContainText(["Jae Park의 위치를 Headquarters(으)로 변경 — Webex에서 거부함: 19605"]);
  await expectNoAxeViolations(page);
  const jae = (await people(page))["jae@acme.example"];
  const ada = (await people(page))["it@acme.example"];
  expect(jae.locationId).not.toBe(ada.locationId);
});
