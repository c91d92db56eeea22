import { expect, test } from "@playwright/test";

test("a Content-Security-Policy lets the app start and stops injected inline script", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" && m.text().includes("Content Security Policy")) violations.push(m.text());
  });
  await page.goto("/customers");
  await expect(page.getByRole("heading", { name: "Customers", level: 1 })).toBeVisible();
  expect(violations, "the app itself breaks no rule of its policy").toEqual([]);
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
  expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval' 'sha256-");
  expect(policy).toContain("object-src 'none'");
  expect(policy).toContain("base-uri 'self'");

  // Script that found its way into the page (as user text rendered as HTML would) does not run.
  const ran = await page.evaluate(async () => {
    const refused = new Promise<string>((resolve) =>
      document.addEventListener("securitypolicyviolation", (e) => resolve(e.violatedDirective), { once: true }),
    );
    const script = document.createElement("script");
    script.textContent = "window.injected = true;";
    document.body.append(script);
    return { injected: (window as any).injected === true, directive: await refused };
  });
  expect(ran).toEqual({ injected: false, directive: "script-src-elem" });
});
