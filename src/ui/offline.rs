//! Offline use and new releases. The service worker (`web/sw.js`, written into each
//! build by `.ci/offline.mjs`) keeps the app's files; this registers it, asks it to look
//! for a new release when the tab comes back into view and every half hour, and shows
//! "A new version is ready" when one has taken over while this page runs an older one.

use crate::ui::components::{tr, ReloadButton};
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// How often an open tab looks for a new release, besides when it comes back into view.
const CHECK_EVERY_MS: i32 = 30 * 60 * 1000;

/// Registers the service worker; `ready` turns true when a newer release is in charge.
fn watch_releases(ready: RwSignal<bool>) {
    // The build's id, written into the page by the build; absent, there is no worker.
    let Some(own) = document()
        .query_selector(r#"meta[name="app-build"]"#)
        .ok()
        .flatten()
        .and_then(|meta| meta.get_attribute("content"))
    else {
        return;
    };
    let container = window().navigator().service_worker();
    // A worker that takes over tells every page its build (see `activate` in sw.js).
    let on_message =
        Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
            let build = js_sys::Reflect::get(&ev.data(), &JsValue::from_str("build"))
                .ok()
                .and_then(|b| b.as_string());
            if build.is_some_and(|b| b != own) {
                ready.set(true);
            }
        });
    let _ =
        container.add_event_listener_with_callback("message", on_message.as_ref().unchecked_ref());
    on_message.forget(); // for the page's whole life

    // Relative to the page's base: the worker's scope is the app's folder (a sub-path too).
    let registered = container.register("sw.js");
    wasm_bindgen_futures::spawn_local(async move {
        let Ok(registration) = wasm_bindgen_futures::JsFuture::from(registered).await else {
            return; // private windows and some browsers refuse workers: the app still works
        };
        let registration: web_sys::ServiceWorkerRegistration = registration.unchecked_into();
        let check = Closure::<dyn Fn()>::new(move || {
            if !document().hidden() {
                let _ = registration.update();
            }
        });
        let callback = check.as_ref().unchecked_ref();
        let _ = document().add_event_listener_with_callback("visibilitychange", callback);
        let _ = window()
            .set_interval_with_callback_and_timeout_and_arguments_0(callback, CHECK_EVERY_MS);
        check.forget(); // for the page's whole life
    });
}

/// "A new version is ready — Reload", while a newer release waits for this page.
#[component]
pub fn UpdateBanner() -> impl IntoView {
    let ready = RwSignal::new(false);
    watch_releases(ready);
    view! {
        <Show when=move || ready.get()>
            <div class="banner info" role="status">
                <p>{tr(|t| t.common.update_ready)}</p>
                <div class="actions">
                    <ReloadButton />
                </div>
            </div>
        </Show>
    }
}
