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

const LANGUAGE_KEY = "wholesale-partner-hub:language";

/** Holds the main wasm back until the returned function is called. */
async function holdTheWasm(page: Page) {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/_bg\.wasm$/, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

/** Where the top bar is, and its name's and links' words, places and looks (the current
 *  page's link is drawn apart). */
async function topBar(page: Page) {
  return page.locator("header.top-bar").evaluate((header) => {
    const drawn = (el: Element) => {
      // The name's box stretches on a phone (flex: 1); its words are what is seen.
      const range = document.createRange();
      range.selectNodeContents(el);
      const box = el.matches("a") ? el.getBoundingClientRect() : range.getBoundingClientRect();
      const style = getComputedStyle(el);
      return [(el as HTMLElement).innerText, box.x, box.y, box.width, box.height, style.fontWeight, style.backgroundColor].join(" ");
    };
    const { x, y, width, height } = header.getBoundingClientRect();
    return [[x, y, width, height].join(" "), ...[header.querySelector(".brand")!, ...header.querySelectorAll("nav a")].map(drawn)];
  });
}

const shells = [
  { title: "in English", locale: "en-US", path: "/customers", nav: "Main", links: ["Customers", "Templates", "Settings"], heading: "Customers" },
  { title: "in Korean, on a phone", locale: "ko-KR", viewport: { width: 390, height: 800 }, path: "/templates", nav: "주 메뉴", links: ["고객", "템플릿", "설정"], heading: "온보딩 템플릿" },
  { title: "in the language chosen in this browser", locale: "en-US", stored: "ko", path: "/settings", nav: "주 메뉴", links: ["고객", "템플릿", "설정"], heading: "파트너 조직" },
  { title: "under a sub-path", locale: "en-US", path: "http://127.0.0.1:4174/sub/templates", nav: "Main", links: ["Customers", "Templates", "Settings"], heading: "Onboarding templates" },
];
for (const shell of shells) {
  test.describe(`the page's shell ${shell.title}`, () => {
    test.use({ locale: shell.locale, ...(shell.viewport ? { viewport: shell.viewport } : {}) });

    test("shows before the wasm arrives, and the app takes its place without moving or changing anything", async ({ page }) => {
      if (shell.stored) await seedStorage(page, { [LANGUAGE_KEY]: shell.stored });
      await page.addInitScript(() => {
        (window as any).layoutShift = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as any[]) if (!entry.hadRecentInput) (window as any).layoutShift += entry.value;
        }).observe({ type: "layout-shift", buffered: true });
      });
      const release = await holdTheWasm(page);
      await page.goto(shell.path, { waitUntil: "commit" });
      // While the wasm is held back: the header and navigation, in the app's language and layout.
      await expect(page.locator("#app-shell .brand")).toHaveText("Wholesale Partner Hub");
      const shellNav = page.locator("#app-shell").getByRole("navigation", { name: shell.nav });
      for (const link of shell.links) await expect(shellNav.getByRole("link", { name: link, exact: true })).toBeVisible();
      await expect(page.getByRole("heading", { name: shell.heading, level: 1 })).toHaveCount(0);
      await expectNoAxeViolations(page);
      const before = await topBar(page);
      release();
      await expect(page.getByRole("heading", { name: shell.heading, level: 1 })).toBeVisible();
      await expect(page.locator("#app-shell")).toHaveCount(0);
      await expect(page.getByRole("navigation", { name: shell.nav }).getByRole("link", { name: shell.links[1], exact: true })).toBeVisible();
      expect(await topBar(page)).toEqual(before);
      expect(await page.evaluate(() => (window as any).layoutShift)).toBe(0);
    });
  });
}

test.describe("a language chosen before the shell could read it", () => {
  // The reload below must reach the network, where the wasm is held.
  test.use({ serviceWorkers: "block" });

  test("is kept, and the shell uses it from then on", async ({ page }) => {
    // Releases before the shell's script stored the choice as JSON (or encoded, like a draft).
    await seedStorage(page, { [LANGUAGE_KEY]: '"Ko"' });
    await page.goto("/customers");
    await expect(page.getByRole("heading", { name: "고객", level: 1 })).toBeVisible();
    expect(await page.evaluate((key) => localStorage.getItem(key), LANGUAGE_KEY)).toBe("ko");
    const release = await holdTheWasm(page);
    await page.reload({ waitUntil: "commit" });
    const shellNav = page.locator("#app-shell").getByRole("navigation", { name: "주 메뉴" });
    await expect(shellNav.getByRole("link", { name: "고객", exact: true })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "ko");
    release();
    await expect(page.getByRole("heading", { name: "고객", level: 1 })).toBeVisible();
  });
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
