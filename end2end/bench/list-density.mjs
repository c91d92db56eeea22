// Benchmark (prints figures, asserts nothing): how many customers of the demo data the
// customers list shows above the fold at 1440×900 (desktop) and 390×844 (phone), with
// the tallest row, release build, Chromium. The demo is loaded the way a presenter does.
//
// Usage: node bench/list-density.mjs [dist-dir]   (from end2end/, after a release build)
import { withBrowser } from "./fixtures.mjs";

const PORT = 4197;
const dist = process.argv[2] ?? "../dist";

await withBrowser(dist, PORT, async (browser) => {
  const origin = `http://127.0.0.1:${PORT}`;
  const setup = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: "en-US" });
  const first = await setup.newPage();
  await first.goto(`${origin}/customers`);
  await first.getByRole("button", { name: "Load demo data" }).click();
  await first.getByText("Demo data loaded").waitFor();
  const storageState = await setup.storageState();
  await setup.close();
  for (const [name, viewport] of [["desktop 1440×900", { width: 1440, height: 900 }], ["desktop 1280×800", { width: 1280, height: 800 }], ["phone 390×844", { width: 390, height: 844 }]]) {
    const context = await browser.newContext({ viewport, locale: "en-US", storageState });
    const page = await context.newPage();
    await page.goto(`${origin}/customers`);
    await page.locator("tbody tr").first().waitFor();
    const figures = await page.evaluate(() => {
      const rows = [...document.querySelectorAll("tbody tr")];
      const fold = window.innerHeight;
      const visible = rows.filter((r) => r.getBoundingClientRect().bottom <= fold).length;
      const tallest = Math.max(...rows.map((r) => r.getBoundingClientRect().height));
      const tools = document.querySelector(".list-tools");
      // Lines of filters: controls whose middles are more than 4 px apart.
      const middles = [...tools.querySelectorAll("select, input")].map((e) => { const r = e.getBoundingClientRect(); return r.top + r.height / 2; }).sort((a, b) => a - b);
      const toolLines = middles.filter((m, i) => i === 0 || m - middles[i - 1] > 4).length;
      const status = document.querySelector("tbody tr .badge");
      const statusShown = status ? status.getBoundingClientRect().right <= window.innerWidth : false;
      const table = document.querySelector("tbody").closest("table");
      const hidden = Math.max(0, table.scrollWidth - table.parentElement.clientWidth);
      return { visible, tallest: Math.round(tallest), toolLines, statusShown, hidden };
    });
    console.log(
      `customers list, ${name}: ${figures.visible} rows above the fold; tallest row ${figures.tallest} px; filters on ${figures.toolLines} line(s); first status badge on screen: ${figures.statusShown ? "yes" : "no"}; table wider than its frame by ${figures.hidden} px`,
    );
    await context.close();
  }
});
