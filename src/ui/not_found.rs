use crate::ui::browser::href;
use crate::ui::components::tr;
use crate::ui::components::PageTitle;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <PageTitle text=tr(|t| t.not_found_title)/>
        <section class="empty-state">
            <h1>{tr(|t| t.not_found_title)}</h1>
            <p>{tr(|t| t.not_found_body)}</p>
            <A href=href("/customers")>{tr(|t| t.go_to_customers)}</A>
        </section>
    }
}
