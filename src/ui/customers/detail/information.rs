//! The customer's information (admin e-mail, template, packages, region, setup state,
//! created), with its editor.

use crate::domain::customer::Customer;
use crate::ui::browser::href;
use crate::ui::components::summary::Row;
use crate::ui::components::tr;
use crate::ui::customers::fixes::{CustomerEditor, Editing};
use crate::ui::i18n::use_i18n;
use crate::ui::state::use_app;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub(super) fn InformationSection(
    customer: Customer,
    editing: RwSignal<Option<Editing>>,
    on_done: Callback<()>,
) -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();
    let template = state.doc.with_untracked(|d| {
        d.template(customer.template_id)
            .map(|t| (t.id, t.settings.name.to_string()))
    });
    let packages = customer
        .packages
        .iter()
        .map(|p| p.name())
        .collect::<Vec<_>>()
        .join(", ");
    let status = customer.status();
    let region = customer.region;
    let admin_email = customer.admin_email.to_string();
    let created = customer.created_at.iso_date();
    view! {
        <section class="summary-section" aria-labelledby="customer-information">
            <header>
                <h2 id="customer-information" tabindex="-1">
                    {tr(|t| t.customers.step_customer_information)}
                </h2>
                <button
                    type="button"
                    class="link-button"
                    aria-label=tr(|t| t.exports.edit_customer_information)
                    on:click=move |_| editing.set(Some(Editing::Company))
                >
                    {tr(|t| t.common.edit)}
                </button>
            </header>
            {move || {
                (editing.get() == Some(Editing::Company))
                    .then(|| {
                        view! { <CustomerEditor customer=customer.clone() on_done /> }
                    })
            }}
            <dl>
                <Row label=|t| t.customers.customer_admin_email value=admin_email />
                <div class="row">
                    <dt>{tr(|t| t.customers.template)}</dt>
                    <dd>
                        {match template {
                            Some((tid, tname)) => {
                                view! { <A href=href(&format!("/templates/{tid}"))>{tname}</A> }
                                    .into_any()
                            }
                            None => view! { <span>{tr(|t| t.common.unknown)}</span> }.into_any(),
                        }}
                    </dd>
                </div>
                <Row label=|t| t.customers.packages value=packages />
                <Row
                    label=|t| t.customers.data_region
                    value=Signal::derive(move || i18n.t().region(region).to_string())
                />
                <Row
                    label=|t| t.customers.setup_state
                    value=Signal::derive(move || i18n.t().status(status).to_string())
                />
                <Row label=|t| t.templates.col_created value=created />
            </dl>
        </section>
    }
}
