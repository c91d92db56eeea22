import { expect, test } from "@playwright/test";
import { FAKE, PARTNER_HUB_IDS, connectToFake, control, count, fakeLog, openCustomer, partnerOf } from "./fake";
import { createCustomer, customerWithUsers, expectNoAxeViolations, navigateTo, next, panel, savedDocument, storedItems, timeline, user } from "./helpers";

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
  // The branch has a calling user: Webex Calling is enabled on it first, once.
  expect(count(log, "POST", /^\/telephony\/config\/locations\?orgId=/, 201)).toBe(1);
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
  await expect(panel(page).locator("dl")).toContainText("Webex Calling (Calling Basic): Error — 6001: Calling could not be enabled.");
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

test("429 waits as Retry-After says; a 503 on a create is looked up before the create goes again", async ({ page }) => {
  test.setTimeout(60_000);
  await customerWithUsers(page);
  await connectToFake(page);
  await control(page, "faults", [
    { method: "POST", path: "^/wholesale/customers$", status: 503, times: 1 },
    { method: "POST", path: "^/wholesale/subscribers$", status: 429, retryAfter: 1, times: 1 },
  ]);
  await openCustomer(page);
  await panel(page).getByRole("button", { name: "Provision in Webex" }).click();
  await expect(panel(page).locator(".badge")).toHaveText("Provisioned", { timeout: 45_000 });
  const rows = await timeline(page);
  expect(rows.some((r) => /\t429\tretrying in 1 s/.test(r))).toBe(true);
  expect(rows.some((r) => /\t503\toutcome unknown: looking it up before creating it again/.test(r))).toBe(true);
  const log = await fakeLog(page);
  // The 503 may have come after the create was carried out: three lookups over about
  // 20 s found nothing, then it went once more.
  const sent = log.requests.filter((r) => /^\/wholesale\/customers(\?externalId=|$)/.test(r.path)).map((r) => `${r.method} ${r.status}`);
  expect(sent).toEqual(["GET 200", "POST 503", "GET 200", "GET 200", "GET 200", "POST 202"]);
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

test("a 403 on the precheck says the partner organization lacks the wholesale entitlement", async ({ page }) => {
  await customerWithUsers(page);
  await connectToFake(page);
  await control(page, "faults", [
    { method: "POST", path: "^/wholesale/customers/validate$", status: 403, body: { message: "Forbidden", errors: [], trackingId: "FAKE_403" } },
  ]);
  await openCustomer(page);
  await panel(page).getByRole("button", { name: "Provision in Webex" }).click();
  await expect(panel(page).getByRole("alert")).toHaveText(
    "Webex refused the precheck (403): your partner organization is not enabled for Webex for Wholesale provisioning (the wxc-wholesale entitlement). Ask your Cisco partner account team to enable it. Nothing was created. Webex said: Forbidden",
  );
  await expectNoAxeViolations(page);
  expect(count(await fakeLog(page), "POST", /^\/wholesale\/customers$/)).toBe(0);
});

test("a customer in Cisco's compliance review is asked about for about 2 minutes, then parked until the partner checks again", async ({ page }) => {
  test.setTimeout(240_000);
  await customerWithUsers(page);
  await connectToFake(page, "one", true);
  await control(page, "ending", { status: "pending_rpl_review" });
  await openCustomer(page);
  await panel(page).getByRole("button", { name: "Provision in Webex" }).click();
  await expect(panel(page).locator("dl")).toContainText("Waiting for a compliance review", { timeout: 20_000 });
  const alert = panel(page).getByRole("alert");
  await expect(alert).toHaveText(
    "Waiting for Cisco's compliance review (the Denied Party List check). It can take a while: check again later; nothing is asked of Webex meanwhile.",
    { timeout: 180_000 },
  );
  await expect(panel(page).getByRole("button", { name: "Check again" })).toBeEnabled();
  await expectNoAxeViolations(page);
  const polls = (log: Awaited<ReturnType<typeof fakeLog>>) => count(log, "GET", /^\/wholesale\/customers\/[^?]+$/);
  const asked = polls(await fakeLog(page));
  expect(asked).toBeLessThanOrEqual(10);

  // A reload does not start asking again.
  await page.reload();
  await expect(alert).toContainText("Waiting for Cisco's compliance review");
  await page.waitForTimeout(6_000);
  expect(polls(await fakeLog(page))).toBe(asked);

  await control(page, "ending", { status: "provisioned" });
  await panel(page).getByRole("button", { name: "Check again" }).click();
  await expect(panel(page).locator(".badge")).toHaveText("Provisioned", { timeout: 30_000 });
  expect(count(await fakeLog(page), "POST", /^\/wholesale\/customers$/)).toBe(1);
});

test("a template not linked to Partner Hub is refused in API mode with its Fix action, then linked and provisioned", async ({ page }) => {
  await customerWithUsers(page, "Acme Dental", false);
  await connectToFake(page);
  await openCustomer(page);
  const fixes = page.getByRole("region", { name: "Fix before provisioning in Webex" });
  await expect(fixes).toContainText("Template “Gold” — Partner Hub provisioning ID: The template is not linked to Partner Hub yet");
  await panel(page).getByRole("button", { name: "Provision in Webex" }).click();
  await expect(panel(page).getByRole("alert")).toContainText("This customer cannot be provisioned yet");
  await expectNoAxeViolations(page);
  expect((await fakeLog(page)).requests, "nothing was sent").toEqual([]);
  await page.locator("#ui-language").selectOption("ko");
  await expect(page.getByText("템플릿이 아직 Partner Hub에 연결되지 않았습니다.")).toBeVisible();
  await expectNoAxeViolations(page);
  await page.locator("#ui-language").selectOption("en");

  await fixes.getByRole("button", { name: "Fix Partner Hub provisioning ID of Template “Gold”" }).click();
  await expect(page.getByRole("heading", { name: "Gold", level: 1 })).toBeVisible();
  const field = page.getByRole("textbox", { name: "Partner Hub provisioning ID" });
  await expect(field).toBeFocused();
  await field.fill(PARTNER_HUB_IDS[1]);
  await page.getByRole("button", { name: "Link to Partner Hub" }).click();
  await expect(page.getByRole("status")).toContainText("“Gold” is linked to Partner Hub.");

  await openCustomer(page);
  await expect(page.getByRole("region", { name: "Fix before provisioning in Webex" })).toHaveCount(0);
  await panel(page).getByRole("button", { name: "Provision in Webex" }).click();
  await expect(panel(page).locator(".badge")).toHaveText("Provisioned", { timeout: 20_000 });
  const log = await fakeLog(page);
  expect(count(log, "POST", /^\/wholesale\/customers\/validate$/, 200)).toBe(1);
  expect(count(log, "POST", /^\/wholesale\/customers$/, 202)).toBe(1);
});

test("Webex refuses a provisioning ID its Partner Hub did not issue, and the panel says so", async ({ page }) => {
  await customerWithUsers(page);
  await connectToFake(page);
  // This partner's Partner Hub has another template only.
  await control(page, "templates", { ids: [PARTNER_HUB_IDS[1]] });
  await openCustomer(page);
  await panel(page).getByRole("button", { name: "Provision in Webex" }).click();
  await expect(panel(page).getByRole("alert")).toContainText("The precheck refused this customer (HTTP 400)");
  await expect(panel(page).getByRole("alert")).toContainText("Invalid provisioningId");
  expect(count(await fakeLog(page), "POST", /^\/wholesale\/customers$/)).toBe(0);
});

test("deleting a customer Webex has asks whether to remove it there too: with it, Webex removes it before the record goes; without, only the record goes", async ({ page }) => {
  await customerWithUsers(page);
  await createCustomer(page, { company: "Beta Labs", email: "it@beta.example", template: "Gold" });
  await connectToFake(page);
  for (const company of ["Acme Dental", "Beta Labs"]) {
    await openCustomer(page, company);
    await panel(page).getByRole("button", { name: "Provision in Webex" }).click();
    await expect(panel(page).locator(".badge")).toHaveText("Provisioned", { timeout: 20_000 });
  }

  // Without: the record goes, Webex is not asked.
  await page.getByRole("button", { name: "Delete customer" }).click();
  const dialog = page.getByRole("alertdialog", { name: "Delete customer “Beta Labs”?" });
  const also = dialog.getByRole("checkbox", { name: "Also remove it from Webex" });
  await expect(also).toBeChecked();
  await expect(dialog).toContainText("Webex removes the customer (and stops billing it)");
  await expectNoAxeViolations(page);
  // From the keyboard: Cancel has focus; Tab goes to Delete, then round to the checkbox.
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await expect(also).toBeFocused();
  await page.keyboard.press("Space");
  await expect(also).not.toBeChecked();
  await expect(dialog).toContainText("the customer stays in Webex, which keeps billing it");
  await dialog.getByRole("button", { name: "Delete customer" }).click();
  await expect(page.getByRole("status").filter({ hasText: "deleted" })).toContainText("Customer “Beta Labs” deleted.");
  expect(count(await fakeLog(page), "DELETE", /^\/wholesale\/customers\//)).toBe(0);

  // With: listed as "Removing from Webex" until Webex no longer has it, then gone.
  await openCustomer(page, "Acme Dental");
  await page.locator("#ui-language").selectOption("ko");
  await page.getByRole("button", { name: "고객 삭제" }).click();
  await expect(page.getByRole("alertdialog").getByRole("checkbox", { name: "Webex에서도 제거" })).toBeChecked();
  await expectNoAxeViolations(page);
  await page.keyboard.press("Escape");
  await page.locator("#ui-language").selectOption("en");
  await page.getByRole("button", { name: "Delete customer" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Delete customer" }).click();
  await expect(page.getByRole("row", { name: /Acme Dental/ })).toContainText("Removing from Webex");
  await expect(page.getByRole("status").filter({ hasText: "removed from Webex" })).toContainText("Customer “Acme Dental” was removed from Webex and deleted here.", { timeout: 20_000 });
  await expect(page.getByRole("row", { name: /Acme Dental/ })).toHaveCount(0);
  const log = await fakeLog(page);
  expect(count(log, "DELETE", /^\/wholesale\/customers\//, 202)).toBe(1);
  expect(count(log, "GET", /^\/wholesale\/customers\/[^?]+$/, 404)).toBe(1);
  // Gone for good: a reload does not bring it back.
  await page.reload();
  await expect(page.getByRole("heading", { name: "Customers", level: 1 })).toBeVisible();
  await expect(page.getByRole("row", { name: /Acme Dental/ })).toHaveCount(0);
});

test("a customer Webex ended in error over its address is mended on its page, then updated in Webex, not created twice", async ({ page }) => {
  await customerWithUsers(page);
  await connectToFake(page);
  await control(page, "ending", {
    status: "error",
    errors: [{ errorCode: 6100, description: "Calling could not be enabled: the location's address could not be validated." }],
  });
  await openCustomer(page);
  await panel(page).getByRole("button", { name: "Provision in Webex" }).click();
  await expect(panel(page).locator(".badge")).toHaveText("Error", { timeout: 20_000 });
  await expect(panel(page)).toContainText("Webex could not validate the headquarters' address (error 6100).");
  await expectNoAxeViolations(page);

  await panel(page).getByRole("button", { name: "Fix the headquarters' address" }).click();
  await expect(page.getByLabel("Address line 1")).toBeFocused();
  await page.getByLabel("Address line 1").fill("501 Congress Ave");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Changes to" })).toBeVisible();

  await panel(page).getByRole("button", { name: "Provision in Webex" }).click();
  await expect(panel(page).locator(".badge")).toHaveText("Provisioned", { timeout: 20_000 });
  await expect(panel(page).locator("dl")).toContainText("Users2 of 2");
  const log = await fakeLog(page);
  expect(count(log, "POST", /^\/wholesale\/customers$/), "created once").toBe(1);
  expect(count(log, "PUT", /^\/wholesale\/customers\/[^/?]+$/, 202)).toBe(1);
});

test("a removal Webex refuses stays listed with Webex's reason, and 'Keep it in Webex' gives it up", async ({ page }) => {
  await customerWithUsers(page);
  await connectToFake(page);
  await openCustomer(page);
  await panel(page).getByRole("button", { name: "Provision in Webex" }).click();
  await expect(panel(page).locator(".badge")).toHaveText("Provisioned", { timeout: 20_000 });
  await control(page, "faults", [
    {
      method: "DELETE",
      path: "^/wholesale/customers/",
      status: 403,
      body: { message: "Forbidden", errors: [{ errorCode: 403, description: "The customer cannot be removed now." }], trackingId: "FAKE_D" },
    },
  ]);
  await page.getByRole("button", { name: "Delete customer" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Delete customer" }).click();
  await expect(page.getByRole("row", { name: /Acme Dental/ })).toContainText("Removing from Webex");
  await openCustomer(page);
  await expect(panel(page).getByRole("alert")).toContainText("The customer cannot be removed now.", { timeout: 20_000 });
  await expect(panel(page).locator(".badge")).toHaveText("Removing from Webex");
  await expect(panel(page).getByRole("button", { name: "Continue removing from Webex" })).toBeVisible();
  await expectNoAxeViolations(page);

  await panel(page).getByRole("button", { name: "Keep it in Webex" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The customer is kept" })).toBeVisible();
  await expect(panel(page).locator(".badge")).toHaveText("Provisioned");
  await expect(panel(page).getByRole("button", { name: "Provision in Webex" })).toBeVisible();
  await page.reload();
  await expect(panel(page).locator(".badge")).toHaveText("Provisioned");
  expect(count(await fakeLog(page), "DELETE", /^\/wholesale\/customers\//)).toBe(1);
});
