//! Customers workflow. The list is the landing page; the create-customer wizard
//! comes with the next issue, so for now it explains what to do first.

use crate::ui::i18n::use_i18n;
use crate::ui::state::use_app;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

#[component]
pub fn CustomersPage() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let has_templates = move || state.doc.with(|d| !d.templates.is_empty());
    view! {
        <Title text=move || i18n.t().customers_title/>
        <div class="page-header">
            <h1>{move || i18n.t().customers_title}</h1>
        </div>
        <section class="empty-state">
            <h2>{move || i18n.t().customers_empty_title}</h2>
            <Show
                when=has_templates
                fallback=move || {
                    view! {
                        <p>{move || i18n.t().customers_need_template}</p>
                        <A href="/templates/new" attr:class="button primary">{move || i18n.t().create_template}</A>
                    }
                }
            >
                <p>{move || i18n.t().customers_coming}</p>
            </Show>
        </section>
    }
}
