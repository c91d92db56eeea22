//! Widgets shared by every workflow.

pub mod confirm;
pub mod copy_button;
pub mod field;
pub mod location_fields;
pub mod pager;
pub mod storage_alert;
pub mod summary;
pub mod switch;
pub mod toast;
pub mod wizard;

use leptos::prelude::*;

use crate::ui::i18n::{use_i18n, Messages};

/// A piece of text from the catalogue, picked by a function so that it follows the language.
pub type Text = fn(&'static Messages) -> &'static str;

/// Catalogue text for a view, following the language. All uses share one closure
/// type, so the text-rendering code is generated once rather than per string.
pub fn tr(text: Text) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let i18n = use_i18n();
    move || text(i18n.t())
}

/// Sets the browser tab's title for the page on screen: "<text> · <app name>".
#[component]
pub fn PageTitle<F, S>(text: F) -> impl IntoView
where
    F: Fn() -> S + Send + Sync + 'static,
    S: AsRef<str>,
{
    let i18n = use_i18n();
    Effect::new(move |_| {
        document().set_title(&format!("{} · {}", text().as_ref(), i18n.t().app_name))
    });
}
