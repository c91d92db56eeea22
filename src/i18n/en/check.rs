//! "Check with Webex".

use crate::i18n::CheckWords;

pub static CHECK: CheckWords = CheckWords {
    check_with_webex: "Check with Webex",
    check_hint: "Sends only prechecks and reads: nothing is written in Webex.",
    check_progress: "Checked {done} of {of} users",
    cancel_check: "Cancel check",
    checked_at: "Checked at {at}.",
    check_passed: "Webex would take everything checked.",
    check_failed: "What Webex would refuse ({n}):",
    check_stale: "The customer changed since this check: check again before provisioning.",
    check_incomplete: "The check stopped before every answer came: {why}",
    check_customer: "The customer",
    check_warning: "Webex warns",
    check_location_no_calling: "{name}: no Webex Calling yet",
    check_location_no_pstn: "{name}: Webex Calling, no PSTN connection",
    check_location_pstn: "{name}: Webex Calling, PSTN {pstn}",
    col_who: "Who",
    col_field: "Field",
    col_webex_says: "Webex says",
    provision_passing: "Provision the users that pass ({n})",
    check_page: "Check this page with Webex",
    check_pasted: "Check the pasted users with Webex",
    webex_takes_row: "Webex would take it",
    webex_refuses_row: "Webex: {why}",
    check_needs_token:
        "Webex API mode needs your access token: enter it in Settings, then check again.",
};
