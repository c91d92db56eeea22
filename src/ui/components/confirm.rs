//! The one confirmation dialog: destructive actions ask here first. A native `<dialog>`
//! opened with `showModal()`: the browser puts it above everything, makes the rest of the
//! page inert (no clicks, no screen-reader wandering) and turns Escape into `cancel`.

use crate::ui::i18n::use_i18n;
use leptos::prelude::*;
use leptos::wasm_split::{wasm_split, SplitLoaderError};
use wasm_bindgen::JsCast;

#[derive(Clone)]
pub struct ConfirmRequest {
    pub title: String,
    pub body: String,
    pub confirm_label: String,
    /// The safe choice; "Cancel" when not given.
    pub cancel_label: Option<String>,
    pub on_confirm: Callback<()>,
    /// A checkbox that changes what confirming does (read by `on_confirm`).
    pub choice: Option<ConfirmChoice>,
}

/// A checkbox in the dialog, and what confirming does with it ticked and without.
#[derive(Clone)]
pub struct ConfirmChoice {
    pub label: String,
    pub when_checked: String,
    pub when_unchecked: String,
    pub checked: RwSignal<bool>,
}

#[derive(Clone, Copy)]
pub struct Confirm(RwSignal<Option<ConfirmRequest>>);

impl Confirm {
    pub fn new() -> Self {
        Self(RwSignal::new(None))
    }

    pub fn ask(&self, request: ConfirmRequest) {
        self.0.set(Some(request));
    }
}

pub fn use_confirm() -> Confirm {
    expect_context::<Confirm>()
}

/// Where the dialog shows. Its code comes with the first question (`ui::lazy`): most
/// visits ask none. Once there it stays, to give focus back when it closes.
#[component]
pub fn ConfirmHost() -> impl IntoView {
    let confirm = use_confirm();
    let asked = Memo::new(move |was: Option<&bool>| {
        was.copied().unwrap_or(false) || confirm.0.with(Option::is_some)
    });
    move || {
        asked.get().then(|| {
            Suspend::new(async {
                dialog().await.unwrap_or_else(|error| {
                    leptos::logging::error!("{error}");
                    ().into_any()
                })
            })
        })
    }
}

#[wasm_split(confirm_dialog, wasm_split_path = ::leptos::wasm_split, fallible)]
fn dialog() -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <ConfirmDialog /> }.into_any())
}

#[component]
fn ConfirmDialog() -> impl IntoView {
    let confirm = use_confirm();
    let i18n = use_i18n();
    let dialog_ref = NodeRef::<leptos::html::Dialog>::new();
    let cancel_ref = NodeRef::<leptos::html::Button>::new();
    let confirm_ref = NodeRef::<leptos::html::Button>::new();
    let choice_ref = NodeRef::<leptos::html::Input>::new();
    let close = move || confirm.0.set(None);
    // Where focus was before the dialog opened, to give it back afterwards.
    let opener = StoredValue::new_local(None::<web_sys::HtmlElement>);
    Effect::new(move |_| {
        if confirm.0.with(Option::is_some) {
            let active = document()
                .active_element()
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
            opener.set_value(active);
            if let Some(dialog) = dialog_ref.get() {
                if !dialog.open() {
                    let _ = dialog.show_modal();
                }
            }
            // The safe choice has focus first.
            if let Some(button) = cancel_ref.get() {
                let _ = button.focus();
            }
        } else if let Some(previous) = opener.try_update_value(Option::take).flatten() {
            let _ = previous.focus();
        }
    });
    // Tab and Shift+Tab cycle through the dialog's controls (a modal dialog would let
    // focus leave for the browser's own controls after the last one).
    let trap_focus = move |ev: leptos::ev::KeyboardEvent| {
        let (Some(cancel), Some(last)) = (cancel_ref.get(), confirm_ref.get()) else {
            return;
        };
        let first: web_sys::HtmlElement = match choice_ref.get() {
            Some(choice) => choice.into(),
            None => cancel.into(),
        };
        let active = document().active_element();
        let on = |el: &web_sys::HtmlElement| {
            active
                .as_ref()
                .is_some_and(|a| a == el.as_ref() as &web_sys::Element)
        };
        let last: web_sys::HtmlElement = last.into();
        if ev.shift_key() && on(&first) {
            ev.prevent_default();
            let _ = last.focus();
        } else if !ev.shift_key() && on(&last) {
            ev.prevent_default();
            let _ = first.focus();
        }
    };
    move || {
        confirm.0.get().map(|request| {
            let on_confirm = request.on_confirm;
            let cancel_label = request.cancel_label.clone();
            view! {
                <dialog
                    class="modal"
                    node_ref=dialog_ref
                    role="alertdialog"
                    aria-labelledby="confirm-title"
                    aria-describedby="confirm-body"
                    // Escape: the browser's cancel, which closes it as Cancel does.
                    on:cancel=move |ev: web_sys::Event| {
                        ev.prevent_default();
                        close();
                    }
                    on:keydown=move |ev| {
                        if ev.key() == "Tab" {
                            trap_focus(ev);
                        }
                    }
                >
                    <h2 id="confirm-title">{request.title}</h2>
                    <p id="confirm-body">{request.body}</p>
                    {request
                        .choice
                        .map(|c| {
                            let ConfirmChoice { label, when_checked, when_unchecked, checked } = c;
                            view! {
                                <div class="field checkbox">
                                    <input
                                        type="checkbox"
                                        id="confirm-choice"
                                        node_ref=choice_ref
                                        aria-describedby="confirm-choice-hint"
                                        prop:checked=move || checked.get()
                                        on:change=move |ev| checked.set(event_target_checked(&ev))
                                    />
                                    <label for="confirm-choice">{label}</label>
                                    <p class="hint" id="confirm-choice-hint" aria-live="polite">
                                        {move || {
                                            if checked.get() {
                                                when_checked.clone()
                                            } else {
                                                when_unchecked.clone()
                                            }
                                        }}
                                    </p>
                                </div>
                            }
                        })}
                    <div class="actions">
                        <button type="button" node_ref=cancel_ref on:click=move |_| close()>
                            {move || {
                                cancel_label
                                    .clone()
                                    .unwrap_or_else(|| i18n.t().common.cancel.to_string())
                            }}
                        </button>
                        <button
                            type="button"
                            class="danger"
                            node_ref=confirm_ref
                            on:click=move |_| {
                                close();
                                on_confirm.run(());
                            }
                        >
                            {request.confirm_label}
                        </button>
                    </div>
                </dialog>
            }
        })
    }
}
