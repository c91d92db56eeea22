//! The one confirmation dialog: destructive actions ask here first.

use crate::ui::i18n::use_i18n;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

#[derive(Clone)]
pub struct ConfirmRequest {
    pub title: String,
    pub body: String,
    pub confirm_label: String,
    /// The safe choice; "Cancel" when not given.
    pub cancel_label: Option<String>,
    pub on_confirm: Callback<()>,
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

#[component]
pub fn ConfirmHost() -> impl IntoView {
    let confirm = use_confirm();
    let i18n = use_i18n();
    let cancel_ref = NodeRef::<leptos::html::Button>::new();
    let confirm_ref = NodeRef::<leptos::html::Button>::new();
    let close = move || confirm.0.set(None);
    // Where focus was before the dialog opened, to give it back afterwards.
    let opener = StoredValue::new_local(None::<web_sys::HtmlElement>);
    Effect::new(move |_| {
        if confirm.0.with(Option::is_some) {
            let active = document()
                .active_element()
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
            opener.set_value(active);
            // The safe choice has focus first.
            if let Some(button) = cancel_ref.get() {
                let _ = button.focus();
            }
        } else if let Some(previous) = opener.try_update_value(Option::take).flatten() {
            let _ = previous.focus();
        }
    });
    // Tab and Shift+Tab cycle between the two buttons while the dialog is open.
    let trap_focus = move |ev: leptos::ev::KeyboardEvent| {
        let (Some(first), Some(last)) = (cancel_ref.get(), confirm_ref.get()) else {
            return;
        };
        let active = document().active_element();
        let on = |el: &web_sys::HtmlButtonElement| {
            active
                .as_ref()
                .is_some_and(|a| a == el.as_ref() as &web_sys::Element)
        };
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
                <div class="modal-backdrop">
                    <div
                        class="modal"
                        role="alertdialog"
                        aria-modal="true"
                        aria-labelledby="confirm-title"
                        aria-describedby="confirm-body"
                        on:keydown=move |ev| match ev.key().as_str() {
                            "Escape" => close(),
                            "Tab" => trap_focus(ev),
                            _ => {}
                        }
                    >
                        <h2 id="confirm-title">{request.title}</h2>
                        <p id="confirm-body">{request.body}</p>
                        <div class="actions">
                            <button type="button" node_ref=cancel_ref on:click=move |_| close()>
                                {move || cancel_label.clone().unwrap_or_else(|| i18n.t().cancel.to_string())}
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
                    </div>
                </div>
            }
        })
    }
}
