use crate::ui::browser::href;
use crate::ui::components::{tr, PageTitle, Text};
use leptos::prelude::*;
use leptos_router::components::A;

/// "Page not found" with what is missing and a way back.
#[component]
pub fn NotFoundView(body: Text, back_to: &'static str, back_label: Text) -> impl IntoView {
    view! {
        <PageTitle text=tr(|t| t.common.not_found_title) />
        <section class="empty-state">
            <h1>{tr(|t| t.common.not_found_title)}</h1>
            <p>{tr(body)}</p>
            <A href=href(back_to)>{tr(back_label)}</A>
        </section>
    }
}

/// The router's fallback for addresses that match no page.
#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <NotFoundView
            body=|t| t.common.not_found_body
            back_to="/customers"
            back_label=|t| t.common.go_to_customers
        />
    }
}
