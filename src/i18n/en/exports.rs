//! Exports (Webex API requests, CSV) and what blocks them. In English.

use crate::i18n::ExportWords;

pub(super) const WORDS: ExportWords = ExportWords {
    export_api_requests: "Export API requests",
    export_users_csv: "Export users (CSV)",
    export_customers_csv: "Export customers (CSV)",
    blockers_title: "Fix before provisioning in Webex",
    blockers_intro: "Webex would refuse this customer as it stands (some values were saved before the app checked them). Fix these to provision it.",
    blockers_export_first: "This customer's API requests cannot be exported yet: fix the values listed under “Fix before provisioning in Webex” first.",
    fix_named: |field, place| format!("Fix {field} of {place}"),
    fix: "Fix",
    location_named: |name| format!("Location “{name}”"),
    template_named: |name| format!("Template “{name}”"),
    requests_exported: |n| match n {
        1 => "Exported the API requests of 1 customer.".into(),
        n => format!("Exported the API requests of {} customers.", crate::i18n::grouped(n)),
    },
    requests_left_out: |n, names| match n {
        1 => format!("Left out 1 customer that has values Webex would refuse: {names}. Open it to see what to fix."),
        n => format!("Left out {} customers that have values Webex would refuse: {names}. Open each to see what to fix.", crate::i18n::grouped(n)),
    },
    nothing_to_export: "No customers to export: none are shown.",
    edit_customer_information: "Edit customer information",
    edit_location_named: |name| format!("Edit location {name}"),
    location_keeps_country: "A location keeps its country: its users' phone numbers and the customer's data region follow it.",
    changes_saved: |name| format!("Changes to {name} saved."),
};
