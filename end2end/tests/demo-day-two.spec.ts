// The demo's day two: "Load demo data" loads the demo book into the simulated Webex as
// well, so every demo customer the data says is in Webex takes a day-two change, Apply
// and Refresh exactly as one provisioned during the demo does — and a refresh then finds
// in Webex what the page shows.
import { expect, test, type Page } from "@playwright/test";
import { customerWithUsers, expectNoAxeViolations, panel } from "./helpers";

/** The demo customers in Webex, and how their provisioning went. */
const IN_WEBEX: [string, "Provisioned" | "Provisioned with errors" | "Error"][] = [
  ["Acme Dental", "Provisioned"],
  ["Birch Logistics", "Provisioned with errors"],
  ["Delta Partners", "Provisioned"],
  ["Everest Bakery", "Error"],
  ["Granite Studio", "Provisioned"],
  ["Harbor Labs", "Provisioned with errors"],
  ["Juniper Foods", "Provisioned"],
  ["Kestrel Legal", "Error"],
  ["Maple Insurance", "Provisioned"],
  ["Nimbus Travel", "Provisioned with errors"],
  ["Pioneer Freight", "Provisioned"],
  ["Quartz Finance", "Error"],
  ["Summit Health", "Provisioned"],
  ["Tidal Energy", "Provisioned with errors"],
  ["Vertex Robotics", "Provisioned"],
  ["Willow Care", "Error"],
  ["Yarrow Farms", "Provisioned"],
  ["한빛 물류", "Provisioned with errors"],
  ["Aurora Retail", "Provisioned"],
  ["Beacon Realty", "Error"],
];

function changes(page: Page) {
  return page.getByRole("region", { name: "Changes not yet in Webex" });
}

async function loadDemo(page: Page) {
  await page.goto("/customers");
  await page.getByRole("button", { name: "Load demo data" }).click();
  await expect(page.getByRole("table").getByRole("rowheader")).toHaveCount(30);
}

/** The admin's last name corrected: a change that goes through the People API. */
async function renameAdmin(page: Page) {
  await page.getByRole("button", { name: "Edit Ada Admin" }).click();
  const form = page.getByRole("form", { name: "Edit user Ada Admin" });
  await form.getByLabel("Last name").fill("Administrator");
  await form.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Ada Administrator saved.")).toBeVisible();
}

for (const [company, badge] of IN_WEBEX) {
  test(`demo day two: ${company} (${badge}) takes a change, Apply and Refresh`, async ({ page }) => {
    test.setTimeout(60_000);
    await loadDemo(page);
    const row = page.getByRole("row", { name: new RegExp(company) });
    await expect(row).toContainText(badge);
    await row.getByRole("link", { name: company }).click();
    await expect(panel(page).locator(".badge")).toHaveText(badge);
    await expect(changes(page)).toHaveCount(0);
    // The record is what Webex answered: no package it does not list, nothing only here.
    await expect(panel(page)).not.toContainText("Webex does not list");
    await expect(panel(page)).not.toContainText("not in Webex");

    if (badge === "Error") {
      // Webex could not enable a package: updating the customer mends it.
      await expect(panel(page)).toContainText("Calling could not be enabled: the location's address could not be validated.");
      await panel(page).getByRole("button", { name: "Provision in Webex" }).click();
      await expect(panel(page).locator(".badge")).toHaveText("Provisioned", { timeout: 30_000 });
    } else {
      await renameAdmin(page);
      await expect(changes(page).getByRole("listitem")).toHaveText(["Rename Ada Admin to Ada Administrator"]);
      await changes(page).getByRole("button", { name: "Apply changes in Webex" }).click();
      await expect(changes(page)).toHaveCount(0, { timeout: 30_000 });
      // The run goes on to the end (a user Webex refused is tried again).
      await expect(panel(page).locator(".badge")).toHaveText(badge, { timeout: 30_000 });
    }
    await panel(page).getByRole("button", { name: "Refresh from Webex" }).click();
    await expect(panel(page).getByText("Refreshed from Webex: nothing changed.")).toBeVisible({ timeout: 20_000 });
    await expect(panel(page).locator(".badge")).toHaveText(badge === "Error" ? "Provisioned" : badge);
  });
}

test("the demo's Webex holds its data: a removal goes, consent is asked again, and the whole book refreshes unchanged", async ({ page }) => {
  test.setTimeout(60_000);
  await loadDemo(page);
  // Delta Partners: provisioned, every user in Webex. A removal goes, and a refresh
  // of the whole book finds nothing changed.
  await page.getByRole("link", { name: "Delta Partners" }).click();
  const users = page.getByRole("region", { name: "Users" }).getByRole("rowheader");
  const before = 5;
  await expect(users).toHaveCount(before);
  const leaving = (await users.nth(1).innerText()).trim();
  await page.getByRole("button", { name: `Remove ${leaving}` }).click();
  await page.getByRole("alertdialog", { name: `Remove ${leaving}?` }).getByRole("button", { name: "Remove" }).click();
  await expect(changes(page).getByRole("listitem")).toHaveText([`Remove ${leaving} from Webex`]);
  // The counts say what Webex has, and what is pending beside them.
  const steps = panel(page).locator("dl");
  await expect(steps).toContainText(/Numbers in place(\d+) of \1(?!\d)/);
  await expect(steps).toContainText(`Users${before - 1} of ${before - 1} — and 1 removed here, still in Webex until the changes are applied`);
  await page.locator("#ui-language").selectOption("ko");
  await expect(page.getByRole("region", { name: "Webex 프로비저닝" }).locator("dl")).toContainText(
    "— 여기에서 제거한 1명은 변경 사항을 적용할 때까지 Webex에 남아 있음",
  );
  await expectNoAxeViolations(page);
  await page.locator("#ui-language").selectOption("en");
  await changes(page).getByRole("button", { name: "Apply changes in Webex" }).click();
  await expect(changes(page)).toHaveCount(0, { timeout: 30_000 });
  await expect(users).toHaveCount(before - 1);
  await expect(panel(page).locator(".badge")).toHaveText("Provisioned");
  await expect(steps).toContainText(`Users${before - 1} of ${before - 1}`);
  await expect(steps).not.toContainText("removed here");

  // Aurora Retail: a user waits for consent; the e-mail can be sent again.
  await page.getByRole("link", { name: "Customers", exact: true }).click();
  await page.getByRole("link", { name: "Aurora Retail" }).click();
  await expect(panel(page).getByText("Lee Park — Waiting for the user's consent")).toBeVisible();
  await panel(page).getByRole("button", { name: "Resend consent e-mail to Lee Park" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Consent e-mail sent again to " })).toBeVisible();
  await expectNoAxeViolations(page);

  // The whole book, from the list: Webex has every customer the data says it has.
  await page.getByRole("link", { name: "Customers", exact: true }).click();
  await page.getByRole("button", { name: "Refresh from Webex" }).click();
  await expect(page.getByText(/^Refreshed from Webex: nothing changed/)).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole("row").filter({ hasText: "Not in Webex" })).toHaveCount(0);

});

test("a user Webex has: every field is a change for Webex or stays, with the reason beside it (Korean too)", async ({ page }) => {
  await loadDemo(page);
  await page.getByRole("link", { name: "Acme Dental" }).click();
  await page.getByRole("button", { name: "Edit Jae Kim" }).click();
  const form = page.getByRole("form", { name: "Edit user Jae Kim" });
  await expect(form.getByLabel("Email")).toHaveAttribute("readonly", "");
  await expect(form).toContainText("Webex knows this person by this address, so it stays.");
  await expect(form.getByLabel("Role")).toHaveAttribute("readonly", "");
  await expect(form.getByLabel("Role")).toHaveValue("User");
  await expect(form).toContainText("Webex has this user: change their role in Control Hub.");
  await expectNoAxeViolations(page);
  // The rest waits as changes for Webex.
  await form.getByLabel("Last name").fill("Kimura");
  await form.getByLabel("Extension").fill("1999");
  await form.getByRole("button", { name: "Save changes" }).click();
  await expect(changes(page).getByRole("listitem")).toHaveText([
    "Rename Jae Kim to Jae Kimura",
    "Change Jae Kimura's extension to 1999",
  ]);

  // The customer's admin e-mail stays too.
  await page.getByRole("button", { name: "Edit customer information" }).click();
  const editor = page.getByRole("form", { name: "Edit customer information" });
  await expect(editor.getByLabel("Admin email")).toHaveAttribute("readonly", "");
  await expect(editor).toContainText("Webex knows the customer's admin by this address, so it stays.");
  await editor.getByRole("button", { name: "Cancel" }).click();

  await page.locator("#ui-language").selectOption("ko");
  await page.getByRole("button", { name: "Jae Kimura 편집" }).click();
  const ko = page.getByRole("form", { name: /Jae Kimura/ });
  await expect(ko).toContainText("Webex가 이 주소로 이 사용자를 식별하므로 변경할 수 없습니다.");
  await expect(ko).toContainText("Webex에 있는 사용자입니다. 역할은 Control Hub에서 변경하십시오.");
  await expectNoAxeViolations(page);
});

test("words that tell the truth: users added to a customer in Webex, what Undo takes back", async ({ page }) => {
  await loadDemo(page);
  // In Korean, 설정 is the Settings page only; a customer's setup is 구성.
  await page.locator("#ui-language").selectOption("ko");
  await expect(page.getByText("설정", { exact: true })).toHaveCount(1);
  await expect(page.getByRole("navigation").getByRole("link", { name: "설정" })).toBeVisible();
  await expect(page.getByText("구성 안 됨").first()).toBeVisible();
  await page.locator("#ui-language").selectOption("en");
  // Juniper Foods is in Webex: a user added here is not in Webex yet, and the toast says so.
  await page.getByRole("link", { name: "Juniper Foods" }).click();
  await page.getByRole("link", { name: /^(Set up customer|Add users)$/ }).click();
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("button", { name: "Add user" }).click();
  const row = page.getByRole("row").filter({ has: page.getByLabel("First name") }).last();
  await row.getByLabel("First name").fill("Noa");
  await row.getByLabel("Last name").fill("Berg");
  await row.getByLabel("Email").fill("noa.berg@juniper-foods.example");
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("row").filter({ hasText: "Noa Berg" }).getByLabel("Extension").fill("1050");
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("button", { name: "Create users" }).click();
  await expect(page.getByText("1 user added to Juniper Foods here — apply the changes to add them in Webex.")).toBeVisible();
  await expect(changes(page).getByRole("listitem")).toHaveText(["Add Noa Berg to Webex"]);

  // A customer Webex does not have: deleted here, and Undo puts it back.
  await page.getByRole("link", { name: "Customers", exact: true }).click();
  await page.getByRole("link", { name: "Cedar Clinic" }).click();
  await page.getByRole("button", { name: "Delete customer" }).click();
  const dialog = page.getByRole("alertdialog", { name: "Delete customer “Cedar Clinic”?" });
  await expect(dialog).toContainText("Its locations and users go with it. Undo, offered right after, puts it back.");
  await expectNoAxeViolations(page);
  await dialog.getByRole("button", { name: "Delete customer" }).click();
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(page.getByRole("link", { name: "Cedar Clinic" })).toBeVisible();

  // A customer Webex has: its removal from Webex can't be undone, and the dialog says so.
  await page.getByRole("link", { name: "Delta Partners" }).click();
  await page.getByRole("button", { name: "Delete customer" }).click();
  const inWebex = page.getByRole("alertdialog", { name: "Delete customer “Delta Partners”?" });
  await expect(inWebex).toContainText("Its locations and users go with it.");
  await expect(inWebex).toContainText("This can't be undone.");
  await inWebex.getByRole("checkbox", { name: "Also remove it from Webex" }).uncheck();
  await expect(inWebex).toContainText("Undo, offered right after, puts the record back.");
  await inWebex.getByRole("button", { name: "Cancel" }).click();
});

test("on a phone toasts do not pile up over the page: the newest shows, a repeated one once", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await loadDemo(page);
  await page.getByRole("link", { name: "Acme Dental" }).click();
  for (const last of ["Administrator", "Admin", "Administrator"]) {
    await page.getByRole("button", { name: /^Edit Ada / }).click();
    const form = page.getByRole("form", { name: /^Edit user Ada / });
    await form.getByLabel("Last name").fill(last);
    await form.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByText(`Ada ${last} saved.`).last()).toBeVisible();
  }
  // Three saves, "Demo data loaded" before them: one toast in sight, each said once.
  await expect(page.locator(".toast:visible")).toHaveCount(1);
  await expect(page.locator(".toast").filter({ hasText: "Ada Administrator saved." })).toHaveCount(1);
  const toast = await page.locator(".toast:visible").boundingBox();
  expect(toast!.width).toBeGreaterThan(300);
  await expectNoAxeViolations(page);
});

test("an edit in another tab while a run goes: refused with the reason where the run would miss it; the other tab told once", async ({ page, context }) => {
  test.setTimeout(60_000);
  await customerWithUsers(page);
  const other = await context.newPage();
  await other.goto(page.url());
  await panel(page).getByRole("button", { name: "Provision in Webex" }).click();
  await expect(panel(page).locator(".badge")).toHaveText("Provisioning");
  // In the other tab, Jae is not in Webex yet: the run would send him as he was.
  await other.getByRole("button", { name: "Edit Jae Park" }).click();
  const form = other.getByRole("form", { name: "Edit user Jae Park" });
  await form.getByLabel("Last name").fill("Parker");
  await form.getByRole("button", { name: "Save changes" }).click();
  await expect(other.getByText("A run is going on for this customer: wait for it to end (or stop it), then try again.")).toBeVisible();
  await expect(other.getByRole("region", { name: "Users" }).getByRole("rowheader")).toHaveText(["Ada Admin", "Jae Park"]);
  await expect(panel(page).locator(".badge")).toHaveText("Provisioned", { timeout: 30_000 });
  // The run's many saves reached the other tab: said once, not once a save.
  await expect(other.locator(".toast").filter({ hasText: "Updated with changes made in another tab." })).toHaveCount(1);
  // Once Webex has Jae, the edit waits as a change for Webex.
  await other.getByRole("button", { name: "Edit Jae Park" }).click();
  await other.getByRole("form", { name: "Edit user Jae Park" }).getByLabel("Last name").fill("Parker");
  await other.getByRole("form", { name: "Edit user Jae Park" }).getByRole("button", { name: "Save changes" }).click();
  await expect(other.getByRole("region", { name: "Changes not yet in Webex" }).getByRole("listitem")).toHaveText(["Rename Jae Park to Jae Parker"]);
});
