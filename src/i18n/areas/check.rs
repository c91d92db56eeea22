//! "Check with Webex": the dry run's words. An area of its own, reached only through
//! [`Lang::check`](crate::i18n::Lang::check) from the customer page's split-off code, so
//! that its words are carried with that page, not by the first screen (the build moves
//! data only split-off code reads into the split module).

/// Templates are filled with `fill` (their holes named in each comment).
pub struct CheckWords {
    pub check_with_webex: &'static str,
    pub check_hint: &'static str,
    /// `{done}` of `{of}` users.
    pub check_progress: &'static str,
    pub cancel_check: &'static str,
    /// `{at}`: date and time.
    pub checked_at: &'static str,
    pub check_passed: &'static str,
    /// `{n}` things.
    pub check_failed: &'static str,
    pub check_stale: &'static str,
    /// `{why}`.
    pub check_incomplete: &'static str,
    pub check_customer: &'static str,
    pub check_warning: &'static str,
    /// A location Webex has (`{name}`), and Webex Calling and its PSTN (`{pstn}`) there.
    pub check_location_no_calling: &'static str,
    pub check_location_no_pstn: &'static str,
    pub check_location_pstn: &'static str,
    pub col_who: &'static str,
    pub col_field: &'static str,
    pub col_webex_says: &'static str,
    /// "Provision the users that pass ({n})".
    pub provision_passing: &'static str,
    /// The import preview's rows.
    pub check_page: &'static str,
    pub check_pasted: &'static str,
    pub webex_takes_row: &'static str,
    /// `{why}`.
    pub webex_refuses_row: &'static str,
    pub check_needs_token: &'static str,
}
