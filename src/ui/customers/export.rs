//! "Export API requests": customers as the Webex API requests that provision them
//! (`webex::requests`), downloaded as one JSON file.

use crate::domain::ids::CustomerId;
use crate::domain::spreadsheet;
use crate::domain::Document;
use crate::ui::browser::{download, download_text, now};
use crate::webex::requests;
use leptos::wasm_split::{wasm_split, SplitLoaderError};

/// What an export did: how many customers it wrote, and the names of those it left
/// out because Webex would refuse some of their values.
pub struct Exported {
    pub written: usize,
    pub left_out: Vec<String>,
}

/// An export to make: the customers `ids` of `doc`, in that order, to a file named
/// `<prefix>-<date>.json`.
pub struct RequestsExport {
    pub doc: Document,
    pub ids: Vec<CustomerId>,
    pub prefix: String,
}

/// Downloads the requests; `None` when the export's code could not be fetched (nothing
/// was written). The request builders and the JSON writer come with the first export,
/// see `ui::lazy`: the first screen does not need them.
pub async fn export_requests(export: RequestsExport) -> Option<Exported> {
    match write_requests(export).await {
        Ok(exported) => Some(exported),
        Err(error) => {
            leptos::logging::error!("{error}");
            None
        }
    }
}

#[wasm_split(export_requests, wasm_split_path = ::leptos::wasm_split, fallible)]
fn write_requests(export: RequestsExport) -> Result<Exported, SplitLoaderError> {
    let RequestsExport { doc, ids, prefix } = export;
    let customers: Vec<_> = ids.iter().filter_map(|id| doc.customer(*id)).collect();
    let (file, left_out) = requests::export(&doc, customers.iter().copied());
    let written = customers.len() - left_out.len();
    if written > 0 {
        let text = serde_json::to_string_pretty(&file).expect("the requests file is plain data");
        download_text(&format!("{prefix}-{}.json", now().iso_date()), &text);
    }
    Ok(Exported {
        written,
        left_out: left_out
            .into_iter()
            .map(|(c, _)| c.company_name.to_string())
            .collect(),
    })
}

/// A file-name part from a company name: letters and digits, the rest as hyphens.
pub fn file_slug(name: &str) -> String {
    let slug: String = name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let slug = slug
        .split('-')
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    if slug.is_empty() {
        "customer".into()
    } else {
        slug
    }
}

const CSV: &str = "text/csv;charset=utf-8";

/// "Export users (CSV)": the customer's users as `users-<company>-<date>.csv`.
pub fn export_users_csv(doc: &Document, id: CustomerId) {
    if let Some(customer) = doc.customer(id) {
        let name = format!(
            "users-{}-{}.csv",
            file_slug(customer.company_name.as_ref()),
            now().iso_date()
        );
        download(&name, &spreadsheet::users_csv(customer), CSV);
    }
}

/// "Export customers (CSV)": the customers of `ids`, in that order.
pub fn export_customers_csv(doc: &Document, ids: &[CustomerId]) {
    let customers = ids.iter().filter_map(|id| doc.customer(*id));
    let text = spreadsheet::customers_csv(doc, customers);
    download(&format!("customers-{}.csv", now().iso_date()), &text, CSV);
}
