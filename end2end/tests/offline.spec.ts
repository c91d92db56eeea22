import { expect, test, type Page } from "@playwright/test";
import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DOCUMENT_KEY, expectNoAxeViolations, seedStorage } from "./helpers";

const FIXTURE = readFileSync(new URL("../../tests/fixtures/format-1.json", import.meta.url), "utf8");
const ACME = "0500ed5e-0500-4000-8000-000000000000";

/** Waits until the service worker has installed and controls the page. */
async function controlledByWorker(page: Page) {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 15_000 });
}

test("the build is served precompressed; hashed files are cached for good, the page is revalidated", async ({ page, request }) => {
  const html = await (await request.get("/index.html")).text();
  const wasm = html.match(/href="\/?([^"]+_bg\.wasm)"/)![1];
  const br = await request.get(`/${wasm}`, { headers: { "accept-encoding": "br, gzip" } });
  expect(br.headers()["content-encoding"]).toBe("br");
  expect(br.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
  const gz = await request.get(`/${wasm}`, { headers: { "accept-encoding": "gzip" } });
  expect(gz.headers()["content-encoding"]).toBe("gzip");
  const page1 = await request.get("/index.html", { headers: { "accept-encoding": "br" } });
  expect(page1.headers()["cache-control"]).toBe("no-cache");
  // The app starts from the compressed files (the browser asks for them itself).
  await page.goto("/customers");
  await expect(page.getByRole("heading", { name: "Customers", level: 1 })).toBeVisible();
});

test("the page's shell shows before the wasm arrives, and the app takes its place without moving anything", async ({ page }) => {
  await page.addInitScript(() => {
    (window as any).layoutShift = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as any[]) if (!entry.hadRecentInput) (window as any).layoutShift += entry.value;
    }).observe({ type: "layout-shift", buffered: true });
  });
  let release!: () => void;
  const wasmHeld = new Promise<void>((resolve) => (release = resolve));
  await page.route(/_bg\.wasm$/, async (route) => {
    await wasmHeld;
    await route.continue();
  });
  await page.goto("/customers", { waitUntil: "commit" });
  // While the wasm is held back: the header and navigation, in the app's layout.
  await expect(page.locator("#app-shell .brand")).toHaveText("Wholesale Partner Hub");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Templates" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveCount(0);
  const shellHeader = await page.locator("header.top-bar").boundingBox();
  release();
  await expect(page.getByRole("heading", { name: "Customers", level: 1 })).toBeVisible();
  await expect(page.locator("#app-shell")).toHaveCount(0);
  expect(await page.locator("header.top-bar").boundingBox()).toEqual(shellHeader);
  expect(await page.evaluate(() => (window as any).layoutShift)).toBe(0);
});

test("after a first visit the app opens with no network, with its data, on any of its paths", async ({ page, context }) => {
  await seedStorage(page, { [DOCUMENT_KEY]: FIXTURE });
  await page.goto("/customers");
  await expect(page.getByRole("link", { name: "Acme Dental" })).toBeVisible();
  await controlledByWorker(page);
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole("link", { name: "Acme Dental" })).toBeVisible();
  await page.goto(`/customers/${ACME}`);
  await expect(page.getByRole("heading", { name: "Acme Dental", level: 1 })).toBeVisible();
  await context.setOffline(false);
  // The app can be installed: a manifest with a name and an icon.
  const manifest = await (await page.request.get("/manifest.webmanifest")).json();
  expect(manifest).toMatchObject({ name: "Wholesale Partner Hub", start_url: ".", display: "standalone" });
  expect((await page.request.get(`/${manifest.icons[0].src}`)).ok()).toBe(true);
});

test("under a sub-path the worker keeps to it and the app opens offline there", async ({ page, context }) => {
  await page.goto("http://127.0.0.1:4174/sub/templates");
  await expect(page.getByRole("heading", { name: "Onboarding templates", level: 1 })).toBeVisible();
  await controlledByWorker(page);
  expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.scope)).toBe("http://127.0.0.1:4174/sub/");
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole("heading", { name: "Onboarding templates", level: 1 })).toBeVisible();
});

test.describe("a new release", () => {
  const port = 4177;
  let dir: string;
  let server: ReturnType<typeof spawn>;
  test.beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "partner-hub-release-"));
    cpSync(new URL("../../dist", import.meta.url).pathname, dir, { recursive: true });
    server = spawn("node", [new URL("../serve.mjs", import.meta.url).pathname, dir, String(port)], { stdio: "ignore" });
    await new Promise((r) => setTimeout(r, 500));
  });
  test.afterAll(() => {
    server.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  test("is offered to an open tab when it is published, and a reload takes it", async ({ page }) => {
    await page.goto(`http://127.0.0.1:${port}/customers`);
    await expect(page.getByRole("heading", { name: "Customers", level: 1 })).toBeVisible();
    await controlledByWorker(page);
    const banner = page.getByRole("status").filter({ hasText: "A new version of Wholesale Partner Hub is ready." });
    await expect(banner).toHaveCount(0);

    // Publish a new release: another build id in the worker (and nothing precompressed left stale).
    const sw = join(dir, "sw.js");
    writeFileSync(sw, readFileSync(sw, "utf8").replace(/const BUILD = "[0-9a-f]+"/, 'const BUILD = "0123456789abcdef"'));
    rmSync(`${sw}.br`);
    rmSync(`${sw}.gz`);
    // The tab comes back into view: the app looks for a new release.
    await page.evaluate(() => document.dispatchEvent(new Event("visibilitychange")));
    await expect(banner).toBeVisible({ timeout: 15_000 });
    await expectNoAxeViolations(page);
    await banner.getByRole("button", { name: "Reload" }).click();
    await expect(page.getByRole("heading", { name: "Customers", level: 1 })).toBeVisible();
    await expect(banner).toHaveCount(0);
  });
});
