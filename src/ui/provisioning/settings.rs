//! Settings → "Webex connection": demo or the Webex API, the API's base URL and token,
//! a failure to rehearse in the demo, and "Test connection".

use super::{use_webex, Mode};
use crate::domain::api_base_url::ApiBaseUrl;
use crate::ui::components::field::ErrorText;
use crate::ui::components::tr;
use crate::ui::i18n::{use_i18n, Messages};
use crate::ui::state::use_app;
use crate::webex::requests::Method;
use crate::webex::runner::{Connection, Outgoing};
use crate::webex::simulator::Failure;
use crate::webex::wire::{first_description, is_item_list};
use leptos::prelude::*;

#[component]
pub fn WebexConnectionSection() -> impl IntoView {
    let state = use_app();
    let webex = use_webex();
    webex.check_saved_settings();
    let i18n = use_i18n();
    let mode = Signal::derive(move || webex.settings.with(|s| s.mode));
    let set_mode = move |m: Mode| webex.save_settings(state, |s| s.mode = m);
    let result = RwSignal::new(None::<String>);
    let testing = RwSignal::new(false);
    // The base URL as typed, and why it is refused (it is saved only when valid).
    let typed_url = RwSignal::new(None::<String>);
    let url_problem = Signal::derive(move || {
        let raw = typed_url.get()?;
        ApiBaseUrl::parse(&raw)
            .err()
            .map(|p| i18n.t().base_url_problem(p).to_string())
    });
    let url_warning = Signal::derive(move || {
        let url = ApiBaseUrl::parse(&webex.settings.with(|s| s.base_url.clone())).ok()?;
        (!url.is_webex() && url_problem.get().is_none())
            .then(|| (i18n.t().provisioning.base_url_not_webex)(url.host()))
    });

    let test = move |_| {
        if webex.token_for_other_url() {
            result.set(Some(i18n.t().provisioning.token_for_other_url.to_string()));
            return;
        }
        let Some(connection) = web_sys::AbortController::new()
            .ok()
            .and_then(|c| webex.connection(c.signal()))
        else {
            result.set(Some(i18n.t().provisioning.enter_token_first.to_string()));
            return;
        };
        testing.set(true);
        result.set(None);
        leptos::task::spawn_local(async move {
            let answer = connection
                .send(Outgoing {
                    method: Method::Get,
                    path: "/wholesale/customers?max=1".into(),
                    body: None,
                })
                .await;
            let t = i18n.t();
            let demo = webex.settings.with_untracked(|s| s.mode == Mode::Demo);
            result.set(Some(match answer {
                Ok(a) if (200..300).contains(&a.http) && !is_item_list(&a.body) => {
                    t.provisioning.answered_unexpected.to_string()
                }
                Ok(a) if (200..300).contains(&a.http) && demo => {
                    t.provisioning.connected_demo.to_string()
                }
                Ok(a) if (200..300).contains(&a.http) => t.provisioning.connected.to_string(),
                Ok(a) if a.http == 401 => t.provisioning.token_invalid.to_string(),
                Ok(a) if a.http == 403 => t.provisioning.token_forbidden.to_string(),
                Ok(a) => (t.provisioning.answered_http)(a.http, &first_description(&a.body)),
                Err(e) => t.transport(e).to_string(),
            }));
            testing.set(false);
        });
    };

    let failure_options = move || {
        let t = i18n.t();
        let current = webex.settings.with(|s| s.failure);
        Failure::ALL
            .into_iter()
            .map(|f| {
                view! {
                    <option value=f.key() selected=f == current>
                        {failure_name(t, f)}
                    </option>
                }
            })
            .collect_view()
    };

    view! {
        <section class="card" aria-labelledby="webex-heading">
            <h2 id="webex-heading">{tr(|t| t.provisioning.webex_connection)}</h2>
            <Show when=move || webex.settings_ignored.get()>
                <p class="notice error" role="alert">
                    {tr(|t| t.provisioning.connection_ignored)}
                </p>
            </Show>
            <fieldset class="radio-group">
                <legend>{tr(|t| t.provisioning.connection)}</legend>
                <div class="radio">
                    <input
                        type="radio"
                        id="connection-demo"
                        name="connection"
                        value="demo"
                        prop:checked=move || mode.get() == Mode::Demo
                        on:change=move |_| set_mode(Mode::Demo)
                    />
                    <label for="connection-demo">{tr(|t| t.provisioning.connection_demo)}</label>
                </div>
                <div class="radio">
                    <input
                        type="radio"
                        id="connection-api"
                        name="connection"
                        value="api"
                        prop:checked=move || mode.get() == Mode::Api
                        on:change=move |_| set_mode(Mode::Api)
                    />
                    <label for="connection-api">{tr(|t| t.provisioning.connection_api)}</label>
                </div>
            </fieldset>
            <Show when=move || mode.get() == Mode::Demo>
                <div class="field">
                    <label for="simulate-failure">{tr(|t| t.provisioning.simulate_failure)}</label>
                    <p class="hint" id="simulate-failure-hint">
                        {tr(|t| t.provisioning.simulate_failure_hint)}
                    </p>
                    <select
                        id="simulate-failure"
                        aria-describedby="simulate-failure-hint"
                        on:change=move |ev| {
                            if let Some(f) = Failure::from_key(&event_target_value(&ev)) {
                                webex.save_settings(state, |s| s.failure = f);
                            }
                        }
                    >
                        {failure_options}
                    </select>
                </div>
            </Show>
            <Show when=move || mode.get() == Mode::Api>
                <div class="field">
                    <label for="api-base-url">{tr(|t| t.provisioning.api_base_url)}</label>
                    <input
                        id="api-base-url"
                        type="url"
                        autocomplete="off"
                        aria-invalid=move || url_problem.get().is_some().then_some("true")
                        aria-describedby=move || {
                            if url_problem.get().is_some() {
                                Some("api-base-url-error")
                            } else if url_warning.get().is_some() {
                                Some("api-base-url-warning")
                            } else {
                                None
                            }
                        }
                        prop:value=move || {
                            typed_url
                                .get()
                                .unwrap_or_else(|| webex.settings.with(|s| s.base_url.clone()))
                        }
                        on:change=move |ev| {
                            let raw = event_target_value(&ev);
                            typed_url.set(Some(raw.clone()));
                            if let Ok(url) = ApiBaseUrl::parse(&raw) {
                                typed_url.set(None);
                                let changed = webex
                                    .settings
                                    .with_untracked(|s| s.base_url != url.as_str());
                                if changed {
                                    webex
                                        .save_settings(
                                            state,
                                            |s| s.base_url = url.as_str().to_string(),
                                        );
                                }
                            }
                        }
                    />
                    <ErrorText id="api-base-url" error=url_problem />
                    {move || {
                        url_warning
                            .get()
                            .map(|warning| {
                                view! {
                                    <p class="field-warning" id="api-base-url-warning">
                                        {warning}
                                    </p>
                                }
                            })
                    }}
                </div>
                <div class="field">
                    <label for="access-token">{tr(|t| t.provisioning.access_token)}</label>
                    <p class="hint" id="access-token-hint">
                        {tr(|t| t.provisioning.access_token_hint)}
                    </p>
                    <input
                        id="access-token"
                        type="password"
                        autocomplete="off"
                        spellcheck="false"
                        aria-describedby=move || {
                            if webex.token_for_other_url() {
                                "access-token-hint access-token-error"
                            } else {
                                "access-token-hint"
                            }
                        }
                        prop:value=move || webex.token.get()
                        on:input=move |ev| {
                            webex.enter_token(event_target_value(&ev).trim().to_string())
                        }
                    />
                    <Show when=move || webex.token_for_other_url()>
                        <p class="field-error" id="access-token-error">
                            {tr(|t| t.provisioning.token_for_other_url)}
                        </p>
                    </Show>
                </div>
                <div class="checkbox">
                    <input
                        type="checkbox"
                        id="remember-token"
                        prop:checked=move || webex.remember.get()
                        on:change=move |ev| webex.remember.set(event_target_checked(&ev))
                    />
                    <label for="remember-token">{tr(|t| t.provisioning.remember_token)}</label>
                </div>
            </Show>
            <div class="form-actions start">
                <button
                    type="button"
                    class="secondary"
                    on:click=test
                    disabled=move || testing.get()
                >
                    {tr(|t| t.provisioning.test_connection)}
                </button>
            </div>
            <p class="connection-result" role="status">
                {move || result.get()}
            </p>
        </section>
    }
}

/// A simulated failure's name. Matched here, where the simulator's choice is offered,
/// so that the catalogue (which speaks the domain) does not depend on the webex layer.
fn failure_name(t: &Messages, failure: Failure) -> &'static str {
    let w = &t.provisioning;
    match failure {
        Failure::None => w.failure_none,
        Failure::CustomerPrecheck => w.failure_customer_precheck,
        Failure::CustomerError => w.failure_customer_error,
        Failure::UserRefused => w.failure_user_refused,
        Failure::TokenExpired => w.failure_token_expired,
        Failure::Busy => w.failure_busy,
        Failure::Drift => w.failure_drift,
    }
}
