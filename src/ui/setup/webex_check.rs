//! Rows of a setup not yet saved (imported or pasted), checked with Webex: their
//! subscriber prechecks and numbers, through the setup's own rules; what Webex says is
//! kept by row.

use super::SetupForm;
use crate::domain::check::{CheckReport, Finding};
use crate::domain::customer::Customer;
use crate::domain::ids::UserId;
use crate::domain::user::{User, UserDraft};
use crate::domain::Field;
use crate::i18n::{fill, problems_text, CheckWords, Messages};
use crate::ui::browser::now;
use crate::ui::i18n::use_i18n;
use crate::ui::provisioning::check::{check_rows, RowsNotChecked};
use crate::ui::state::use_app;
use leptos::prelude::*;
use std::collections::HashMap;

/// What Webex said of a row checked with it.
#[derive(Clone, PartialEq)]
pub(super) enum Webex {
    Takes,
    /// What Webex said, and the field its first failure is about.
    Refuses(String, Option<Field>),
}

/// What the check of some rows found, row by row (by the rows' keys): a failure names
/// its field, Webex's code and words.
fn verdicts(
    t: &Messages,
    trial: &Customer,
    report: &CheckReport,
    keys: &HashMap<UserId, u32>,
) -> Vec<(u32, Webex)> {
    let failures = report.failures(trial);
    trial
        .users
        .iter()
        .filter_map(|u| {
            let key = *keys.get(&u.id)?;
            let why: Vec<String> = failures
                .iter()
                .filter(|f| f.user == Some(u.id))
                .map(|f| {
                    let said = problems_text(&f.problems);
                    match f.field {
                        Some(field) => format!("{}: {said}", t.field_label(field)),
                        None => said,
                    }
                })
                .collect();
            if !why.is_empty() {
                let why = fill(
                    t.lang.check().webex_refuses_row,
                    &[("why", &why.join("; "))],
                );
                let field = failures
                    .iter()
                    .find(|f| f.user == Some(u.id))
                    .and_then(|f| f.field);
                return Some((key, Webex::Refuses(why, field)));
            }
            matches!(report.users.get(&u.id), Some(Finding::Passed { .. }))
                .then_some((key, Webex::Takes))
        })
        .collect()
}

/// A button that checks `rows` with Webex (their prechecks and numbers): what Webex
/// says of each row goes to `said`, by the row's key.
#[component]
pub(super) fn CheckRows(
    setup: SetupForm,
    /// The rows to check when the button is pressed.
    rows: Signal<Vec<UserDraft>>,
    said: RwSignal<HashMap<u32, Webex>>,
    /// The button's words.
    label: fn(&'static CheckWords) -> &'static str,
) -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();
    let progress = RwSignal::new(None::<(usize, usize)>);
    let done = RwSignal::new(None::<(Customer, CheckReport)>);
    let note = RwSignal::new(None::<&'static str>);
    let keys = StoredValue::new(HashMap::<UserId, u32>::new());
    let stop = StoredValue::new_local(None::<web_sys::AbortController>);
    Effect::new(move |_| {
        if let Some((trial, report)) = done.get() {
            let found = keys.with_value(|k| verdicts(i18n.t(), &trial, &report, k));
            said.update(|s| s.extend(found));
        }
    });
    let check = move |_| {
        let drafts = rows.get_untracked();
        let users: Vec<User> = state
            .doc
            .with_untracked(|d| {
                setup
                    .wizard()
                    .with_untracked(|w| w.draft.trial_users(d, &drafts))
            })
            .into_iter()
            .map(|(key, details)| User {
                id: UserId::from_u128(u128::from(key) + 1),
                details,
                created_at: now(),
            })
            .collect();
        keys.set_value(
            users
                .iter()
                .map(|u| (u.id, (u.id.as_u128() - 1) as u32))
                .collect(),
        );
        let customer = setup.wizard().with_untracked(|w| w.draft.customer);
        match check_rows(customer, users, progress, done) {
            Ok(controller) => {
                note.set(None);
                stop.set_value(Some(controller));
            }
            Err(RowsNotChecked::NeedsToken) => {
                note.set(Some(i18n.0.get().check().check_needs_token))
            }
            Err(RowsNotChecked::Unavailable) => {}
        }
    };
    let cancel = move |_| {
        stop.with_value(|s| {
            if let Some(controller) = s {
                controller.abort();
            }
        })
    };
    let words = move || i18n.0.get().check();
    let shown = move || {
        progress.get().map(|(done, of)| {
            let (done, of) = (done.to_string(), of.to_string());
            fill(words().check_progress, &[("done", &done), ("of", &of)])
        })
    };
    view! {
        <div class="form-actions start">
            <button
                type="button"
                class="secondary"
                on:click=check
                disabled=move || progress.get().is_some()
            >
                {move || label(words())}
            </button>
            <Show when=move || progress.get().is_some()>
                <button type="button" class="secondary" on:click=cancel>
                    {move || words().cancel_check}
                </button>
            </Show>
        </div>
        <p aria-live="polite">{shown}</p>
        {move || {
            note.get()
                .map(|n| {
                    view! {
                        <p class="notice" role="alert">
                            {n}
                        </p>
                    }
                })
        }}
    }
}
