import { expect, test, type Page } from "@playwright/test";
import { customerWithUsers, expectNoAxeViolations, navigateTo, panel, savedDocument, storedItems, timeline } from "./helpers";

test("a demo provisions a customer in the simulated Webex, step by step", async ({ page }) => {
  await customerWithUsers(page);
  await expect(panel(page)).toContainText("Not provisioned");
  await expect(panel(page)).toContainText("Runs against the simulated Webex (demo).");
  await expectNoAxeViolations(page);

  const started = Date.now();
  await panel(page).getByRole("button", { name: "Provision in Webex" }).click();
  await expect(panel(page).getByText("Provisioning", { exact: true }).first()).toBeVisible();
  await expect(panel(page).getByRole("button", { name: "Provision in Webex" })).toBeDisabled();
  await expect(panel(page).locator(".badge")).toHaveText("Provisioned", { timeout: 20_000 });
  console.log(`simulated run of 2 users: ${Date.now() - started} ms`);
  const steps = panel(page).locator("dl");
  await expect(steps).toContainText("PrecheckPassed");
  await expect(steps).toContainText("Webex Calling (Calling Basic): Provisioned");
  await expect(steps).toContainText("Locations2 of 2");
  await expect(steps).toContainText("Users2 of 2");
  // Korean counts people with 명 and places with 곳, not 개 for everything.
  await page.locator("#ui-language").selectOption("ko");
  const korean = page.getByRole("region", { name: "Webex 프로비저닝" }).locator("dl");
  await expect(korean).toContainText("위치2곳 중 2곳");
  await expect(korean).toContainText("사용자2명 중 2명");
  await page.locator("#ui-language").selectOption("en");
  const rows = await timeline(page);
  expect(rows.filter((r) => /POST \/wholesale\/customers\t202/.test(r))).toHaveLength(1);
  expect(rows.at(-1)).toContain("POST /wholesale/customers/validate");
  expect(rows.some((r) => r.includes("SIMULATED_"))).toBe(true);
  await expectNoAxeViolations(page);

  // Saved: the list shows the badge and filters by it.
  const saved = await savedDocument(page);
  expect(saved.customers[0].provisioning).toMatchObject({ status: "provisioned", running: false });
  await navigateTo(page, "Customers");
  await expect(page.getByRole("row", { name: /Acme Dental/ })).toContainText("Provisioned");
  await page.getByLabel("Status").selectOption({ label: "Not provisioned" });
  await expect(page.getByRole("row", { name: /Acme Dental/ })).toHaveCount(0);
  await page.getByLabel("Status").selectOption({ label: "Provisioned" });
  await expect(page.getByRole("row", { name: /Acme Dental/ })).toHaveCount(1);
  await expectNoAxeViolations(page);
});

test("Stop parks a demo run where it stands, and Provision in Webex continues it", async ({ page }) => {
  await customerWithUsers(page);
  await panel(page).getByRole("button", { name: "Provision in Webex" }).click();
  await panel(page).getByRole("button", { name: "Stop" }).click();
  await expect(panel(page).getByRole("alert")).toHaveText("Stopped. Provision in Webex continues from here.");
  await expect(panel(page).getByRole("button", { name: "Stop" })).toHaveCount(0);
  await expectNoAxeViolations(page);
  const saved = await savedDocument(page);
  expect(saved.customers[0].provisioning).toMatchObject({ running: false, stopped: "paused" });
  await panel(page).getByRole("button", { name: "Provision in Webex" }).click();
  await expect(panel(page).locator(".badge")).toHaveText("Provisioned", { timeout: 40_000 });
  const rows = await timeline(page);
  expect(rows.filter((r) => /POST \/wholesale\/customers\t202/.test(r)).length).toBeLessThanOrEqual(1);
});

test("a rehearsed failure shows Webex's error code next to the step", async ({ page }) => {
  await customerWithUsers(page);
  await navigateTo(page, "Settings");
  const section = page.getByRole("region", { name: "Webex connection" });
  await expect(section.getByRole("radio", { name: "Demo (simulated Webex)" })).toBeChecked();
  await section.getByLabel("Simulate a failure").selectOption({ label: "The customer ends in error" });
  await expectNoAxeViolations(page);
  await navigateTo(page, "Customers");
  await page.getByRole("link", { name: "Acme Dental" }).click();
  await panel(page).getByRole("button", { name: "Provision in Webex" }).click();
  await expect(panel(page).getByRole("alert")).toHaveText(
    "Webex could not provision this customer (status error). The package errors below say why: fix what they name, then Provision in Webex asks Webex to update the customer (it is not created twice).",
    { timeout: 20_000 },
  );
  await expect(panel(page).locator(".badge")).toHaveText("Error");
  await expect(panel(page).locator("dl")).toContainText(
    "Webex Calling (Calling Basic): Error — 6100: Calling could not be enabled: the location's address could not be validated.",
  );
  await expectNoAxeViolations(page);
  // Provision in Webex again updates the customer in the simulated Webex, which takes it.
  await panel(page).getByRole("button", { name: "Provision in Webex" }).click();
  await expect(panel(page).locator(".badge")).toHaveText("Provisioned", { timeout: 20_000 });
  await expect(panel(page).locator("details.timeline summary")).toBeVisible();
});

test("a reload in the middle of a run resumes it, and nothing is created twice", async ({ page }) => {
  await customerWithUsers(page);
  await panel(page).getByRole("button", { name: "Provision in Webex" }).click();
  await expect(panel(page).locator("dl")).toContainText("Customer organizationProvisioning");
  await page.reload();
  await expect(panel(page).locator(".badge")).toHaveText("Provisioned", { timeout: 20_000 });
  const rows = await timeline(page);
  expect(rows.filter((r) => /POST \/wholesale\/customers\t202/.test(r))).toHaveLength(1);
  expect(rows.filter((r) => /POST \/locations\?orgId=\S+\t201/.test(r))).toHaveLength(1);
  expect(rows.filter((r) => /POST \/wholesale\/subscribers\t200/.test(r))).toHaveLength(2);
});

test("the Webex API connection keeps the token out of storage unless asked, and says when it cannot connect", async ({ page }) => {
  await page.goto("/settings");
  const section = page.getByRole("region", { name: "Webex connection" });
  await section.getByRole("radio", { name: "Webex API" }).check();
  await expect(section.getByLabel("API base URL")).toHaveValue("https://webexapis.com/v1");
  // Nothing listens here: the browser cannot connect.
  await section.getByLabel("API base URL").fill("http://127.0.0.1:9");
  await section.getByLabel("API base URL").blur();
  // From here on, what is typed is the token: localStorage must not change.
  const before = await storedItems(page);
  const token = section.getByLabel("Access token");
  // The hint names every scope the app uses.
  for (const scope of ["wholesale_customers_read/write", "wholesale_subscribers_read/write", "locations_read/write", "people_read/write", "telephony_config_read/write", "telephony_pstn_read/write"]) {
    await expect(token).toHaveAccessibleDescription(new RegExp(scope));
  }
  await expect(token).toHaveAttribute("type", "password");
  await token.fill("secret-token-123");
  await section.getByRole("button", { name: "Test connection" }).click();
  await expect(section.getByRole("status")).toHaveText(
    "The service could not be reached, or it refused this browser (network or CORS failure).",
  );
  await expectNoAxeViolations(page);
  const session = () => page.evaluate(() => JSON.stringify(sessionStorage));
  expect(await session()).not.toContain("secret-token-123");
  await section.getByRole("checkbox", { name: "Remember the token in this tab" }).check();
  expect(await session()).toContain("secret-token-123");
  await page.reload();
  await expect(page.getByRole("region", { name: "Webex connection" }).getByLabel("Access token")).toHaveValue("secret-token-123");
  await expect(page.getByRole("region", { name: "Webex connection" }).getByLabel("API base URL")).toHaveValue("http://127.0.0.1:9");
  expect(await storedItems(page)).toEqual(before);
  expect(JSON.stringify(await savedDocument(page))).not.toContain("secret-token-123");
  await page.getByRole("region", { name: "Webex connection" }).getByRole("checkbox", { name: "Remember the token in this tab" }).uncheck();
  expect(await session()).not.toContain("secret-token-123");
});

test.describe("in Korean", () => {
  test.use({ locale: "ko-KR" });

  test("the Webex connection speaks Korean", async ({ page }) => {
    await page.goto("/settings");
    const section = page.getByRole("region", { name: "Webex 연결" });
    await expect(section.getByRole("radio", { name: "데모(시뮬레이션 Webex)" })).toBeChecked();
    await section.getByRole("button", { name: "연결 테스트" }).click();
    await expect(section.getByRole("status")).toHaveText("시뮬레이션 Webex(데모)에 연결되었습니다.");
    await section.getByRole("radio", { name: "Webex API" }).check();
    await expect(section.getByLabel("액세스 토큰")).toHaveAttribute("type", "password");
    await expect(section.getByRole("checkbox", { name: "이 탭에서 토큰 기억" })).not.toBeChecked();
  });
});
