//! Short confirmations ("Template created.") announced politely and then gone; one that
//! offers an action ("Undo") stays a little longer, and while it has focus or the pointer.

use leptos::prelude::*;
use std::sync::Arc;
use std::time::Duration;

type Action = Arc<dyn Fn() + Send + Sync>;

/// The most toasts shown at once (a phone shows the newest only).
const MAX_SHOWN: usize = 3;

#[derive(Clone)]
struct Toast {
    id: u64,
    text: String,
    /// A button's label and what it does (the toast goes when it is pressed). Not a
    /// `Callback`: that would go with the component that made it (a closed dialog).
    action: Option<(&'static str, Action)>,
}

#[derive(Clone, Copy)]
pub struct Toasts(RwSignal<Vec<Toast>>, StoredValue<u64>);

impl Toasts {
    pub fn new() -> Self {
        Self(RwSignal::new(Vec::new()), StoredValue::new(0))
    }

    pub fn push(&self, text: String) {
        self.show(text, None, Duration::from_secs(6));
    }

    /// A toast with a button ("Undo"), shown for 10 seconds.
    pub fn push_action(
        &self,
        text: String,
        label: &'static str,
        action: impl Fn() + Send + Sync + 'static,
    ) {
        self.show(
            text,
            Some((label, Arc::new(action))),
            Duration::from_secs(10),
        );
    }

    fn show(&self, text: String, action: Option<(&'static str, Action)>, for_: Duration) {
        let id = self.1.get_value() + 1;
        self.1.set_value(id);
        self.0.update(|list| {
            // Said again: once, the newest (its time starts again).
            list.retain(|t| t.action.is_some() || t.text != text);
            list.push(Toast { id, text, action });
            // A few at most: they do not pile up over the page.
            let over = list.len().saturating_sub(MAX_SHOWN);
            list.drain(..over);
        });
        let this = *self;
        set_timeout(move || this.expire(id), for_);
    }

    /// Its time is up: it goes, unless someone is at its button (then a bit later).
    fn expire(self, id: u64) {
        let held = document()
            .query_selector(&format!(
                "[data-toast='{id}']:focus-within, [data-toast='{id}']:hover"
            ))
            .ok()
            .flatten()
            .is_some();
        if held {
            set_timeout(move || self.expire(id), Duration::from_secs(2));
        } else {
            self.dismiss(id);
        }
    }

    fn dismiss(self, id: u64) {
        self.0.update(|l| l.retain(|t| t.id != id));
    }
}

pub fn use_toasts() -> Toasts {
    expect_context::<Toasts>()
}

#[component]
pub fn ToastHost() -> impl IntoView {
    let toasts = use_toasts();
    view! {
        <div class="toasts" role="status" aria-live="polite">
            <For each=move || toasts.0.get() key=|t| t.id let:toast>
                <p class="toast" data-toast=toast.id>
                    {toast.text}
                    {toast
                        .action
                        .map(|(label, action)| {
                            view! {
                                " "
                                <button
                                    type="button"
                                    class="toast-action"
                                    on:click=move |_| {
                                        action();
                                        toasts.dismiss(toast.id);
                                    }
                                >
                                    {label}
                                </button>
                            }
                        })}
                </p>
            </For>
        </div>
    }
}
