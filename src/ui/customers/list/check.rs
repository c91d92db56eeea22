//! "Check with Webex" for the customers the search shows: one after the other, each
//! report saved with its customer (as on its page); then the names of those Webex would
//! refuse something of (each page says what). Only the button and its note are first
//! screen code: the rest is split off.

use super::List;
use crate::domain::ids::CustomerId;
use crate::domain::readiness::{blockers_for, Destination};
use crate::i18n::fill;
use crate::ui::components::toast::Toasts;
use crate::ui::i18n::{use_i18n, I18n};
use crate::ui::provisioning::check::check_customer;
use crate::ui::provisioning::{use_webex, Mode, Webex};
use crate::ui::state::{use_app, AppState};
use futures::future::LocalBoxFuture;
use leptos::prelude::*;
use leptos::wasm_split::{wasm_split, SplitLoaderError};

/// How a check of many customers goes.
#[derive(Default)]
struct Checked {
    done: usize,
    of: usize,
    /// The names of customers Webex would refuse something of.
    refused: Vec<String>,
    /// Not checked: not ready, a token needed, or gone.
    skipped: usize,
}

#[component]
pub(super) fn ListCheck(list: List) -> impl IntoView {
    let state = use_app();
    let webex = use_webex();
    let i18n = use_i18n();
    // What the list says of the check (written by its split-off code), and whether one
    // goes on: the button is then its Cancel.
    let note = RwSignal::new(String::new());
    let going = RwSignal::new(false);
    let cancelled = StoredValue::new(false);
    let current = StoredValue::new(None::<CustomerId>);
    let click = move |_| {
        if going.get_untracked() {
            cancelled.set_value(true);
            if let Some(id) = current.get_value() {
                webex.stop_run(id);
            }
            return;
        }
        let job = ListJob {
            state,
            webex,
            ids: list.matching_ids(),
            note,
            cancelled,
            current,
            i18n,
            toasts: use_context::<Toasts>(),
        };
        cancelled.set_value(false);
        going.set(true);
        leptos::task::spawn_local(async move {
            match check_matching(job).await {
                Ok(checking) => checking.await,
                // Its code could not be fetched: nothing was sent.
                Err(error) => leptos::logging::error!("{error}"),
            }
            going.set(false);
        });
    };
    let label = move || {
        let t = i18n.t();
        if going.get() {
            t.common.cancel
        } else {
            t.customers.check_with_webex
        }
    };
    view! {
        <button type="button" class="secondary" on:click=click>
            {label}
        </button>
        <p class="list-check" aria-live="polite">
            {move || note.get()}
        </p>
    }
}

/// What the list's check needs, handed to its split-off code.
struct ListJob {
    state: AppState,
    webex: Webex,
    ids: Vec<CustomerId>,
    note: RwSignal<String>,
    cancelled: StoredValue<bool>,
    current: StoredValue<Option<CustomerId>>,
    i18n: I18n,
    toasts: Option<Toasts>,
}

/// What the list says of `c`: how far it got, or what it found.
fn said(i18n: I18n, c: &Checked, going: bool) -> String {
    let t = &i18n.t().customers;
    let n = |v: usize| v.to_string();
    let said = if going {
        fill(
            t.checking_customers,
            &[("done", &n(c.done)), ("of", &n(c.of))],
        )
    } else if c.refused.is_empty() {
        let checked = c.done.saturating_sub(c.skipped);
        fill(t.customers_checked_pass, &[("n", &n(checked))])
    } else {
        let names = c.refused.join(", ");
        fill(
            t.customers_checked_refused,
            &[("n", &n(c.refused.len())), ("names", &names)],
        )
    };
    match c.skipped {
        0 => said,
        skipped if !going => {
            format!(
                "{said} {}",
                fill(t.customers_not_checked, &[("n", &n(skipped))])
            )
        }
        _ => said,
    }
}

/// The check of the listed customers, one after the other: split off, since the
/// readiness rules and the check are not code the first screen needs.
#[wasm_split(list_check, wasm_split_path = ::leptos::wasm_split, fallible)]
fn check_matching(job: ListJob) -> Result<LocalBoxFuture<'static, ()>, SplitLoaderError> {
    let ListJob {
        state,
        webex,
        ids,
        note,
        cancelled,
        current,
        i18n,
        toasts,
    } = job;
    let told = toasts.map(|t| (t, i18n));
    let destination = webex.settings.with_untracked(|s| match s.mode {
        Mode::Demo => Destination::Simulator,
        Mode::Api => Destination::Webex,
    });
    // Those the app knows would fail are left to their pages' fix lists.
    let (ready, not_ready): (Vec<_>, Vec<_>) = state.doc.with_untracked(|d| {
        ids.into_iter()
            .filter_map(|id| d.customer(id))
            .map(|c| {
                let ok = blockers_for(d, c, destination).is_empty();
                ((c.id, c.company_name.to_string()), ok)
            })
            .partition(|(_, ok)| *ok)
    });
    let ready: Vec<(CustomerId, String)> = ready.into_iter().map(|(c, _)| c).collect();
    let mut checked = Checked {
        of: ready.len(),
        skipped: not_ready.len(),
        ..Checked::default()
    };
    note.set(said(i18n, &checked, true));
    Ok(Box::pin(async move {
        for (id, name) in ready {
            if cancelled.get_value() {
                break;
            }
            current.set_value(Some(id));
            match check_customer(state, webex, id, told).await {
                Some(true) => checked.refused.push(name),
                Some(false) => {}
                None => checked.skipped += 1,
            }
            checked.done += 1;
            note.try_set(said(i18n, &checked, true));
        }
        current.set_value(None);
        note.try_set(said(i18n, &checked, false));
    }))
}
