//! Small wrappers around browser APIs the app needs.

use crate::domain::time::Timestamp;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// 16 bytes from the browser's cryptographic random source.
pub fn random_bytes() -> [u8; 16] {
    let mut bytes = [0u8; 16];
    window()
        .crypto()
        .and_then(|c| c.get_random_values_with_u8_array(&mut bytes))
        .expect("crypto.getRandomValues is available in every supported browser");
    bytes
}

pub fn now() -> Timestamp {
    Timestamp(js_sys::Date::now() as i64)
}

/// The local time of day of an instant, "14:05:09".
pub fn time_of_day(at: Timestamp) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(at.0 as f64));
    format!(
        "{:02}:{:02}:{:02}",
        date.get_hours(),
        date.get_minutes(),
        date.get_seconds()
    )
}

/// Offers `text` to the user as a JSON file download.
pub fn download_text(file_name: &str, text: &str) {
    download(file_name, text, "application/json");
}

/// Offers `text` to the user as a file of type `mime`.
pub fn download(file_name: &str, text: &str, mime: &str) {
    let parts = js_sys::Array::of1(&text.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Ok(anchor) = document().create_element("a") {
        let anchor: web_sys::HtmlAnchorElement = anchor.unchecked_into();
        anchor.set_href(&url);
        anchor.set_download(file_name);
        anchor.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// Moves keyboard focus to the element with `id` once the view has updated.
pub fn focus_id(id: String) {
    request_animation_frame(move || {
        if let Some(el) = document().get_element_by_id(&id) {
            if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        }
    });
}

thread_local! {
    static BASE_PATH: String = base_path();
}

/// The address of an app path for an `<A href>`: leptos_router prefixes the router's
/// base to paths it navigates to, but not to absolute link targets.
pub fn href(path: &str) -> String {
    BASE_PATH.with(|base| format!("{base}{path}"))
}

/// The path the app is served under (from `<base href>`, which Trunk's
/// `--public-url` sets), without its trailing slash: "" at the root, "/sub" under /sub/.
pub fn base_path() -> String {
    document()
        .query_selector("base")
        .ok()
        .flatten()
        .and_then(|b| b.get_attribute("href"))
        .map(|href| href.trim_end_matches('/').to_string())
        .filter(|href| href.starts_with('/'))
        .unwrap_or_default()
}

/// The current route's `:id`, parsed; `None` when it is missing or malformed.
pub fn route_id<T>(parse: fn(&str) -> Option<T>) -> Memo<Option<T>>
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    let params = leptos_router::hooks::use_params_map();
    Memo::new(move |_| params.with(|p| p.get("id").and_then(|raw| parse(&raw))))
}

/// A named point on the page's performance timeline; benchmarks measure between them.
pub fn mark(name: &str) {
    if let Some(performance) = window().performance() {
        let _ = performance.mark(name);
    }
}

thread_local! {
    static HEADING_NEXT: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// The next page's heading takes focus: after a wizard created or saved what that page
/// shows, keyboard and screen-reader users start there.
pub fn focus_heading_next() {
    HEADING_NEXT.set(true);
}

/// Whether this page's heading should take focus (asked once).
pub fn take_heading_focus() -> bool {
    HEADING_NEXT.replace(false)
}
