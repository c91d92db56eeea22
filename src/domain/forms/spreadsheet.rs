//! Users and customers as spreadsheets: CSV read with `csv-core` (quoted fields with
//! separators, quotes and line breaks; `,` `;` or tab; a byte-order mark; CRLF), with
//! Cisco Control Hub's user headers or a plain column order, and CSV written for Excel
//! (UTF-8 with a byte-order mark, CRLF) with free text neutralised against formula
//! injection, as OWASP advises, in a way the import undoes.

use crate::domain::customer::Customer;
use crate::domain::Document;
use csv_core::{ReadRecordResult, ReaderBuilder};

/// A user row as a spreadsheet had it: text to be checked by the setup's own rules.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UserRow {
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub package: String,
    pub location: String,
    pub phone: String,
    pub extension: String,
    pub role: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Column {
    First,
    Last,
    Email,
    Package,
    Location,
    Phone,
    Extension,
    Role,
    /// Control Hub's other columns (display name, status, services, ...).
    Ignored,
}

/// The column a header names (Control Hub's headers, ours, matched ignoring case).
fn column_of(header: &str) -> Column {
    match header.trim().to_lowercase().as_str() {
        "first name" | "firstname" | "given name" => Column::First,
        "last name" | "lastname" | "surname" | "family name" => Column::Last,
        "user id/email (required)"
        | "user id/email"
        | "email"
        | "e-mail"
        | "email address"
        | "user id" => Column::Email,
        "package" => Column::Package,
        "location" => Column::Location,
        "phone number" | "phone" | "primary phone number" => Column::Phone,
        "extension" => Column::Extension,
        "role" => Column::Role,
        _ => Column::Ignored,
    }
}

/// The most rows one import takes: Control Hub's own limit for a users file.
pub const MAX_IMPORT_ROWS: usize = 20_000;

/// Without a header: first name, last name, e-mail, package, location, phone, extension.
const PLAIN_ORDER: [Column; 7] = [
    Column::First,
    Column::Last,
    Column::Email,
    Column::Package,
    Column::Location,
    Column::Phone,
    Column::Extension,
];

/// The separator of a CSV: the most frequent of `,` `;` and tab on its first line.
fn separator_of(text: &str) -> u8 {
    let first = text.lines().next().unwrap_or_default();
    [b'\t', b';', b',']
        .into_iter()
        .max_by_key(|&s| (first.bytes().filter(|&b| b == s).count(), s == b','))
        .unwrap_or(b',')
}

/// The rows of a CSV, each a list of fields.
pub fn read_rows(text: &str) -> Vec<Vec<String>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = ReaderBuilder::new().delimiter(separator_of(text)).build();
    let mut input = text.as_bytes();
    // A record's fields are never longer than the text they come from.
    let mut out = vec![0u8; text.len() + 1];
    let mut ends = vec![0usize; 16];
    let (mut out_len, mut ends_len) = (0, 0);
    let mut rows = Vec::new();
    loop {
        let (result, read, written, ended) =
            reader.read_record(input, &mut out[out_len..], &mut ends[ends_len..]);
        input = &input[read..];
        out_len += written;
        ends_len += ended;
        match result {
            ReadRecordResult::InputEmpty => {}
            ReadRecordResult::OutputFull => out.resize(out.len() * 2, 0),
            ReadRecordResult::OutputEndsFull => ends.resize(ends.len() * 2, 0),
            ReadRecordResult::Record => {
                let mut start = 0;
                let row = ends[..ends_len]
                    .iter()
                    .map(|&end| {
                        let field = String::from_utf8_lossy(&out[start..end]).into_owned();
                        start = end;
                        field
                    })
                    .collect();
                rows.push(row);
                out_len = 0;
                ends_len = 0;
            }
            ReadRecordResult::End => break,
        }
    }
    rows
}

/// Whether a text, after any apostrophes, starts like a formula.
fn formula_like(text: &str) -> bool {
    text.trim_start_matches('\'').starts_with(FORMULA_STARTS)
}

/// Undoes [`neutralise`]: `'=SUM(1)` was written for `=SUM(1)`, `''-x` for `'-x`.
fn restore(cell: &str) -> String {
    let cell = cell.trim();
    match cell.strip_prefix('\'') {
        Some(rest) if formula_like(rest) => rest.to_string(),
        _ => cell.to_string(),
    }
}

/// Users from a CSV (Control Hub's export or the plain column order, header optional);
/// blank rows are skipped.
pub fn parse_users(text: &str) -> Vec<UserRow> {
    let rows = read_rows(text);
    let Some(first) = rows.first() else {
        return Vec::new();
    };
    let named: Vec<Column> = first.iter().map(|h| column_of(h)).collect();
    let has_header = named.contains(&Column::Email) && !first.iter().any(|c| c.contains('@'));
    let columns = if has_header {
        named
    } else {
        PLAIN_ORDER.to_vec()
    };
    rows.iter()
        .skip(usize::from(has_header))
        .filter(|row| row.iter().any(|c| !c.trim().is_empty()))
        .map(|row| {
            let mut user = UserRow::default();
            for (cell, column) in row.iter().zip(&columns) {
                let slot = match column {
                    Column::First => &mut user.first_name,
                    Column::Last => &mut user.last_name,
                    Column::Email => &mut user.email,
                    Column::Package => &mut user.package,
                    Column::Location => &mut user.location,
                    Column::Phone => &mut user.phone,
                    Column::Extension => &mut user.extension,
                    Column::Role => &mut user.role,
                    Column::Ignored => continue,
                };
                *slot = restore(cell);
            }
            user
        })
        .collect()
}

/// What a spreadsheet would read as a formula (OWASP's list).
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Free text that a spreadsheet would run as a formula gets a leading `'` (and so does
/// text that already starts with apostrophes before one, so the import can undo it).
pub fn neutralise(text: &str) -> String {
    if formula_like(text) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

/// One CSV line: fields quoted where they hold a separator, a quote or a line break.
fn line(fields: &[&str]) -> String {
    let mut out = String::new();
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        if field.contains([',', '"', '\n', '\r', ';', '\t']) {
            out.push('"');
            out.push_str(&field.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(field);
        }
    }
    out.push_str("\r\n");
    out
}

/// A CSV for Excel: a byte-order mark (so Korean opens right), then the lines.
fn csv(header: &[&str], rows: impl Iterator<Item = Vec<String>>) -> String {
    let mut out = String::from("\u{feff}");
    out.push_str(&line(header));
    for row in rows {
        out.push_str(&line(&row.iter().map(String::as_str).collect::<Vec<_>>()));
    }
    out
}

/// The users file's columns: Control Hub's names where it has them, so the file also
/// reads back here.
pub const USER_COLUMNS: [&str; 8] = [
    "First Name",
    "Last Name",
    "User ID/Email (Required)",
    "Package",
    "Location",
    "Phone Number",
    "Extension",
    "Role",
];

/// "Export users (CSV)": a customer's users.
pub fn users_csv(customer: &Customer) -> String {
    csv(
        &USER_COLUMNS,
        customer.users.iter().map(|u| {
            let d = &u.details;
            let location = customer
                .location(d.location)
                .map(|l| l.details.name.to_string())
                .unwrap_or_default();
            vec![
                neutralise(d.first_name.as_ref()),
                neutralise(d.last_name.as_ref()),
                // A local part may start with `=`, `+`, `-` or `@`: e-mails are free text too.
                neutralise(d.email.as_ref()),
                d.package.key().to_string(),
                neutralise(&location),
                // E.164 as Control Hub expects it: the leading + stays.
                d.phone
                    .as_ref()
                    .map(|p| p.as_str().to_string())
                    .unwrap_or_default(),
                d.extension
                    .as_ref()
                    .map(|x| x.as_str().to_string())
                    .unwrap_or_default(),
                d.role.key().to_string(),
            ]
        }),
    )
}

/// The template file "Download CSV template" gives: the columns and one example row.
pub fn users_template() -> String {
    csv(
        &USER_COLUMNS,
        std::iter::once(
            [
                "Minjun",
                "Kim",
                "minjun.kim@example.com",
                "webex_calling",
                "Headquarters",
                "+82212345678",
                "1001",
                "user",
            ]
            .map(String::from)
            .to_vec(),
        ),
    )
}

pub const CUSTOMER_COLUMNS: [&str; 10] = [
    "Company",
    "Admin email",
    "Template",
    "Packages",
    "Country",
    "Address",
    "Data region",
    "Locations",
    "Users",
    "Created",
];

/// "Export customers (CSV)": the customers shown, in their order.
pub fn customers_csv<'a>(
    doc: &Document,
    customers: impl IntoIterator<Item = &'a Customer>,
) -> String {
    csv(
        &CUSTOMER_COLUMNS,
        customers.into_iter().map(|c| {
            let a = &c.headquarters.details.address;
            let address = [
                Some(a.line1.to_string()),
                a.line2.as_ref().map(|l| l.to_string()),
                Some(a.city.to_string()),
                a.state.as_ref().map(|s| s.to_string()),
                a.postal_code.clone(),
            ]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(", ");
            vec![
                neutralise(c.company_name.as_ref()),
                neutralise(c.admin_email.as_ref()),
                neutralise(
                    doc.template(c.template_id)
                        .map(|t| t.settings.name.as_ref())
                        .unwrap_or_default(),
                ),
                c.packages
                    .iter()
                    .map(|p| p.key())
                    .collect::<Vec<_>>()
                    .join(" "),
                a.country.as_ref().to_string(),
                neutralise(&address),
                format!("{:?}", c.region),
                c.all_locations().count().to_string(),
                c.users.len().to_string(),
                c.created_at.iso_date(),
            ]
        }),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn control_hub_files_read_by_their_headers() {
        let file = "\u{feff}First Name,Last Name,Display Name,User ID/Email (Required),User Status,Phone Number,Extension,Location,Webex Calling\r\n\
                    \"김\",\"민준\",\"Kim, Minjun\",minjun@example.com,Active,+82212345678,1001,\"Seoul HQ\",TRUE\r\n\
                    Grace,\"Hopper \"\"Amazing\"\"\",,grace@example.com,,,2002,Busan,FALSE\r\n";
        let users = parse_users(file);
        assert_eq!(users.len(), 2);
        assert_eq!(users[0].first_name, "김");
        assert_eq!(users[0].last_name, "민준");
        assert_eq!(users[0].email, "minjun@example.com");
        assert_eq!(users[0].phone, "+82212345678");
        assert_eq!(users[0].location, "Seoul HQ");
        assert_eq!(users[1].last_name, "Hopper \"Amazing\"");
        assert_eq!(users[1].extension, "2002");
    }

    #[test]
    fn plain_files_need_no_header_and_may_use_semicolons_tabs_and_line_breaks_in_quotes() {
        let semi = "Ada;Admin;ada@example.com;webex_calling;HQ;+15125550100;1000\nJae;\"Park\nJr\";jae@example.com\n\n";
        let users = parse_users(semi);
        assert_eq!(users.len(), 2, "the blank line is skipped");
        assert_eq!(users[0].package, "webex_calling");
        assert_eq!(users[0].phone, "+15125550100");
        assert_eq!(
            users[1].last_name, "Park\nJr",
            "the parser keeps it; the rules refuse it"
        );
        let tabs = parse_users("Mina\tChoi\tmina@example.com\tWebex Meetings");
        assert_eq!(tabs[0].package, "Webex Meetings");
        let header = parse_users("first name,last name,email\nLee,Kim,lee@example.com");
        assert_eq!(header.len(), 1);
        assert_eq!(header[0].email, "lee@example.com");
    }

    #[test]
    fn formulas_are_neutralised_but_numbers_keep_their_plus() {
        assert_eq!(neutralise("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(neutralise("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(neutralise("-Ann"), "'-Ann");
        assert_eq!(neutralise("Ann"), "Ann");
        assert_eq!(restore("'=1+1"), "=1+1");
        assert_eq!(
            restore("'Neil"),
            "'Neil",
            "an apostrophe of the name itself stays"
        );
        let template = users_template();
        assert!(template.starts_with('\u{feff}'));
        assert!(template.contains(",+82212345678,"), "{template}");
        assert_eq!(parse_users(&template)[0].first_name, "Minjun");
    }

    #[test]
    fn e_mails_that_start_like_formulas_are_exported_inert() {
        use crate::domain::email::EmailAddress;
        let mut doc = crate::domain::demo::demo_document(crate::domain::time::Timestamp(0));
        let customer = std::sync::Arc::make_mut(&mut doc.customers[0]);
        customer.admin_email = EmailAddress::parse("+admin@example.com").unwrap();
        customer.users[0].details.email = EmailAddress::parse("=1+2@example.com").unwrap();
        let users = users_csv(customer);
        assert!(
            users.contains("\r\n'=1+2@example.com,") || users.contains(",'=1+2@example.com,"),
            "{users}"
        );
        assert_eq!(parse_users(&users)[0].email, "=1+2@example.com");
        let customers = customers_csv(&doc, doc.customers.iter().map(|c| &**c).take(1));
        assert!(customers.contains(",'+admin@example.com,"), "{customers}");
    }

    fn cell() -> impl Strategy<Value = String> {
        "[A-Za-z가-힣 ,;\"'=+@-]{1,12}"
            .prop_map(|s| s.trim().to_string())
            .prop_filter("not blank", |s| !s.is_empty())
    }

    proptest! {
        /// An e-mail whose local part starts like a formula is valid, exported with a
        /// leading `'`, and imported back exactly.
        #[test]
        fn formula_like_e_mails_round_trip(start in "[=+@-]", rest in "[a-z0-9+=.-]{0,10}") {
            let raw = format!("{start}{rest}x@example.com");
            prop_assume!(crate::domain::email::EmailAddress::parse(&raw).is_ok());
            let cell = neutralise(&raw);
            prop_assert!(cell.starts_with('\''));
            let text = csv(&USER_COLUMNS, std::iter::once(vec![
                "A".into(), "B".into(), cell, "webex_calling".into(), String::new(),
                String::new(), String::new(), "user".into(),
            ]));
            prop_assert_eq!(&parse_users(&text)[0].email, &raw);
        }

        /// What the export writes, the import reads back as it was.
        #[test]
        fn users_written_read_back_equal(rows in proptest::collection::vec((cell(), cell(), cell(), "[0-9]{0,6}"), 1..20)) {
            let expected: Vec<UserRow> = rows
                .iter()
                .enumerate()
                .map(|(i, (first, last, location, extension))| UserRow {
                    first_name: first.clone(),
                    last_name: last.clone(),
                    email: format!("{}user{i}@example.com", ["", "=", "+", "-", "@", "'="][i % 6]),
                    package: "webex_calling".into(),
                    location: location.clone(),
                    phone: if i % 2 == 0 { format!("+1512555{i:04}") } else { String::new() },
                    extension: extension.clone(),
                    role: "user".into(),
                })
                .collect();
            let text = csv(
                &USER_COLUMNS,
                expected.iter().map(|u| vec![
                    neutralise(&u.first_name),
                    neutralise(&u.last_name),
                    neutralise(&u.email),
                    u.package.clone(),
                    neutralise(&u.location),
                    u.phone.clone(),
                    u.extension.clone(),
                    u.role.clone(),
                ]),
            );
            prop_assert_eq!(parse_users(&text), expected);
        }
    }
}
