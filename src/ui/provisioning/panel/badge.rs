//! A customer's provisioning badge, on its page and in the customers list.

use crate::domain::provisioning::Badge;
use crate::ui::i18n::use_i18n;
use leptos::prelude::*;

/// The badge of a customer's provisioning, in the current language.
#[component]
pub fn StatusBadge(#[prop(into)] badge: Signal<Badge>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <span class=move || {
            format!("badge status-{}", badge_class(badge.get()))
        }>{move || i18n.t().badge(badge.get())}</span>
    }
}

fn badge_class(b: Badge) -> &'static str {
    match b {
        Badge::NotProvisioned => "none",
        Badge::Provisioning => "busy",
        Badge::Provisioned => "done",
        Badge::ProvisionedWithErrors => "warn",
        Badge::Error => "error",
        Badge::Removing => "busy",
        Badge::NotInWebex => "error",
    }
}
