// Takes the README's screenshots (desktop and phone, English and Korean) from a release
// build with the demo data loaded. Korean needs a Korean font (fonts-noto-cjk).
//
// Usage: node screenshots.mjs [dist-dir]   (from end2end/, after a release build)
import { withBrowser } from "./bench/fixtures.mjs";

const PORT = 4195;
const origin = `http://127.0.0.1:${PORT}`;
const out = new URL("../docs/screenshots/", import.meta.url).pathname;
const desktop = { width: 1280, height: 800 };
const phone = { width: 390, height: 844 };

await withBrowser(process.argv[2] ?? "../dist", PORT, async (browser) => {
  // The demo data, loaded the way a partner loads it; then the same storage in every shot.
  const setup = await browser.newContext({ viewport: desktop, locale: "en-US" });
  const page = await setup.newPage();
  await page.goto(`${origin}/customers`);
  await page.getByRole("button", { name: "Load demo data" }).click();
  await page.getByText("Demo data loaded").waitFor();
  const detail = await page.getByRole("table").getByRole("link").nth(2).getAttribute("href");
  const storageState = await setup.storageState();
  await setup.close();

  const shot = async (name, viewport, locale, path, act = async () => {}) => {
    const context = await browser.newContext({ viewport, locale, storageState, deviceScaleFactor: 1 });
    const p = await context.newPage();
    await p.goto(`${origin}${path}`);
    await p.locator("main h1").waitFor();
    await act(p);
    await p.evaluate(() => document.activeElement?.blur?.());
    await p.screenshot({ path: `${out}${name}.png` });
    await context.close();
    console.log(`docs/screenshots/${name}.png`);
  };
  // The users grid: three rows typed from the keyboard, one with a problem shown in its row.
  const grid = (next) => async (p) => {
    await p.getByRole("button", { name: next }).click();
    const first = p.locator("[id^=first-name-]");
    if ((await first.count()) === 0) await p.locator("#add-user").click();
    for (const [i, [a, b, c]] of [["Mina", "Choi", "mina.choi@example.com"], ["Jae", "Park", "jae.park@"], ["서연", "이", "seoyeon.lee@example.com"]].entries()) {
      if (i > 0) await p.keyboard.press("Enter");
      else await first.last().focus();
      await p.keyboard.type(a); await p.keyboard.press("Tab");
      await p.keyboard.type(b); await p.keyboard.press("Tab");
      await p.keyboard.type(c);
    }
    await p.getByRole("button", { name: next }).click();
    await p.locator(".error-summary").waitFor();
    await p.getByRole("heading", { level: 2 }).first().scrollIntoViewIfNeeded();
  };
  await shot("desktop-en-users-grid", desktop, "en-US", `${detail}/setup`, grid("Next"));
  await shot("desktop-ko-customers", desktop, "ko-KR", "/customers");
  await shot("phone-en-customer", phone, "en-US", detail);
  await shot("phone-ko-users-grid", phone, "ko-KR", `${detail}/setup`, grid("다음"));
});
