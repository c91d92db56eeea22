//! Customers workflow. The list is the landing page; the create-customer wizard
//! comes with the next issue, so for now it explains what to do first.

use crate::ui::browser::href;
use crate::ui::components::tr;
use crate::ui::components::PageTitle;
use crate::ui::state::use_app;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn CustomersPage() -> impl IntoView {
    let state = use_app();
    let has_templates = move || state.doc.with(|d| !d.templates.is_empty());
    view! {
        <PageTitle text=tr(|t| t.customers_title)/>
        <div class="page-header">
            <h1>{tr(|t| t.customers_title)}</h1>
        </div>
        <section class="empty-state">
            <h2>{tr(|t| t.customers_empty_title)}</h2>
            <Show
                when=has_templates
                fallback=move || {
                    view! {
                        <p>{tr(|t| t.customers_need_template)}</p>
                        <A href=href("/templates/new") attr:class="button primary">{tr(|t| t.create_template)}</A>
                    }
                }
            >
                <p>{tr(|t| t.customers_coming)}</p>
            </Show>
        </section>
    }
}
