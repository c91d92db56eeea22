//! Short confirmations ("Template created.") announced politely and then gone.

use leptos::prelude::*;
use std::time::Duration;

#[derive(Clone, Copy)]
pub struct Toasts(RwSignal<Vec<(u64, String)>>, StoredValue<u64>);

impl Toasts {
    pub fn new() -> Self {
        Self(RwSignal::new(Vec::new()), StoredValue::new(0))
    }

    pub fn push(&self, text: String) {
        let id = self.1.get_value() + 1;
        self.1.set_value(id);
        self.0.update(|list| list.push((id, text)));
        let list = self.0;
        set_timeout(
            move || list.update(|l| l.retain(|(i, _)| *i != id)),
            Duration::from_secs(6),
        );
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
            <For each=move || toasts.0.get() key=|(id, _)| *id let:toast>
                <p class="toast">{toast.1}</p>
            </For>
        </div>
    }
}
