//! The customer's locations: each one's address, time zone and PSTN connection, its
//! editor, and removing a branch no user is in (confirmed, with undo).

use crate::domain::customer::Customer;
use crate::domain::customer_edit::check_location_removal;
use crate::domain::ids::LocationId;
use crate::domain::{Field, LocationField};
use crate::ui::browser::focus_id;
use crate::ui::components::confirm::{use_confirm, ConfirmRequest};
use crate::ui::components::table::ScrollTable;
use crate::ui::components::toast::use_toasts;
use crate::ui::components::tr;
use crate::ui::customers::fixes::{Editing, LocationEditor};
use crate::ui::customers::{address_line, offer_undo};
use crate::ui::i18n::use_i18n;
use crate::ui::state::{use_app, Refusal};
use leptos::prelude::*;

#[component]
pub(super) fn LocationsSection(
    customer: Customer,
    editing: RwSignal<Option<Editing>>,
    on_done: Callback<()>,
    /// Why a location could not be removed (users are at it), until the next try (kept
    /// by the page, which draws this section again as the customer changes).
    location_refusal: RwSignal<Option<String>>,
) -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();
    let toasts = use_toasts();
    let confirm = use_confirm();
    let id = customer.id;
    let hq_id = customer.headquarters.id;
    let remove_location = move |location: LocationId| {
        let t = i18n.t();
        let checked = state.doc.with_untracked(|d| {
            let c = d.customer(id)?;
            let name = c.location(location)?.details.name.to_string();
            Some((name, check_location_removal(c, location)))
        });
        let Some((name, allowed)) = checked else {
            return;
        };
        if let Err(problem) = allowed {
            location_refusal.set(Some(
                t.problem(Field::Location(LocationField::Name), &problem),
            ));
            return;
        }
        location_refusal.set(None);
        confirm.ask(ConfirmRequest {
            title: (t.customers.remove_location_title)(&name),
            body: t.customers.remove_location_body.into(),
            confirm_label: t.common.remove.into(),
            cancel_label: None,
            on_confirm: Callback::new(move |_| {
                let before = state.doc.with_untracked(|d| d.shared_customer(id));
                match state.try_commit(|d| d.remove_location(id, location)) {
                    Ok(()) => {
                        let said = (i18n.t().customers.location_removed)(&name);
                        offer_undo(state, toasts, i18n, said, before);
                        focus_id("customer-locations".to_string());
                    }
                    Err(Refusal::Rule(problem)) => location_refusal.set(Some(
                        i18n.t()
                            .problem(Field::Location(LocationField::Name), &problem),
                    )),
                    Err(Refusal::NotSaved(_)) => {}
                }
            }),
            choice: None,
        });
    };

    let locations: Vec<_> = customer
        .all_locations()
        .map(|l| (l.id, l.details.name.to_string(), l.details.clone()))
        .collect();
    view! {
        <section class="summary-section" aria-labelledby="customer-locations">
            <header>
                <h2 id="customer-locations" tabindex="-1">
                    {tr(|t| t.customers.locations_title)}
                </h2>
            </header>
            {move || match editing.get() {
                Some(Editing::Location(location)) => {
                    Some(view! { <LocationEditor customer=customer.clone() location on_done /> })
                }
                _ => None,
            }}
            {move || {
                location_refusal
                    .get()
                    .map(|text| {
                        view! {
                            <p class="notice warning" role="alert">
                                {text}
                            </p>
                        }
                    })
            }}
            <ScrollTable>
                <table>
                    <thead>
                        <tr>
                            <th scope="col">{tr(|t| t.customers.location_name)}</th>
                            <th scope="col">{tr(|t| t.customers.address)}</th>
                            <th scope="col">{tr(|t| t.customers.time_zone)}</th>
                            <th scope="col">{tr(|t| t.customers.pstn_connection)}</th>
                            <th scope="col">{tr(|t| t.setup().col_actions)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {locations
                            .into_iter()
                            .map(|(location, name, l)| {
                                let remove_name = name.clone();
                                view! {
                                    <tr>
                                        <th scope="row">{l.name.to_string()}</th>
                                        <td>{move || address_line(i18n.t(), &l.address)}</td>
                                        <td>{move || i18n.t().zone_label(&l.time_zone)}</td>
                                        <td>{move || i18n.t().number_source(l.numbers)}</td>
                                        <td class="actions">
                                            <button
                                                type="button"
                                                class="link-button"
                                                aria-label=move || (i18n
                                                    .t()
                                                    .exports
                                                    .edit_location_named)(&name)
                                                on:click=move |_| {
                                                    editing.set(Some(Editing::Location(location)));
                                                    focus_id(
                                                        crate::ui::components::field::control_id(
                                                            crate::domain::Field::Location(LocationField::Name),
                                                            None,
                                                        ),
                                                    );
                                                }
                                            >
                                                {tr(|t| t.common.edit)}
                                            </button>
                                            {(location != hq_id)
                                                .then(|| {
                                                    let name = remove_name.clone();
                                                    view! {
                                                        <button
                                                            type="button"
                                                            class="link-button danger"
                                                            aria-label=move || (i18n
                                                                .t()
                                                                .setup()
                                                                .remove_location_named)(&name)
                                                            on:click=move |_| remove_location(location)
                                                        >
                                                            {tr(|t| t.common.remove)}
                                                        </button>
                                                    }
                                                })}
                                        </td>
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </ScrollTable>
        </section>
    }
}
