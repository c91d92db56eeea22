//! "Refresh from Webex" (a customer's page, the customers list): reads Webex's view
//! (`webex::refresh`) and merges it into the saved customers (`domain::refresh`), a
//! batch of customers a task so the page stays responsive; only customers whose record
//! changed are written. Cancelled, it keeps what it read and the next refresh continues
//! from there. The reader and the merge come with the first refresh (`ui::lazy`).

use super::{sleep, use_webex, Webex};
use crate::domain::ids::CustomerId;
use crate::domain::provisioning::Provisioning;
use crate::domain::refresh::{self, RemoteCustomer, Seen};
use crate::domain::time::Timestamp;
use crate::ui::browser::now;
use crate::ui::i18n::{fill, Counted, I18n};
use crate::ui::state::AppState;
use crate::webex::refresh::{read, Book, Ended};
use crate::webex::requests::Method;
use crate::webex::runner::{Connection, Outgoing};
use futures::future::LocalBoxFuture;
use leptos::prelude::*;
use leptos::wasm_split::{wasm_split, SplitLoaderError};
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use web_sys::{AbortController, AbortSignal};

/// Customers merged (and written) a task: small enough to stay well under 200 ms.
const MERGE_BATCH: usize = 200;

/// How the last refresh in this tab ended.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    /// Done: how many customers changed.
    Done(usize),
    Cancelled,
    NeedsToken,
    /// Why, worded when it stopped.
    Failed(String),
    /// Its code could not be fetched.
    NotLoaded,
}

/// A refresh's state in this tab.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Refresh {
    /// Going on: for one customer, or for all (`None`).
    pub running: Option<Option<CustomerId>>,
    /// Customers whose subscribers were read, of those to read.
    pub progress: (usize, usize),
    /// How the last refresh ended, and what it was of (`None`: all).
    pub outcome: Option<(Option<CustomerId>, Outcome)>,
    /// When every customer was last refreshed.
    pub all_at: Option<Timestamp>,
    /// When single customers were last refreshed on their page.
    pub customer_at: Vec<(CustomerId, Timestamp)>,
    /// Customers Webex has that this app did not make (at the last refresh of all).
    pub others: Vec<RemoteCustomer>,
}

impl Refresh {
    /// When `customer` was last refreshed, alone or with all.
    pub fn at(&self, customer: CustomerId) -> Option<Timestamp> {
        let alone = self
            .customer_at
            .iter()
            .find(|(c, _)| *c == customer)
            .map(|(_, t)| *t);
        alone.max(self.all_at)
    }
}

/// "Resend consent e-mail" to a user waiting for their consent
/// (`POST /subscribers/{id}/emails/consentMove`); a toast says how it went.
pub fn resend_consent(webex: Webex, subscriber: String, email: String) {
    let toasts = use_context::<crate::ui::components::toast::Toasts>();
    let i18n = use_context::<I18n>();
    let (Some(toasts), Some(i18n)) = (toasts, i18n) else {
        return;
    };
    let t = i18n.0.get_untracked().messages();
    let Ok(controller) = AbortController::new() else {
        return;
    };
    let Some(connection) = webex.connection(controller.signal()) else {
        toasts.push(t.provisioning.needs_token.to_string());
        return;
    };
    leptos::task::spawn_local(async move {
        let request = Outgoing {
            method: Method::Post,
            path: format!(
                "/subscribers/{}/emails/consentMove",
                crate::webex::runner::encode(&subscriber)
            ),
            body: None,
        };
        let text = match connection.send(request).await {
            Ok(a) if (200..300).contains(&a.http) => {
                fill(t.provisioning.consent_sent, &[("email", &email)])
            }
            Ok(a) => {
                let why = format!(
                    "HTTP {} {}",
                    a.http,
                    crate::webex::wire::first_description(&a.body)
                );
                fill(t.provisioning.consent_failed, &[("why", &why)])
            }
            Err(e) => fill(t.provisioning.consent_failed, &[("why", t.transport(e))]),
        };
        toasts.push(text);
        drop(controller);
    });
}

/// Starts a refresh of `only` that customer, or of every customer the app provisioned.
pub fn start_refresh(state: AppState, only: Option<CustomerId>) {
    let webex = use_webex();
    if webex.refresh.with_untracked(|r| r.running.is_some()) {
        return;
    }
    let Ok(controller) = AbortController::new() else {
        return;
    };
    let stop = controller.signal();
    webex.refresh_cancel.set_value(Some(controller));
    webex.refresh.update(|r| {
        r.running = Some(only);
        r.progress = (0, 0);
        r.outcome = None;
    });
    let i18n = use_context::<I18n>();
    leptos::task::spawn_local(async move {
        let outcome = match refresh_in_background(state, webex, only, stop, i18n).await {
            Ok(refresh) => refresh.await,
            Err(error) => {
                leptos::logging::error!("{error}");
                Outcome::NotLoaded
            }
        };
        webex.refresh_cancel.set_value(None);
        webex.refresh.update(|r| {
            r.running = None;
            r.outcome = Some((only, outcome));
        });
    });
}

thread_local! {
    /// What a cancelled (or interrupted) refresh read, for the next one to continue:
    /// for which customers (`None`: all), and the reading. A thread-local, not a field
    /// of [`Webex`], on purpose: only the split-off reader touches it, so a `Book` (and
    /// its drop code) stays out of the first screen.
    static PARTIAL: RefCell<Option<(Option<CustomerId>, Book)>> = const { RefCell::new(None) };
}

#[wasm_split(refresh, wasm_split_path = ::leptos::wasm_split, fallible)]
fn refresh_in_background(
    state: AppState,
    webex: Webex,
    only: Option<CustomerId>,
    stop: AbortSignal,
    i18n: Option<I18n>,
) -> Result<LocalBoxFuture<'static, Outcome>, SplitLoaderError> {
    Ok(Box::pin(refresh_now(state, webex, only, stop, i18n)))
}

async fn refresh_now(
    state: AppState,
    webex: Webex,
    only: Option<CustomerId>,
    stop: AbortSignal,
    i18n: Option<I18n>,
) -> Outcome {
    let Some(connection) = webex.connection(stop.clone()) else {
        return Outcome::NeedsToken;
    };
    // The Webex ids of the customers to read (those the app provisioned); a set, asked
    // once per customer Webex lists (thousands).
    let wanted: HashSet<String> = state.doc.with_untracked(|d| {
        d.customers
            .iter()
            .filter(|c| only.is_none_or(|id| c.id == id))
            .filter_map(|c| c.provisioning.customer_id.clone())
            .collect()
    });
    let mut book = PARTIAL
        .with(|p| p.borrow_mut().take())
        .filter(|(of, _)| *of == only)
        .map(|(_, book)| book)
        .unwrap_or_default();
    let wait = |ms| {
        let stop = stop.clone();
        async move { sleep(ms, Some(&stop)).await }
    };
    let ended = read(
        &connection,
        wait,
        |c: &RemoteCustomer| wanted.contains(&c.id),
        &mut book,
        |done, total| webex.refresh.update(|r| r.progress = (done, total)),
    )
    .await;
    // Yields first: the last pages' answers were handled in this task.
    sleep(0, None).await;
    let changed = merge_read(state, &book, only).await;
    match ended {
        Ended::Done => {
            let at = now();
            webex.refresh.update(|r| match only {
                None => {
                    r.all_at = Some(at);
                    r.others = others(state, &book);
                }
                Some(id) => {
                    r.customer_at.retain(|(c, _)| *c != id);
                    r.customer_at.push((id, at));
                }
            });
            Outcome::Done(changed)
        }
        other => {
            PARTIAL.with(|p| *p.borrow_mut() = Some((only, book)));
            match other {
                Ended::NeedsToken => Outcome::NeedsToken,
                Ended::Cancelled => Outcome::Cancelled,
                Ended::Failed(stop) => Outcome::Failed(match i18n {
                    Some(i18n) => {
                        let t = i18n.0.get_untracked().messages();
                        let none = |_| String::new();
                        t.stop(&stop, &Provisioning::default(), none, none)
                    }
                    None => String::new(),
                }),
                Ended::Done => unreachable!("handled above"),
            }
        }
    }
}

/// Merges what was read into the saved customers, a batch a task; how many changed. A
/// customer counts as gone from Webex only when every page of customers was read.
async fn merge_read(state: AppState, book: &Book, only: Option<CustomerId>) -> usize {
    let ids: Vec<CustomerId> = state.doc.with_untracked(|d| {
        d.customers
            .iter()
            .filter(|c| only.is_none_or(|id| c.id == id))
            .filter(|c| c.provisioning.customer_id.is_some())
            .map(|c| c.id)
            .collect()
    });
    let listed: HashMap<&str, &RemoteCustomer> =
        book.customers.iter().map(|r| (r.id.as_str(), r)).collect();
    let mut changed = 0;
    for batch in ids.chunks(MERGE_BATCH) {
        let merged: Vec<_> = state.doc.with_untracked(|d| {
            batch
                .iter()
                .filter_map(|id| {
                    let c = d.customer(*id)?;
                    let remote_id = c.provisioning.customer_id.as_ref()?;
                    let seen = match listed.get(remote_id.as_str()) {
                        Some(r) => match book.subscribers.get(&r.id) {
                            Some(subscribers) => Seen::Listed {
                                customer: r,
                                subscribers,
                            },
                            None => return None,
                        },
                        None if book.listed => Seen::Missing,
                        None => return None,
                    };
                    let p = refresh::merge(c, seen);
                    (p != c.provisioning).then_some((*id, p))
                })
                .collect()
        });
        if !merged.is_empty() {
            let count = merged.len();
            let saved = state.try_commit(|d| {
                for (id, p) in merged {
                    d.set_provisioning(id, p)?;
                }
                Ok::<(), crate::domain::document::Refused>(())
            });
            if saved.is_ok() {
                changed += count;
            }
        }
        // The next batch in a task of its own.
        sleep(0, None).await;
    }
    changed
}

/// The customers Webex listed that this app did not make (by Webex's id, or by the
/// external id the app gives, its own id).
fn others(state: AppState, book: &Book) -> Vec<RemoteCustomer> {
    let (ids, mine): (HashSet<String>, HashSet<String>) = state.doc.with_untracked(|d| {
        let ids = d
            .customers
            .iter()
            .filter_map(|c| c.provisioning.customer_id.clone())
            .collect();
        let mine = d.customers.iter().map(|c| c.id.to_string()).collect();
        (ids, mine)
    });
    book.customers
        .iter()
        .filter(|r| {
            !ids.contains(&r.id) && !r.external_id.as_ref().is_some_and(|e| mine.contains(e))
        })
        .cloned()
        .collect()
}

/// "Refresh from Webex" with its progress, "Cancel" while it goes, and how it ended.
#[component]
pub fn RefreshControl(only: Option<CustomerId>) -> impl IntoView {
    let state = crate::ui::state::use_app();
    let i18n = crate::ui::i18n::use_i18n();
    let refresh = use_webex().refresh;
    let mine = move || refresh.with(|r| r.running == Some(only));
    let busy = move || refresh.with(|r| r.running.is_some());
    let outcome = move || {
        let t = i18n.t();
        // Only a refresh of what this control refreshes says how it ended.
        let (of, outcome) = refresh.with(|r| r.outcome.clone())?;
        if of != only || busy() {
            return None;
        }
        Some(match outcome {
            Outcome::Done(changed) => (t.provisioning.refresh_done)(changed),
            Outcome::Cancelled => t.provisioning.refresh_cancelled.to_string(),
            Outcome::NeedsToken => t.provisioning.needs_token.to_string(),
            Outcome::Failed(why) => fill(t.provisioning.refresh_failed, &[("why", &why)]),
            Outcome::NotLoaded => t.provisioning.provisioning_load_failed.to_string(),
        })
    };
    view! {
        <div class="refresh">
            <button
                type="button"
                class="secondary"
                disabled=busy
                on:click=move |_| start_refresh(state, only)
            >
                {crate::ui::components::tr(|t| t.provisioning.refresh_from_webex)}
            </button>
            <Show when=mine>
                <progress
                    max=move || refresh.with(|r| r.progress.1.max(1))
                    value=move || refresh.with(|r| r.progress.0)
                    aria-label=move || i18n.t().provisioning.refresh_from_webex
                ></progress>
                <span role="status">
                    {move || {
                        let (done, total) = refresh.with(|r| r.progress);
                        let (done, total) = (done.to_string(), total.to_string());
                        fill(
                            i18n.t().provisioning.refresh_progress,
                            &[("done", &done), ("total", &total)],
                        )
                    }}
                </span>
                <button
                    type="button"
                    class="secondary"
                    on:click=move |_| use_webex().cancel_refresh()
                >
                    {crate::ui::components::tr(|t| t.common.cancel)}
                </button>
            </Show>
            {move || {
                outcome()
                    .map(|text| {
                        view! {
                            <p class="notice" role="status">
                                {text}
                            </p>
                        }
                    })
            }}
        </div>
    }
}

/// The customers Webex has that this app did not make, read-only, as the last refresh of
/// all customers listed them (50 a page).
#[component]
pub fn WebexBook() -> impl IntoView {
    use crate::ui::components::pager::{page_range, Pager};
    use crate::ui::components::table::ScrollTable;
    use crate::ui::components::tr;
    const PAGE_SIZE: usize = 50;
    let i18n = crate::ui::i18n::use_i18n();
    let refresh = use_webex().refresh;
    let page = RwSignal::new(0usize);
    let total = Signal::derive(move || refresh.with(|r| r.others.len()));
    let rows = move || {
        refresh.with(|r| {
            r.others[page_range(page.get(), PAGE_SIZE, r.others.len())]
                .iter()
                .map(|c| {
                    let packages: Vec<&str> =
                        c.packages.iter().map(|p| p.package.as_str()).collect();
                    view! {
                        <tr>
                            <td class="remote-id">{c.id.clone()}</td>
                            <td>{c.external_id.clone().unwrap_or_default()}</td>
                            <td>{c.address.clone()}</td>
                            <td>{packages.join(", ")}</td>
                            <td>{i18n.t().remote_status_text(c.status, &c.status_text)}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <Show when=move || { total.get() > 0 }>
            <details class="webex-book">
                <summary id="webex-book-summary">
                    {move || (i18n.t().provisioning.book_heading)(total.get())}
                </summary>
                <ScrollTable labelled_by="webex-book-summary">
                    <table>
                        <thead>
                            <tr>
                                <th scope="col">{tr(|t| t.provisioning.col_webex_id)}</th>
                                <th scope="col">{tr(|t| t.provisioning.col_external_id)}</th>
                                <th scope="col">{tr(|t| t.provisioning.col_address)}</th>
                                <th scope="col">{tr(|t| t.customers.packages)}</th>
                                <th scope="col">{tr(|t| t.customers.col_status)}</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </ScrollTable>
                <Pager
                    page
                    total
                    page_size=PAGE_SIZE
                    label=|t| t.provisioning.book_pager
                    counted=Counted::Places
                />
            </details>
        </Show>
    }
}

/// The customers list's refresh tools ([`RefreshControl`] for all, [`WebexBook`]), whose
/// code is fetched when the list is first shown: the first screen does not carry it.
#[component]
pub fn ListRefreshTools() -> impl IntoView {
    Suspend::new(async {
        // Not fetched (offline before the first visit): the list works without them.
        list_tools().await.unwrap_or_else(|error| {
            leptos::logging::error!("{error}");
            ().into_any()
        })
    })
}

#[wasm_split(refresh_tools, wasm_split_path = ::leptos::wasm_split, fallible)]
fn list_tools() -> Result<AnyView, SplitLoaderError> {
    Ok(view! {
        <RefreshControl only=None />
        <WebexBook />
    }
    .into_any())
}
