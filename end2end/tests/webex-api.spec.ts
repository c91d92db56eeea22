import { expect, test, type Page } from "@playwright/test";
import { customerWithUsers, expectNoAxeViolations, navigateTo, next, panel, savedDocument, storedItems, timeline, user } from "./helpers";

/** The fake Webex API (fake-webex.mjs), started by Playwright beside the app. */
const FAKE = "http://127.0.0.1:4175";

/** This test's own partner at the fake, so that tests in parallel do not meet. */
function partnerOf(): string {
  return `p${test.info().testId.replace(/[^a-z0-9]/gi, "")}`;
}

async function control(page: Page, action: string, body: unknown) {
  const res = await page.request.post(`${FAKE}/__control/${partnerOf()}/${action}`, { data: body });
  expect(res.ok()).toBe(true);
}

/** What the fake was asked: each request's method, path and status; and spec violations. */
async function fakeLog(page: Page): Promise<{ requests: { method: string; path: string; status: number }[]; violations: string[] }> {
  return (await page.request.get(`${FAKE}/__control/${partnerOf()}/log`)).json();
}

function count(log: { requests: { method: string; path: string; status: number }[] }, method: string, path: RegExp, status?: number) {
  return log.requests.filter((r) => r.method === method && path.test(r.path) && (status === undefined || r.status === status)).length;
}

/** Settings → Webex connection: the Webex API at the fake, with `secret` as the token. */
async function connectToFake(page: Page, secret = "one", remember = false) {
  await navigateTo(page, "Settings");
  const section = page.getByRole("region", { name: "Webex connection" });
  await section.getByRole("radio", { name: "Webex API" }).check();
  await section.getByLabel("API base URL").fill(FAKE);
  await section.getByLabel("API base URL").blur();
  await section.getByLabel("Access token").fill(`${partnerOf()}.${secret}`);
  if (remember) await section.getByRole("checkbox", { name: "Remember the token in this tab" }).check();
  return section;
}

async function openCustomer(page: Page, company = "Acme Dental") {
  await navigateTo(page, "Customers");
  await page.getByRole("link", { name: company }).click();
  await expect(page.getByRole("heading", { name: company, level: 1 })).toBeVisible();
}

test.afterEach(async ({ page }) => {
  expect((await fakeLog(page)).violations, "every request the app sent is one Cisco's spec accepts").toEqual([]);
});

test("provisions a customer with two locations and its users in Webex", async ({ page }) => {
  await customerWithUsers(page);
  // Two more users: four in all, three with calling.
  await page.getByRole("link", { name: "Set up customer" }).click();
  await next(page);
  await page.getByLabel("Paste users").fill("Mina\tChoi\tmina@acme.example\tWebex Meetings\nLee\tKim\tlee@acme.example\n");
  await page.getByRole("button", { name: "Add pasted users" }).click();
  await next(page);
  await user(page, 2).getByLabel("Extension").fill("2002");
  await next(page);
  await page.getByRole("button", { name: "Create users" }).click();
  await expect(page.getByRole("region", { name: "Users" }).getByRole("rowheader")).toHaveCount(4);
  const section = await connectToFake(page);
  await section.getByRole("button", { name: "Test connection" }).click();
  await expect(section.getByRole("status")).toHaveText("Connected: Webex answered with your token.");
  await openCustomer(page);
  await expect(panel(page)).toContainText(`Runs against the Webex API at ${FAKE}.`);
  await panel(page).getByRole("button", { name: "Provision in Webex" }).click();
  await expect(panel(page).locator(".badge")).toHaveText("Provisioned", { timeout: 20_000 });
  await expect(panel(page).locator("dl")).toContainText("Locations2 of 2");
  await expect(panel(page).locator("dl")).toContainText("Users4 of 4");
  expect((await timeline(page)).some((r) => r.includes("FAKE_"))).toBe(true);

  const log = await fakeLog(page);
  expect(count(log, "POST", /^\/wholesale\/customers$/)).toBe(1);
  expect(count(log, "POST", /^\/locations\?orgId=/, 201)).toBe(1);
  expect(count(log, "POST", /^\/wholesale\/subscribers$/, 200)).toBe(4);
  // The token stays in memory: not in storage, not in the backup.
  const token = `${partnerOf()}.one`;
  expect(JSON.stringify(await storedItems(page))).not.toContain(token);
  expect(JSON.stringify(await page.evaluate(() => ({ ...sessionStorage })))).not.toContain(token);
  expect(JSON.stringify(await savedDocument(page))).not.toContain(token);
});

test("a refused precheck is shown with Webex's code, and nothing is created", async ({ page }) => {
  await customerWithUsers(page);
  await connectToFake(page);
  await control(page, "faults", [
    {
      method: "POST",
      path: "^/wholesale/customers/validate$",
      status: 400,
      body: { message: "Invalid address", errors: [{ errorCode: 4003, description: "The state is not valid for the country." }], trackingId: "FAKE_T" },
    },
  ]);
  await openCustomer(page);
  await panel(page).getByRole("button", { name: "Provision in Webex" }).click();
  await expect(panel(page).getByRole("alert")).toHaveText(
    "The precheck refused this customer (HTTP 400): 4003: The state is not valid for the country.",
  );
  await expect(panel(page).locator(".badge")).toHaveText("Error");
  await expectNoAxeViolations(page);
  expect(count(await fakeLog(page), "POST", /^\/wholesale\/customers$/)).toBe(0);
});

test("a customer Webex ends in error shows the error code", async ({ page }) => {
  await customerWithUsers(page);
  await connectToFake(page);
  await control(page, "ending", { status: "error", errors: [{ errorCode: 6001, description: "Calling could not be enabled." }] });
  await openCustomer(page);
  await panel(page).getByRole("button", { name: "Provision in Webex" }).click();
  await expect(panel(page).locator(".badge")).toHaveText("Error", { timeout: 20_000 });
  await expect(panel(page).locator("dl")).toContainText("webex_calling: error — 6001: Calling could not be enabled.");
  expect(count(await fakeLog(page), "POST", /^\/wholesale\/subscribers$/)).toBe(0);
  await navigateTo(page, "Customers");
  await expect(page.getByRole("row", { name: /Acme Dental/ })).toContainText("Error");
});

test("a token refused mid-run pauses it; a new token finishes it without creating anything twice", async ({ page }) => {
  await customerWithUsers(page);
  await connectToFake(page, "one");
  await control(page, "faults", [{ method: "GET", path: "^/wholesale/customers/[^?]", status: 401, times: 1 }]);
  await openCustomer(page);
  await panel(page).getByRole("button", { name: "Provision in Webex" }).click();
  await expect(panel(page).getByRole("alert")).toContainText("The run is paused: Webex needs a valid access token.");
  await expect(panel(page).getByRole("button", { name: "Continue provisioning" })).toBeVisible();
  await expectNoAxeViolations(page);

  await panel(page).getByRole("link", { name: "Webex connection" }).click();
  await page.getByRole("region", { name: "Webex connection" }).getByLabel("Access token").fill(`${partnerOf()}.two`);
  await openCustomer(page);
  await panel(page).getByRole("button", { name: "Continue provisioning" }).click();
  await expect(panel(page).locator(".badge")).toHaveText("Provisioned", { timeout: 20_000 });
  const log = await fakeLog(page);
  expect(count(log, "POST", /^\/wholesale\/customers$/)).toBe(1);
  expect(count(log, "POST", /^\/wholesale\/subscribers$/)).toBe(2);
});

test("429 waits as Retry-After says, and 503 is retried", async ({ page }) => {
  await customerWithUsers(page);
  await connectToFake(page);
  await control(page, "faults", [
    { method: "POST", path: "^/wholesale/customers$", status: 503, times: 1 },
    { method: "POST", path: "^/wholesale/subscribers$", status: 429, retryAfter: 1, times: 1 },
  ]);
  await openCustomer(page);
  await panel(page).getByRole("button", { name: "Provision in Webex" }).click();
  await expect(panel(page).locator(".badge")).toHaveText("Provisioned", { timeout: 25_000 });
  const rows = await timeline(page);
  expect(rows.some((r) => /\t429\tretrying in 1 s/.test(r))).toBe(true);
  expect(rows.some((r) => /\t503\tretrying in 1 s/.test(r))).toBe(true);
  const log = await fakeLog(page);
  expect(count(log, "POST", /^\/wholesale\/customers$/, 202)).toBe(1);
  expect(count(log, "POST", /^\/wholesale\/subscribers$/, 200)).toBe(2);
});

test("a reload in the middle of a run resumes it with the remembered token", async ({ page }) => {
  await customerWithUsers(page);
  await connectToFake(page, "one", true);
  await openCustomer(page);
  await panel(page).getByRole("button", { name: "Provision in Webex" }).click();
  await expect(panel(page).locator("dl")).toContainText("Customer organizationProvisioning");
  await page.reload();
  await expect(panel(page).locator(".badge")).toHaveText("Provisioned", { timeout: 20_000 });
  const log = await fakeLog(page);
  expect(count(log, "POST", /^\/wholesale\/customers$/)).toBe(1);
  expect(count(log, "POST", /^\/locations\?/)).toBe(1);
  expect(count(log, "POST", /^\/wholesale\/subscribers$/)).toBe(2);
  expect(JSON.stringify(await savedDocument(page))).not.toContain(`${partnerOf()}.one`);
});

test("Test connection says what a refusal means", async ({ page }) => {
  await page.goto("/customers");
  const section = await connectToFake(page, "one");
  await control(page, "revoke", { token: `${partnerOf()}.one` });
  await section.getByRole("button", { name: "Test connection" }).click();
  await expect(section.getByRole("status")).toHaveText("The token is invalid or has expired (401). Get a new one and try again.");
  await section.getByLabel("Access token").fill(`${partnerOf()}.two`);
  await control(page, "faults", [{ method: "GET", path: "^/wholesale/customers\\?max=1$", status: 403, times: 1 }]);
  await section.getByRole("button", { name: "Test connection" }).click();
  await expect(section.getByRole("status")).toHaveText(
    "The token lacks the wholesale scopes, or your organization is not entitled to Webex for Wholesale (403).",
  );
  await section.getByRole("button", { name: "Test connection" }).click();
  await expect(section.getByRole("status")).toHaveText("Connected: Webex answered with your token.");
});
