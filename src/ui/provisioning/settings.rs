//! Settings → "Webex connection": demo or the Webex API, the API's base URL and token,
//! a failure to rehearse in the demo, and "Test connection".

use super::{use_webex, Mode};
use crate::ui::components::tr;
use crate::ui::i18n::use_i18n;
use crate::ui::state::use_app;
use crate::webex::requests::Method;
use crate::webex::run::problems_of;
use crate::webex::runner::{Connection, Outgoing};
use crate::webex::simulator::Failure;
use leptos::prelude::*;

#[component]
pub fn WebexConnectionSection() -> impl IntoView {
    let state = use_app();
    let webex = use_webex();
    let i18n = use_i18n();
    let mode = Signal::derive(move || webex.settings.with(|s| s.mode));
    let set_mode = move |m: Mode| webex.save_settings(state, |s| s.mode = m);
    let result = RwSignal::new(None::<String>);
    let testing = RwSignal::new(false);

    let test = move |_| {
        testing.set(true);
        result.set(None);
        let connection = webex.connection();
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
                Ok(a) if (200..300).contains(&a.http) && demo => t.connected_demo.to_string(),
                Ok(a) if (200..300).contains(&a.http) => t.connected.to_string(),
                Ok(a) if a.http == 401 => t.token_invalid.to_string(),
                Ok(a) if a.http == 403 => t.token_forbidden.to_string(),
                Ok(a) => {
                    let detail = problems_of(&a.body)
                        .into_iter()
                        .next()
                        .map(|p| p.description)
                        .unwrap_or_default();
                    (t.answered_http)(a.http, &detail)
                }
                Err(_) => t.unreachable.to_string(),
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
                view! { <option value=f.key() selected=f == current>{t.failure_name(f)}</option> }
            })
            .collect_view()
    };

    view! {
        <section class="card" aria-labelledby="webex-heading">
            <h2 id="webex-heading">{tr(|t| t.webex_connection)}</h2>
            <fieldset class="radio-group">
                <legend>{tr(|t| t.connection)}</legend>
                <div class="radio">
                    <input type="radio" id="connection-demo" name="connection" value="demo"
                        prop:checked=move || mode.get() == Mode::Demo
                        on:change=move |_| set_mode(Mode::Demo)/>
                    <label for="connection-demo">{tr(|t| t.connection_demo)}</label>
                </div>
                <div class="radio">
                    <input type="radio" id="connection-api" name="connection" value="api"
                        prop:checked=move || mode.get() == Mode::Api
                        on:change=move |_| set_mode(Mode::Api)/>
                    <label for="connection-api">{tr(|t| t.connection_api)}</label>
                </div>
            </fieldset>
            <Show when=move || mode.get() == Mode::Demo>
                <div class="field">
                    <label for="simulate-failure">{tr(|t| t.simulate_failure)}</label>
                    <p class="hint" id="simulate-failure-hint">{tr(|t| t.simulate_failure_hint)}</p>
                    <select id="simulate-failure" aria-describedby="simulate-failure-hint"
                        on:change=move |ev| {
                            if let Some(f) = Failure::from_key(&event_target_value(&ev)) {
                                webex.save_settings(state, |s| s.failure = f);
                            }
                        }>
                        {failure_options}
                    </select>
                </div>
            </Show>
            <Show when=move || mode.get() == Mode::Api>
                <div class="field">
                    <label for="api-base-url">{tr(|t| t.api_base_url)}</label>
                    <input id="api-base-url" type="url" autocomplete="off"
                        prop:value=move || webex.settings.with(|s| s.base_url.clone())
                        on:change=move |ev| {
                            let url = event_target_value(&ev).trim().to_string();
                            webex.save_settings(state, |s| s.base_url = url);
                        }/>
                </div>
                <div class="field">
                    <label for="access-token">{tr(|t| t.access_token)}</label>
                    <p class="hint" id="access-token-hint">{tr(|t| t.access_token_hint)}</p>
                    <input id="access-token" type="password" autocomplete="off" spellcheck="false"
                        aria-describedby="access-token-hint"
                        prop:value=move || webex.token.get()
                        on:input=move |ev| webex.token.set(event_target_value(&ev).trim().to_string())/>
                </div>
                <div class="checkbox">
                    <input type="checkbox" id="remember-token"
                        prop:checked=move || webex.remember.get()
                        on:change=move |ev| webex.remember.set(event_target_checked(&ev))/>
                    <label for="remember-token">{tr(|t| t.remember_token)}</label>
                </div>
            </Show>
            <div class="form-actions start">
                <button type="button" class="secondary" on:click=test disabled=move || testing.get()>
                    {tr(|t| t.test_connection)}
                </button>
            </div>
            <p class="connection-result" role="status">{move || result.get()}</p>
        </section>
    }
}
