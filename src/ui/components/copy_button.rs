use super::toast::use_toasts;
use super::Text;
use crate::ui::i18n::use_i18n;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::time::Duration;

/// Copies `text` with the Clipboard API and says so; when the browser refuses,
/// selects the text of `select_id` so Ctrl+C does it.
#[component]
pub fn CopyButton(
    text: String,
    #[prop(into)] select_id: String,
    announce: Text,
    /// Names the button where "Copy" alone would not say what it copies ("Copy
    /// tracking ID" in a table of them).
    #[prop(optional)]
    label: Option<Text>,
) -> impl IntoView {
    let i18n = use_i18n();
    let toasts = use_toasts();
    let copied = RwSignal::new(false);
    let copy = move |_| {
        let text = text.clone();
        let select_id = select_id.clone();
        spawn_local(async move {
            let promise = window().navigator().clipboard().write_text(&text);
            let t = i18n.t();
            match wasm_bindgen_futures::JsFuture::from(promise).await {
                Ok(_) => {
                    copied.set(true);
                    toasts.push(announce(t).to_string());
                    set_timeout(move || copied.set(false), Duration::from_secs(3));
                }
                Err(_) => {
                    select_text_of(&select_id);
                    toasts.push(t.templates.copy_failed.to_string());
                }
            }
        });
    };
    view! {
        <button
            type="button"
            class="secondary copy-button"
            on:click=copy
            aria-label=move || label.map(|l| l(i18n.t()))
        >
            {move || if copied.get() { i18n.t().common.copied } else { i18n.t().common.copy }}
        </button>
    }
}

fn select_text_of(id: &str) {
    let (Some(el), Some(selection)) = (
        document().get_element_by_id(id),
        window().get_selection().ok().flatten(),
    ) else {
        return;
    };
    let _ = selection.select_all_children(&el);
}
