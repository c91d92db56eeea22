//! Widgets shared by every workflow.

pub mod confirm;
pub mod copy_button;
pub mod field;
pub mod file_drop;
pub mod location_fields;
pub mod pager;
pub mod storage_alert;
pub mod summary;
pub mod switch;
pub mod table;
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
        document().set_title(&format!(
            "{} · {}",
            text().as_ref(),
            i18n.t().common.app_name
        ))
    });
}

/// "Reload": loads the page again (a new release, or code that could not be fetched).
#[component]
pub fn ReloadButton() -> impl IntoView {
    view! {
        <button
            type="button"
            class="primary"
            on:click=|_| {
                let _ = window().location().reload();
            }
        >
            {tr(|t| t.storage.reload)}
        </button>
    }
}

/// The head of a record's page: tab title, a breadcrumb back to its list, the record's
/// name as the heading, and its actions (the children).
#[component]
pub fn RecordHeader(
    name: String,
    back_to: &'static str,
    back_label: Text,
    children: Children,
) -> impl IntoView {
    let title = name.clone();
    let heading = NodeRef::<leptos::html::H1>::new();
    Effect::new(move |_| {
        if let Some(h) = heading.get() {
            if crate::ui::browser::take_heading_focus() {
                let _ = h.focus();
            }
        }
    });
    view! {
        <PageTitle text=move || title.clone() />
        <nav class="breadcrumb">
            <leptos_router::components::A href=crate::ui::browser::href(
                back_to,
            )>{tr(back_label)}</leptos_router::components::A>
        </nav>
        <div class="page-header">
            <h1 tabindex="-1" node_ref=heading>
                {name}
            </h1>
            <div class="actions">{children()}</div>
        </div>
    }
}
