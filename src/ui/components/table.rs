//! A table wider than the screen (a phone, a long e-mail address) scrolls inside its
//! own frame, never the page; while it does, a cue says so and the cut edge fades.

use super::{tr, Text};
use crate::ui::i18n::use_i18n;
use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

#[component]
pub fn ScrollTable(
    /// The region's name, read out when the frame takes focus to be scrolled.
    #[prop(optional)]
    label: Option<Text>,
    /// Or the id of the element that names it.
    #[prop(optional, into)]
    labelled_by: Option<String>,
    children: Children,
) -> impl IntoView {
    let i18n = use_i18n();
    let frame = NodeRef::<Div>::new();
    let overflowing = RwSignal::new(false);
    let at_end = RwSignal::new(false);
    let measure = move || {
        if let Some(el) = frame.get_untracked() {
            let (scroll, client) = (el.scroll_width(), el.client_width());
            // Measured on every scroll event: the classes change only when these do.
            let over = scroll > client + 1;
            let end = el.scroll_left() + client >= scroll - 1;
            if overflowing.get_untracked() != over {
                overflowing.set(over);
            }
            if at_end.get_untracked() != end {
                at_end.set(end);
            }
        }
    };
    // Measured again whenever the frame or the table in it changes size.
    frame.on_load(move |el| {
        let observe = Closure::<dyn Fn()>::new(measure);
        if let Ok(observer) = web_sys::ResizeObserver::new(observe.as_ref().unchecked_ref()) {
            observer.observe(&el);
            if let Some(table) = el.first_element_child() {
                observer.observe(&table);
            }
            let kept = send_wrapper::SendWrapper::new((observer, observe));
            on_cleanup(move || kept.take().0.disconnect());
        }
    });
    let named = label.is_some() || labelled_by.is_some();
    view! {
        <div
            class="scroll-frame"
            class:overflowing=move || overflowing.get()
            class:at-end=move || at_end.get()
        >
            <div
                class="table-scroll"
                node_ref=frame
                on:scroll=move |_| measure()
                // A frame that scrolls is reachable from the keyboard, to scroll it.
                tabindex=move || overflowing.get().then_some("0")
                role=named.then_some("region")
                aria-label=move || label.map(|l| l(i18n.t()))
                aria-labelledby=labelled_by
            >
                {children()}
            </div>
            <Show when=move || overflowing.get()>
                <p class="scroll-cue" aria-hidden="true">
                    {tr(|t| t.customers.scroll_for_more)}
                </p>
            </Show>
        </div>
    }
}
