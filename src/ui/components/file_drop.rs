//! Bringing a text file in: a labelled file input, and a section a file can be
//! dropped on. Both read the file and hand over its name and text: UTF-8 only, since
//! any other encoding read as UTF-8 turns names into U+FFFD without a word.

use super::Text;
use crate::ui::components::tr;
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen_futures::JsFuture;

/// What a file held.
#[derive(Clone)]
pub enum FileText {
    Text(String),
    /// Bytes that are not UTF-8 (a spreadsheet saved in a legacy encoding): kept, so
    /// the partner can name the encoding ([`decode`]).
    NotUtf8(Arc<[u8]>),
    /// The browser could not read the file.
    Unreadable,
}

/// A file that was read: its name, and what it held.
pub type FileRead = (String, FileText);

fn read(file: web_sys::File, on_read: Callback<FileRead>) {
    let name = file.name();
    leptos::task::spawn_local(async move {
        let text = match JsFuture::from(file.array_buffer()).await {
            Ok(buffer) => {
                let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
                match String::from_utf8(bytes) {
                    Ok(text) => FileText::Text(text),
                    Err(e) => FileText::NotUtf8(e.into_bytes().into()),
                }
            }
            Err(_) => FileText::Unreadable,
        };
        on_read.run((name, text));
    });
}

/// `bytes` read in the encoding the browser knows as `label` (`euc-kr`,
/// `windows-1252`, `shift_jis`); `None` where they are not text in it.
pub fn decode(bytes: &[u8], label: &str) -> Option<String> {
    let options = web_sys::TextDecoderOptions::new();
    options.set_fatal(true);
    web_sys::TextDecoder::new_with_label_and_options(label, &options)
        .ok()?
        .decode_with_u8_array(bytes)
        .ok()
}

/// A file input labelled `label`; what cannot be done with the file (`problem`) shows
/// under it as an alert, tied to the input.
#[component]
pub fn FileField(
    id: &'static str,
    label: Text,
    /// The `accept` attribute: the kinds of file the picker offers.
    accept: &'static str,
    #[prop(into)] problem: Signal<Option<String>>,
    on_read: Callback<FileRead>,
) -> impl IntoView {
    let error_id = format!("{id}-error");
    let described = error_id.clone();
    let chosen = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        if let Some(file) = input.files().and_then(|list| list.get(0)) {
            read(file, on_read);
        }
        // The same file chosen again (after Cancel, or fixed) reads again.
        input.set_value("");
    };
    view! {
        <div class="field">
            <label for=id>{tr(label)}</label>
            <input
                id=id
                type="file"
                accept=accept
                aria-describedby=move || problem.with(Option::is_some).then(|| described.clone())
                on:change=chosen
            />
            {move || {
                problem
                    .get()
                    .map(|p| {
                        view! {
                            <p id=error_id.clone() class="field-error" role="alert">
                                {p}
                            </p>
                        }
                    })
            }}
        </div>
    }
}

/// A section (a card) that takes a dropped file, highlighted while one is over it.
#[component]
pub fn DropSection(
    /// The id of the section's heading.
    labelledby: &'static str,
    on_read: Callback<FileRead>,
    children: Children,
) -> impl IntoView {
    let dragging = RwSignal::new(false);
    let dropped = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        if let Some(file) = ev
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|l| l.get(0))
        {
            read(file, on_read);
        }
    };
    view! {
        <section
            class="card drop-section"
            class:dragging=move || dragging.get()
            aria-labelledby=labelledby
            on:dragover=move |ev: leptos::ev::DragEvent| {
                ev.prevent_default();
                dragging.set(true);
            }
            on:dragleave=move |_| dragging.set(false)
            on:drop=dropped
        >
            {children()}
        </section>
    }
}
