//! Alerts about storage: unreadable data kept aside, a full quota, no storage at all.

use super::confirm::{use_confirm, ConfirmRequest};
use crate::store::{StorageError, Unreadable};
use crate::ui::browser::download_text;
use crate::ui::i18n::use_i18n;
use crate::ui::state::use_app;
use leptos::prelude::*;

#[component]
pub fn StorageAlerts() -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();
    let confirm = use_confirm();

    let unreadable = move || {
        state.set_aside.get().map(|aside| {
            let t = i18n.t();
            let reason = match &aside.reason {
                Unreadable::Foreign => t.unreadable_foreign.to_string(),
                Unreadable::FutureVersion(v) => (t.unreadable_future)(*v),
                Unreadable::Corrupt(_) => t.unreadable_corrupt.to_string(),
            };
            let blocked = state.storage_error.with(|e| *e == Some(StorageError::Protected));
            let raw = aside.raw.clone();
            let discard = move |_| {
                let t = i18n.t();
                confirm.ask(ConfirmRequest {
                    title: t.discard_unreadable_title.into(),
                    body: t.discard_unreadable_body.into(),
                    confirm_label: t.discard_unreadable.into(),
                    cancel_label: None,
                    on_confirm: Callback::new(move |_| state.discard_set_aside()),
                });
            };
            view! {
                <div class="banner danger" role="alert">
                    <h2>{t.unreadable_title}</h2>
                    <p>{reason}" "{if blocked { t.unreadable_blocked } else { t.unreadable_kept }}</p>
                    <div class="actions">
                        <button
                            type="button"
                            class="primary"
                            on:click=move |_| download_text("wholesale-partner-hub-unreadable.json", &raw)
                        >
                            {t.download_unreadable}
                        </button>
                        <button type="button" class="secondary" on:click=discard>{t.discard_unreadable}</button>
                    </div>
                </div>
            }
        })
    };

    let storage_problem = move || {
        let t = i18n.t();
        state
            .storage_error
            .get()
            .and_then(|err| match err {
                StorageError::QuotaExceeded => Some(t.quota_full),
                StorageError::Unavailable(_) => Some(t.storage_unavailable),
                // Explained by the unreadable-data alert above.
                StorageError::Protected => None,
            })
            .map(|text| view! { <div class="banner warning" role="alert"><p>{text}</p></div> })
    };

    view! {
        {unreadable}
        {storage_problem}
    }
}
