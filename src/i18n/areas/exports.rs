//! Exports (Webex API requests, CSV) and what blocks them.

/// Exports (Webex API requests, CSV) and what blocks them.
pub struct ExportWords {
    pub export_api_requests: &'static str,
    pub export_users_csv: &'static str,
    pub export_customers_csv: &'static str,
    pub blockers_title: &'static str,
    pub blockers_intro: &'static str,
    pub blockers_export_first: &'static str,
    pub fix_named: fn(&str, &str) -> String,
    pub fix: &'static str,
    pub location_named: fn(&str) -> String,
    pub template_named: fn(&str) -> String,
    pub requests_exported: fn(usize) -> String,
    pub requests_left_out: fn(usize, &str) -> String,
    pub nothing_to_export: &'static str,
    pub edit_customer_information: &'static str,
    pub edit_location_named: fn(&str) -> String,
    pub location_keeps_country: &'static str,
    pub changes_saved: fn(&str) -> String,
}
