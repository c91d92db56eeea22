import { expect, test, type Page } from "@playwright/test";
import { addBranch, createCustomer, createTemplate, expectNoAxeViolations, fillUser, next, savedDocument, user } from "./helpers";

const CALLING = "Webex Calling (Calling Basic)";
const MEETINGS = "Webex Meetings";

/** A template and a US customer with calling and meetings, on its setup page. */
async function startSetup(page: Page, company = "Acme Dental") {
  await createTemplate(page, { name: "Gold" });
  await createCustomer(page, { company, email: "it@acme.example", packages: [CALLING, MEETINGS] });
  await page.getByRole("link", { name: "Set up customer" }).click();
  await expect(page.getByRole("heading", { name: "Locations", level: 2 })).toBeVisible();
}

test("sets a customer up with two locations and several users, then shows them", async ({ page }) => {
  await startSetup(page);
  // The headquarters is listed; a branch is added with the same address fields.
  await expect(page.getByText("Headquarters — 500 Congress Ave")).toBeVisible();
  await addBranch(page);
  await next(page);

  // The customer admin comes first, with a fixed e-mail and the customer's level.
  await expect(page.getByRole("heading", { name: "Users", level: 2 })).toBeVisible();
  const admin = user(page, 1);
  await expect(admin).toContainText("Customer admin");
  await expect(admin.getByLabel("Email")).toHaveValue("it@acme.example");
  await expect(admin.getByLabel("Email")).toHaveAttribute("readonly", "");
  await expect(admin.getByLabel("Package")).toHaveValue("webex_calling");
  await fillUser(page, 1, "Ada", "Admin");
  await page.getByRole("button", { name: "Add user" }).click();
  await expect(user(page, 2).getByLabel("First name")).toBeFocused();
  await fillUser(page, 2, "Jae", "Park", "jae@acme.example");
  await user(page, 2).getByLabel("Location").selectOption({ label: "Dallas branch" });
  // Several at once, pasted from a spreadsheet.
  await page.getByLabel("Paste users").fill("Mina\tChoi\tmina@acme.example\tWebex Meetings\nLee\tKim\tlee@acme.example\n");
  await page.getByRole("button", { name: "Add pasted users" }).click();
  await expect(page.getByText("Added 2 users.")).toBeVisible();
  await expect(user(page, 3).getByLabel("Package")).toHaveValue("webex_meetings");
  await next(page);

  // Calling users get numbers; the meetings-only user needs none.
  await expect(page.getByRole("heading", { name: "Phone numbers", level: 2 })).toBeVisible();
  await user(page, 1).getByLabel("Phone number").fill("+1 512 555 0100");
  await user(page, 2).getByLabel("Extension").fill("2001");
  await expect(user(page, 3)).toContainText("No number needed");
  await user(page, 4).getByLabel("Phone number").fill("+1 (512) 555-0101");
  await user(page, 4).getByLabel("Extension").fill("1002");
  await next(page);

  // Review, grouped by location.
  await expect(page.getByRole("heading", { name: "Review", level: 2 })).toBeVisible();
  const hq = page.getByRole("region", { name: "Users at Headquarters" });
  await expect(hq.getByRole("row")).toHaveCount(4);
  await expect(hq).toContainText("+1 512 555 0101"); // grouped for reading
  const branch = page.getByRole("region", { name: "Users at Dallas branch" });
  await expect(branch.getByRole("rowheader", { name: "Jae Park" })).toBeVisible();
  await page.getByRole("button", { name: "Create users" }).click();

  await expect(page.getByRole("heading", { name: "Acme Dental", level: 1 })).toBeVisible();
  await expect(page.getByText("4 users created for Acme Dental.")).toBeVisible();
  const users = page.getByRole("region", { name: "Users", exact: true });
  await expect(users.getByRole("rowheader")).toHaveText(["Ada Admin", "Jae Park", "Mina Choi", "Lee Kim"]);
  await expect(users.getByRole("row", { name: /Ada Admin/ })).toContainText("Full admin");
  await expect(page.getByRole("region", { name: "Locations" }).getByRole("rowheader")).toHaveText(["Headquarters", "Dallas branch"]);
  await expect(page.getByText("Set up", { exact: true })).toBeVisible();

  const doc = await savedDocument(page);
  expect(doc.customers[0].users).toHaveLength(4);
  expect(doc.customers[0].locations).toHaveLength(1);
  expect(doc.customers[0].users[0]).toMatchObject({ email: "it@acme.example", role: "full_admin", phone: "+15125550100" });

  // Running the setup again adds more, and starts without the admin.
  await page.goto("/customers");
  await expect(page.getByRole("row", { name: /Acme Dental/ })).toContainText("Set up");
  await page.getByRole("link", { name: "Acme Dental" }).click();
  await page.getByRole("link", { name: "Set up customer" }).click();
  await next(page);
  await expect(page.getByText("4 users are already set up; add more here.")).toBeVisible();
  await expect(user(page, 1)).toHaveCount(0);
});

test("each setup rule is explained next to its field", async ({ page }) => {
  // Another customer's user holds a number and an e-mail already.
  await startSetup(page, "Other Co");
  await next(page);
  await fillUser(page, 1, "Oda", "Other");
  await next(page);
  await user(page, 1).getByLabel("Phone number").fill("+1 512 555 0199");
  await next(page);
  await page.getByRole("button", { name: "Create users" }).click();
  await createCustomer(page, { company: "Acme Dental", email: "admin@acme.example", template: "Gold", packages: [CALLING, MEETINGS] });
  await page.getByRole("link", { name: "Set up customer" }).click();
  await next(page);

  await fillUser(page, 1, "Ada", "Admin");
  await page.getByLabel("Paste users").fill(
    "Jae, Park, jae@acme.example\nJay, Park, JAE@acme.example\nOla, Other, it@acme.example\nSam, Suite, sam@acme.example, Webex Suite",
  );
  await page.getByRole("button", { name: "Add pasted users" }).click();
  await next(page);
  const alert = page.getByRole("alert");
  await expect(alert).toContainText("User 3 (Jay Park) · Email: This email address is entered for an earlier user too.");
  await expect(user(page, 4).getByLabel("Email")).toHaveAccessibleDescription(
    "This email address is already used by the customer admin or another user.",
  );
  await expect(user(page, 5).getByLabel("Package")).toHaveAccessibleDescription(
    "Webex Suite is not one of this customer's packages.",
  );
  await expect(user(page, 3).getByLabel("Email")).toBeFocused();
  await expect(page.getByRole("heading", { name: "Users", level: 2 })).toBeVisible();

  // Fix them; then the numbers.
  await user(page, 3).getByLabel("Email").fill("jay@acme.example");
  await user(page, 4).getByLabel("Email").fill("ola@acme.example");
  await user(page, 5).getByLabel("Package").selectOption({ label: CALLING });
  await expect(alert).toHaveCount(0);
  await next(page);
  await user(page, 1).getByLabel("Phone number").fill("555 0100");
  await user(page, 2).getByLabel("Phone number").fill("+82 2 1234 5678");
  await user(page, 3).getByLabel("Phone number").fill("+1 512 555 0199");
  await user(page, 4).getByLabel("Extension").fill("1");
  await next(page);
  await expect(user(page, 1).getByLabel("Phone number")).toHaveAccessibleDescription(
    // The hint gives an example of the location's country; a national number needs its length.
    /Example for United States: \+1 512 555 0100\..*A number in United States has 10 digits after the country code\./,
  );
  await expect(user(page, 2).getByLabel("Phone number")).toHaveAccessibleDescription(/A number for a location in United States starts with \+1\./);
  await expect(user(page, 3).getByLabel("Phone number")).toHaveAccessibleDescription(/This number is already assigned to another user\./);
  await expect(user(page, 4).getByLabel("Extension")).toHaveAccessibleDescription(/Use 2 to 10 digits\./);
  await expect(page.getByRole("alert")).toContainText(
    "User 5 (Sam Suite) · Phone number: Users with a calling package need a phone number, an extension, or both.",
  );
  await expect(page.getByRole("heading", { name: "Phone numbers", level: 2 })).toBeVisible();
});

test("Edit on the review returns to the step, and an unfinished setup resumes after a reload", async ({ page }) => {
  await startSetup(page);
  await addBranch(page);
  await next(page);
  await fillUser(page, 1, "Ada", "Admin");
  await next(page);
  await user(page, 1).getByLabel("Extension").fill("1001");
  await next(page);
  await expect(page.getByRole("heading", { name: "Review", level: 2 })).toBeVisible();

  await page.reload();
  await expect(page.getByText("You're continuing where you left off.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Review", level: 2 })).toBeVisible();
  await page.getByRole("region", { name: "New locations" }).getByRole("button", { name: "Edit" }).click();
  await expect(page.getByRole("heading", { name: "Locations", level: 2 })).toBeVisible();
  await expect(page.getByRole("group", { name: "New location 1" }).getByLabel("Location name")).toHaveValue("Dallas branch");
  await page.getByRole("button", { name: "Remove new location 1" }).click();
  await next(page);
  await expect(user(page, 1).getByLabel("First name")).toHaveValue("Ada");
  await next(page);
  await next(page);
  await expect(page.getByRole("region", { name: "New locations" })).toContainText("No new locations");
  await page.getByRole("button", { name: "Create users" }).click();
  await expect(page.getByText("1 user created for Acme Dental.")).toBeVisible();
});

test("users are edited and removed; the admin keeps the customer's package level", async ({ page }) => {
  await startSetup(page);
  await next(page);
  await fillUser(page, 1, "Ada", "Admin");
  await page.getByRole("button", { name: "Add user" }).click();
  await fillUser(page, 2, "Jae", "Park", "jae@acme.example");
  await next(page);
  await user(page, 1).getByLabel("Extension").fill("1001");
  await user(page, 2).getByLabel("Extension").fill("1002");
  await next(page);
  await page.getByRole("button", { name: "Create users" }).click();
  const users = page.getByRole("region", { name: "Users", exact: true });

  // The admin cannot be downgraded, nor removed.
  await users.getByRole("button", { name: "Edit Ada Admin" }).click();
  const editor = page.getByRole("form", { name: "Edit user Ada Admin" });
  await expect(editor.getByLabel("First name")).toBeFocused();
  await editor.getByLabel("Package").selectOption({ label: MEETINGS });
  await editor.getByRole("button", { name: "Save changes" }).click();
  await expect(editor.getByLabel("Package")).toHaveAccessibleDescription(
    "Downgrading the package of the customer's full admin is not supported: the admin keeps Webex Calling (Calling Basic), the package level the customer was created with.",
  );
  await editor.getByRole("button", { name: "Cancel" }).click();
  await expect(users.getByRole("button", { name: "Remove Ada Admin" })).toHaveCount(0);

  // Another user gets an admin role and a number.
  await users.getByRole("button", { name: "Edit Jae Park" }).click();
  const jae = page.getByRole("form", { name: "Edit user Jae Park" });
  await jae.getByLabel("Role").selectOption({ label: "Read-only admin" });
  await jae.getByLabel("Phone number").fill("+1 512 555 0142");
  await jae.getByLabel("Last name").fill("Parker");
  await jae.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Jae Parker saved.")).toBeVisible();
  const row = users.getByRole("row", { name: /Jae Parker/ });
  await expect(row).toContainText("Read-only admin");
  await expect(row).toContainText("+1 512 555 0142");

  // Removal asks first.
  await users.getByRole("button", { name: "Remove Jae Parker" }).click();
  const dialog = page.getByRole("alertdialog", { name: "Remove Jae Parker?" });
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(users.getByRole("rowheader", { name: "Jae Parker" })).toBeVisible();
  await users.getByRole("button", { name: "Remove Jae Parker" }).click();
  await dialog.getByRole("button", { name: "Remove" }).click();
  await expect(users.getByRole("rowheader")).toHaveText(["Ada Admin"]);
  expect((await savedDocument(page)).customers[0].users).toHaveLength(1);
});

test("many users: a paste of 30 lines is paged, and Next shows the page of the first problem", async ({ page }) => {
  await startSetup(page);
  await next(page);
  await fillUser(page, 1, "Ada", "Admin");
  const lines = Array.from({ length: 30 }, (_, i) => `First${i + 2}\tLast\t${i === 26 ? "not-an-email" : `u${i + 2}@acme.example`}`);
  await page.getByLabel("Paste users").fill(lines.join("\n"));
  await page.getByRole("button", { name: "Add pasted users" }).click();
  await expect(page.getByText("Added 30 users.")).toBeVisible();
  await expect(page.getByText("Showing 1–25 of 31")).toBeVisible();
  await expect(user(page, 26)).toHaveCount(0);
  const pager = page.getByRole("navigation", { name: "Users" });
  await expect(pager.getByRole("button", { name: "Previous page" })).toBeDisabled();
  await pager.getByRole("button", { name: "Next page" }).click();
  await expect(page.getByText("Showing 26–31 of 31")).toBeVisible();
  await expect(pager.getByRole("button", { name: "Next page" })).toBeDisabled();
  await pager.getByRole("button", { name: "Previous page" }).click();
  await expect(user(page, 1).getByLabel("First name")).toHaveValue("Ada");
  await next(page);
  await expect(page.getByText("Showing 26–31 of 31")).toBeVisible();
  await expect(user(page, 28).getByLabel("Email")).toBeFocused();
  await expect(page.getByRole("alert")).toContainText("User 28 (First28 Last) · Email: Enter an email address like name@example.com.");
  // Fixed, Next moves on; the pager takes the phone numbers step too.
  await user(page, 28).getByLabel("Email").fill("u28@acme.example");
  await next(page);
  await expect(page.getByRole("heading", { name: "Phone numbers", level: 2 })).toBeVisible();
  await expect(page.getByText("Showing 1–25 of 31")).toBeVisible();
});

test("users are a grid: Enter in the last row adds a row, Enter elsewhere goes down its column, Tab along the row", async ({ page }) => {
  await startSetup(page);
  await next(page);
  const grid = page.getByRole("region", { name: "Users", exact: true });
  // Column headers, and each cell still labelled with its field's name.
  await expect(grid.getByRole("columnheader")).toHaveText(["No.", "First name", "Last name", "Email", "Package", "Location", "Role", "Actions"]);
  await user(page, 1).getByLabel("First name").fill("Ada");
  await page.keyboard.press("Tab");
  await expect(user(page, 1).getByLabel("Last name")).toBeFocused();
  await page.keyboard.type("Admin");
  await page.keyboard.press("Enter");
  // A new row, its first cell focused; the step did not move on.
  await expect(user(page, 2).getByLabel("First name")).toBeFocused();
  await expect(page.getByRole("heading", { name: "Users", level: 2 })).toBeVisible();
  await page.keyboard.type("Jae");
  await page.keyboard.press("Tab");
  await page.keyboard.type("Park");
  await page.keyboard.press("Tab");
  await expect(user(page, 2).getByLabel("Email")).toBeFocused();
  await page.keyboard.type("jae@acme.example");
  await page.keyboard.press("Enter");
  await expect(user(page, 3).getByLabel("First name")).toBeFocused();
  await page.keyboard.type("Mina");
  // Enter above the last row moves down the column instead of adding one.
  await user(page, 1).getByLabel("Last name").press("Enter");
  await expect(user(page, 2).getByLabel("Last name")).toBeFocused();
  await expect(grid.getByRole("row")).toHaveCount(4);

  // Problems show in the row, beside the cell, and in the summary.
  await next(page);
  await expect(page.getByRole("alert")).toContainText("User 3 (Mina) · Last name: Enter the last name.");
  await expect(user(page, 3)).toContainText("Enter the last name.");
  await expect(user(page, 3).getByLabel("Email")).toHaveAccessibleDescription("Enter the email address.");
  await expectNoAxeViolations(page);
  await user(page, 3).getByRole("button", { name: "Remove user 3" }).click();
  await next(page);

  // The numbers grid: Enter goes down to the next user who needs a number; after the last, Next.
  await expect(page.getByRole("heading", { name: "Phone numbers", level: 2 })).toBeVisible();
  await expect(page.getByRole("region", { name: "Users", exact: true }).getByRole("columnheader")).toHaveText(["No.", "User", "Package", "Phone number", "Extension"]);
  await expect(user(page, 1).getByLabel("Phone number")).toHaveAttribute("placeholder", "+1 512 555 0100");
  await user(page, 1).getByLabel("Phone number").fill("+1 512 555 0100");
  await page.keyboard.press("Enter");
  await expect(user(page, 2).getByLabel("Phone number")).toBeFocused();
  await expectNoAxeViolations(page);
  await page.keyboard.type("+1 512 555 0101");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Review", level: 2 })).toBeVisible();
});

test("200 pasted users with 6 bad rows: the paste says so, shows only those, and the summary's links reach rows on other pages", async ({ page }) => {
  await startSetup(page);
  await next(page);
  await fillUser(page, 1, "Ada", "Admin");
  // Lines 20, 101 and 191 have a bad e-mail, 59 and 150 no last name, 177 a package the customer lacks.
  const line = (n: number) => {
    if ([20, 101, 191].includes(n)) return `Person${n}\tLast\tbroken-${n}`;
    if ([59, 150].includes(n)) return `Person${n}\t\tp${n}@acme.example`;
    if (n === 177) return `Person${n}\tLast\tp${n}@acme.example\tWebex Suite`;
    return `Person${n}\tLast\tp${n}@acme.example`;
  };
  // Two blank rows first: a paste drops them, and what it added is still told apart.
  await page.getByRole("button", { name: "Add user" }).click();
  await page.getByRole("button", { name: "Add user" }).click();
  await page.getByLabel("Paste users").fill(Array.from({ length: 200 }, (_, i) => line(i + 1)).join("\n"));
  await page.getByRole("button", { name: "Add pasted users" }).click();
  await expect(page.getByText("Added 200 users. 6 need a fix.")).toBeVisible();
  await expectNoAxeViolations(page);

  // Only those six, each with its problem beside the cell; the first one focused.
  await page.getByRole("button", { name: "Show only those" }).click();
  const grid = page.getByRole("region", { name: "Users", exact: true });
  await expect(grid.getByRole("row")).toHaveCount(7);
  await expect(page.getByLabel("Show only rows with problems")).toBeChecked();
  await expect(page.getByText("6 rows", { exact: true })).toBeVisible();
  await expect(grid.getByRole("rowheader")).toHaveText(["User 21", "User 60", "User 102", "User 151", "User 178", "User 192"].map((n) => new RegExp(`^${n}`)));
  await expect(user(page, 21).getByLabel("First name")).toBeFocused();
  await expect(user(page, 60).getByLabel("Last name")).toHaveAccessibleDescription("Enter the last name.");
  await expectNoAxeViolations(page);
  // A row fixed stays in view until the filter is turned off.
  await user(page, 21).getByLabel("Email").fill("p20@acme.example");
  await expect(grid.getByRole("row")).toHaveCount(7);
  await page.getByLabel("Show only rows with problems").uncheck();
  await expect(page.getByText("Showing 1–25 of 201")).toBeVisible();

  // Next: the summary names each row by its person; a link to another page goes there.
  await next(page);
  const summary = page.getByRole("alert");
  await expect(summary.getByRole("link")).toHaveCount(5);
  await expect(summary.getByRole("link", { name: /^User 192 / })).toHaveText("User 192 (Person191 Last) · Email: Enter an email address like name@example.com.");
  await summary.getByRole("link", { name: /^User 192 / }).click();
  await expect(user(page, 192).getByLabel("Email")).toBeFocused();
  await expect(page.getByText("Showing 176–200 of 201")).toBeVisible();
  await summary.getByRole("link", { name: /^User 60 / }).press("Enter");
  await expect(user(page, 60).getByLabel("Last name")).toBeFocused();
  await expect(page.getByText("Showing 51–75 of 201")).toBeVisible();

  await page.locator("#ui-language").selectOption("ko");
  await expect(page.getByRole("alert")).toContainText("사용자 60 (Person59)");
  await expect(page.getByText("전체 201명 중 51–75")).toBeVisible();
  await expect(page.getByLabel("문제가 있는 행만 보기")).not.toBeChecked();
});

test("numbers in bulk: one summary item for a problem 31 users share, 'Assign numbers' from a first number with extensions, and a pasted column", async ({ page }) => {
  await startSetup(page);
  await next(page);
  await fillUser(page, 1, "Ada", "Admin");
  const lines = Array.from({ length: 30 }, (_, i) => `Caller${i + 1}\tLast\tc${i + 1}@acme.example`);
  await page.getByLabel("Paste users").fill(lines.join("\n"));
  await page.getByRole("button", { name: "Add pasted users" }).click();
  await next(page);
  await expect(page.getByRole("heading", { name: "Phone numbers", level: 2 })).toBeVisible();
  await next(page);

  // 31 identical problems are one item, with "Show them".
  const summary = page.getByRole("alert");
  await expect(summary.getByRole("listitem")).toHaveCount(1);
  await expect(summary).toContainText("31 users · Phone number: Users with a calling package need a phone number, an extension, or both.");
  await summary.getByRole("button", { name: "Show them" }).click();
  await expect(page.getByLabel("Show only rows with problems")).toBeChecked();
  await expect(user(page, 1).getByLabel("Phone number")).toBeFocused();
  await expectNoAxeViolations(page);

  // A first number that is not this country's is refused beside the field.
  await page.getByText("Numbers for many users: 31 calling users have none").click();
  await page.getByLabel("First number").fill("+82 2 1234 5678");
  await page.getByRole("button", { name: "Assign numbers to 31 users" }).click();
  await expect(page.getByLabel("First number")).toHaveAccessibleDescription(/A number for a location in United States starts with \+1\./);
  await expectNoAxeViolations(page);
  await page.getByLabel("First number").fill("(512) 555-0100");
  await page.getByLabel("Extensions").selectOption({ label: "Consecutive, from a first one" });
  await page.getByLabel("First extension").fill("2000");
  await page.getByRole("button", { name: "Assign numbers to 31 users" }).click();
  await expect(page.getByText("Assigned 31 numbers and 31 extensions.")).toBeVisible();
  await expect(user(page, 25).getByLabel("Phone number")).toHaveValue("+1 512 555 0124");
  await expect(user(page, 25).getByLabel("Extension")).toHaveValue("2024");
  await expect(page.getByRole("alert")).toHaveCount(0);
  await next(page);
  await expect(page.getByRole("heading", { name: "Review", level: 2 })).toBeVisible();
});

test("numbers in bulk: a pasted column fills the users without a number, in order", async ({ page }) => {
  await startSetup(page);
  await next(page);
  await fillUser(page, 1, "Ada", "Admin");
  await page.getByLabel("Paste users").fill("Jae\tPark\tjae@acme.example\nMina\tChoi\tmina@acme.example");
  await page.getByRole("button", { name: "Add pasted users" }).click();
  await next(page);
  await user(page, 2).getByLabel("Phone number").fill("+1 512 555 0190");
  await page.getByText(/^Numbers for many users/).click();
  await page.getByLabel("Paste a column of numbers").fill("512 555 0180\n512 555 0181\n512 555 0182\n");
  await page.getByRole("button", { name: "Fill the numbers" }).click();
  await expect(page.getByText("Filled 2 numbers.")).toBeVisible();
  await expect(user(page, 1).getByLabel("Phone number")).toHaveValue("512 555 0180");
  await expect(user(page, 2).getByLabel("Phone number")).toHaveValue("+1 512 555 0190");
  await expect(user(page, 3).getByLabel("Phone number")).toHaveValue("512 555 0181");
  await page.locator("#ui-language").selectOption("ko");
  await expect(page.getByText("여러 사용자의 번호: 모든 통화 사용자에게 번호가 있습니다")).toBeVisible();
  await page.locator("#ui-language").selectOption("en");
  await next(page);
  await expect(page.getByRole("heading", { name: "Review", level: 2 })).toBeVisible();
});
