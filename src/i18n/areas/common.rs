//! The app's frame and the words every page shares.

use crate::i18n::Counted;

/// The app's frame and the words every page shares.
pub struct CommonWords {
    pub app_name: &'static str,
    pub nav_label: &'static str,
    pub nav_customers: &'static str,
    pub nav_templates: &'static str,
    pub nav_settings: &'static str,
    pub language: &'static str,
    pub skip_to_content: &'static str,
    pub not_found_title: &'static str,
    pub not_found_body: &'static str,
    pub go_to_customers: &'static str,
    pub back: &'static str,
    pub next: &'static str,
    pub submit: &'static str,
    pub cancel: &'static str,
    pub edit: &'static str,
    pub save: &'static str,
    pub save_changes: &'static str,
    pub remove: &'static str,
    pub delete: &'static str,
    pub duplicate: &'static str,
    pub copy: &'static str,
    pub copied: &'static str,
    pub choose: &'static str,
    pub on: &'static str,
    pub off: &'static str,
    pub not_set: &'static str,
    pub unknown: &'static str,
    pub error_summary_title: &'static str,
    pub step_of: fn(usize, usize) -> String,
    pub step_done: &'static str,
    pub progress: &'static str,
    pub n_of_m: fn(usize, usize, Counted) -> String,
    /// A number of things as the language counts them: "3" in English; in Korean with
    /// its counter (3명, 3곳, 3개).
    pub counted: fn(usize, Counted) -> String,
    pub page_load_failed_body: &'static str,
    pub page_load_failed_title: &'static str,
    pub update_ready: &'static str,
}
