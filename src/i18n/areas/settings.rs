//! The partner organization's settings.

/// The partner organization's settings.
pub struct SettingsWords {
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
    pub last_one: &'static str,
    pub used_by_templates: fn(usize) -> String,
}
