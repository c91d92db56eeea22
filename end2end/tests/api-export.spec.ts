import { expect, test, type Locator, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import { createTemplate, customerWithUsers, DOCUMENT_KEY, expectNoAxeViolations, LINKED_TEMPLATE_ID, next, seedStorage } from "./helpers";
import { specProblems } from "./webex-spec.mjs";

const CALLING = "Webex Calling (Calling Basic)";
const PLACEHOLDER = /\{\{(?:(?:customerId|orgId|locationId):[0-9a-f-]{36}|provisioningId:[^{}]+)\}\}/g;

/** Clicks `button` and reads the JSON file it downloads. */
async function downloadJson(page: Page, button: Locator) {
  const download = page.waitForEvent("download");
  await button.click();
  const file = await download;
  const text = Buffer.concat(await (await file.createReadStream()).toArray()).toString();
  return { name: file.suggestedFilename(), json: JSON.parse(text) };
}

/** The requests file is in its format, every request is one the spec accepts, and
 * every placeholder it uses is explained in it. */
function expectValidRequestsFile(file: any) {
  expect(file).toMatchObject({ format: "webex-wholesale-requests", version: 1, baseUrl: "https://webexapis.com/v1" });
  expect(file.requests.length).toBeGreaterThan(0);
  for (const request of file.requests) {
    expect(Object.keys(request).sort()).toEqual(["body", "comment", "method", "path"]);
    expect(specProblems(request), `${request.method} ${request.path}`).toEqual([]);
  }
  const used = new Set(JSON.stringify(file.requests).match(PLACEHOLDER));
  expect([...used].sort()).toEqual(Object.keys(file.placeholders).sort());
}

test("a customer with two locations and users exports as the requests Cisco's spec accepts", async ({ page }) => {
  await customerWithUsers(page);
  await expect(page.getByRole("region", { name: "Fix before provisioning in Webex" })).toHaveCount(0);

  const { name, json } = await downloadJson(page, page.getByRole("button", { name: "Export API requests" }));
  expect(name).toMatch(/^webex-requests-acme-dental-\d{4}-\d{2}-\d{2}\.json$/);
  await expect(page.getByText("Exported the API requests of 1 customer.")).toBeVisible();
  expectValidRequestsFile(json);
  expect(json.requests.map((r: any) => `${r.method} ${r.path.replace(PLACEHOLDER, "{id}")}`)).toEqual([
    "POST /wholesale/customers/validate",
    "POST /wholesale/customers",
    "GET /wholesale/customers/{id}",
    "GET /locations?orgId={id}&max=100",
    "POST /locations?orgId={id}",
    "POST /telephony/config/locations?orgId={id}",
    "POST /telephony/config/locations/{id}/numbers?orgId={id}",
    "POST /wholesale/subscribers/validate",
    "POST /wholesale/subscribers",
    "POST /wholesale/subscribers/validate",
    "POST /wholesale/subscribers",
  ]);
  // Linked in the wizard: the ID Partner Hub issued.
  expect(json.requests[0].body.provisioningId).toBe(LINKED_TEMPLATE_ID);
  const customer = json.requests[1].body;
  expect(customer).toMatchObject({
    packages: ["webex_calling", "webex_meetings"],
    customerInfo: { name: "Acme Dental", primaryEmail: "it@acme.example", language: "en_US" },
    address: { addressLine1: "500 Congress Ave", city: "Austin", stateOrProvince: "TX", zipOrPostalCode: "78701", country: "US" },
    provisioningParameters: {
      calling: { location: { name: "Headquarters", timezone: "America/Chicago", language: "en_us" } },
      meetings: { timezone: "America/Chicago" },
    },
  });
  expect(json.requests[4].body).toMatchObject({
    name: "Dallas branch",
    address: { address1: "1 Main St", city: "Dallas", state: "TX", postalCode: "75201", country: "US" },
  });
  // Jae makes calls at the branch: Webex Calling is enabled on it first.
  expect(json.requests[5].body).toMatchObject({ id: json.requests[10].body.provisioningParameters.locationId, name: "Dallas branch", timeZone: "America/Chicago" });
  // Ada's number goes into the headquarters' inventory before she is provisioned.
  expect(json.requests[6].body).toEqual({ phoneNumbers: ["+15125550100"], state: "ACTIVE" });
  const jae = json.requests[10].body;
  expect(jae).toMatchObject({
    email: "jae@acme.example",
    packages: ["webex_calling"],
    provisioningParameters: { firstName: "Jae", lastName: "Park", extension: "2001" },
  });
  // Jae's location is the branch that request 5 creates.
  expect(json.requests[4].comment).toContain(jae.provisioningParameters.locationId);
  expect(json.requests[1].comment).toContain(jae.customerId);
  // A misspelt field would not pass: the checker is not a rubber stamp.
  expect(specProblems({ ...json.requests[10], body: { ...jae, emial: jae.email } })).not.toEqual([]);
});

test("Webex's rules show next to their fields in the create-customer wizard", async ({ page }) => {
  await createTemplate(page, { name: "Gold" });
  await page.goto("/customers/new");
  await page.getByLabel("Company name").fill("100% Dental");
  await page.getByLabel("Admin email").fill("it@dental.example");
  await next(page);
  await expect(page.getByLabel("Company name")).toHaveAccessibleDescription(
    "Webex does not accept “%” in a company name. Remove it, or write it out (“percent”).",
  );
  await expectNoAxeViolations(page);
  await page.getByLabel("Company name").fill("100 Percent Dental");
  await next(page);
  await page.getByRole("checkbox", { name: CALLING }).check();
  await next(page);
  // Webex takes 50 characters an address line: the field stops there.
  await expect(page.getByLabel("Address line 1")).toHaveAttribute("maxlength", "50");
  await expect(page.getByLabel("Address line 2")).toHaveAttribute("maxlength", "50");
  await page.getByLabel("Country", { exact: true }).selectOption({ label: "Canada" });
  await page.getByLabel("State or province").selectOption({ label: "Quebec" });
  await expect(page.getByLabel("State or province")).toHaveValue("QC");
  await page.getByLabel("Country", { exact: true }).selectOption({ label: "Mexico" });
  await expect(page.getByLabel("State or province"), "Quebec is no state of Mexico").toHaveValue("");
  await expect(page.getByLabel("State or province").getByRole("option", { name: "Nuevo León" })).toHaveAttribute("value", "NLE");
});

test.describe("in Korean", () => {
  test.use({ locale: "ko-KR" });

  test("the rules speak Korean too", async ({ page }) => {
    await seedStorage(page, { [DOCUMENT_KEY]: legacyDocument() });
    await page.goto("/customers/new");
    await page.getByLabel("회사 이름").fill("100% 치과");
    await page.getByLabel("관리자 이메일").fill("admin@dental.example");
    await page.getByRole("button", { name: "다음" }).click();
    await expect(page.getByLabel("회사 이름")).toHaveAccessibleDescription(
      "Webex에서는 회사 이름에 “%”를 쓸 수 없습니다. 지우거나 “퍼센트”로 풀어 쓰십시오.",
    );
  });
});

/** The previous release's data (format 1), with a customer saved before the Webex rules. */
function legacyDocument() {
  const doc = JSON.parse(readFileSync(new URL("../../tests/fixtures/format-1.json", import.meta.url), "utf8"));
  doc.customers[0].company_name = "100% Dental";
  doc.customers[0].headquarters.details.address.line1 = "Sejong-daero 110, Jongno-gu, Government Complex Seoul";
  return JSON.stringify(doc);
}

test("a customer saved before the Webex rules opens, says what to fix, and is fixed on its page", async ({ page }) => {
  await seedStorage(page, { [DOCUMENT_KEY]: legacyDocument() });
  await page.goto("/customers");

  // The list exports those it can, and names the one it left out.
  const list = await downloadJson(page, page.getByRole("button", { name: "Export API requests" }));
  expect(list.name).toMatch(/^webex-requests-\d{4}-\d{2}-\d{2}\.json$/);
  expectValidRequestsFile(list.json);
  expect(list.json.requests[1].body.customerInfo.name).toBe("한빛 물류");
  // Its template was saved before templates linked to Partner Hub: a named placeholder.
  expect(list.json.requests[1].body.provisioningId).toBe("{{provisioningId:Gold}}");
  expect(list.json.placeholders["{{provisioningId:Gold}}"]).toContain("Partner Hub");
  await expect(page.getByRole("status").filter({ hasText: "Left out" })).toHaveText(
    "Left out 1 customer that has values Webex would refuse: 100% Dental. Open it to see what to fix.",
  );
  await expectNoAxeViolations(page);

  await page.getByRole("link", { name: "100% Dental" }).click();
  const fixes = page.getByRole("region", { name: "Fix before provisioning in Webex" });
  await expect(fixes.getByRole("listitem")).toHaveText([
    "Customer information — Company name: Webex does not accept “%” in a company name. Remove it, or write it out (“percent”). Fix",
    "Location “Seoul HQ” — Address line 1: Webex takes at most 50 characters per address line. Shorten it, or move the rest to the other line. Fix",
  ]);
  await expectNoAxeViolations(page);

  // Exporting waits for the fixes.
  await page.getByRole("button", { name: "Export API requests" }).click();
  await expect(page.getByRole("alert")).toHaveText(
    "This customer's API requests cannot be exported yet: fix the values listed under “Fix before provisioning in Webex” first.",
  );
  await expect(fixes.getByRole("heading", { name: "Fix before provisioning in Webex" })).toBeFocused();

  await fixes.getByRole("button", { name: "Fix Company name of Customer information" }).click();
  const name = page.getByRole("textbox", { name: "Company name" });
  await expect(name).toBeFocused();
  await expect(name).toHaveAccessibleDescription(/Webex does not accept “%”/);
  await name.fill("한빛 물류");
  await expect(name).toHaveAccessibleDescription("A customer with this name already exists.");
  await name.fill("100 Percent Dental");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("heading", { name: "100 Percent Dental", level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Customer information" }), "focus returns where the editor was").toBeFocused();
  await expect(page.getByText("Changes to 100 Percent Dental saved.")).toBeVisible();
  await expect(fixes.getByRole("listitem")).toHaveCount(1);

  await fixes.getByRole("button", { name: "Fix Address line 1 of Location “Seoul HQ”" }).click();
  const editor = page.getByRole("form", { name: "Edit location Seoul HQ" });
  const line1 = editor.getByLabel("Address line 1");
  await expect(line1).toBeFocused();
  await expect(line1).toHaveAccessibleDescription(/Webex takes at most 50 characters per address line/);
  await expect(editor.getByLabel("Country")).toHaveValue("South Korea");
  await expect(editor.getByLabel("Country")).toHaveAttribute("readonly", "");
  await expectNoAxeViolations(page);
  await line1.fill("110 Sejong-daero");
  await editor.getByLabel("Address line 2").fill("Jongno-gu");
  await editor.getByRole("button", { name: "Save changes" }).click();
  await expect(fixes).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Locations" })).toBeFocused();
  await expect(page.getByRole("alert")).toHaveCount(0);

  const one = await downloadJson(page, page.getByRole("button", { name: "Export API requests" }));
  expectValidRequestsFile(one.json);
  expect(one.json.requests[1].body).toMatchObject({
    customerInfo: { name: "100 Percent Dental" },
    address: { addressLine1: "110 Sejong-daero", addressLine2: "Jongno-gu", country: "KR" },
  });

  // The fixes were saved.
  await page.reload();
  await expect(page.getByRole("heading", { name: "100 Percent Dental", level: 1 })).toBeVisible();
  await expect(page.getByRole("region", { name: "Locations" })).toContainText("110 Sejong-daero, Jongno-gu");
});
