//! The list's empty state: the first customer, or the first template, and the demo.

use crate::ui::browser::href;
use crate::ui::components::tr;
use crate::ui::customers::demo::use_load_demo;
use crate::ui::customers::NeedTemplateText;
use crate::ui::state::use_app;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub(super) fn EmptyCustomers() -> impl IntoView {
    let state = use_app();
    let has_templates = move || state.doc.with(|d| !d.templates.is_empty());
    let load_demo = use_load_demo();
    view! {
        <section class="empty-state" aria-labelledby="customers-empty-title">
            <h2 id="customers-empty-title">{tr(|t| t.customers.customers_empty_title)}</h2>
            <Show when=has_templates fallback=NeedTemplateText>
                <p>{tr(|t| t.customers.customers_empty_body)}</p>
                <A href=href("/customers/new") attr:class="button primary">
                    {tr(|t| t.customers.create_customer)}
                </A>
            </Show>
            <p class="empty-demo">
                {tr(|t| t.customers.customers_empty_demo)}" "
                <button type="button" class="secondary" on:click=move |_| load_demo()>
                    {tr(|t| t.restore.load_demo)}
                </button>
            </p>
        </section>
    }
}
