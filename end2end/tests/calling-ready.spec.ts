// A real tenant refuses calling users at a location without Webex Calling, and numbers
// that are not in their location's inventory: the fake does too, so these runs show
// that the app enables branches, sets up PSTN and puts numbers in place first.
import { expect, test, type Page } from "@playwright/test";
import { connectToFake, control, count, fakeLog, openCustomer } from "./fake";
import { customerWithUsers, expectNoAxeViolations, next, panel, timeline, user } from "./helpers";

test.afterEach(async ({ page }) => {
  expect((await fakeLog(page)).violations, "every request the app sent is one Cisco's spec accepts").toEqual([]);
});

/** Two more calling users: Lee at the branch (number and extension), Mina at the headquarters (extension). */
async function fourCallingUsers(page: Page) {
  await customerWithUsers(page);
  await page.getByRole("link", { name: "Set up customer" }).click();
  await next(page);
  await page
    .getByLabel("Paste users")
    .fill("Lee\tKim\tlee@acme.example\tWebex Calling (Calling Basic)\tDallas branch\n" + "Mina\tChoi\tmina@acme.example\tWebex Calling (Calling Basic)\tHeadquarters\n");
  await page.getByRole("button", { name: "Add pasted users" }).click();
  await next(page);
  await user(page, 1).getByLabel("Phone number").fill("+1 214 555 0101");
  await user(page, 1).getByLabel("Extension").fill("2002");
  await user(page, 2).getByLabel("Extension").fill("1002");
  await next(page);
  await page.getByRole("button", { name: "Create users" }).click();
  await expect(page.getByRole("region", { name: "Users" }).getByRole("rowheader")).toHaveCount(4);
}

/** Opens the location editor of `name` on the customer page and sets its PSTN connection. */
async function choosePstn(page: Page, location: string, label: string) {
  await page.getByRole("button", { name: `Edit location ${location}` }).click();
  await page.getByLabel("PSTN connection", { exact: true }).selectOption({ label });
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status")).toContainText("Changes to");
}

test("a branch and four calling users: Webex Calling enabled, numbers in each inventory, then the users", async ({ page }) => {
  await fourCallingUsers(page);
  await connectToFake(page);
  await openCustomer(page);
  await expect(page.getByRole("region", { name: "Locations" }).getByRole("row", { name: /Dallas branch/ })).toContainText(
    "Numbers managed in Webex by this partner",
  );
  await panel(page).getByRole("button", { name: "Provision in Webex" }).click();
  await expect(panel(page).locator(".badge")).toHaveText("Provisioned", { timeout: 20_000 });
  await expect(panel(page).locator("dl")).toContainText("Users4 of 4");
  await expect(panel(page).locator("dl")).toContainText("Numbers in place2 of 2");

  const log = await fakeLog(page);
  // The branch is enabled once; the headquarters came enabled with the customer.
  expect(count(log, "POST", /^\/telephony\/config\/locations\?orgId=/, 201)).toBe(1);
  // Each location's PSTN connection read, its inventory listed, and its users' numbers added.
  expect(count(log, "GET", /^\/telephony\/pstn\/locations\/[^/]+\/connection\?/, 200)).toBe(2);
  expect(count(log, "POST", /^\/telephony\/config\/locations\/[^/]+\/numbers\?orgId=/, 201)).toBe(2);
  // Every user was taken at first asking: none refused for a location or a number.
  expect(count(log, "POST", /^\/wholesale\/subscribers$/, 200)).toBe(4);
  expect(count(log, "POST", /^\/wholesale\/subscribers$/, 400)).toBe(0);
  const order = log.requests.map((r) => `${r.method} ${r.path.split("?")[0]}`);
  const firstUser = order.indexOf("POST /wholesale/subscribers");
  expect(order.findLastIndex((r) => r.endsWith("/numbers"))).toBeLessThan(firstUser);
});

test("a location without a PSTN connection stops the run with Webex's options; the one picked is set and the run goes on", async ({ page }) => {
  await customerWithUsers(page);
  await connectToFake(page);
  await control(page, "pstn", { connected: false });
  await openCustomer(page);
  await panel(page).getByRole("button", { name: "Provision in Webex" }).click();
  await expect(panel(page).getByRole("alert")).toContainText(
    "Webex says location “Headquarters” has no PSTN connection, so it has no phone numbers.",
    { timeout: 20_000 },
  );
  // Only what the API can set is offered; Cisco Calling Plans are set in Control Hub.
  const picker = panel(page).getByRole("group", { name: "PSTN connection for “Headquarters”" });
  await expect(picker.getByRole("radio")).toHaveCount(2);
  await expect(panel(page).getByText("“Cisco Calling Plans” cannot be set through the API: set it for “Headquarters” in Control Hub, then provision again.")).toBeVisible();
  await expectNoAxeViolations(page);
  await page.locator("#ui-language").selectOption("ko");
  await expect(page.getByRole("group", { name: "“Headquarters”의 PSTN 연결" })).toBeVisible();
  await expect(page.getByRole("button", { name: "연결 설정 후 계속" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.locator("#ui-language").selectOption("en");
  expect(count(await fakeLog(page), "POST", /^\/wholesale\/subscribers$/)).toBe(0);

  // A Local Gateway needs the trunk or route group its calls go through.
  await picker.getByRole("radio", { name: "Premises-based PSTN" }).check();
  await panel(page).getByRole("radio", { name: "Route group" }).check();
  await panel(page).getByRole("button", { name: "Set connection and continue" }).click();
  const route = panel(page).getByLabel("Trunk or route group ID");
  await expect(route).toBeFocused();
  await expect(route).toHaveAccessibleDescription(/Enter the ID of the trunk or route group\.$/);
  await expectNoAxeViolations(page);
  await page.locator("#ui-language").selectOption("ko");
  await expect(page.getByLabel("트렁크 또는 경로 그룹 ID")).toHaveAccessibleDescription(/트렁크 또는 경로 그룹의 ID를 입력하십시오\.$/);
  await expect(page.getByText("“Cisco Calling Plans”은(는) API로 설정할 수 없습니다.", { exact: false })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.locator("#ui-language").selectOption("en");
  await route.fill("UlRHUk9VUDE=");
  await panel(page).getByRole("button", { name: "Set connection and continue" }).click();
  await expect(panel(page).locator(".badge")).toHaveText("Provisioned", { timeout: 20_000 });
  const log = await fakeLog(page);
  expect(count(log, "PUT", /^\/telephony\/pstn\/locations\/[^/]+\/connection\?orgId=/, 204)).toBe(1);
  expect(count(log, "POST", /^\/wholesale\/subscribers$/, 200)).toBe(2);
});

test("a numbered location without a PSTN choice is fixed on the customer page; an integrated provider's missing number stops the run by name", async ({ page }) => {
  await customerWithUsers(page);
  await connectToFake(page);
  await openCustomer(page);
  await choosePstn(page, "Headquarters", "Not chosen yet");
  const fixes = page.getByRole("region", { name: "Fix before provisioning in Webex" });
  await expect(fixes).toContainText("Location “Headquarters” — PSTN connection: Choose how this location's phone numbers reach Webex");
  await expectNoAxeViolations(page);
  await fixes.getByRole("button", { name: "Fix PSTN connection of Location “Headquarters”" }).click();
  await expect(page.getByLabel("PSTN connection", { exact: true })).toBeFocused();
  await page.getByLabel("PSTN connection", { exact: true }).selectOption({ label: "Numbers come from an integrated PSTN provider" });
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(fixes).toHaveCount(0);

  // The provider has put another number there, not Ada's.
  await control(page, "provider", { location: "Headquarters", numbers: ["+15125550199"] });
  await panel(page).getByRole("button", { name: "Provision in Webex" }).click();
  await expect(panel(page).getByRole("alert")).toContainText(
    "These numbers are not in the inventory of location “Headquarters” in Webex: +15125550100.",
    { timeout: 20_000 },
  );
  await expectNoAxeViolations(page);
  const log = await fakeLog(page);
  // The inventory read to its end: its page, then the empty one.
  expect(count(log, "GET", /^\/telephony\/config\/numbers\?/, 200)).toBe(2);
  expect(count(log, "POST", /^\/telephony\/config\/locations\/[^/]+\/numbers/), "an integrated provider's numbers are not added").toBe(0);
  expect(count(log, "POST", /^\/wholesale\/subscribers$/)).toBe(0);

  // The same stop, and the fix list, in Korean.
  await page.locator("#ui-language").selectOption("ko");
  await expect(page.getByRole("region", { name: "Webex 프로비저닝" }).getByRole("alert")).toContainText("다음 번호가 Webex에서 위치 “Headquarters”의 번호 목록에 없습니다: +15125550100.");
  await expectNoAxeViolations(page);
});

test("where Webex says the numbers come from Cisco, none is added, whatever was chosen here", async ({ page }) => {
  await customerWithUsers(page);
  await connectToFake(page);
  // Chosen here: numbers the partner adds. Webex: Cisco Calling Plans, without Ada's number.
  await control(page, "provider", { location: "Headquarters", numbers: ["+15125550199"] });
  await openCustomer(page);
  await panel(page).getByRole("button", { name: "Provision in Webex" }).click();
  await expect(panel(page).getByRole("alert")).toContainText(
    "These numbers are not in the inventory of location “Headquarters” in Webex: +15125550100.",
    { timeout: 20_000 },
  );
  const log = await fakeLog(page);
  expect(count(log, "POST", /^\/telephony\/config\/locations\/[^/]+\/numbers/), "never Add Phone Numbers at CISCO_PSTN").toBe(0);
  expect((await timeline(page)).join("\n")).toContain("PSTN connection: CISCO_PSTN");
});

test("a number Webex refuses inside its 201 is named on its user, and the other users are provisioned (Korean too)", async ({ page }) => {
  await customerWithUsers(page);
  await connectToFake(page);
  // Ada's number is another organization's: valid, then refused when added.
  await control(page, "elsewhere", { numbers: ["+15125550100"] });
  await openCustomer(page);
  await panel(page).getByRole("button", { name: "Provision in Webex" }).click();
  const refused = "it@acme.example — 9675: +15125550100: The number is in use in another location or organization.";
  await expect(panel(page).locator("dl")).toContainText(refused, { timeout: 20_000 });
  await expectNoAxeViolations(page);
  const log = await fakeLog(page);
  expect(count(log, "POST", /^\/telephony\/config\/actions\/validateNumbers\/invoke\?/, 200), "checked before it was added").toBe(1);
  expect(count(log, "POST", /^\/telephony\/config\/locations\/[^/]+\/numbers\?/, 201)).toBe(1);
  expect(count(log, "POST", /^\/wholesale\/subscribers$/, 200), "Jae only").toBe(1);
  await page.locator("#ui-language").selectOption("ko");
  await expect(page.getByRole("region", { name: "Webex 프로비저닝" }).locator("dl")).toContainText(refused);
  await expectNoAxeViolations(page);
});

test("a number Webex lists as inactive is activated before its user goes", async ({ page }) => {
  await customerWithUsers(page);
  await connectToFake(page);
  await control(page, "inactive", { numbers: ["+15125550100"] });
  await openCustomer(page);
  await panel(page).getByRole("button", { name: "Provision in Webex" }).click();
  await expect(panel(page).locator(".badge")).toHaveText("Provisioned", { timeout: 20_000 });
  const log = await fakeLog(page);
  expect(count(log, "PUT", /^\/telephony\/config\/locations\/[^/]+\/numbers\?/, 204)).toBe(1);
  expect(count(log, "POST", /^\/wholesale\/subscribers$/, 200)).toBe(2);
  expect((await timeline(page)).join("\n")).toContain("1 number activated");
});

test("an extension repeats another location's only with a routing prefix, which Webex has before the users", async ({ page }) => {
  test.setTimeout(60_000);
  await customerWithUsers(page);
  // Ada (headquarters) takes Jae's extension (Dallas branch): refused beside the field.
  await page.getByRole("button", { name: "Edit Ada Admin" }).click();
  const ada = page.getByRole("form", { name: "Edit user Ada Admin" });
  await ada.getByLabel("Extension").fill("2001");
  await ada.getByRole("button", { name: "Save changes" }).click();
  await expect(ada.getByLabel("Extension")).toHaveAccessibleDescription(
    /This extension is already used at this location, or at another location of this customer without a routing prefix\. Use another, or give the locations routing prefixes\.$/,
  );
  await expectNoAxeViolations(page);
  await ada.getByRole("button", { name: "Cancel" }).click();

  // The branch gets a routing prefix: now Ada may have 2001 too.
  await page.getByRole("button", { name: "Edit location Dallas branch" }).click();
  const branch = page.getByRole("form", { name: "Edit location Dallas branch" });
  await branch.getByLabel("Routing prefix (optional)").fill("8x");
  await branch.getByRole("button", { name: "Save changes" }).click();
  await expect(branch.getByLabel("Routing prefix (optional)")).toHaveAccessibleDescription(/Use digits only, at most 7\.$/);
  await expectNoAxeViolations(page);
  await page.locator("#ui-language").selectOption("ko");
  await expect(page.getByLabel("라우팅 접두사(선택)")).toHaveAccessibleDescription(/숫자만, 최대 7자리로 입력하십시오\.$/);
  await expectNoAxeViolations(page);
  await page.locator("#ui-language").selectOption("en");
  await branch.getByLabel("Routing prefix (optional)").fill("8");
  await branch.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Changes to" })).toBeVisible();
  await page.getByRole("button", { name: "Edit Ada Admin" }).click();
  await page.getByRole("form", { name: "Edit user Ada Admin" }).getByLabel("Extension").fill("2001");
  await page.getByRole("form", { name: "Edit user Ada Admin" }).getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Ada Admin saved.")).toBeVisible();

  await connectToFake(page);
  await openCustomer(page);
  await panel(page).getByRole("button", { name: "Provision in Webex" }).click();
  await expect(panel(page).locator(".badge")).toHaveText("Provisioned", { timeout: 20_000 });
  const log = await fakeLog(page);
  expect(count(log, "PUT", /^\/telephony\/config\/locations\/[^/?]+\?orgId=/, 204), "the branch's prefix").toBe(1);
  expect(count(log, "POST", /^\/wholesale\/subscribers$/, 200), "both users, with the same extension").toBe(2);
});

test("a branch in a language Webex Calling does not announce in gets English announcements, and the timeline says so", async ({ page }) => {
  await customerWithUsers(page);
  await page.getByRole("button", { name: "Edit location Dallas branch" }).click();
  const branch = page.getByRole("form", { name: "Edit location Dallas branch" });
  await branch.getByLabel("Language").selectOption({ label: "Norsk bokmål" });
  await branch.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Changes to" })).toBeVisible();
  await connectToFake(page);
  await openCustomer(page);
  await panel(page).getByRole("button", { name: "Provision in Webex" }).click();
  await expect(panel(page).locator(".badge")).toHaveText("Provisioned", { timeout: 20_000 });
  expect((await timeline(page)).join("\n")).toContain("announcements in English: Webex does not offer nb_no");
  expect(count(await fakeLog(page), "GET", /^\/telephony\/config\/announcementLanguages$/, 200), "read once").toBe(1);
});

test("at an extensions-only location a calling user needs an extension and no number", async ({ page }) => {
  await customerWithUsers(page);
  await choosePstn(page, "Dallas branch", "Extensions only");
  await page.getByRole("link", { name: "Set up customer" }).click();
  await next(page);
  await page.getByLabel("Paste users").fill("Lee\tKim\tlee@acme.example\tWebex Calling (Calling Basic)\tDallas branch\n");
  await page.getByRole("button", { name: "Add pasted users" }).click();
  await next(page);
  await user(page, 1).getByLabel("Phone number").fill("+1 214 555 0101");
  await next(page);
  await expect(user(page, 1).getByText("This location uses extensions only: remove the number")).toBeVisible();
  await expect(user(page, 1).getByText("Enter an extension: this location uses extensions only.")).toBeVisible();
  await expectNoAxeViolations(page);
  await user(page, 1).getByLabel("Phone number").fill("");
  await user(page, 1).getByLabel("Extension").fill("2002");
  await next(page);
  await page.getByRole("button", { name: "Create users" }).click();
  await expect(page.getByRole("region", { name: "Users" }).getByRole("rowheader")).toHaveCount(3);
});
