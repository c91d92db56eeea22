// "Check with Webex": a dry run that sends only reads and prechecks. The fake refuses, in
// its prechecks, what a real Webex refuses: an e-mail a person of another organization
// has, a number Webex calls unavailable, a package the customer lacks in Webex.
import { expect, test, type Page } from "@playwright/test";
import { connectToFake, control, count, fakeLog, openCustomer } from "./fake";
import { createCustomer, createTemplate, expectNoAxeViolations, fillUser, LINKED_TEMPLATE_ID, next, panel, user } from "./helpers";

test.afterEach(async ({ page }) => {
  expect((await fakeLog(page)).violations, "every request the app sent is one Cisco's spec accepts").toEqual([]);
});

const USERS = 40;
/** The users' numbers: the admin has an extension only, the others +1 512 555 01NN. */
const number = (n: number) => `+1512555${String(100 + n).padStart(4, "0")}`;

/** Acme Dental with the admin and 39 calling users at the headquarters, pasted in. */
async function fortyUsers(page: Page) {
  await createTemplate(page, { name: "Gold", partnerHubId: LINKED_TEMPLATE_ID });
  await createCustomer(page, { company: "Acme Dental", email: "it@acme.example", packages: ["Webex Calling (Calling Basic)", "Webex Meetings"] });
  await page.getByRole("link", { name: "Set up customer" }).click();
  await next(page);
  await fillUser(page, 1, "Ada", "Admin");
  const lines = Array.from({ length: USERS - 1 }, (_, i) => {
    const n = i + 1;
    const pkg = n === 7 ? "Webex Meetings" : "Webex Calling (Calling Basic)";
    return `First${n}\tLast${n}\tu${n}@acme.example\t${pkg}\tHeadquarters\t${n === 7 ? "" : number(n)}\t${n === 7 ? "" : 2000 + n}`;
  });
  await page.getByLabel("Paste users").fill(lines.join("\n"));
  await page.getByRole("button", { name: "Add pasted users" }).click();
  await next(page);
  await user(page, 1).getByLabel("Extension").fill("1000");
  await next(page);
  await page.getByRole("button", { name: "Create users" }).click();
  await expect(page.getByText(`Showing 1–${USERS > 50 ? 50 : USERS} of ${USERS}`).or(page.getByRole("region", { name: "Users" }))).toBeVisible();
}

/** Only reads and the three prechecks reached the fake. */
function writes(log: Awaited<ReturnType<typeof fakeLog>>) {
  const prechecks = ["/wholesale/customers/validate", "/wholesale/subscribers/validate", "/telephony/config/actions/validateNumbers/invoke"];
  return log.requests.filter((r) => r.method !== "GET" && !prechecks.includes(r.path.split("?")[0]));
}

test("a dry run of 40 users names the e-mail and the number Webex would refuse, on their rows, and writes nothing", async ({ page }) => {
  test.setTimeout(90_000);
  await fortyUsers(page);
  // Remembered in the tab: the page is reloaded on the way.
  await connectToFake(page, "one", true);
  await control(page, "elsewhere", { emails: ["u7@acme.example"] });
  await control(page, "unavailable", { numbers: [number(13)] });
  await openCustomer(page);
  await panel(page).getByRole("button", { name: "Check with Webex" }).click();
  const report = panel(page).getByRole("region", { name: "Check with Webex" });
  await expect(report).toContainText("What Webex would refuse (2):", { timeout: 20_000 });
  const rows = report.getByRole("row");
  await expect(rows).toHaveCount(3);
  await expect(rows.filter({ hasText: "u7@acme.example" })).toContainText(["Email"]);
  await expect(rows.filter({ hasText: "u7@acme.example" })).toContainText("10022");
  await expect(rows.filter({ hasText: "u13@acme.example" })).toContainText("Phone number");
  await expect(rows.filter({ hasText: "u13@acme.example" })).toContainText("8361");
  await expect(report).toContainText(/Checked at \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\./);
  // Nothing was written in Webex: the customer, every user and every number only checked.
  const log = await fakeLog(page);
  expect(writes(log)).toEqual([]);
  expect(count(log, "POST", /^\/wholesale\/customers\/validate$/, 200)).toBe(1);
  expect(count(log, "POST", /^\/wholesale\/subscribers\/validate$/)).toBe(USERS);
  expect(count(log, "POST", /^\/telephony\/config\/actions\/validateNumbers\/invoke$/, 200)).toBe(2);
  expect(count(log, "POST", /^\/wholesale\/customers$/)).toBe(0);
  await expect(panel(page).locator(".badge")).toHaveText("Not provisioned");
  await expectNoAxeViolations(page);

  // The report is kept with the customer.
  await page.reload();
  await expect(report).toContainText("What Webex would refuse (2):");

  // "Edit" opens the user's editor on the field Webex named.
  await report.getByRole("button", { name: "Edit First7 Last7 <u7@acme.example>" }).click();
  await expect(page.getByRole("textbox", { name: "Email" })).toBeFocused();
  await page.getByRole("textbox", { name: "Email" }).fill("first7@acme.example");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(report).toContainText("The customer changed since this check: check again before provisioning.");

  // In Korean too, with no accessibility violation.
  await page.getByLabel("Display language").selectOption("ko");
  const reportKo = page.getByRole("region", { name: "Webex로 확인" });
  await expect(reportKo).toContainText("Webex가 거부할 항목(2개):");
  await expect(reportKo).toContainText("확인한 뒤 고객이 바뀌었습니다.");
  await expectNoAxeViolations(page);

  // Checked again: only the number is left.
  await page.getByRole("button", { name: "Webex로 확인" }).click();
  await expect(reportKo).toContainText("Webex가 거부할 항목(1개):", { timeout: 20_000 });
  await expect(reportKo).not.toContainText("확인한 뒤 고객이 바뀌었습니다.");
});

test("a check says how far it got, can be cancelled, and says it stopped early", async ({ page }) => {
  await fortyUsers(page);
  await connectToFake(page);
  // The 21st user's precheck never answers: the check waits there until cancelled.
  await control(page, "faults", [{ method: "POST", path: "^/wholesale/subscribers/validate$", status: 200, hang: true, after: 20 }]);
  await openCustomer(page);
  await panel(page).getByRole("button", { name: "Check with Webex" }).click();
  await expect(panel(page).getByText(/^Checked \d+ of 40 users$/)).toBeVisible();
  await expect(panel(page).getByRole("button", { name: "Check with Webex" })).toBeDisabled();
  await expectNoAxeViolations(page);
  await panel(page).getByRole("button", { name: "Cancel check" }).click();
  const report = panel(page).getByRole("region", { name: "Check with Webex" });
  await expect(report).toContainText("The check stopped before every answer came");
  await expect(panel(page).getByRole("button", { name: "Check with Webex" })).toBeEnabled();
  expect(writes(await fakeLog(page))).toEqual([]);
  await expectNoAxeViolations(page);
});

test("a user added on day two is checked against the customer as Webex has it: a package it lacks there", async ({ page }) => {
  test.setTimeout(120_000);
  await fortyUsers(page);
  await connectToFake(page);
  await openCustomer(page);
  await panel(page).getByRole("button", { name: "Provision in Webex" }).click();
  await expect(panel(page).locator(".badge")).toHaveText("Provisioned", { timeout: 60_000 });
  // Partner Hub takes Meetings away; then Grace, a Meetings user, is added here.
  const externalId = new URL(page.url()).pathname.split("/").pop();
  await control(page, "drift", { customer: externalId, dropPackage: "webex_meetings" });
  await page.getByRole("link", { name: "Set up customer" }).click();
  await next(page);
  await page.getByLabel("Paste users").fill("Grace\tHopper\tgrace@acme.example\tWebex Meetings\tHeadquarters");
  await page.getByRole("button", { name: "Add pasted users" }).click();
  await next(page);
  await next(page);
  await page.getByRole("button", { name: "Create users" }).click();
  await expect(page.getByRole("heading", { name: "Acme Dental", level: 1 })).toBeVisible();
  const before = (await fakeLog(page)).requests.length;
  await panel(page).getByRole("button", { name: "Check with Webex" }).click();
  const report = panel(page).getByRole("region", { name: "Check with Webex" });
  await expect(report).toContainText("What Webex would refuse (1):", { timeout: 20_000 });
  const grace = report.getByRole("row").filter({ hasText: "grace@acme.example" });
  await expect(grace).toContainText("Package");
  await expect(grace).toContainText("10201: The customer has no webex_meetings package.");
  // What Webex has of the headquarters, read.
  await expect(report).toContainText("Headquarters: Webex Calling, PSTN");
  const log = await fakeLog(page);
  expect(writes({ ...log, requests: log.requests.slice(before) })).toEqual([]);
});

test("an import of 200 rows is checked with Webex page by page, each row showing what Webex says", async ({ page }) => {
  test.setTimeout(120_000);
  await createTemplate(page, { name: "Gold", partnerHubId: LINKED_TEMPLATE_ID });
  await connectToFake(page, "one", true);
  await control(page, "elsewhere", { emails: ["u30@acme.example"] });
  await control(page, "unavailable", { numbers: [number(60)] });
  await createCustomer(page, { company: "Acme Dental", email: "it@acme.example", packages: ["Webex Calling (Calling Basic)", "Webex Meetings"] });
  await page.getByRole("link", { name: "Set up customer" }).click();
  await next(page);
  const lines = ["First Name,Last Name,User ID/Email (Required),Package,Location,Phone Number,Extension,Role", "Ada,Admin,it@acme.example,webex_calling,Headquarters,,1000,full_admin"];
  for (let n = 1; n < 200; n++) lines.push(`First${n},Last${n},u${n}@acme.example,webex_calling,Headquarters,${number(n)},${2000 + n},user`);
  await page.getByLabel("CSV file", { exact: true }).setInputFiles({ name: "users.csv", mimeType: "text/csv", buffer: Buffer.from(lines.join("\r\n"), "utf8") });
  const preview = page.getByRole("group", { name: "“users.csv”: 200 users" });
  await expect(preview).toContainText("All 200 are ready to add.");

  // Page 1: everyone passes.
  await preview.getByRole("button", { name: "Check this page with Webex" }).click();
  await expect(preview.getByText("Webex would take it")).toHaveCount(25, { timeout: 20_000 });
  // Page 2: u30's e-mail belongs to someone of another organization.
  await preview.getByRole("button", { name: "Next page" }).click();
  await preview.getByRole("button", { name: "Check this page with Webex" }).click();
  const u30 = preview.getByRole("row").filter({ hasText: "u30@acme.example" });
  await expect(u30).toContainText("Webex: Email: 10022: The email is already associated with an existing user.", { timeout: 20_000 });
  await expect(preview.getByText("Webex would take it")).toHaveCount(24);
  // Page 3: u60's number is unavailable.
  await preview.getByRole("button", { name: "Next page" }).click();
  await preview.getByRole("button", { name: "Check this page with Webex" }).click();
  const u60 = preview.getByRole("row").filter({ hasText: "u60@acme.example" });
  await expect(u60).toContainText("DN is unavailable", { timeout: 20_000 });
  await expect(u60).toContainText("Webex: Phone number: 8361");
  await expectNoAxeViolations(page);
  // Back on page 2, its results are still there.
  await preview.getByRole("button", { name: "Previous page" }).click();
  await expect(u30).toContainText("Webex: Email: 10022");

  const log = await fakeLog(page);
  expect(writes(log)).toEqual([]);
  expect(count(log, "POST", /^\/wholesale\/subscribers\/validate$/)).toBe(75);
  expect(count(log, "POST", /^\/telephony\/config\/actions\/validateNumbers\/invoke$/)).toBe(6);
});

test("pasted users are checked with Webex, and a refused one leads to its field", async ({ page }) => {
  await createTemplate(page, { name: "Gold", partnerHubId: LINKED_TEMPLATE_ID });
  await connectToFake(page, "one", true);
  await control(page, "elsewhere", { emails: ["mina@acme.example"] });
  await createCustomer(page, { company: "Acme Dental", email: "it@acme.example", packages: ["Webex Calling (Calling Basic)", "Webex Meetings"] });
  await page.getByRole("link", { name: "Set up customer" }).click();
  await next(page);
  await fillUser(page, 1, "Ada", "Admin");
  await page.getByLabel("Paste users").fill("Lee\tKim\tlee@acme.example\tWebex Meetings\tHeadquarters\nMina\tChoi\tmina@acme.example\tWebex Meetings\tHeadquarters\n");
  await page.getByRole("button", { name: "Add pasted users" }).click();
  await page.getByRole("button", { name: "Check the pasted users with Webex" }).click();
  await expect(page.getByText("What Webex would refuse (1):")).toBeVisible({ timeout: 20_000 });
  const mina = page.getByRole("listitem").filter({ hasText: "Webex: Email: 10022" });
  await expect(mina).toContainText("Mina Choi <mina@acme.example>");
  await expectNoAxeViolations(page);
  await mina.getByRole("button", { name: "Mina Choi <mina@acme.example>" }).click();
  await expect(user(page, 3).getByLabel("Email")).toBeFocused();
  expect(writes(await fakeLog(page))).toEqual([]);
});

test("the list checks the customers its search shows with Webex, one after the other, and names those Webex would refuse", async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto("/customers");
  await page.getByRole("button", { name: "Load demo data" }).click();
  await expect(page.getByRole("table").getByRole("rowheader")).toHaveCount(30);
  // Birch Logistics has a user whose e-mail a person of another organization has.
  await page.getByLabel("Search customers").fill("Birch");
  await page.getByRole("button", { name: "Check with Webex" }).click();
  const note = page.locator(".list-check");
  await expect(note).toContainText("Webex would refuse something of these customers (1): Birch Logistics.", { timeout: 30_000 });
  await expect(page.getByRole("button", { name: "Check with Webex" })).toBeEnabled();
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "Birch Logistics" }).click();
  const report = panel(page).getByRole("region", { name: "Check with Webex" });
  await expect(report).toContainText("What Webex would refuse (1):");
  await expect(report).toContainText("10022");

  await page.getByRole("link", { name: "Customers", exact: true }).click();
  await page.getByLabel("Search customers").fill("Pioneer");
  await page.getByRole("button", { name: "Check with Webex" }).click();
  await expect(page.locator(".list-check")).toContainText("Checked with Webex (customers: 1): Webex would take everything checked.", { timeout: 30_000 });
});
