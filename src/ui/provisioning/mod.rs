//! Provisioning in Webex from the browser: the connection (the built-in simulator for
//! demos, or the Webex API with the partner's token), runs of `webex::runner` saved as
//! they go, the Settings section and the customer page's panel.
//!
//! The token lives in memory; only when the partner asks is it kept in this tab's
//! `sessionStorage`. It never reaches `localStorage`, a backup, an export or the log.
//! It is bound to the base URL it was entered for: the connection settings live in
//! `localStorage`, which any page of the same origin can write, so a base URL that
//! changed since (by anyone) gets no token until the partner enters it again.

mod changes;
pub mod check;
pub mod panel;
pub mod refresh;
pub mod settings;
mod start_refused;
mod webex_view;

use crate::domain::api_base_url::{ApiBaseUrl, BoundToken};
use crate::domain::changes::InWebex;
use crate::domain::check::CheckReport;
use crate::domain::customer::Customer;
use crate::domain::document::Document;
use crate::domain::ids::CustomerId;
use crate::domain::provisioning::{Provisioning, Removal, Stop, TransportError};
use crate::domain::readiness::Destination;
use crate::store::SideRecord;
use crate::ui::browser::now;
use crate::ui::components::toast::Toasts;
use crate::ui::i18n::I18n;
use crate::ui::state::AppState;
use crate::webex::http::HttpConnection;
use crate::webex::run::{self, Answer};
use crate::webex::runner::{self, Connection, Ended, Outgoing};
use crate::webex::simulator::{Failure, Simulator};
use crate::webex::{self, DEFAULT_BASE_URL};
use futures::future::LocalBoxFuture;
use leptos::prelude::*;
use leptos::wasm_split::{wasm_split, SplitLoaderError};
use refresh::Refresh;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use web_sys::{AbortController, AbortSignal};

use crate::store::keys::{
    CONNECTION as SETTINGS_KEY, SIMULATOR as SIMULATOR_KEY, WEBEX_TOKEN as TOKEN_KEY,
};

/// A simulated answer comes after this long, so a demo run can be followed.
const SIMULATED_LATENCY_MS: u32 = 150;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    /// The built-in simulator: no token, no network.
    #[default]
    Demo,
    Api,
}

/// What Settings → "Webex connection" keeps (no secrets: the token is not here).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ConnectionSettings {
    pub mode: Mode,
    pub base_url: String,
    pub failure: Failure,
}

impl Default for ConnectionSettings {
    fn default() -> Self {
        Self {
            mode: Mode::Demo,
            base_url: DEFAULT_BASE_URL.into(),
            failure: Failure::None,
        }
    }
}

/// The connection's state, shared by Settings and the customer pages.
#[derive(Clone, Copy)]
pub struct Webex {
    pub settings: RwSignal<ConnectionSettings>,
    /// In memory only (and in sessionStorage when `remember` is ticked).
    pub token: RwSignal<String>,
    pub remember: RwSignal<bool>,
    /// Customers whose run is going on in this tab.
    pub running: RwSignal<HashSet<CustomerId>>,
    /// Customers whose run waits for a new token.
    pub needs_token: RwSignal<HashSet<CustomerId>>,
    /// Customers "Check with Webex" is checking in this tab: users answered, of those
    /// it checks. (A list: a map of its own would cost the first screen its code.)
    pub checks: RwSignal<Vec<(CustomerId, usize, usize)>>,
    /// The base URL the token was entered for: it is sent there and nowhere else.
    pub token_base: RwSignal<Option<String>>,
    /// The saved settings were not valid and were ignored (Settings says so).
    pub settings_ignored: RwSignal<bool>,
    /// "Refresh from Webex" in this tab.
    pub refresh: RwSignal<Refresh>,
    /// How to stop each run going on in this tab (the panel's "Stop").
    stops: StoredValue<HashMap<CustomerId, AbortController>, LocalStorage>,
    /// How to cancel the refresh going on, if one is.
    refresh_cancel: StoredValue<Option<AbortController>, LocalStorage>,
    /// Where the simulated Webex is kept, with the book it goes with.
    state: AppState,
}

pub fn use_webex() -> Webex {
    expect_context::<Webex>()
}

fn session() -> Option<web_sys::Storage> {
    window().session_storage().ok().flatten()
}

/// Provides the connection's state and resumes the runs a reload interrupted.
pub fn provide_webex(state: AppState) -> Webex {
    // Checked where it is used (`check_saved_settings`, `connection`): the parser is
    // not code the first screen needs.
    let settings = match state.load::<ConnectionSettings>(SETTINGS_KEY) {
        SideRecord::Restored(saved) => saved,
        _ => ConnectionSettings::default(),
    };
    // A token remembered by an earlier release has no base URL: it is not used.
    let remembered = session()
        .and_then(|s| s.get_item(TOKEN_KEY).ok().flatten())
        .and_then(|kept| BoundToken::from_remembered(&kept));
    let webex = Webex {
        settings: RwSignal::new(settings),
        remember: RwSignal::new(remembered.is_some()),
        token_base: RwSignal::new(remembered.as_ref().map(|b| b.base_url.clone())),
        token: RwSignal::new(remembered.map(|b| b.token).unwrap_or_default()),
        running: RwSignal::new(HashSet::new()),
        needs_token: RwSignal::new(HashSet::new()),
        checks: RwSignal::new(Vec::new()),
        settings_ignored: RwSignal::new(false),
        refresh: RwSignal::new(Refresh::default()),
        stops: StoredValue::new_local(HashMap::new()),
        refresh_cancel: StoredValue::new_local(None),
        state,
    };
    provide_context(webex);
    // The token is kept in this tab only if asked, and forgotten when unticked.
    Effect::new(move |_| {
        let (token, remember) = (webex.token.get(), webex.remember.get());
        let base_url = webex.token_base.get();
        if let Some(s) = session() {
            let kept = match base_url {
                Some(base_url) if remember && !token.is_empty() => {
                    Some(BoundToken { base_url, token }.remembered())
                }
                _ => None,
            };
            let _ = match kept {
                Some(kept) => s.set_item(TOKEN_KEY, &kept),
                None => s.remove_item(TOKEN_KEY),
            };
        }
    });
    // Runs the page left, and removals Webex confirmed before the record could go.
    let interrupted: Vec<CustomerId> = state.doc.with_untracked(|d| {
        d.customers
            .iter()
            .filter(|c| c.provisioning.running || c.provisioning.removal == Some(Removal::Gone))
            .map(|c| c.id)
            .collect()
    });
    for id in interrupted {
        provision(state, webex, id, false);
    }
    webex
}

impl Webex {
    /// Saved settings whose base URL is not valid (any page of the same origin can
    /// write them) are never used: the defaults take their place, and Settings says so.
    pub fn check_saved_settings(&self) {
        let valid = self
            .settings
            .with_untracked(|s| ApiBaseUrl::parse(&s.base_url).map(|url| url.as_str().to_string()));
        match valid {
            Ok(url) if self.settings.with_untracked(|s| s.base_url != url) => {
                self.settings.update(|s| s.base_url = url)
            }
            Ok(_) => {}
            Err(_) => {
                self.settings.set(ConnectionSettings::default());
                self.settings_ignored.set(true);
            }
        }
    }

    pub fn save_settings(&self, state: AppState, change: impl FnOnce(&mut ConnectionSettings)) {
        self.settings.update(change);
        self.settings_ignored.set(false);
        let _ = state.store(SETTINGS_KEY, &self.settings.get_untracked());
    }

    /// The partner typed a token: it is for the base URL the settings have now.
    pub fn enter_token(&self, token: String) {
        let base_url = self.settings.with_untracked(|s| s.base_url.clone());
        self.token_base.set((!token.is_empty()).then_some(base_url));
        self.token.set(token);
    }

    /// The token and the base URL it was entered for.
    fn bound_token(&self) -> Option<BoundToken> {
        Some(BoundToken {
            base_url: self.token_base.get()?,
            token: self.token.get(),
        })
    }

    /// A token the API connection may send: entered, and for the current base URL.
    pub fn token_usable(&self) -> bool {
        let base_url = self.settings.with(|s| s.base_url.clone());
        self.bound_token()
            .is_some_and(|bound| bound.for_url(&base_url).is_some())
    }

    /// A token was entered, but for another base URL than the one saved now.
    pub fn token_for_other_url(&self) -> bool {
        !self.token.with(String::is_empty) && !self.token_usable()
    }

    /// The partner's "Stop" (or a check's "Cancel"): the customer's run stops at once,
    /// and parks where it stands.
    pub fn stop_run(&self, customer: CustomerId) {
        self.stops.with_value(|s| {
            if let Some(controller) = s.get(&customer) {
                controller.abort();
            }
        });
    }

    /// The partner's "Cancel" of the refresh going on.
    pub fn cancel_refresh(&self) {
        self.refresh_cancel.with_value(|c| {
            if let Some(controller) = c {
                controller.abort();
            }
        });
    }

    /// The connection the settings describe; `None` in API mode without a usable token
    /// (or with a base URL that is not valid), so that nothing is sent.
    fn connection(&self, stop: AbortSignal) -> Option<AnyConnection> {
        let settings = self.settings.get_untracked();
        match settings.mode {
            Mode::Demo => Some(AnyConnection::Demo {
                stop,
                state: self.state,
                failure: settings.failure,
            }),
            Mode::Api => {
                let url = ApiBaseUrl::parse(&settings.base_url).ok()?;
                let bound = untrack(|| self.bound_token())?;
                Some(AnyConnection::Api(HttpConnection {
                    token: bound.for_url(url.as_str())?.to_string(),
                    base_url: url.as_str().to_string(),
                    stop,
                }))
            }
        }
    }
}

/// The simulator or the Webex API, as the settings say.
pub enum AnyConnection {
    /// The simulator, stopped by the signal like the API, rehearsing `failure`.
    Demo {
        stop: AbortSignal,
        state: AppState,
        failure: Failure,
    },
    Api(HttpConnection),
}

impl Connection for AnyConnection {
    fn destination(&self) -> Destination {
        match self {
            AnyConnection::Demo { .. } => Destination::Simulator,
            AnyConnection::Api(_) => Destination::Webex,
        }
    }

    async fn send(&self, request: Outgoing) -> Result<Answer, TransportError> {
        match self {
            AnyConnection::Demo {
                stop,
                state,
                failure,
            } => {
                sleep(SIMULATED_LATENCY_MS, Some(stop)).await;
                if stop.aborted() {
                    return Err(TransportError::Aborted);
                }
                simulated_answer(*state, *failure, &request)
            }
            AnyConnection::Api(http) => http.send(request).await,
        }
    }
}

/// The simulated Webex's answer. It is kept in `localStorage` beside the book it goes
/// with (read before every answer, so every tab sees the same Webex; a book replaced
/// since finds an empty one), and an answer it could not keep never arrived.
fn simulated_answer(
    state: AppState,
    failure: Failure,
    request: &Outgoing,
) -> Result<Answer, TransportError> {
    let book = state.book();
    let mut simulator = match state.load::<Simulator>(SIMULATOR_KEY) {
        SideRecord::Restored(kept) => kept.for_book(book),
        _ => Simulator::default().for_book(book),
    };
    simulator.set_failure(failure);
    let answer = simulator.answer(request, now());
    state
        .store(SIMULATOR_KEY, &simulator)
        .map_err(|_| TransportError::Network)?;
    Ok(answer)
}

/// Keeps `simulator` as the Webex of the book saved now (the demo book's).
pub fn keep_simulator(state: AppState, mut simulator: Simulator) -> bool {
    simulator.set_book(state.book());
    state.store(SIMULATOR_KEY, &simulator).is_ok()
}

/// Waits `ms` milliseconds, or until `stop` is aborted.
pub async fn sleep(ms: u32, stop: Option<&AbortSignal>) {
    if stop.is_some_and(AbortSignal::aborted) {
        return;
    }
    // Runs cap their waits well below this; the timer takes an i32.
    let ms = ms.min(i32::MAX as u32) as i32;
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        if let Some(stop) = stop {
            let _ = stop.add_event_listener_with_callback("abort", &resolve);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// What a job in the background for `customer` (a run or a check) starts with: the
/// document and the customer as they are, and the signal its "Stop" aborts. `None` when
/// the customer is gone, or Webex needs a token first (the panel is told).
fn begin_job(
    state: AppState,
    webex: Webex,
    customer: CustomerId,
) -> Option<(Document, Customer, AbortSignal)> {
    let (doc, found) = state
        .doc
        .with_untracked(|d| d.customer(customer).cloned().map(|c| (d.clone(), c)))?;
    let needs_token =
        webex.settings.with_untracked(|s| s.mode == Mode::Api) && !untrack(|| webex.token_usable());
    if needs_token {
        webex.needs_token.update(|n| {
            n.insert(customer);
        });
        return None;
    }
    let controller = AbortController::new().ok()?;
    let stop = controller.signal();
    webex.stops.update_value(|s| {
        s.insert(customer, controller);
    });
    Some((doc, found, stop))
}

/// Starts (`fresh`: the partner asked) or resumes a customer's run in the background.
/// Progress is saved after every answer; the run stops if a save fails.
pub fn provision(state: AppState, webex: Webex, customer: CustomerId, fresh: bool) {
    if webex.running.with_untracked(|r| r.contains(&customer)) {
        return;
    }
    let Some((doc, found, stop)) = begin_job(state, webex, customer) else {
        return;
    };
    webex.running.update(|r| {
        r.insert(customer);
    });
    webex.needs_token.update(|n| {
        n.remove(&customer);
    });
    let toasts = use_context::<Toasts>();
    let i18n = use_context::<I18n>();
    leptos::task::spawn_local(async move {
        let job = Job {
            state,
            webex,
            doc,
            found,
            fresh,
            stop,
            told: toasts.zip(i18n),
        };
        let ended = match run_in_background(job).await {
            Ok(run) => run.await,
            Err(error) => {
                // The runner's code could not be fetched: nothing was sent or saved.
                leptos::logging::error!("{error}");
                if let (Some(toasts), Some(i18n)) = (toasts, i18n) {
                    toasts.push(
                        i18n.0
                            .get_untracked()
                            .messages()
                            .provisioning
                            .provisioning_load_failed
                            .to_string(),
                    );
                }
                Ended::Stopped
            }
        };
        webex.stops.update_value(|s| {
            s.remove(&customer);
        });
        webex.running.update(|r| {
            r.remove(&customer);
        });
        if ended == Ended::NeedsToken {
            webex.needs_token.update(|n| {
                n.insert(customer);
            });
        }
    });
}

/// A customer Webex no longer has after its removal: its record goes now (kept until
/// then, listed as "Removing from Webex", so nothing is lost if Webex refuses).
fn drop_removed(state: AppState, customer: &Customer, told: Option<(Toasts, I18n)>) {
    if state.try_commit(|d| d.delete_customer(customer.id)).is_ok() {
        state.remove(&crate::store::keys::setup_wizard(customer.id));
        if let Some((toasts, i18n)) = told {
            let t = i18n.0.get_untracked().messages();
            toasts.push((t.provisioning.customer_removed)(
                customer.company_name.as_ref(),
            ));
        }
    }
}

/// What a run needs, handed to the split-off runner.
struct Job {
    state: AppState,
    webex: Webex,
    doc: Document,
    found: Customer,
    fresh: bool,
    stop: AbortSignal,
    /// Where to say that a removed customer's record went.
    told: Option<(Toasts, I18n)>,
}

/// The run itself: the runner, the simulator and the API client are fetched with the
/// first run (most visits start none), see `ui::lazy`.
#[wasm_split(provisioning, wasm_split_path = ::leptos::wasm_split, fallible)]
fn run_in_background(job: Job) -> Result<LocalBoxFuture<'static, Ended>, SplitLoaderError> {
    let Job {
        state,
        webex,
        doc,
        found,
        fresh,
        stop,
        told,
    } = job;
    let customer = found.id;
    let mut progress: Provisioning = found.provisioning.clone();
    // "Provision the N that pass" was chosen on the last check's report.
    let go_ahead = CheckReport::read(&progress.check).is_some_and(|r| r.go_ahead);
    // Users Webex refused in an earlier run: still refused, they do not stop this one.
    let known = progress.refused_users();
    // A run the partner starts checks everything first (a removal needs nothing checked).
    let check_first = fresh && progress.removal.is_none();
    if fresh {
        run::start(&mut progress);
    } else {
        run::resume(&mut progress);
    }
    let Some(connection) = webex.connection(stop.clone()) else {
        return Ok(Box::pin(async { Ended::NeedsToken }));
    };
    Ok(Box::pin(async move {
        let wait = |ms| {
            let stop = stop.clone();
            async move { sleep(ms, Some(&stop)).await }
        };
        let save = |p: &Provisioning, w: &InWebex| {
            // Not saved (the alert says why), or the customer was deleted meanwhile: stop.
            state
                .try_commit(|d| d.save_run(customer, p.clone(), w))
                .is_ok()
        };
        if check_first {
            let users = webex::check::plan(&found, &progress).users();
            let told = |done| check::set_progress(webex, customer, Some((done, users)));
            told(0);
            let stopped = webex::check::before_run(
                &connection,
                &doc,
                &found,
                &mut progress,
                wait,
                now,
                |r| told(r.users.len()),
                go_ahead,
                &known,
            )
            .await;
            check::set_progress(webex, customer, None);
            let in_webex = InWebex::read(&progress.changes);
            if !save(&progress, &in_webex) || stopped.is_some() {
                return match stopped {
                    Some(Stop::TokenRefused) => Ended::NeedsToken,
                    _ => Ended::Stopped,
                };
            }
        }
        let ended = runner::run(&connection, &doc, &found, &mut progress, wait, now, save).await;
        if progress.removal == Some(Removal::Gone) {
            drop_removed(state, &found, told);
        }
        ended
    }))
}
