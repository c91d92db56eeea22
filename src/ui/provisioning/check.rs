//! "Check with Webex" from the customer page: the check goes on in this tab (its code is
//! fetched with the first check), the panel shows how far it got, and its report is
//! saved with the customer when it ends, stopped or not.

use super::{sleep, use_webex, Webex};
use crate::domain::customer::Customer;
use crate::domain::document::Document;
use crate::domain::ids::CustomerId;
use crate::ui::browser::now;
use crate::ui::components::toast::Toasts;
use crate::ui::i18n::I18n;
use crate::ui::state::{use_app, AppState};
use crate::webex::check;
use futures::future::LocalBoxFuture;
use leptos::prelude::*;
use leptos::wasm_split::{wasm_split, SplitLoaderError};
use web_sys::{AbortController, AbortSignal};

/// Starts checking `customer` with Webex, unless a run or a check of it goes on.
pub fn start_check(customer: CustomerId) {
    let (state, webex) = (use_app(), use_webex());
    let told = use_context::<Toasts>().zip(use_context::<I18n>());
    leptos::task::spawn_local(async move {
        check_customer(state, webex, customer, told).await;
    });
}

/// Checks `customer` with Webex, unless a run or a check of it goes on; the report is
/// saved with it. `Some(true)` when Webex would refuse something, `None` when no check
/// was made (busy, gone, a token needed, its code not fetched).
pub async fn check_customer(
    state: AppState,
    webex: Webex,
    customer: CustomerId,
    told: Option<(Toasts, I18n)>,
) -> Option<bool> {
    let busy = webex.running.with_untracked(|r| r.contains(&customer))
        || webex
            .checks
            .with_untracked(|c| c.iter().any(|(id, ..)| *id == customer));
    if busy {
        return None;
    }
    let (doc, found, stop) = super::begin_job(state, webex, customer)?;
    set_progress(webex, customer, Some((0, 0)));
    let job = CheckJob {
        state,
        webex,
        doc,
        found,
        stop,
    };
    let refused = match check_in_background(job).await {
        Ok(checking) => Some(checking.await),
        Err(error) => {
            // Its code could not be fetched: nothing was sent.
            leptos::logging::error!("{error}");
            if let Some((toasts, i18n)) = told {
                let t = i18n.0.get_untracked().messages();
                toasts.push(t.provisioning.provisioning_load_failed.to_string());
            }
            None
        }
    };
    webex.stops.update_value(|s| {
        s.remove(&customer);
    });
    set_progress(webex, customer, None);
    refused
}

/// How far the check of `customer` got (`None`: no check goes on).
pub(super) fn set_progress(webex: Webex, customer: CustomerId, done: Option<(usize, usize)>) {
    webex.checks.update(|c| {
        c.retain(|(id, ..)| *id != customer);
        c.extend(done.map(|(done, of)| (customer, done, of)));
    });
}

/// How far the check of `customer` got: users answered, of those it checks.
pub fn progress(webex: Webex, customer: CustomerId) -> Option<(usize, usize)> {
    webex.checks.with(|c| {
        c.iter()
            .find(|(id, ..)| *id == customer)
            .map(|(_, done, of)| (*done, *of))
    })
}

struct CheckJob {
    state: AppState,
    webex: Webex,
    doc: Document,
    found: Customer,
    stop: AbortSignal,
}

#[wasm_split(check, wasm_split_path = ::leptos::wasm_split, fallible)]
fn check_in_background(job: CheckJob) -> Result<LocalBoxFuture<'static, bool>, SplitLoaderError> {
    let CheckJob {
        state,
        webex,
        doc,
        found,
        stop,
    } = job;
    let customer = found.id;
    let users = check::plan(&found, &found.provisioning).users();
    set_progress(webex, customer, Some((0, users)));
    let Some(connection) = webex.connection(stop.clone()) else {
        return Ok(Box::pin(async { false }));
    };
    Ok(Box::pin(async move {
        let wait = |ms| {
            let stop = stop.clone();
            async move { sleep(ms, Some(&stop)).await }
        };
        let report = check::check(
            &connection,
            &doc,
            &found,
            &found.provisioning,
            wait,
            now,
            |r| set_progress(webex, customer, Some((r.users.len(), users))),
            // A check on its own is a report, not a run: not in the timeline.
            |_| {},
        )
        .await;
        // Kept with the customer (if it is still here): the panel shows it; its
        // fingerprint says whether it still stands for the customer.
        let _ = state.try_commit(|d| d.change_provisioning(customer, |p| p.check = report.write()));
        report.customer.as_ref().is_some_and(|f| f.failed()) || !report.failures(&found).is_empty()
    }))
}

/// Why rows could not be checked.
pub enum RowsNotChecked {
    /// Webex API mode without a usable token: nothing was sent.
    NeedsToken,
    /// The customer is gone, or the browser could not make the request's controller.
    Unavailable,
}

/// Checks `users` (rows not yet saved) of `customer` with Webex: their prechecks and
/// their numbers only. `progress` follows it; `done` gets the customer as the rows would
/// make it and the report. The controller returned stops it.
pub fn check_rows(
    customer: CustomerId,
    users: Vec<crate::domain::user::User>,
    progress: RwSignal<Option<(usize, usize)>>,
    done: RwSignal<Option<(Customer, crate::domain::check::CheckReport)>>,
) -> Result<AbortController, RowsNotChecked> {
    let state = use_app();
    let webex = use_webex();
    let (doc, found) = state
        .doc
        .with_untracked(|d| d.customer(customer).cloned().map(|c| (d.clone(), c)))
        .ok_or(RowsNotChecked::Unavailable)?;
    let controller = AbortController::new().map_err(|_| RowsNotChecked::Unavailable)?;
    let stop = controller.signal();
    let connection = webex
        .connection(stop.clone())
        .ok_or(RowsNotChecked::NeedsToken)?;
    let (trial, plan) = check::trial(&found, &found.provisioning, users);
    let of = plan.users();
    progress.set(Some((0, of)));
    leptos::task::spawn_local(async move {
        let wait = |ms| {
            let stop = stop.clone();
            async move { sleep(ms, Some(&stop)).await }
        };
        let report = check::check_with(
            &connection,
            &doc,
            &trial,
            &found.provisioning,
            plan,
            (wait, now),
            |r| {
                progress.try_set(Some((r.users.len(), of)));
            },
            |_| {},
        )
        .await;
        // The preview may be gone by now: then there is no one to tell.
        progress.try_set(None);
        done.try_set(Some((trial, report)));
    });
    Ok(controller)
}
