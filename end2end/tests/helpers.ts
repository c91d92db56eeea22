import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";
import { fillStorageInPage } from "../bench/fixtures.mjs";

/** Where format 1 kept the whole document (format 2 upgrades it on start). */
export const DOCUMENT_KEY = "wholesale-partner-hub:document";
export const HEAD_KEY = "wholesale-partner-hub:head";
export const SET_ASIDE_KEY = "wholesale-partner-hub:unreadable";
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

export type TemplateInput = {
  name: string;
  country?: string;
  auth?: "webex" | "saml" | "oidc";
  entityId?: string;
  /** Pasted into "Partner Hub provisioning ID" (common settings step). */
  partnerHubId?: string;
};

/** Walks the create-template wizard from the templates list to the new template's page. */
export async function createTemplate(page: Page, input: TemplateInput, listPath = "/templates") {
  await page.goto(listPath);
  await page.getByRole("link", { name: "Create template" }).click();
  await page.getByRole("radio", { name: "Webex for Wholesale" }).check();
  await next(page);
  await fillPrimarySettings(page, input);
  await next(page);
  if (input.auth === "saml") {
    await page.getByRole("radio", { name: "Partner authentication (SAML)" }).check();
    await page.getByLabel("IdP entity ID", { exact: true }).fill(input.entityId ?? "https://idp.example.com/saml");
  } else if (input.auth === "oidc") {
    await page.getByRole("radio", { name: "Partner authentication (OpenID Connect)" }).check();
    await page.getByLabel("OpenID Connect IdP entity ID").fill(input.entityId ?? "northwind-oidc");
  }
  await next(page);
  await next(page); // Wholesale calling: no vendor (recommended)
  if (input.partnerHubId) await page.getByLabel("Partner Hub provisioning ID").fill(input.partnerHubId);
  await next(page); // Common settings: defaults
  await expect(page.getByRole("heading", { name: "Summary", level: 2 })).toBeVisible();
  await page.getByRole("button", { name: "Submit" }).click();
  await expect(page.getByRole("heading", { name: input.name, level: 1 })).toBeVisible();
}

export async function fillPrimarySettings(page: Page, input: TemplateInput) {
  await page.getByLabel("Template name").fill(input.name);
  await page.getByLabel("Country or region").selectOption({ label: input.country ?? "United States" });
  await page.getByLabel("Service provider admin").selectOption({ index: 1 });
  await page.getByLabel("Wholesale subscription").selectOption({ index: 1 });
}

export async function next(page: Page) {
  await page.getByRole("button", { name: "Next", exact: true }).click();
}

/**
 * What is saved, as a new tab of the same browser reads it from storage: the backup
 * that tab downloads (storage holds compressed records, not readable JSON).
 */
export async function savedDocument(page: Page) {
  const fresh = await page.context().newPage();
  await fresh.goto("/settings");
  const download = fresh.waitForEvent("download");
  await fresh.getByRole("region", { name: "Data backup" }).getByRole("button", { name: "Download backup" }).click();
  const text = Buffer.concat(await (await (await download).createReadStream()).toArray()).toString();
  await fresh.close();
  return JSON.parse(text);
}

/** Every key of localStorage with its value. */
export async function storedItems(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)!])));
}

/** Fills the origin's quota (about 5 million characters) with a key of its own, but for `spare` characters. */
export async function fillStorage(page: Page, spare = 0) {
  await page.evaluate(fillStorageInPage, spare);
}

/** Follows a link of the top navigation. */
export async function navigateTo(page: Page, name: "Customers" | "Templates" | "Settings") {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name }).click();
}

export type CustomerInput = {
  company: string;
  email: string;
  template?: string;
  packages?: string[];
  country?: string;
};

/** Walks the create-customer wizard with a valid US headquarters (or `country`'s). */
export async function createCustomer(page: Page, input: CustomerInput) {
  await page.goto("/customers/new");
  await page.getByLabel("Company name").fill(input.company);
  await page.getByLabel("Admin email").fill(input.email);
  if (input.template) await page.getByLabel("Template").selectOption({ label: input.template });
  await next(page);
  for (const p of input.packages ?? ["Webex Calling (Calling Basic)"]) {
    await page.getByRole("checkbox", { name: p }).check();
  }
  await next(page);
  await fillHeadquarters(page, input.country ?? "United States");
  await next(page);
  await expect(page.getByRole("heading", { name: "Summary", level: 2 })).toBeVisible();
  await page.getByRole("button", { name: "Create customer" }).click();
  await expect(page.getByRole("heading", { name: input.company, level: 1 })).toBeVisible();
}

export async function fillHeadquarters(page: Page, country: string) {
  await page.getByLabel("Location name").fill("Headquarters");
  await page.getByLabel("Address line 1").fill(country === "South Korea" ? "110 Sejong-daero" : "500 Congress Ave");
  await page.getByLabel("City").fill(country === "South Korea" ? "Seoul" : "Austin");
  await page.getByLabel("Country", { exact: true }).selectOption({ label: country });
  if (country === "United States") {
    await page.getByLabel("State or province").selectOption({ label: "Texas" });
    await page.getByLabel("ZIP or postal code").fill("78701");
    await page.getByLabel("Time zone").selectOption("America/Chicago");
  } else if (country === "South Korea") {
    await page.getByLabel("ZIP or postal code").fill("04524");
  }
  await page.getByLabel("PSTN connection").selectOption({ label: PARTNER_NUMBERS });
  await page.getByRole("checkbox", { name: "This customer is in a Cisco Webex supported location" }).check();
}

/** The "PSTN connection" choice of a location whose numbers the partner adds in Webex. */
export const PARTNER_NUMBERS = "Numbers managed in Webex by this partner (premises-based or non-integrated PSTN)";

/** Puts `items` into localStorage before the app first starts (not on reloads). */
export async function seedStorage(page: Page, items: Record<string, string>) {
  await page.addInitScript((items) => {
    if (!sessionStorage.getItem("seeded")) {
      for (const [k, v] of Object.entries(items)) localStorage.setItem(k, v);
      sessionStorage.setItem("seeded", "1");
    }
  }, items);
}

/** The page as it is now has no accessibility violations (axe-core). */
export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  // Rule and elements only: enough to find each violation, short enough to read.
  const found = results.violations.map((v) => ({ rule: v.id, nodes: v.nodes.map((n) => n.target.join(" ")) }));
  expect(found).toEqual([]);
}


/** A user row of the setup wizard's users or numbers table ("User 2", not "User 20"). */
export function user(page: Page, n: number, label = "User") {
  return page.getByRole("row", { name: new RegExp(`^${label} ${n}( |$)`) });
}

export async function fillUser(page: Page, n: number, first: string, last: string, email?: string) {
  const row = user(page, n);
  await row.getByLabel("First name").fill(first);
  await row.getByLabel("Last name").fill(last);
  if (email) await row.getByLabel("Email").fill(email);
}

/** Adds the branch "Dallas branch" (Texas) on the setup wizard's Locations step. */
export async function addBranch(page: Page) {
  await page.getByRole("button", { name: "Add location" }).click();
  const branch = page.getByRole("group", { name: "New location 1" });
  await expect(branch.getByLabel("Location name")).toBeFocused();
  await branch.getByLabel("Location name").fill("Dallas branch");
  await branch.getByLabel("Address line 1").fill("1 Main St");
  await branch.getByLabel("City").fill("Dallas");
  await branch.getByLabel("State or province").selectOption({ label: "Texas" });
  await branch.getByLabel("ZIP or postal code").fill("75201");
}

/** The Partner Hub ID `customerWithUsers` links its template to (known to the fake). */
export const LINKED_TEMPLATE_ID = "N2U1NzAwMDAtNWExZS00YjBiLTlkMDAtMDAwMDAwMDAwMDAx";

/**
 * A US customer with a branch and two users (the admin at the headquarters, Jae at the
 * branch), from a template linked to Partner Hub (unless `linked` is false).
 */
export async function customerWithUsers(page: Page, company = "Acme Dental", linked = true) {
  await createTemplate(page, { name: "Gold", partnerHubId: linked ? LINKED_TEMPLATE_ID : undefined });
  await createCustomer(page, { company, email: "it@acme.example", packages: ["Webex Calling (Calling Basic)", "Webex Meetings"] });
  await page.getByRole("link", { name: "Set up customer" }).click();
  await addBranch(page);
  await next(page);
  await fillUser(page, 1, "Ada", "Admin");
  await page.getByRole("button", { name: "Add user" }).click();
  await fillUser(page, 2, "Jae", "Park", "jae@acme.example");
  await user(page, 2).getByLabel("Location").selectOption({ label: "Dallas branch" });
  await next(page);
  await user(page, 1).getByLabel("Phone number").fill("+1 512 555 0100");
  await user(page, 2).getByLabel("Extension").fill("2001");
  await next(page);
  await page.getByRole("button", { name: "Create users" }).click();
  await expect(page.getByRole("heading", { name: company, level: 1 })).toBeVisible();
}

/** The customer page's "Webex provisioning" panel. */
export function panel(page: Page) {
  return page.getByRole("region", { name: "Webex provisioning" });
}

/** The rows of the panel's timeline, newest first, as "METHOD path → status". */
export async function timeline(page: Page) {
  const details = panel(page).locator("details.timeline");
  if (!(await details.evaluate((d: HTMLDetailsElement) => d.open))) await details.locator("summary").click();
  // Its rows are drawn once it is open.
  await details.locator("tbody tr").first().waitFor();
  return details.locator("tbody tr").allInnerTexts();
}
