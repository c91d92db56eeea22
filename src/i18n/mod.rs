//! Message catalogue. Every visible string comes from a [`Messages`] value; because it
//! is a struct, a language missing a string does not compile.
//!
//! Plain Rust with no framework, so that it builds natively and its tests run with
//! `cargo test`; the UI holds the current language (`ui::i18n`).

mod en;
mod ko;
pub mod places;

use crate::domain::api_base_url::BaseUrlProblem;
use crate::domain::country::{Country, DataRegion};
use crate::domain::customer::CustomerStatus;
use crate::domain::document::Refused;
use crate::domain::package::Package;
use crate::domain::provisioning::{Badge, RemoteStatus, TransportError};
use crate::domain::pstn::NumberSource;
use crate::domain::setup::SetupStep;
use crate::domain::time_zone;
use crate::domain::timeline::Note;
use crate::domain::user::UserRole;
use crate::domain::wizard::WizardStep;
use crate::domain::{
    CustomerField, Field, LocationField, NumberField, PartnerField, Problem, TemplateField,
    UserField,
};
use crate::webex::simulator::Failure;
use serde::{Deserialize, Serialize};

/// The kinds of change "Changes not yet in Webex" lists (`domain::changes::Change`,
/// with a number or extension taken away told apart).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(usize)]
pub enum ChangeWords {
    AddPackage,
    RemovePackage,
    UserPackage,
    UserNumber,
    NoNumber,
    UserExtension,
    NoExtension,
    UserLocation,
    RemoveUser,
    RenameLocation,
    LocationAddress,
    LocationTimeZone,
    AddUser,
    AddLocation,
}

impl ChangeWords {
    pub const COUNT: usize = ChangeWords::AddLocation as usize + 1;
}

/// A template with its named holes filled: `fill("Move {who}", &[("who", "Ana")])`.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Lang {
    En,
    Ko,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Ko];

    pub fn messages(self) -> &'static Messages {
        match self {
            Lang::En => &en::EN,
            Lang::Ko => &ko::KO,
        }
    }

    /// The email language a partner using the app in this language starts with.
    pub fn email_language(self) -> &'static str {
        match self {
            Lang::En => "en_US",
            Lang::Ko => "ko_KR",
        }
    }

    /// The BCP-47 tag for `<html lang>`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ko => "ko",
        }
    }

    /// The language's own name, as the switcher shows it.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Ko => "한국어",
        }
    }

    /// The language of a BCP-47 tag ("ko", "ko-KR", "en-US"), when it is one we have.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_']).next().unwrap_or_default();
        Lang::ALL
            .into_iter()
            .find(|lang| lang.tag().eq_ignore_ascii_case(primary))
    }
}

/// The city and state labels of an address outside the country whose divisions a
/// language's own labels name.
#[derive(Clone, Copy)]
pub struct AddressAbroad {
    /// That country (ISO 3166 alpha-2).
    pub home: &'static str,
    pub city: &'static str,
    pub state: &'static str,
}

pub struct Messages {
    /// The language these messages are in.
    pub lang: Lang,
    /// `None` where the city and state labels fit any country's address.
    pub address_abroad: Option<AddressAbroad>,
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

    // Shared words
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

    // Templates list
    pub templates_title: &'static str,
    pub create_template: &'static str,
    pub templates_empty_title: &'static str,
    pub templates_empty_body: &'static str,
    pub col_name: &'static str,
    pub col_authentication: &'static str,
    pub col_customers: &'static str,
    pub col_created: &'static str,

    // Template wizard
    pub edit_template_title: &'static str,
    pub step_offer: &'static str,
    pub step_primary: &'static str,
    pub step_authentication: &'static str,
    pub step_calling: &'static str,
    pub step_common: &'static str,
    pub step_summary: &'static str,
    pub offer_legend: &'static str,
    pub offer_wholesale: &'static str,
    pub offer_wholesale_hint: &'static str,
    pub template_name: &'static str,
    pub country_or_region: &'static str,
    pub service_provider_admin: &'static str,
    pub default_email_language: &'static str,
    pub wholesale_subscription: &'static str,
    pub authentication_method: &'static str,
    pub auth_webex: &'static str,
    pub auth_webex_hint: &'static str,
    pub auth_saml: &'static str,
    pub auth_saml_hint: &'static str,
    pub auth_oidc: &'static str,
    pub auth_oidc_hint: &'static str,
    pub idp_entity_id: &'static str,
    pub idp_entity_id_hint: &'static str,
    pub oidc_idp_entity_id: &'static str,
    pub oidc_idp_entity_id_hint: &'static str,
    pub pstn_vendor: &'static str,
    pub pstn_none: &'static str,
    pub pstn_warning: &'static str,
    pub restrict_admin_invites: &'static str,
    pub restrict_admin_invites_hint: &'static str,
    pub brand_name: &'static str,
    pub brand_name_hint: &'static str,
    pub disable_webex_calling: &'static str,
    pub disable_webex_calling_hint: &'static str,
    pub draft_resumed: &'static str,
    pub discard_draft_title: &'static str,
    pub discard_draft_body: &'static str,
    pub discard: &'static str,
    pub keep_editing: &'static str,

    // Template detail
    pub all_templates: &'static str,
    pub partner_hub_id: &'static str,
    /// The wizard's hint: where the ID comes from, and that it can wait.
    pub partner_hub_id_hint: &'static str,
    /// The template page: this template mirrors one in Partner Hub.
    pub partner_hub_mirror: &'static str,
    pub partner_hub_linked: &'static str,
    pub not_linked: &'static str,
    pub partner_hub_not_linked: &'static str,
    pub copy_webex_id: &'static str,
    pub copy_tracking_id: &'static str,
    pub copied_webex_id: &'static str,
    pub copied_tracking_id: &'static str,
    pub undo: &'static str,
    pub undone: &'static str,
    pub undo_refused: &'static str,
    pub copied_partner_hub_id: &'static str,
    pub link_template: &'static str,
    pub change_partner_hub_id: &'static str,
    pub template_linked: fn(&str) -> String,
    pub copy_failed: &'static str,
    pub created_on: &'static str,
    pub changed_on: &'static str,
    pub customers_using: fn(usize) -> String,
    pub template_not_found: &'static str,
    pub delete_template_title: fn(&str) -> String,
    pub delete_template_body: &'static str,
    pub template_in_use: fn(usize) -> String,
    pub template_created: fn(&str) -> String,
    pub template_saved: fn(&str) -> String,
    pub template_duplicated: fn(&str) -> String,
    pub template_deleted: fn(&str) -> String,

    // Customers
    pub company_name: &'static str,
    pub customer_admin_email: &'static str,
    pub template: &'static str,
    pub packages: &'static str,
    pub location_name: &'static str,
    pub address_line1: &'static str,
    pub address_line2: &'static str,
    pub city: &'static str,
    pub state_or_province: &'static str,
    pub postal_code: &'static str,
    pub country: &'static str,
    pub time_zone: &'static str,
    pub location_language: &'static str,
    pub pstn_connection: &'static str,
    pub pstn_connection_hint: &'static str,
    pub number_source_not_chosen: &'static str,
    pub number_source_partner: &'static str,
    pub number_source_integrated: &'static str,
    pub number_source_extensions: &'static str,
    pub supported_location: &'static str,
    pub create_customer: &'static str,
    pub step_customer_information: &'static str,
    pub step_packages: &'static str,
    pub step_headquarters: &'static str,
    pub packages_for_users: &'static str,
    pub packages_add_ons: &'static str,
    pub package_needs_one_of: fn(&str) -> String,
    pub package_description: fn(Package) -> &'static str,
    pub data_region: &'static str,
    pub data_region_of: fn(&str) -> String,
    pub confirmed: &'static str,
    pub discard_customer_title: &'static str,
    pub customer_created: fn(&str) -> String,
    pub search_customers: &'static str,
    pub col_company: &'static str,
    pub col_headquarters: &'static str,
    pub col_status: &'static str,
    pub col_users: &'static str,
    pub col_locations: &'static str,
    pub status_created: &'static str,
    /// Whether the customer's setup was run ("Setup: Set up"), beside its Webex status.
    pub setup_state: &'static str,
    /// After "+2" beside a customer's main package, for screen readers.
    pub more_packages: &'static str,
    /// Names the active filters: "the search “acme”, Status: Error".
    pub no_matching_customers: fn(&str) -> String,
    pub search_term: fn(&str) -> String,
    pub clear_filters: &'static str,
    /// "Showing 1–50 of 120": the first and last shown, and how many there are.
    pub showing: fn(usize, usize, usize, Counted) -> String,
    pub previous_page: &'static str,
    pub next_page: &'static str,
    pub sort_by: fn(&str) -> String,
    pub customer_not_found: &'static str,
    pub all_customers: &'static str,
    pub set_up_customer: &'static str,
    pub delete_customer: &'static str,
    pub delete_customer_title: fn(&str) -> String,
    pub delete_customer_body: &'static str,
    pub customer_deleted: fn(&str) -> String,
    pub also_remove_from_webex: &'static str,
    pub remove_from_webex_checked: &'static str,
    pub remove_from_webex_unchecked: &'static str,
    pub customer_removing: fn(&str) -> String,
    pub customer_removed: fn(&str) -> String,
    pub delete_while_running: &'static str,
    pub headquarters: &'static str,
    pub address: &'static str,
    pub locations_title: &'static str,
    pub users_title: &'static str,
    pub col_user_number: &'static str,
    pub col_user: &'static str,
    pub enter_adds_user: &'static str,
    pub scroll_for_more: &'static str,
    pub deleted_elsewhere: &'static str,
    pub export_load_failed: &'static str,
    pub provisioning_load_failed: &'static str,
    pub page_load_failed_title: &'static str,
    pub page_load_failed_body: &'static str,
    pub update_ready: &'static str,
    pub no_users_yet: &'static str,

    // Customer setup
    pub status_set_up: &'static str,
    pub step_locations: &'static str,
    pub step_numbers: &'static str,
    pub step_users: &'static str,
    pub step_phone_numbers: &'static str,
    pub step_review: &'static str,
    pub add_location: &'static str,
    pub add_user: &'static str,
    pub create_users: &'static str,
    pub first_name: &'static str,
    pub last_name: &'static str,
    pub email: &'static str,
    pub package: &'static str,
    pub location: &'static str,
    pub role: &'static str,
    pub phone_number: &'static str,
    pub extension: &'static str,
    pub phone_number_hint: &'static str,
    pub extension_hint: &'static str,
    pub user_n: fn(usize) -> String,
    pub new_location_n: fn(usize) -> String,
    pub remove_location_n: fn(usize) -> String,
    pub remove_user_n: fn(usize) -> String,
    pub saved_locations: &'static str,
    pub new_locations: &'static str,
    pub no_new_locations: &'static str,
    pub review_no_new_locations: &'static str,
    pub users_with_number: &'static str,
    pub users_with_extension: &'static str,
    pub customer_admin_note: &'static str,
    pub customer_admin: &'static str,
    pub users_already: fn(usize) -> String,
    pub no_new_users: &'static str,
    pub paste_users: &'static str,
    pub paste_users_hint: &'static str,
    pub add_pasted_users: &'static str,
    pub bulk_numbers_title: fn(usize) -> String,
    pub first_number: &'static str,
    pub first_number_hint: &'static str,
    pub extension_rule: &'static str,
    pub extension_last4: &'static str,
    pub extension_from: &'static str,
    pub extension_keep: &'static str,
    pub first_extension: &'static str,
    pub assign_numbers: fn(usize) -> String,
    /// Numbers and extensions assigned, and users left.
    pub numbers_assigned: fn(usize, usize, usize) -> String,
    pub paste_numbers: &'static str,
    pub paste_numbers_hint: &'static str,
    pub fill_numbers: &'static str,
    pub numbers_filled: fn(usize) -> String,
    pub users_count: fn(usize) -> String,
    pub new_locations_count: fn(usize) -> String,
    pub show_them: &'static str,
    pub pasted_users_added: fn(usize) -> String,
    /// After "Added N users.": how many of them need a fix.
    pub pasted_rows_to_fix: fn(usize) -> String,
    pub show_only_those: &'static str,
    pub only_problem_rows: &'static str,
    pub problem_rows_shown: fn(usize) -> String,
    pub import_users_title: &'static str,
    pub import_users_hint: &'static str,
    pub csv_file: &'static str,
    pub download_csv_template: &'static str,
    pub csv_not_utf8: &'static str,
    pub csv_not_in_encoding: fn(&str) -> String,
    pub read_as_korean: &'static str,
    pub read_as_western: &'static str,
    pub read_as_japanese: &'static str,
    pub csv_unreadable: &'static str,
    pub csv_no_users: &'static str,
    pub csv_too_many: fn(usize, usize) -> String,
    pub import_preview_title: fn(&str, usize) -> String,
    pub import_preview_counts: fn(usize, usize) -> String,
    pub only_rows_with_problems: &'static str,
    pub add_all_imported: fn(usize) -> String,
    pub add_ready_imported: fn(usize) -> String,
    pub import_ready: &'static str,
    pub col_row: &'static str,
    pub col_problems: &'static str,
    pub no_number_needed: &'static str,
    pub no_calling_users: &'static str,
    pub users_at: fn(&str) -> String,
    pub users_created: fn(usize, &str) -> String,
    pub discard_setup_title: &'static str,
    pub col_email: &'static str,
    pub col_package: &'static str,
    pub col_location: &'static str,
    pub col_number: &'static str,
    pub col_extension: &'static str,
    pub col_role: &'static str,
    pub col_actions: &'static str,
    pub edit_user_n: fn(&str) -> String,
    pub remove_user_named: fn(&str) -> String,
    pub edit_user_title: fn(&str) -> String,
    pub remove_user_title: fn(&str) -> String,
    pub remove_user_body: &'static str,
    pub user_removed: fn(&str) -> String,
    pub user_saved: fn(&str) -> String,
    pub admin_cannot_be_removed: &'static str,
    pub last_one: &'static str,
    pub used_by_templates: fn(usize) -> String,
    pub role_user: &'static str,
    pub role_full_admin: &'static str,
    pub role_read_only_admin: &'static str,
    pub role_support_admin: &'static str,
    pub role_user_and_device_admin: &'static str,
    pub customers_title: &'static str,
    pub customers_empty_title: &'static str,
    pub customers_need_template: &'static str,
    pub template_needed_title: &'static str,
    pub admin_email_fixed: &'static str,
    pub phone_example: fn(&str, &str) -> String,
    pub remove_location_named: fn(&str) -> String,
    pub remove_location_title: fn(&str) -> String,
    pub remove_location_body: &'static str,
    pub location_removed: fn(&str) -> String,
    pub create_customer_from_template: &'static str,
    pub customers_empty_body: &'static str,
    pub customers_empty_demo: &'static str,
    pub showing_label: &'static str,

    // Settings
    pub settings_title: &'static str,
    pub partner_name: &'static str,
    pub admins_title: &'static str,
    pub admin_name: &'static str,
    pub admin_email: &'static str,
    pub add_admin: &'static str,
    pub subscriptions_title: &'static str,
    pub subscription_name: &'static str,
    pub add_subscription: &'static str,
    pub regions_title: &'static str,
    pub regions_hint: &'static str,
    pub backup_title: &'static str,
    pub backup_hint: &'static str,
    pub download_backup: &'static str,
    pub saved: &'static str,
    pub remove_admin_title: fn(&str) -> String,
    pub remove_subscription_title: fn(&str) -> String,
    pub remove_body: &'static str,
    pub region_north_america: &'static str,
    pub region_europe: &'static str,
    pub region_asia_pacific: &'static str,

    // Storage
    pub unreadable_title: &'static str,
    pub unreadable_foreign: &'static str,
    pub unreadable_future: fn(u64) -> String,
    pub unreadable_corrupt: &'static str,
    pub unreadable_kept: &'static str,
    pub unreadable_blocked: &'static str,
    pub download_unreadable: &'static str,
    pub discard_unreadable: &'static str,
    pub discard_unreadable_title: &'static str,
    pub discard_unreadable_body: &'static str,
    pub unreadable_superseded: &'static str,
    pub quota_full: &'static str,
    /// How much room the refused change needed, and how much is free (UTF-16 units).
    pub quota_needs: fn(usize, usize) -> String,
    pub storage_unavailable: &'static str,
    pub updated_elsewhere: &'static str,
    pub changed_elsewhere: &'static str,
    pub newer_version_elsewhere: &'static str,
    pub reload: &'static str,
    pub draft_lost: &'static str,

    // Webex API requests and what blocks them
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

    // Provisioning in Webex
    pub webex_connection: &'static str,
    pub connection: &'static str,
    pub connection_demo: &'static str,
    pub connection_api: &'static str,
    pub simulate_failure: &'static str,
    pub simulate_failure_hint: &'static str,
    pub failure_none: &'static str,
    pub failure_customer_precheck: &'static str,
    pub failure_customer_error: &'static str,
    pub failure_user_refused: &'static str,
    pub failure_token_expired: &'static str,
    pub failure_busy: &'static str,
    pub failure_drift: &'static str,
    pub api_base_url: &'static str,
    pub access_token: &'static str,
    pub access_token_hint: &'static str,
    pub remember_token: &'static str,
    pub test_connection: &'static str,
    pub connected: &'static str,
    pub connected_demo: &'static str,
    pub token_invalid: &'static str,
    pub token_forbidden: &'static str,
    pub answered_http: fn(u16, &str) -> String,
    pub webex_provisioning: &'static str,
    pub provisioning_target_demo: &'static str,
    pub provisioning_target_api: fn(&str) -> String,
    pub blockers_provision_first: &'static str,
    pub needs_token: &'static str,
    pub stop_precheck: fn(u16, &str) -> String,
    pub stop_refused: fn(u16, &str) -> String,
    pub stop_token: &'static str,
    pub stop_unreachable: fn(&str) -> String,
    pub stop_customer_error: &'static str,
    pub address_error_hint: &'static str,
    pub fix_headquarters_address: &'static str,
    pub stop_unexpected: fn(&str, u16, &str) -> String,
    pub stop_transport: fn(&str) -> String,
    pub stop_wait_too_long: fn(u32) -> String,
    pub stop_not_confirmed: &'static str,
    pub stop_location_not_confirmed: fn(&str) -> String,
    pub stop_still_provisioning: &'static str,
    pub stop_awaiting_review: &'static str,
    pub stop_not_linked: &'static str,
    pub stop_numbers_not_chosen: fn(&str) -> String,
    pub stop_no_pstn: fn(&str) -> String,
    pub stop_no_pstn_options: fn(&str) -> String,
    pub stop_numbers_missing: fn(&str, &str) -> String,
    pub pstn_options_legend: fn(&str) -> String,
    pub set_pstn_and_continue: &'static str,
    pub stop_not_entitled: fn(&str) -> String,
    pub check_again: &'static str,
    pub stop_paused: &'static str,
    pub user_unconfirmed: &'static str,
    pub waiting_retry: fn(&str) -> String,
    pub stop_run: &'static str,
    pub transport_timeout: &'static str,
    pub transport_network: &'static str,
    pub transport_redirect: &'static str,
    pub transport_too_large: &'static str,
    pub transport_aborted: &'static str,
    pub answered_unexpected: &'static str,
    pub base_url_empty: &'static str,
    pub base_url_not_absolute: &'static str,
    pub base_url_not_https: &'static str,
    pub base_url_credentials: &'static str,
    pub base_url_query: &'static str,
    pub base_url_malformed: &'static str,
    pub base_url_not_webex: fn(&str) -> String,
    pub enter_token_first: &'static str,
    pub token_for_other_url: &'static str,
    pub connection_ignored: &'static str,
    pub not_yet: &'static str,
    pub passed: &'static str,
    pub refused: &'static str,
    pub remote_status_provisioning: &'static str,
    pub remote_status_provisioned: &'static str,
    pub remote_status_with_errors: &'static str,
    pub remote_status_updating: &'static str,
    pub remote_status_deleting: &'static str,
    pub remote_status_error: &'static str,
    pub remote_status_review: &'static str,
    pub step_precheck: &'static str,
    pub step_customer: &'static str,
    pub n_of_m: fn(usize, usize, Counted) -> String,
    /// A number of things as the language counts them: "3" in English; in Korean with
    /// its counter (3명, 3곳, 3개).
    pub counted: fn(usize, Counted) -> String,
    pub no_answer: &'static str,
    pub provision_in_webex: &'static str,
    pub continue_provisioning: &'static str,
    pub timeline_n: fn(usize) -> String,
    pub col_time: &'static str,
    pub col_request: &'static str,
    pub col_answer: &'static str,
    pub col_summary: &'static str,
    pub col_tracking: &'static str,
    pub badge_not_provisioned: &'static str,
    pub badge_provisioning: &'static str,
    pub badge_provisioned: &'static str,
    pub badge_with_errors: &'static str,
    pub badge_error: &'static str,
    pub badge_removing: &'static str,
    pub badge_not_in_webex: &'static str,
    /// "Refresh from Webex" (a customer's page, the customers list) and what it found.
    pub refresh_from_webex: &'static str,
    /// Progress: customers whose subscribers were read (`{done}`), of those to read
    /// (`{total}`).
    pub refresh_progress: &'static str,
    /// A refresh ended: how many customers changed.
    pub refresh_done: fn(usize) -> String,
    pub refresh_cancelled: &'static str,
    /// A refresh failed: why (`{why}`, a stop's words).
    pub refresh_failed: &'static str,
    /// `{time}`.
    pub refreshed_at: &'static str,
    pub not_in_webex_notice: &'static str,
    pub provision_again: &'static str,
    pub remove_here: &'static str,
    pub webex_only_heading: &'static str,
    pub webex_only_hint: &'static str,
    /// Packages (`{list}`) Webex lists that the customer does not have here, and the
    /// reverse.
    pub packages_only_in_webex: &'static str,
    pub packages_not_in_webex: &'static str,
    pub awaiting_consent: &'static str,
    /// `{name}`.
    pub resend_consent: &'static str,
    /// `{email}`.
    pub consent_sent: &'static str,
    /// `{why}`.
    pub consent_failed: &'static str,
    /// Customers Webex has that this app did not make.
    pub book_heading: fn(usize) -> String,
    pub book_pager: &'static str,
    pub col_webex_id: &'static str,
    pub col_external_id: &'static str,
    pub col_address: &'static str,
    pub continue_removal: &'static str,
    pub keep_in_webex: &'static str,
    pub removal_cancelled: &'static str,
    /// "Changes not yet in Webex" on a customer's page.
    pub changes_heading: &'static str,
    pub changes_hint: &'static str,
    pub apply_changes: &'static str,
    // The sentences below have named holes (`{who}`), filled by [`fill`] where they are
    // shown: the pages that show them are split off, and a template is data in the
    // first screen where a formatting closure would be code.
    /// What Webex said when it refused a change: `{why}`.
    pub change_refused: &'static str,
    /// One change in words, by `ChangeWords`: who or what (`{who}`), the new value
    /// (`{what}`).
    pub change: [&'static str; ChangeWords::COUNT],
    /// The customers list's badge and filter.
    pub changes_pending: &'static str,
    /// After the first changes listed: how many more there are (`{n}`).
    pub changes_more: &'static str,
    pub stop_still_removing: &'static str,
    pub status_filter: &'static str,
    pub all_statuses: &'static str,
    pub template_filter: &'static str,
    pub all_templates_option: &'static str,
    pub region_filter: &'static str,
    pub all_regions: &'static str,

    // Restore from backup
    pub restore_title: &'static str,
    pub restore_hint: &'static str,
    pub backup_file: &'static str,
    pub backup_summary: fn(&str, usize, usize, usize, usize) -> String,
    pub backup_holds: fn(&str) -> String,
    pub it_replaces: &'static str,
    pub backup_not_ours: &'static str,
    pub backup_newer: fn(u64) -> String,
    pub backup_damaged: fn(&str) -> String,
    pub backup_too_big: &'static str,
    pub download_current_first: &'static str,
    pub replace_data: &'static str,
    pub replace_data_title: &'static str,
    pub replace_data_body: &'static str,
    pub restored: &'static str,
    pub demo_title: &'static str,
    pub demo_hint: &'static str,
    pub load_demo: &'static str,
    pub load_demo_title: &'static str,
    pub load_demo_body: &'static str,
    pub demo_loaded: &'static str,
    pub demo_load_failed: &'static str,
    pub reset_all: &'static str,
    pub reset_title: &'static str,
    pub reset_body: &'static str,
    pub reset_done: &'static str,
}

/// A count with thousands grouped by commas, as both languages write them.
pub fn grouped(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(d);
    }
    out
}

impl Messages {
    /// The label of a field, as its form shows it.
    pub fn field_label(&self, field: Field) -> &'static str {
        match field {
            Field::Template(TemplateField::Offer) => self.offer_legend,
            Field::Template(TemplateField::Name) => self.template_name,
            Field::Template(TemplateField::Country) => self.country_or_region,
            Field::Template(TemplateField::ServiceProviderAdmin) => self.service_provider_admin,
            Field::Template(TemplateField::EmailLanguage) => self.default_email_language,
            Field::Template(TemplateField::Subscription) => self.wholesale_subscription,
            Field::Template(TemplateField::AuthMethod) => self.authentication_method,
            Field::Template(TemplateField::SamlEntityId) => self.idp_entity_id,
            Field::Template(TemplateField::OidcIdpName) => self.oidc_idp_entity_id,
            Field::Template(TemplateField::PstnVendor) => self.pstn_vendor,
            Field::Template(TemplateField::BrandName) => self.brand_name,
            Field::Template(TemplateField::PartnerHubId) => self.partner_hub_id,
            Field::Customer(CustomerField::CompanyName) => self.company_name,
            Field::Customer(CustomerField::AdminEmail) => self.customer_admin_email,
            Field::Customer(CustomerField::Template) => self.template,
            Field::Customer(CustomerField::Packages) => self.packages,
            Field::Location(LocationField::Name) => self.location_name,
            Field::Location(LocationField::AddressLine1) => self.address_line1,
            Field::Location(LocationField::AddressLine2) => self.address_line2,
            Field::Location(LocationField::City) => self.city,
            Field::Location(LocationField::State) => self.state_or_province,
            Field::Location(LocationField::PostalCode) => self.postal_code,
            Field::Location(LocationField::Country) => self.country,
            Field::Location(LocationField::TimeZone) => self.time_zone,
            Field::Location(LocationField::Language) => self.location_language,
            Field::Location(LocationField::PstnConnection) => self.pstn_connection,
            Field::Customer(CustomerField::SupportedLocation) => self.supported_location,
            Field::Partner(PartnerField::Name) => self.partner_name,
            Field::Partner(PartnerField::AdminName) => self.admin_name,
            Field::Partner(PartnerField::AdminEmail) => self.admin_email,
            Field::Partner(PartnerField::SubscriptionName) => self.subscription_name,
            Field::Partner(PartnerField::Regions) => self.regions_title,
            Field::User(UserField::Table) => self.users_title,
            Field::User(UserField::FirstName) => self.first_name,
            Field::User(UserField::LastName) => self.last_name,
            Field::User(UserField::Email) => self.email,
            Field::User(UserField::Package) => self.package,
            Field::User(UserField::Location) => self.location,
            Field::User(UserField::Role) => self.role,
            Field::Number(NumberField::Phone) => self.phone_number,
            Field::Number(NumberField::Extension) => self.extension,
        }
    }

    /// How a row of a repeated group is named: "User 2", "New location 1".
    /// How many rows of a field's group: "134 users", "3 new locations".
    pub fn rows_count(&self, field: Field, n: usize) -> String {
        match SetupStep::of_field(field) {
            Some(SetupStep::Locations) => (self.new_locations_count)(n),
            _ => (self.users_count)(n),
        }
    }

    pub fn row_label(&self, field: Field, position: usize) -> String {
        match SetupStep::of_field(field) {
            Some(SetupStep::Locations) => (self.new_location_n)(position + 1),
            _ => (self.user_n)(position + 1),
        }
    }

    pub fn status(&self, status: CustomerStatus) -> &'static str {
        match status {
            CustomerStatus::Created => self.status_created,
            CustomerStatus::SetUp => self.status_set_up,
        }
    }

    pub fn role(&self, role: UserRole) -> &'static str {
        match role {
            UserRole::User => self.role_user,
            UserRole::FullAdmin => self.role_full_admin,
            UserRole::ReadOnlyAdmin => self.role_read_only_admin,
            UserRole::SupportAdmin => self.role_support_admin,
            UserRole::UserAndDeviceAdmin => self.role_user_and_device_admin,
        }
    }

    pub fn region(&self, region: DataRegion) -> &'static str {
        match region {
            DataRegion::NorthAmerica => self.region_north_america,
            DataRegion::Europe => self.region_europe,
            DataRegion::AsiaPacific => self.region_asia_pacific,
        }
    }

    pub fn number_source(&self, source: NumberSource) -> &'static str {
        match source {
            NumberSource::NotChosen => self.number_source_not_chosen,
            NumberSource::PartnerManaged => self.number_source_partner,
            NumberSource::IntegratedProvider => self.number_source_integrated,
            NumberSource::ExtensionsOnly => self.number_source_extensions,
        }
    }

    pub fn badge(&self, badge: Badge) -> &'static str {
        match badge {
            Badge::NotProvisioned => self.badge_not_provisioned,
            Badge::Provisioning => self.badge_provisioning,
            Badge::Provisioned => self.badge_provisioned,
            Badge::ProvisionedWithErrors => self.badge_with_errors,
            Badge::Error => self.badge_error,
            Badge::Removing => self.badge_removing,
            Badge::NotInWebex => self.badge_not_in_webex,
        }
    }

    pub fn remote_status(&self, status: RemoteStatus) -> &'static str {
        match status {
            RemoteStatus::Provisioning => self.remote_status_provisioning,
            RemoteStatus::Provisioned => self.remote_status_provisioned,
            RemoteStatus::ProvisionedWithErrors => self.remote_status_with_errors,
            RemoteStatus::Updating => self.remote_status_updating,
            RemoteStatus::Deleting => self.remote_status_deleting,
            RemoteStatus::Error => self.remote_status_error,
            RemoteStatus::PendingRplReview => self.remote_status_review,
        }
    }

    /// Why no answer came, as a sentence.
    pub fn transport(&self, e: TransportError) -> &'static str {
        match e {
            TransportError::Timeout => self.transport_timeout,
            TransportError::Network => self.transport_network,
            TransportError::Redirect => self.transport_redirect,
            TransportError::TooLarge => self.transport_too_large,
            TransportError::Aborted => self.transport_aborted,
        }
    }

    /// The sentence shown next to a field whose value a rule rejected. (A method, not a
    /// field of the table: only the forms' pages call it, so its code is theirs, not the
    /// first screen's.)
    pub fn problem(&self, field: Field, problem: &Problem) -> String {
        match self.lang {
            Lang::En => en::problem(field, problem),
            Lang::Ko => ko::problem(field, problem),
        }
    }

    /// Why the document refused a change.
    pub fn refused(&self, refused: Refused) -> String {
        match refused {
            Refused::NotFound => self.deleted_elsewhere.into(),
            Refused::TemplateInUse { customers } => (self.template_in_use)(customers),
            Refused::UsedByTemplates { count } => (self.used_by_templates)(count),
            Refused::LastOne => self.last_one.into(),
            Refused::CustomerAdmin => self.admin_cannot_be_removed.into(),
            Refused::ChangedSince => self.undo_refused.into(),
        }
    }

    /// What the timeline says of an answer (only the customer page's timeline calls it).
    pub fn note(&self, note: &Note) -> String {
        match self.lang {
            Lang::En => en::note(note),
            Lang::Ko => ko::note(note),
        }
    }

    pub fn base_url_problem(&self, problem: BaseUrlProblem) -> &'static str {
        match problem {
            BaseUrlProblem::Empty => self.base_url_empty,
            BaseUrlProblem::NotAbsolute => self.base_url_not_absolute,
            BaseUrlProblem::NotHttps => self.base_url_not_https,
            BaseUrlProblem::Credentials => self.base_url_credentials,
            BaseUrlProblem::QueryOrFragment => self.base_url_query,
            BaseUrlProblem::Malformed => self.base_url_malformed,
        }
    }

    pub fn failure_name(&self, failure: Failure) -> &'static str {
        match failure {
            Failure::None => self.failure_none,
            Failure::CustomerPrecheck => self.failure_customer_precheck,
            Failure::CustomerError => self.failure_customer_error,
            Failure::UserRefused => self.failure_user_refused,
            Failure::TokenExpired => self.failure_token_expired,
            Failure::Busy => self.failure_busy,
            Failure::Drift => self.failure_drift,
        }
    }

    pub fn country_name(&self, country: &Country) -> &'static str {
        places::country_name(self.lang, country.code)
    }

    /// An address field's label for an address in `country`: a language's labels may
    /// name its own country's divisions (Korean: 시/군/구, 시/도), which another
    /// country's address does not have.
    pub fn address_label(&self, field: Field, country: &str) -> &'static str {
        match (self.address_abroad, field) {
            (Some(abroad), Field::Location(LocationField::City)) if country != abroad.home => {
                abroad.city
            }
            (Some(abroad), Field::Location(LocationField::State)) if country != abroad.home => {
                abroad.state
            }
            _ => self.field_label(field),
        }
    }

    /// A time zone as people know it: "(UTC−06:00) Central Time — Chicago".
    pub fn zone_label(&self, id: &str) -> String {
        let (Some(z), Some((name, city))) =
            (time_zone::find(id), places::zone_names(self.lang, id))
        else {
            return id.replace('_', " ");
        };
        format!("({}) {name} — {city}", time_zone::offset_text(z.offset))
    }
}

/// What a number counts, for a language that counts with a counter word (Korean: 명
/// for people, 곳 for places and organizations, 개 for things).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Counted {
    People,
    Places,
    Things,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::country;
    use std::collections::BTreeSet;

    /// Which problem this is: a problem added to the domain does not build here until it
    /// has a number, and a sample below.
    fn kind(problem: &Problem) -> usize {
        match problem {
            Problem::Required => 0,
            Problem::TooLong { .. } => 1,
            Problem::ControlCharacters => 2,
            Problem::InvisibleCharacters => 3,
            Problem::ForbiddenCharacter { .. } => 4,
            Problem::UnknownSubdivision => 5,
            Problem::AlreadyUsed => 6,
            Problem::NotAbsoluteUri => 7,
            Problem::UnknownChoice => 8,
            Problem::InvalidEmail => 9,
            Problem::NoPackage => 10,
            Problem::PackageNeeds { .. } => 11,
            Problem::PostalCodeFormat { .. } => 12,
            Problem::TimeZoneNotInCountry => 13,
            Problem::RegionNotServed { .. } => 14,
            Problem::MustConfirm => 15,
            Problem::Repeated => 16,
            Problem::PhoneFormat => 17,
            Problem::PhoneCountry { .. } => 18,
            Problem::PhoneLength { .. } => 19,
            Problem::ExtensionFormat { .. } => 20,
            Problem::NumberOrExtension => 21,
            Problem::PackageNotOnCustomer { .. } => 22,
            Problem::NotAUserPackage { .. } => 23,
            Problem::UnknownPackage { .. } => 24,
            Problem::UnknownLocation { .. } => 25,
            Problem::UnknownRole { .. } => 26,
            Problem::AdminDowngrade { .. } => 27,
            Problem::AdminSetUp => 28,
            Problem::PackageInUse { .. } => 29,
            Problem::Headquarters => 30,
            Problem::LocationInUse { .. } => 31,
            Problem::NoUsers => 32,
            Problem::CustomerAdmin => 33,
            Problem::LooksLikeAppId => 34,
            Problem::NotPartnerHubId => 35,
            Problem::TemplateNotLinked => 36,
            Problem::PstnNotChosen => 37,
            Problem::ExtensionsOnlyLocation => 38,
            Problem::ExtensionRequired => 39,
            Problem::NumbersAtLocation { .. } => 40,
        }
    }
    const KINDS: usize = 41;

    /// One of each problem, and a second where a count changes the sentence.
    fn every_problem() -> Vec<Problem> {
        let korea = country::find("KR").expect("the table has Korea");
        vec![
            Problem::Required,
            Problem::TooLong { max: 80 },
            Problem::ControlCharacters,
            Problem::InvisibleCharacters,
            Problem::ForbiddenCharacter { ch: '%' },
            Problem::UnknownSubdivision,
            Problem::AlreadyUsed,
            Problem::NotAbsoluteUri,
            Problem::UnknownChoice,
            Problem::InvalidEmail,
            Problem::NoPackage,
            Problem::PackageNeeds {
                package: Package::AttendantConsole,
                one_of: &[Package::WebexCalling, Package::WebexSuite],
            },
            Problem::PostalCodeFormat { example: "12345" },
            Problem::TimeZoneNotInCountry,
            Problem::RegionNotServed {
                region: DataRegion::Europe,
            },
            Problem::MustConfirm,
            Problem::Repeated,
            Problem::PhoneFormat,
            Problem::PhoneCountry { country: korea },
            Problem::PhoneLength {
                country: korea,
                min: 9,
                max: 10,
            },
            Problem::PhoneLength {
                country: korea,
                min: 10,
                max: 10,
            },
            Problem::ExtensionFormat { min: 2, max: 6 },
            Problem::NumberOrExtension,
            Problem::PackageNotOnCustomer {
                package: Package::WebexCalling,
            },
            Problem::NotAUserPackage {
                package: Package::CommonAreaCalling,
            },
            Problem::UnknownPackage {
                text: "Gold".into(),
            },
            Problem::UnknownLocation {
                text: "Mars".into(),
            },
            Problem::UnknownRole {
                text: "boss".into(),
            },
            Problem::AdminDowngrade {
                level: Package::WebexMeetings,
            },
            Problem::AdminSetUp,
            Problem::PackageInUse {
                package: Package::WebexCalling,
                users: 2,
            },
            Problem::Headquarters,
            Problem::LocationInUse { users: 1 },
            Problem::LocationInUse { users: 4 },
            Problem::NoUsers,
            Problem::CustomerAdmin,
            Problem::LooksLikeAppId,
            Problem::NotPartnerHubId,
            Problem::TemplateNotLinked,
            Problem::PstnNotChosen,
            Problem::ExtensionsOnlyLocation,
            Problem::ExtensionRequired,
            Problem::NumbersAtLocation { users: 1 },
            Problem::NumbersAtLocation { users: 5 },
        ]
    }

    #[test]
    fn every_problem_has_a_sentence_in_each_language_for_every_field() {
        let problems = every_problem();
        let kinds: BTreeSet<usize> = problems.iter().map(kind).collect();
        assert_eq!(kinds.len(), KINDS, "a sample of each problem");
        for problem in &problems {
            for field in Field::all() {
                let en = Lang::En.messages().problem(field, problem);
                let ko = Lang::Ko.messages().problem(field, problem);
                let says = format!("{problem:?} on {field:?}: “{en}” / “{ko}”");
                assert!(en.len() > 10 && en.ends_with(['.', ')']), "{says}");
                assert!(ko.chars().any(|c| ('가'..='힣').contains(&c)), "{says}");
                assert!(
                    !en.contains('{') && !ko.contains('{'),
                    "a hole left: {says}"
                );
            }
        }
    }

    #[test]
    fn the_timeline_speaks_the_apps_language() {
        let notes = [
            Note::PrecheckPassed,
            Note::Status(RemoteStatus::ProvisionedWithErrors),
            Note::LocationsListed(1),
            Note::NumbersAdded(3),
            Note::Retrying {
                failure: Some(TransportError::Timeout),
                seconds: 2,
            },
            Note::GaveUp(None),
            Note::TokenRefused,
        ];
        for note in &notes {
            let ko = Lang::Ko.messages().note(note);
            assert!(
                ko.chars().any(|c| ('가'..='힣').contains(&c)),
                "{note:?} reads {ko}"
            );
        }
        let en = |note| Lang::En.messages().note(&note);
        assert_eq!(en(Note::LocationsListed(1)), "1 location listed");
        assert_eq!(en(Note::NumbersAdded(3)), "3 numbers added");
        assert_eq!(
            en(Note::Status(RemoteStatus::ProvisionedWithErrors)),
            "status: Provisioned with errors"
        );
        // A line this version does not know is shown as it was, in any language.
        let other = Note::Other("written by a later version".into());
        assert_eq!(
            Lang::Ko.messages().note(&other),
            "written by a later version"
        );
    }
}
