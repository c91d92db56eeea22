// A Webex that misbehaves, a network that hangs, and storage another page rewrote: the
// run stays bounded, the token goes nowhere the partner did not choose, and the page
// stays usable. The fake (../fake-webex.mjs) plays the hostile server.
import { expect, test, type Page } from "@playwright/test";
import { FAKE, connectToFake, control, count, fakeLog, openCustomer, partnerOf } from "./fake";
import { customerWithUsers, expectNoAxeViolations, navigateTo, panel, savedDocument, timeline } from "./helpers";

const SETTINGS_KEY = "wholesale-partner-hub:connection";

test.afterEach(async ({ page }) => {
  expect((await fakeLog(page)).violations, "every request the app sent is one Cisco's spec accepts").toEqual([]);
});

async function provision(page: Page) {
  await openCustomer(page);
  await panel(page).getByRole("button", { name: "Provision in Webex" }).click();
}

test("a 2xx answer that is not Webex's stops the run after one create, with the answer shown", async ({ page }) => {
  await customerWithUsers(page);
  await connectToFake(page);
  await control(page, "faults", [
    { method: "POST", path: "^/wholesale/customers$", status: 200, raw: "<html><body>Welcome to nginx!</body></html>", times: 50 },
  ]);
  await provision(page);
  await expect(panel(page).getByRole("alert")).toHaveText(
    "Webex answered in an unexpected way (HTTP 200 to POST /wholesale/customers), so the run stopped and sent nothing more. The answer began: “<html><body>Welcome to nginx!</body></html>”",
  );
  await expect(panel(page).locator(".badge")).toHaveText("Error");
  await expect(panel(page).getByRole("button", { name: "Provision in Webex" })).toBeEnabled();
  expect((await timeline(page))[0]).toContain("unexpected answer: <html><body>Welcome to nginx!");
  await expectNoAxeViolations(page);
  // Before: 158 creates in 10 s. Give a loop the time to show itself.
  await page.waitForTimeout(2_000);
  expect(count(await fakeLog(page), "POST", /^\/wholesale\/customers$/)).toBe(1);
});

test("a wait longer than 5 minutes stops the run; a shorter one counts down and Stop parks the run", async ({ page }) => {
  test.setTimeout(90_000);
  await customerWithUsers(page);
  await connectToFake(page);
  await control(page, "faults", [{ method: "POST", path: "^/wholesale/customers$", status: 429, retryAfter: 999999, times: 1 }]);
  await provision(page);
  await expect(panel(page).getByRole("alert")).toHaveText("Webex asked to wait 16667 minutes — try again later.");
  await expect(panel(page).getByRole("button", { name: "Provision in Webex" })).toBeEnabled();

  await control(page, "faults", [{ method: "POST", path: "^/wholesale/customers$", status: 429, retryAfter: 240, times: 1 }]);
  await panel(page).getByRole("button", { name: "Provision in Webex" }).click();
  const waiting = panel(page).getByRole("status");
  // The earlier create is looked up first (three lookups over about 20 s).
  await expect(waiting).toHaveText(/^Waiting before trying again: 3 min 5\d s left\.$/, { timeout: 30_000 });
  const first = await waiting.textContent();
  await expect(waiting).not.toHaveText(first!, { timeout: 3_000 });
  await expectNoAxeViolations(page);
  await panel(page).getByRole("button", { name: "Stop" }).click();
  await expect(panel(page).getByRole("alert")).toHaveText("Stopped. Provision in Webex continues from here.");
  await expect(waiting).toHaveCount(0);
  await expect(panel(page).getByRole("button", { name: "Stop" })).toHaveCount(0);
  // Parked: a reload does not start it again.
  await page.reload();
  await expect(panel(page).getByRole("alert")).toHaveText("Stopped. Provision in Webex continues from here.");
  await connectToFake(page);
  await provision(page);
  await expect(panel(page).locator(".badge")).toHaveText("Provisioned", { timeout: 45_000 });
  const log = await fakeLog(page);
  expect(count(log, "POST", /^\/wholesale\/customers$/, 202)).toBe(1);
  expect(count(log, "POST", /^\/wholesale\/customers$/, 429)).toBe(2);
});

test("a server that never answers: Test connection times out and is usable again; Stop ends a hanging run", async ({ page }) => {
  test.setTimeout(90_000);
  await customerWithUsers(page);
  const section = await connectToFake(page);
  await control(page, "faults", [{ method: "GET", path: "^/wholesale/customers\\?max=1$", hang: true, times: 1 }]);
  const button = section.getByRole("button", { name: "Test connection" });
  await button.click();
  await expect(button).toBeDisabled();
  await expect(section.getByRole("status")).toHaveText("No answer came within 30 seconds.", { timeout: 40_000 });
  await expect(button).toBeEnabled();
  await button.click();
  await expect(section.getByRole("status")).toHaveText("Connected: Webex answered with your token.");

  await control(page, "faults", [{ method: "POST", path: "^/wholesale/customers/validate$", hang: true, times: 1 }]);
  await provision(page);
  await expect(panel(page).getByRole("button", { name: "Stop" })).toBeVisible();
  await panel(page).getByRole("button", { name: "Stop" }).click();
  await expect(panel(page).getByRole("alert")).toHaveText("Stopped. Provision in Webex continues from here.");
  await expect(panel(page).getByRole("button", { name: "Provision in Webex" })).toBeEnabled();
});

test("a 50 MB message is not read: the page stays responsive and the saved record small", async ({ page }) => {
  await customerWithUsers(page);
  await connectToFake(page);
  await control(page, "faults", [{ method: "POST", path: "^/wholesale/customers/validate$", status: 400, hugeMessage: 50_000_000, times: 1 }]);
  await page.evaluate(() => {
    (window as any).longest = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) (window as any).longest = Math.max((window as any).longest, e.duration);
    }).observe({ type: "longtask", buffered: false });
  });
  await provision(page);
  await expect(panel(page).getByRole("alert")).toHaveText(
    "The run stopped: The answer was larger than 1 MB, more than Webex sends. Provision in Webex continues from here.",
  );
  expect(await page.evaluate(() => (window as any).longest), "no task blocks the page for seconds").toBeLessThan(2_000);
  expect(JSON.stringify(await savedDocument(page)).length).toBeLessThan(50_000);

  // A long one under the limit is kept cut, without the marks that reorder text.
  const description = `\u202E${"d".repeat(900_000)}`;
  await control(page, "faults", [
    { method: "POST", path: "^/wholesale/customers/validate$", status: 400, times: 1, body: { message: "x", errors: [{ errorCode: 4003, description }] } },
  ]);
  await panel(page).getByRole("button", { name: "Provision in Webex" }).click();
  const alert = panel(page).getByRole("alert");
  await expect(alert).toContainText("The precheck refused this customer (HTTP 400): 4003: ddd");
  expect((await alert.textContent())!.length).toBeLessThan(600);
  expect(await alert.textContent()).not.toContain("\u202E");
  expect(JSON.stringify(await savedDocument(page)).length).toBeLessThan(50_000);
  await expectNoAxeViolations(page);
});

test("a redirect is reported, not followed", async ({ page }) => {
  await customerWithUsers(page);
  await connectToFake(page);
  await control(page, "faults", [
    { method: "POST", path: "^/wholesale/customers/validate$", status: 307, location: `${FAKE}/__trap/${partnerOf()}/elsewhere`, times: 1 },
  ]);
  await provision(page);
  await expect(panel(page).getByRole("alert")).toHaveText(
    "The run stopped: The service answered with a redirect, which this app does not follow (it would send your data and token elsewhere). Provision in Webex continues from here.",
  );
  const log = await fakeLog(page);
  expect(log.trapped).toEqual([]);
  expect(count(log, "POST", /^\/wholesale\/customers$/)).toBe(0);
});

test("a branch whose create lost its answer is found on a later page of locations, by Webex's link, not created again", async ({ page }) => {
  test.setTimeout(60_000);
  await customerWithUsers(page);
  await connectToFake(page);
  // A page of /locations holds one location: the branch is on the second.
  await control(page, "locationPage", { size: 1 });
  await control(page, "faults", [{ method: "POST", path: "^/locations\\?", status: 504, carryOut: true, times: 1 }]);
  await provision(page);
  await expect(panel(page).locator(".badge")).toHaveText("Provisioned", { timeout: 30_000 });
  const log = await fakeLog(page);
  expect(count(log, "POST", /^\/locations\?/)).toBe(1);
  expect(count(log, "GET", /^\/locations\?.*&cursor=/, 200)).toBeGreaterThanOrEqual(1);
});

test("a next page linked outside the API address is not followed: the run stops, saying so", async ({ page }) => {
  await customerWithUsers(page);
  await connectToFake(page);
  await control(page, "faults", [{ method: "GET", path: "^/locations\\?", link: `${FAKE}.evil.example/locations?cursor=1`, times: 1 }]);
  await control(page, "faults", [{ method: "GET", path: "^/locations\\?", link: `${FAKE}/__trap/${partnerOf()}/locations?cursor=1`, times: 1 }]);
  await provision(page);
  await expect(panel(page).getByRole("alert")).toContainText("Webex's list (GET /locations) could not be read to its end");
  await expectNoAxeViolations(page);
  await page.locator("#ui-language").selectOption("ko");
  await expect(page.getByRole("region", { name: "Webex 프로비저닝" }).getByRole("alert")).toContainText("Webex 목록(GET /locations)을 끝까지 읽을 수 없었습니다.");
  await expectNoAxeViolations(page);
  await page.locator("#ui-language").selectOption("en");
  // Under the API address, but another list: not followed either.
  await panel(page).getByRole("button", { name: "Provision in Webex" }).click();
  await expect(panel(page).getByRole("alert")).toContainText("Webex's list (GET /locations) could not be read to its end");
  const log = await fakeLog(page);
  expect(log.trapped).toEqual([]);
  expect(count(log, "POST", /^\/locations\?/)).toBe(0);
  // The links are gone: the run goes on.
  await panel(page).getByRole("button", { name: "Provision in Webex" }).click();
  await expect(panel(page).locator(".badge")).toHaveText("Provisioned", { timeout: 30_000 });
});

test("a connection record another page rewrote gets no token: the partner is asked again", async ({ page }) => {
  await customerWithUsers(page);
  await connectToFake(page, "one", true);
  // Another page of the same origin points the saved settings at its own server.
  const trap = `${FAKE}/__trap/${partnerOf()}`;
  await page.evaluate(([key, url]) => localStorage.setItem(key, JSON.stringify({ mode: "api", base_url: url, failure: "none" })), [SETTINGS_KEY, trap]);
  await page.reload();
  await provision(page);
  await expect(panel(page).getByRole("alert").first()).toHaveText(
    "The API base URL changed, so the token was not sent. Enter the access token again for the new address.",
  );
  await expect(panel(page)).toContainText("This is not Cisco's Webex API (webexapis.com): requests and your token go to 127.0.0.1.");
  await expectNoAxeViolations(page);
  await navigateTo(page, "Settings");
  const section = page.getByRole("region", { name: "Webex connection" });
  await section.getByRole("button", { name: "Test connection" }).click();
  await expect(section.getByRole("status")).toHaveText("The API base URL changed, so the token was not sent. Enter the access token again for the new address.");
  await expect(section.getByLabel("Access token")).toHaveAccessibleDescription(/The API base URL changed/);
  await page.waitForTimeout(500);
  expect((await fakeLog(page)).trapped, "nothing reached the other server").toEqual([]);

  // A record that is not valid at all is ignored and said so.
  await page.evaluate((key) => localStorage.setItem(key, JSON.stringify({ mode: "api", base_url: "//evil.example/v1" })), SETTINGS_KEY);
  await page.reload();
  await expect(section.getByRole("alert")).toHaveText(
    "The saved Webex connection was not valid (another page of this site may have changed it), so it was ignored. Check the settings below.",
  );
  await expect(section.getByRole("radio", { name: "Demo (simulated Webex)" })).toBeChecked();
  await expectNoAxeViolations(page);
});

test("API base URLs that would send the token elsewhere are refused; other hosts are warned of", async ({ page }) => {
  await page.goto("/settings");
  const section = page.getByRole("region", { name: "Webex connection" });
  await section.getByRole("radio", { name: "Webex API" }).check();
  const field = section.getByLabel("API base URL");
  const refused: [string, string][] = [
    ["", "Enter the API base URL, e.g. https://webexapis.com/v1."],
    ["wholesale-evil", "Enter a whole address starting with https://, e.g. https://webexapis.com/v1."],
    ["//host/v1", "Enter a whole address starting with https://, e.g. https://webexapis.com/v1."],
    ["http://example.com", "Use an https:// address (http:// only for this computer: localhost or 127.0.0.1)."],
    ["ftp://webexapis.com/v1", "Use an https:// address (http:// only for this computer: localhost or 127.0.0.1)."],
    ["javascript:alert(1)", "Use an https:// address (http:// only for this computer: localhost or 127.0.0.1)."],
    ["https://user:pw@webexapis.com/v1", "Remove the user name and password before the host: the token is sent separately."],
  ];
  for (const [raw, message] of refused) {
    await field.fill(raw);
    await field.blur();
    await expect(field).toHaveAttribute("aria-invalid", "true");
    await expect(field).toHaveAccessibleDescription(message);
  }
  await expectNoAxeViolations(page);
  await page.reload();
  await expect(field, "nothing refused was saved").toHaveValue("https://webexapis.com/v1");

  await field.fill("https://proxy.example/webex/v1");
  await field.blur();
  await expect(field).not.toHaveAttribute("aria-invalid");
  await expect(field).toHaveAccessibleDescription(
    "This is not Cisco's Webex API (webexapis.com): requests and your token go to proxy.example.",
  );
  await expectNoAxeViolations(page);
  await page.reload();
  await expect(field).toHaveValue("https://proxy.example/webex/v1");
});

test("a company name without spaces wraps instead of widening the page", async ({ page }) => {
  const company = "A".repeat(100);
  await customerWithUsers(page, company);
  await page.setViewportSize({ width: 1280, height: 800 });
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(1280);
});

test.describe("in Korean", () => {
  test.use({ locale: "ko-KR" });

  test("the base URL's problems and the other-host warning read in Korean", async ({ page }) => {
    await page.goto("/settings");
    const section = page.getByRole("region", { name: "Webex 연결" });
    await section.getByRole("radio", { name: "Webex API" }).check();
    const field = section.getByLabel("API 기본 URL");
    await field.fill("http://example.com");
    await field.blur();
    await expect(field).toHaveAccessibleDescription("https:// 주소를 사용하십시오(http://는 이 컴퓨터, 즉 localhost 또는 127.0.0.1에만 사용).");
    await expectNoAxeViolations(page);
    await field.fill("https://proxy.example/v1");
    await field.blur();
    await expect(field).toHaveAccessibleDescription("Cisco의 Webex API(webexapis.com)가 아닙니다. 요청과 토큰이 proxy.example(으)로 갑니다.");
    await expectNoAxeViolations(page);
  });
});
