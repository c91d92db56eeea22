use crate::domain::ids::CustomerId;
use crate::ui::browser::href;
use crate::ui::components::{tr, PageTitle};
use crate::ui::state::use_app;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

/// `/customers/:id/setup`. The setup wizard (locations, users, numbers) is the next
/// piece of work; until then this page says so rather than leading nowhere.
#[component]
pub fn SetupCustomerPage() -> impl IntoView {
    let state = use_app();
    let params = use_params_map();
    let customer = move || {
        params
            .with(|p| p.get("id").and_then(|raw| CustomerId::parse(&raw)))
            .and_then(|id| {
                state
                    .doc
                    .with(|d| d.customer(id).map(|c| (c.id, c.company_name.to_string())))
            })
    };
    view! {
        <PageTitle text=tr(|t| t.set_up_customer)/>
        <div class="page-header">
            <h1>{tr(|t| t.set_up_customer)}</h1>
        </div>
        <section class="empty-state">
            <h2>{move || customer().map(|(_, name)| name)}</h2>
            <p>{tr(|t| t.setup_coming)}</p>
            {move || {
                let back = customer().map(|(id, _)| format!("/customers/{id}")).unwrap_or_else(|| "/customers".into());
                view! { <A href=href(&back)>{tr(|t| t.all_customers)}</A> }
            }}
        </section>
    }
}
