//! Provisioning in Webex from the browser: the connection (the built-in simulator for
//! demos, or the Webex API with the partner's token), runs of `webex::runner` saved as
//! they go, the Settings section and the customer page's panel.
//!
//! The token lives in memory; only when the partner asks is it kept in this tab's
//! `sessionStorage`. It never reaches `localStorage`, a backup, an export or the log.

mod http;
pub mod panel;
pub mod settings;

use crate::domain::customer::Customer;
use crate::domain::document::Document;
use crate::domain::ids::CustomerId;
use crate::domain::provisioning::Provisioning;
use crate::store::Draft;
use crate::ui::browser::now;
use crate::ui::components::toast::Toasts;
use crate::ui::i18n::I18n;
use crate::ui::state::AppState;
use crate::webex::run::{self, Answer};
use crate::webex::runner::{self, Connection, Ended, Outgoing};
use crate::webex::simulator::{Failure, Simulator};
use crate::webex::DEFAULT_BASE_URL;
use futures::future::LocalBoxFuture;
use http::HttpConnection;
use leptos::prelude::*;
use leptos::wasm_split::{wasm_split, SplitLoaderError};
use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use std::collections::HashSet;

const SETTINGS_KEY: &str = "wholesale-partner-hub:connection";
const TOKEN_KEY: &str = "wholesale-partner-hub:webex-token";
const SIMULATOR_KEY: &str = "wholesale-partner-hub:simulator";

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
}

pub fn use_webex() -> Webex {
    expect_context::<Webex>()
}

fn session() -> Option<web_sys::Storage> {
    window().session_storage().ok().flatten()
}

thread_local! {
    /// The demo's simulated Webex, kept for the tab (and across reloads in sessionStorage).
    static SIMULATOR: RefCell<Simulator> = RefCell::new(
        session()
            .and_then(|s| s.get_item(SIMULATOR_KEY).ok().flatten())
            .and_then(|json| serde_json::from_str(&json).ok())
            .unwrap_or_default(),
    );
}

/// Provides the connection's state and resumes the runs a reload interrupted.
pub fn provide_webex(state: AppState) -> Webex {
    let settings = match state.load::<ConnectionSettings>(SETTINGS_KEY) {
        Draft::Restored(s) => s,
        _ => ConnectionSettings::default(),
    };
    let remembered = session().and_then(|s| s.get_item(TOKEN_KEY).ok().flatten());
    let webex = Webex {
        settings: RwSignal::new(settings),
        remember: RwSignal::new(remembered.is_some()),
        token: RwSignal::new(remembered.unwrap_or_default()),
        running: RwSignal::new(HashSet::new()),
        needs_token: RwSignal::new(HashSet::new()),
    };
    provide_context(webex);
    // The token is kept in this tab only if asked, and forgotten when unticked.
    Effect::new(move |_| {
        let (token, remember) = (webex.token.get(), webex.remember.get());
        if let Some(s) = session() {
            let _ = if remember && !token.is_empty() {
                s.set_item(TOKEN_KEY, &token)
            } else {
                s.remove_item(TOKEN_KEY)
            };
        }
    });
    let interrupted: Vec<CustomerId> = state.doc.with_untracked(|d| {
        d.customers
            .iter()
            .filter(|c| c.provisioning.running)
            .map(|c| c.id)
            .collect()
    });
    for id in interrupted {
        provision(state, webex, id, false);
    }
    webex
}

impl Webex {
    pub fn save_settings(&self, state: AppState, change: impl FnOnce(&mut ConnectionSettings)) {
        self.settings.update(change);
        let _ = state.store(SETTINGS_KEY, &self.settings.get_untracked());
    }

    fn connection(&self) -> AnyConnection {
        let settings = self.settings.get_untracked();
        match settings.mode {
            Mode::Demo => {
                SIMULATOR.with(|s| s.borrow_mut().set_failure(settings.failure));
                AnyConnection::Demo
            }
            Mode::Api => AnyConnection::Api(HttpConnection {
                base_url: settings.base_url.trim_end_matches('/').to_string(),
                token: self.token.get_untracked(),
            }),
        }
    }
}

/// The simulator or the Webex API, as the settings say.
pub enum AnyConnection {
    Demo,
    Api(HttpConnection),
}

impl Connection for AnyConnection {
    async fn send(&self, request: Outgoing) -> Result<Answer, String> {
        match self {
            AnyConnection::Demo => {
                sleep(SIMULATED_LATENCY_MS).await;
                let answer = SIMULATOR.with(|s| s.borrow_mut().answer(&request, now()));
                SIMULATOR.with(|s| {
                    if let (Some(store), Ok(json)) =
                        (session(), serde_json::to_string(&*s.borrow()))
                    {
                        let _ = store.set_item(SIMULATOR_KEY, &json);
                    }
                });
                Ok(answer)
            }
            AnyConnection::Api(http) => http.send(request).await,
        }
    }
}

/// Waits `ms` milliseconds.
pub async fn sleep(ms: u32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms as i32);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Starts (`fresh`: the partner asked) or resumes a customer's run in the background.
/// Progress is saved after every answer; the run stops if a save fails.
pub fn provision(state: AppState, webex: Webex, customer: CustomerId, fresh: bool) {
    if webex.running.with_untracked(|r| r.contains(&customer)) {
        return;
    }
    let Some((doc, found)) = state
        .doc
        .with_untracked(|d| d.customer(customer).cloned().map(|c| (d.clone(), c)))
    else {
        return;
    };
    let needs_token = webex.settings.with_untracked(|s| s.mode == Mode::Api)
        && webex.token.with_untracked(String::is_empty);
    if needs_token {
        webex.needs_token.update(|n| {
            n.insert(customer);
        });
        return;
    }
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
                            .provisioning_load_failed
                            .to_string(),
                    );
                }
                Ended::Stopped
            }
        };
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

/// What a run needs, handed to the split-off runner.
struct Job {
    state: AppState,
    webex: Webex,
    doc: Document,
    found: Customer,
    fresh: bool,
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
    } = job;
    let customer = found.id;
    let mut progress: Provisioning = found.provisioning.clone();
    if fresh {
        run::start(&mut progress);
    } else {
        run::resume(&mut progress);
    }
    let connection = webex.connection();
    Ok(Box::pin(async move {
        runner::run(&connection, &doc, &found, &mut progress, sleep, now, |p| {
            // Not saved (the alert says why), or the customer was deleted meanwhile: stop.
            state
                .try_commit(|d| d.set_provisioning(customer, p.clone()))
                .is_ok()
        })
        .await
    }))
}
