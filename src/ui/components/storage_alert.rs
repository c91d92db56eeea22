//! Alerts about storage: unreadable data kept aside, a change that was not saved (and
//! what to do about it), no storage at all.

use super::confirm::{use_confirm, ConfirmRequest};
use crate::store::{encode_document, SetAside, StorageError, StorageFault, Unreadable};
use crate::ui::browser::{download_text, now};
use crate::ui::components::tr;
use crate::ui::i18n::use_i18n;
use crate::ui::state::{use_app, AppState};
use leptos::prelude::*;
use leptos::wasm_split::{wasm_split, SplitLoaderError};

/// Offers everything the app holds now as a JSON backup file.
pub fn download_backup(state: AppState) {
    let encoded = state.doc.with_untracked(encode_document);
    download_text(
        &format!("wholesale-partner-hub-backup-{}.json", now().iso_date()),
        &encoded,
    );
}

#[component]
pub fn StorageAlerts() -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();

    let storage_problem = move || {
        let t = i18n.t();
        // Without storage at all, the app works in memory: say so for as long as it does.
        let error = state
            .storage_error
            .get()
            .or(state.storage_off.map(StorageError::Unavailable))?;
        let (text, action) = match error {
            StorageError::QuotaExceeded => (t.storage.quota_full, Some(Action::Backup)),
            // One sentence for each fault, for now: the partner's choices are the same.
            StorageError::Unavailable(
                StorageFault::Blocked | StorageFault::WritesRefused | StorageFault::Failed,
            ) => (t.storage.storage_unavailable, None),
            StorageError::Conflict => (t.storage.changed_elsewhere, None),
            StorageError::NewerVersion(_) => {
                (t.storage.newer_version_elsewhere, Some(Action::Reload))
            }
            // Explained by the unreadable-data alert.
            StorageError::Protected => return None,
        };
        let size = (error == StorageError::QuotaExceeded)
            .then(|| state.refused_size.get())
            .flatten()
            .map(|(needed, free)| (t.storage.quota_needs)(needed, free));
        Some(view! {
            <div class="banner warning" role="alert">
                <p>{text}</p>
                {size.map(|size| view! { <p>{size}</p> })}
                {action
                    .map(|action| {
                        view! {
                            <div class="actions">
                                <button
                                    type="button"
                                    class="secondary"
                                    on:click=move |_| action.run(state)
                                >
                                    {move || action.label(i18n.t())}
                                </button>
                            </div>
                        }
                    })}
            </div>
        })
    };

    // Data kept aside is rare: its alerts' code comes when there is some (`ui::lazy`).
    let kept_aside = move || {
        state.set_aside.with(|s| !s.is_empty()).then(|| {
            Suspend::new(async {
                kept_aside_alerts().await.unwrap_or_else(|error| {
                    leptos::logging::error!("{error}");
                    ().into_any()
                })
            })
        })
    };
    view! {
        {kept_aside}
        {storage_problem}
    }
}

#[wasm_split(kept_aside, wasm_split_path = ::leptos::wasm_split, fallible)]
fn kept_aside_alerts() -> Result<AnyView, SplitLoaderError> {
    let state = use_app();
    Ok(view! {
        <For each=move || state.set_aside.get() key=|item| item.keys.clone() let:item>
            <KeptAside item />
        </For>
    }
    .into_any())
}

#[derive(Clone, Copy)]
enum Action {
    Backup,
    Reload,
}

impl Action {
    fn label(self, t: &'static crate::ui::i18n::Messages) -> &'static str {
        match self {
            Action::Backup => t.settings.download_backup,
            Action::Reload => t.storage.reload,
        }
    }

    fn run(self, state: AppState) {
        match self {
            Action::Backup => download_backup(state),
            Action::Reload => {
                let _ = window().location().reload();
            }
        }
    }
}

/// One piece of unreadable data: why, and Download / Discard.
#[component]
fn KeptAside(item: SetAside) -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();
    let confirm = use_confirm();
    let why = item.reason.clone();
    let in_the_way = item.in_the_way;
    let text = move || {
        let t = i18n.t();
        let reason = match &why {
            Unreadable::Foreign => t.storage.unreadable_foreign.to_string(),
            Unreadable::FutureVersion(v) => (t.storage.unreadable_future)(*v),
            Unreadable::Corrupt(_) => t.storage.unreadable_corrupt.to_string(),
            Unreadable::Superseded => t.storage.unreadable_superseded.to_string(),
        };
        let consequence = if in_the_way {
            t.storage.unreadable_blocked
        } else {
            t.storage.unreadable_kept
        };
        format!("{reason} {consequence}")
    };
    let raw = item.raw.clone();
    let discard = move |_| {
        let t = i18n.t();
        let item = item.clone();
        confirm.ask(ConfirmRequest {
            title: t.storage.discard_unreadable_title.into(),
            body: t.storage.discard_unreadable_body.into(),
            confirm_label: t.storage.discard_unreadable.into(),
            cancel_label: None,
            on_confirm: Callback::new(move |_| state.discard_set_aside(&item)),
            choice: None,
        });
    };
    view! {
        <div class="banner danger" role="alert">
            <h2>{tr(|t| t.storage.unreadable_title)}</h2>
            <p>{text}</p>
            <div class="actions">
                <button
                    type="button"
                    class="primary"
                    on:click=move |_| download_text("wholesale-partner-hub-unreadable.json", &raw)
                >
                    {tr(|t| t.storage.download_unreadable)}
                </button>
                <button type="button" class="secondary" on:click=discard>
                    {tr(|t| t.storage.discard_unreadable)}
                </button>
            </div>
        </div>
    }
}
