import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import {
  createCustomer,
  createTemplate,
  DOCUMENT_KEY,
  expectNoAxeViolations,
  fillHeadquarters,
  fillPrimarySettings,
  fillStorage,
  HEAD_KEY,
  navigateTo,
  next,
  savedDocument,
  seedStorage,
  SET_ASIDE_KEY,
  storedItems,
  user,
} from "./helpers";

const FULL = "Storage is full: your latest change was not saved.";
const NO_STORAGE = "This browser does not let the app save data (storage is off or blocked).";

/** The kept-aside copies of unreadable data, whatever their numbers. */
async function keptAside(page: Page) {
  const items = await storedItems(page);
  return Object.entries(items)
    .filter(([k]) => k === SET_ASIDE_KEY || k.startsWith(`${SET_ASIDE_KEY}:`))
    .map(([, v]) => v)
    .sort();
}

/** Walks the template wizard to its summary. */
async function templateSummary(page: Page, name: string) {
  await page.goto("/templates/new");
  await page.getByRole("radio", { name: "Webex for Wholesale" }).check();
  await next(page);
  await fillPrimarySettings(page, { name });
  for (let i = 0; i < 4; i++) await next(page);
  await expect(page.getByRole("heading", { name: "Summary", level: 2 })).toBeVisible();
}

/** This tab hears nothing of what other tabs save: as if their changes had not arrived yet. */
async function deafToOtherTabs(context: BrowserContext) {
  await context.addInitScript(() => window.addEventListener("storage", (e) => e.stopImmediatePropagation(), true));
}

test("unreadable data is kept aside, offered for download, and discarded only when asked", async ({ page }) => {
  const garbage = '{"templates": [oops';
  await seedStorage(page, { [DOCUMENT_KEY]: garbage });
  await page.goto("/templates");
  const alert = page.getByRole("alert");
  await expect(alert).toContainText("Saved data could not be read");
  await expect(alert).toContainText("was not written by Wholesale Partner Hub");
  // The app works normally meanwhile.
  await expect(page.getByRole("heading", { name: "No onboarding templates yet" })).toBeVisible();
  expect(await keptAside(page)).toEqual([garbage]);
  await expectNoAxeViolations(page);

  const download = page.waitForEvent("download");
  await alert.getByRole("button", { name: "Download unreadable data" }).click();
  const file = await download;
  const content = await (await file.createReadStream()).toArray();
  expect(Buffer.concat(content).toString()).toBe(garbage);

  // New work is saved, and the unreadable data is still there after a reload.
  await createTemplate(page, { name: "After recovery" });
  await page.reload();
  await expect(page.getByRole("heading", { name: "After recovery", level: 1 })).toBeVisible();
  await expect(page.getByRole("alert")).toContainText("Saved data could not be read");

  await page.getByRole("button", { name: "Discard it" }).click();
  await page.getByRole("alertdialog", { name: "Discard the unreadable data?" }).getByRole("button", { name: "Discard it" }).click();
  await expect(page.getByRole("alert")).toHaveCount(0);
  expect(await keptAside(page)).toEqual([]);
  expect((await savedDocument(page)).templates).toHaveLength(1);
});

test("a second unreadable find is kept beside the first, not over it", async ({ page }) => {
  await seedStorage(page, { [SET_ASIDE_KEY]: "kept earlier", [DOCUMENT_KEY]: "{{found now" });
  await page.goto("/customers");
  await expect(page.getByRole("heading", { name: "Saved data could not be read" })).toHaveCount(2);
  expect(await keptAside(page)).toEqual(["kept earlier", "{{found now"]);
  await page.reload();
  await expect(page.getByRole("heading", { name: "Saved data could not be read" })).toHaveCount(2);
});

test("data from a newer version of the app is not overwritten", async ({ page }) => {
  const future = { [HEAD_KEY]: '{"format":3,"generation":4}', "wholesale-partner-hub:4:partner": "from the future" };
  await seedStorage(page, future);
  await page.goto("/settings");
  await expect(page.getByRole("alert").first()).toContainText("saved by a newer version of Wholesale Partner Hub (format 3)");
  await page.getByLabel("Name", { exact: true }).fill("Quinn Newer");
  await page.getByLabel("Email", { exact: true }).fill("quinn@northwind-telecom.example");
  await page.getByRole("button", { name: "Add administrator" }).click();
  await expect(page.getByRole("cell", { name: "Quinn Newer", exact: true })).toHaveCount(0);
  expect(await storedItems(page)).toMatchObject(future);
});

test("a newer version saving in another tab stops this tab from saving over it", async ({ context }) => {
  const fresh = await context.newPage();
  await fresh.goto("/settings");
  await expect(fresh.getByRole("heading", { name: "Service provider administrators" })).toBeVisible();
  const other = await context.newPage();
  await other.goto("/customers");
  await other.evaluate((key) => localStorage.setItem(key, '{"format":3,"generation":9}'), HEAD_KEY);
  await expect(fresh.getByRole("alert")).toContainText("A newer version of Wholesale Partner Hub saved data in another tab");
  await expect(fresh.getByRole("alert").getByRole("button", { name: "Reload" })).toBeVisible();
  await fresh.getByRole("checkbox", { name: "Europe" }).click();
  await expect(fresh.getByRole("checkbox", { name: "Europe" })).toBeChecked();
  expect((await storedItems(fresh))[HEAD_KEY]).toBe('{"format":3,"generation":9}');
});

test("a format-1 document from a newer version is kept aside too", async ({ page }) => {
  const future = JSON.stringify({ version: 7, partner: { name: "From the future" }, templates: [] });
  await seedStorage(page, { [DOCUMENT_KEY]: future });
  await page.goto("/customers");
  await expect(page.getByRole("alert")).toContainText("saved by a newer version of Wholesale Partner Hub (format 7)");
  expect(await keptAside(page)).toEqual([future]);
});

test("damaged data is explained as damaged", async ({ page }) => {
  const damaged = JSON.stringify({ version: 1, partner: { name: "", admins: [], subscriptions: [], regions: [] } });
  await seedStorage(page, { [DOCUMENT_KEY]: damaged });
  await page.goto("/customers");
  await expect(page.getByRole("alert")).toContainText("The saved data is damaged.");
});

test("a template that does not fit is not reported as created, and nothing entered is lost", async ({ page }) => {
  await templateSummary(page, "Too big");
  await fillStorage(page, 10);
  await page.getByRole("button", { name: "Submit" }).click();
  await expect(page.getByRole("alert")).toContainText(FULL);
  await expect(page.getByRole("heading", { name: "Summary", level: 2 })).toBeVisible();
  await expect(page.getByText("Template Too big created.")).toHaveCount(0);
  await expect(page).toHaveURL(/\/templates\/new\?step=6$/); // still on the wizard's last step
  await expectNoAxeViolations(page);

  // A reload shows exactly what was saved: no template, the wizard where it was.
  await page.reload();
  await expect(page.getByText("You're continuing where you left off.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Summary", level: 2 })).toBeVisible();
  await page.goto("/templates");
  await expect(page.getByRole("heading", { name: "No onboarding templates yet" })).toBeVisible();

  // With room again, the same wizard finishes.
  await page.evaluate(() => localStorage.removeItem("filler"));
  await page.goto("/templates/new");
  await page.getByRole("button", { name: "Submit" }).click();
  await expect(page.getByRole("heading", { name: "Too big", level: 1 })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("heading", { name: "Too big", level: 1 })).toBeVisible();
});

test("a customer that does not fit is not reported as created", async ({ page }) => {
  await createTemplate(page, { name: "Gold" });
  await page.goto("/customers/new");
  await page.getByLabel("Company name").fill("Acme Dental");
  await page.getByLabel("Admin email").fill("it@acme.example");
  await next(page);
  await page.getByRole("checkbox", { name: "Webex Meetings" }).check();
  await next(page);
  await fillHeadquarters(page, "United States");
  await next(page);
  await fillStorage(page, 10);
  await page.getByRole("button", { name: "Create customer" }).click();
  await expect(page.getByRole("alert")).toContainText(FULL);
  await expect(page).toHaveURL(/\/customers\/new\?step=4$/); // still on the wizard's last step
  await expect(page.getByText("Customer Acme Dental created.")).toHaveCount(0);
  expect((await savedDocument(page)).customers).toHaveLength(0);
});

/**
 * A meetings-only customer's setup at its Users step, with the admin named and `count`
 * users pasted (one input event with the whole text, as a paste from a spreadsheet
 * makes: fill() would take minutes for the 700,000 characters of 22,000 lines).
 */
async function pasteUsers(page: Page, company: string, domain: string, count: number) {
  await createTemplate(page, { name: "Gold" });
  await createCustomer(page, { company, email: `it@${domain}`, packages: ["Webex Meetings"] });
  await page.getByRole("link", { name: "Set up customer" }).click();
  await next(page);
  const admin = user(page, 1);
  await admin.getByLabel("First name").fill("Ada");
  await admin.getByLabel("Last name").fill("Admin");
  const lines = Array.from({ length: count }, (_, i) => `First${i}\tLast${i}\tuser${i}@${domain}`);
  await page.getByLabel("Paste users").evaluate((el, text) => {
    (el as HTMLTextAreaElement).value = text;
    el.dispatchEvent(new Event("input", { bubbles: true }));
  }, lines.join("\n"));
  await page.getByRole("button", { name: "Add pasted users" }).click();
  await expect(page.getByText(`Added ${count} users.`)).toBeVisible({ timeout: 30_000 });
}

test("users that do not fit are not created, and the setup stays to try again", async ({ page }) => {
  await pasteUsers(page, "Acme Dental", "acme.example", 300);
  await next(page);
  await next(page);
  await expect(page.getByRole("heading", { name: "Review", level: 2 })).toBeVisible();
  await fillStorage(page, 2_000);
  await page.getByRole("button", { name: "Create users" }).click();
  await expect(page.getByRole("alert")).toContainText(FULL);
  // How much room the users need, and how much there is (about 2,000 characters).
  await expect(page.getByRole("alert")).toContainText(
    /It needs about [\d,]+ characters of this browser's storage, and about 1,[6-9]\d\d are free\./,
  );
  await expect(page.getByRole("heading", { name: "Review", level: 2 })).toBeVisible();
  await expect(page.getByText(/users created/)).toHaveCount(0);
  expect((await savedDocument(page)).customers[0].users).toHaveLength(0);

  await page.evaluate(() => localStorage.removeItem("filler"));
  await page.getByRole("button", { name: "Create users" }).click();
  await expect(page.getByText("301 users created for Acme Dental.")).toBeVisible();
  expect((await savedDocument(page)).customers[0].users).toHaveLength(301);
});

test("22,000 pasted users are created, kept after a reload, and leave room", async ({ page }) => {
  test.setTimeout(120_000);
  await pasteUsers(page, "Big Co", "big.example", 22_000);
  await next(page);
  await next(page);
  await page.getByRole("button", { name: "Create users" }).click();
  await expect(page.getByText("22001 users created for Big Co.")).toBeVisible({ timeout: 30_000 });
  const used = Object.values(await storedItems(page)).reduce((n, v) => n + v.length, 0);
  expect(used).toBeLessThan(1_000_000);
  await page.reload();
  await expect(page.getByText(/of 22001/).first()).toBeVisible();
  expect((await savedDocument(page)).customers[0].users).toHaveLength(22_001);
});

test("a full storage quota is reported on the change it refused, and what was saved stays", async ({ page }) => {
  await page.goto("/settings");
  await expect(page.getByRole("heading", { name: "Service provider administrators" })).toBeVisible();
  await fillStorage(page);
  await page.getByLabel("Name", { exact: true }).fill("Quota Tester");
  await page.getByLabel("Email", { exact: true }).fill("quota.tester@northwind-telecom.example");
  await page.getByRole("button", { name: "Add administrator" }).click();
  const alert = page.getByRole("alert");
  await expect(alert).toContainText(FULL);
  // Not shown as added; what was typed stays for another try.
  await expect(page.getByRole("cell", { name: "Quota Tester", exact: true })).toHaveCount(0);
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue("Quota Tester");
  const backup = page.waitForEvent("download");
  await alert.getByRole("button", { name: "Download backup" }).click();
  expect((await backup).suggestedFilename()).toMatch(/^wholesale-partner-hub-backup-.*\.json$/);

  await page.evaluate(() => localStorage.removeItem("filler"));
  await page.getByRole("button", { name: "Add administrator" }).click();
  await expect(page.getByRole("cell", { name: "Quota Tester", exact: true })).toBeVisible();
  await expect(page.getByRole("alert")).toHaveCount(0);
  const saved = await savedDocument(page);
  expect(saved.partner.admins.map((a: { name: string }) => a.name)).toContain("Quota Tester");
});

test("when reading localStorage throws, the app works in memory and says so", async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, "localStorage", {
      configurable: true,
      get() {
        throw new DOMException("Access is denied for this document.", "SecurityError");
      },
    });
  });
  await page.goto("/templates");
  await expect(page.getByRole("alert")).toContainText(NO_STORAGE);
  await createTemplate(page, { name: "In memory" });
  await expect(page.getByRole("alert")).toContainText(NO_STORAGE);
  await expectNoAxeViolations(page);
});

test("a browser that refuses every write is told apart from a full one", async ({ page }) => {
  await page.addInitScript(() => {
    Storage.prototype.setItem = function () {
      throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    };
  });
  await page.goto("/templates");
  await expect(page.getByRole("alert")).toContainText(NO_STORAGE);
  await expect(page.getByText(FULL)).toHaveCount(0);
  await createTemplate(page, { name: "Private mode" });
  await expect(page.getByText(FULL)).toHaveCount(0);
});

test("a damaged wizard draft is reported, not dropped silently", async ({ page }) => {
  await seedStorage(page, { "wholesale-partner-hub:draft:template": "{not a draft" });
  await page.goto("/templates/new");
  await expect(
    page.getByText("Your unfinished wizard could not be restored (its saved copy was damaged), so it starts again."),
  ).toBeVisible();
  await expectNoAxeViolations(page);
});

test("clicking the final button twice creates once and leaves no draft behind", async ({ page }) => {
  await templateSummary(page, "Clicked twice");
  await page.evaluate(() => {
    const submit = [...document.querySelectorAll("button")].find((b) => b.textContent?.trim() === "Submit")!;
    submit.click();
    submit.click();
  });
  await expect(page.getByRole("heading", { name: "Clicked twice", level: 1 })).toBeVisible();
  await page.goto("/templates/new");
  await expect(page.getByRole("heading", { name: "Offer", level: 2 })).toBeVisible();
  await expect(page.getByText("You're continuing where you left off.")).toHaveCount(0);
  expect((await savedDocument(page)).templates).toHaveLength(1);
});

test("changes made in another tab show up instead of being overwritten", async ({ context }) => {
  const first = await context.newPage();
  const second = await context.newPage();
  await second.goto("/templates");
  await expect(second.getByRole("heading", { name: "No onboarding templates yet" })).toBeVisible();
  await createTemplate(first, { name: "Made in tab one" });
  await expect(second.getByRole("link", { name: "Made in tab one" })).toBeVisible();
  await expect(second.getByRole("status")).toContainText("Updated with changes made in another tab.");
  // A change in the second tab keeps the first tab's template.
  await navigateTo(second, "Settings");
  await second.getByRole("checkbox", { name: "Asia Pacific" }).uncheck();
  await expect(second.getByRole("checkbox", { name: "Asia Pacific" })).not.toBeChecked();
  const saved = await savedDocument(second);
  expect(saved.partner.regions).toEqual(["NorthAmerica", "Europe"]);
  expect(saved.templates).toHaveLength(1);
});

test("two tabs deleting different customers at the same moment both keep their change", async ({ context }) => {
  const setup = await context.newPage();
  await createTemplate(setup, { name: "Gold" });
  await createCustomer(setup, { company: "Alpha Dental", email: "it@alpha.example" });
  await createCustomer(setup, { company: "Beta Logistics", email: "it@beta.example" });
  await deafToOtherTabs(context);
  const [one, two] = [await context.newPage(), await context.newPage()];
  for (const [page, company] of [[one, "Alpha Dental"], [two, "Beta Logistics"]] as const) {
    await page.goto("/customers");
    await page.getByRole("link", { name: company }).click();
    await page.getByRole("button", { name: "Delete customer" }).click();
  }
  await Promise.all(
    [one, two].map((page) => page.getByRole("alertdialog").getByRole("button", { name: "Delete customer" }).click()),
  );
  for (const page of [one, two]) await expect(page).toHaveURL(/\/customers$/);
  const saved = await savedDocument(one);
  expect(saved.customers).toHaveLength(0);
});

test("the later of two changes to the same record is refused and shows the earlier one", async ({ context }) => {
  await deafToOtherTabs(context);
  const [one, two] = [await context.newPage(), await context.newPage()];
  for (const page of [one, two]) {
    await page.goto("/settings");
    await expect(page.getByRole("heading", { name: "Service provider administrators" })).toBeVisible();
  }
  const add = async (page: Page, name: string, email: string) => {
    await page.getByLabel("Name", { exact: true }).fill(name);
    await page.getByLabel("Email", { exact: true }).fill(email);
    await page.getByRole("button", { name: "Add administrator" }).click();
  };
  await add(one, "First Tab", "first@northwind-telecom.example");
  await expect(one.getByRole("cell", { name: "First Tab", exact: true })).toBeVisible();
  await add(two, "Second Tab", "second@northwind-telecom.example");
  await expect(two.getByRole("alert")).toContainText(
    "This was changed in another tab a moment ago, so your change was not saved.",
  );
  await expect(two.getByRole("cell", { name: "First Tab", exact: true })).toBeVisible();
  await expect(two.getByRole("cell", { name: "Second Tab", exact: true })).toHaveCount(0);
  await expectNoAxeViolations(two);
  // Made again on the latest version, it is saved beside the other tab's.
  await two.getByRole("button", { name: "Add administrator" }).click();
  await expect(two.getByRole("cell", { name: "Second Tab", exact: true })).toBeVisible();
  const names = (await savedDocument(one)).partner.admins.map((a: { name: string }) => a.name);
  expect(names).toEqual(expect.arrayContaining(["First Tab", "Second Tab"]));
});

test("a format-1 document saved by the previous release opens with everything in it", async ({ page }) => {
  const fixture = await import("node:fs").then((fs) => fs.readFileSync(new URL("../../tests/fixtures/format-1.json", import.meta.url), "utf8"));
  await seedStorage(page, { [DOCUMENT_KEY]: fixture });
  await page.goto("/customers");
  await expect(page.getByRole("link", { name: "Acme Dental" })).toBeVisible();
  await expect(page.getByRole("link", { name: "한빛 물류" })).toBeVisible();
  const items = await storedItems(page);
  expect(items[DOCUMENT_KEY]).toBeUndefined();
  expect(JSON.parse(items[HEAD_KEY])).toMatchObject({ format: 2 });
  expect(await savedDocument(page)).toEqual(JSON.parse(fixture));
  await page.getByRole("link", { name: "Acme Dental" }).click();
  await expect(page.getByRole("region", { name: "Users" }).getByRole("rowheader")).toHaveText(["Ada Admin", "김민준", "Grace Hopper"]);
});

test("what was just typed into a wizard is kept when the page goes away at once", async ({ page }) => {
  await page.goto("/templates/new");
  await page.getByRole("radio", { name: "Webex for Wholesale" }).check();
  await next(page);
  await page.getByLabel("Template name").fill("Typed then closed");
  // No pause for the draft's timer: the page is left straight away.
  await page.reload();
  await expect(page.getByText("You're continuing where you left off.")).toBeVisible();
  await expect(page.getByLabel("Template name")).toHaveValue("Typed then closed");
  // Leaving the wizard inside the app keeps it too.
  await page.getByLabel("Template name").fill("Typed then left");
  await navigateTo(page, "Customers");
  await page.goto("/templates/new");
  await expect(page.getByLabel("Template name")).toHaveValue("Typed then left");
});
