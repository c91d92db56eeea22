//! The one confirmation dialog: destructive actions ask here first.

use crate::ui::i18n::use_i18n;
use leptos::prelude::*;

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
    let close = move || confirm.0.set(None);
    // Focus the safe choice when the dialog opens.
    Effect::new(move |_| {
        if confirm.0.with(Option::is_some) {
            if let Some(button) = cancel_ref.get() {
                let _ = button.focus();
            }
        }
    });
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
                        on:keydown=move |ev| {
                            if ev.key() == "Escape" {
                                close();
                            }
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
