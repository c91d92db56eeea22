use crate::ui::i18n::use_i18n;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

#[component]
pub fn NotFound() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Title text=move || i18n.t().not_found_title/>
        <section class="empty-state">
            <h1>{move || i18n.t().not_found_title}</h1>
            <p>{move || i18n.t().not_found_body}</p>
            <A href="/customers">{move || i18n.t().go_to_customers}</A>
        </section>
    }
}
