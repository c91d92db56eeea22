import { expect, test, type Page } from "@playwright/test";
import { customerWithUsers, expectNoAxeViolations, navigateTo, panel } from "./helpers";

// Each page's code is its own file (.ci/wasm.mjs), fetched when the page is first opened.
// The service worker would fetch them all after the first visit: kept out, so that what the
// page itself asks for is what is measured.
test.use({ serviceWorkers: "block" });

/** The names of the wasm files the page has requested so far. */
function wasmRequests(page: Page) {
  const names: string[] = [];
  page.on("request", (request) => {
    const name = new URL(request.url()).pathname.split("/").pop()!;
    if (name.endsWith(".wasm")) names.push(name);
  });
  return names;
}

test("the first screen loads only the main module; another page's code comes when it is opened", async ({ page }) => {
  const requested = wasmRequests(page);
  await page.goto("/customers");
  await expect(page.getByRole("heading", { name: "Customers", level: 1 })).toBeVisible();
  expect(requested).toEqual(["wholesale-partner-hub_bg.wasm"]);

  await navigateTo(page, "Templates");
  await expect(page.getByRole("heading", { name: "Onboarding templates", level: 1 })).toBeVisible();
  expect(requested).toContain("split_templates.wasm");
  expect(requested.filter((n) => n.startsWith("split_"))).toEqual(["split_templates.wasm"]);
  // Opened again: nothing fetched twice.
  const before = requested.length;
  await navigateTo(page, "Customers");
  await navigateTo(page, "Templates");
  await expect(page.getByRole("heading", { name: "Onboarding templates", level: 1 })).toBeVisible();
  expect(requested.length).toBe(before);
});

test("a page whose code cannot be fetched says so, and a reload brings it", async ({ page }) => {
  await page.goto("/customers");
  await expect(page.getByRole("heading", { name: "Customers", level: 1 })).toBeVisible();
  await page.route(/split_settings\.wasm$/, (route) => route.abort("internetdisconnected"));
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
  await expect(page.getByRole("alert")).toContainText("This page could not be loaded");
  await expect(page.getByRole("heading", { name: "This page could not be loaded", level: 1 })).toBeVisible();
  await expect(page).toHaveTitle(/This page could not be loaded/);
  await expectNoAxeViolations(page);
  // The app goes on: another page opens, and Settings fails the same way while offline.
  await navigateTo(page, "Customers");
  await expect(page.getByRole("heading", { name: "Customers", level: 1 })).toBeVisible();
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
  await expect(page.getByRole("heading", { name: "This page could not be loaded", level: 1 })).toBeVisible();

  // Back online, the page's Reload fetches it.
  await page.unroute(/split_settings\.wasm$/);
  await page.getByRole("button", { name: "Reload" }).click();
  await expect(page.getByRole("heading", { name: "Partner organization", level: 1 })).toBeVisible();
  await expect(page).toHaveURL(/\/settings$/);
});

test("when the provisioning code cannot be fetched, the run does not start and the partner is told", async ({ page }) => {
  await customerWithUsers(page);
  await page.route(/split_provisioning\.wasm$/, (route) => route.abort("internetdisconnected"));
  await panel(page).getByRole("button", { name: "Provision in Webex" }).click();
  await expect(
    page.getByRole("status").getByText("The provisioning could not start: its code could not be fetched. Check the connection and try again."),
  ).toBeVisible();
  await expect(panel(page).getByRole("button", { name: "Provision in Webex" })).toBeEnabled();
  await expect(panel(page)).toContainText("Not provisioned");
  await expectNoAxeViolations(page);

  await page.unroute(/split_provisioning\.wasm$/);
  await panel(page).getByRole("button", { name: "Provision in Webex" }).click();
  await expect(panel(page).locator(".badge")).toHaveText("Provisioned", { timeout: 20_000 });
});

test("the list's request export fetches its code when first used; if it cannot, nothing is written and the partner is told", async ({ page }) => {
  await customerWithUsers(page);
  await navigateTo(page, "Customers");
  const requested = wasmRequests(page);
  await page.route(/split_export_requests\.wasm$/, (route) => route.abort("internetdisconnected"));
  let downloads = 0;
  page.on("download", () => downloads++);
  await page.getByRole("button", { name: "Export API requests" }).click();
  await expect(
    page.getByRole("status").getByText("The export could not start: its code could not be fetched. Check the connection and try again."),
  ).toBeVisible();
  expect(downloads).toBe(0);
  expect(requested).toContain("split_export_requests.wasm");

  await page.unroute(/split_export_requests\.wasm$/);
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export API requests" }).click();
  expect((await download).suggestedFilename()).toMatch(/^webex-requests-\d{4}-\d{2}-\d{2}\.json$/);
});
