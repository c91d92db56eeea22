//! The partner organization's settings. In English.

use crate::i18n::SettingsWords;

pub(super) const WORDS: SettingsWords = SettingsWords {
    settings_title: "Partner organization",
    partner_name: "Organization name",
    admins_title: "Service provider administrators",
    admin_name: "Name",
    admin_email: "Email",
    add_admin: "Add administrator",
    subscriptions_title: "Wholesale subscriptions",
    subscription_name: "Subscription",
    add_subscription: "Add subscription",
    regions_title: "Regions served",
    regions_hint: "You can create customer organizations in every data region you serve.",
    backup_title: "Data backup",
    backup_hint: "Everything is kept in this browser only. Download a backup to keep a copy or move it to another browser.",
    download_backup: "Download backup",
    saved: "Saved.",
    remove_admin_title: |name| format!("Remove administrator “{name}”?"),
    remove_subscription_title: |name| format!("Remove subscription “{name}”?"),
    remove_body: "New templates will no longer be able to choose it.",
    region_north_america: "North America",
    region_europe: "Europe",
    region_asia_pacific: "Asia Pacific",
    last_one: "The organization needs at least one; add another before removing this.",
    used_by_templates: |count| match count {
        1 => "1 onboarding template uses this; change that template first.".into(),
        n => format!("{n} onboarding templates use this; change them first."),
    },
};
