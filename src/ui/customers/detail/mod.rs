//! A customer's page: its header and actions, what to fix before Webex is asked, the
//! provisioning panel, and its information, headquarters, locations and users, each a
//! section of its own.

mod delete;
mod header;
mod information;
mod locations;

use super::fixes::{use_blockers, Blockers, Editing};
use super::location_summary;
use super::users::{CustomerUsers, EditingUser};
use crate::domain::customer::Customer;
use crate::domain::ids::CustomerId;
use crate::domain::{Field, LocationField};
use crate::ui::browser::{focus_id, route_id};
use crate::ui::components::tr;
use crate::ui::not_found::NotFoundView;
use crate::ui::provisioning::panel::ProvisioningPanel;
use crate::ui::state::use_app;
use delete::use_delete_customer;
use header::DetailHeader;
use information::InformationSection;
use leptos::prelude::*;
use locations::LocationsSection;

#[component]
pub fn CustomerDetailPage() -> impl IntoView {
    let state = use_app();
    let delete = use_delete_customer();
    let id = route_id(CustomerId::parse);
    // The page without its provisioning progress, which the panel follows on its own:
    // a run's progress does not redraw the page (nor move focus off its buttons).
    let found = Memo::new(move |_| {
        id.get().and_then(|id| {
            state.doc.with(|d| {
                d.customer(id).map(|c| Customer {
                    provisioning: Default::default(),
                    ..c.clone()
                })
            })
        })
    });
    let blockers = use_blockers(found);
    let editing = RwSignal::new(None::<Editing>);
    // The user editor, which the check's report opens too.
    provide_context(EditingUser(RwSignal::new(None)));
    // Kept here, not in the sections, which are drawn again as the customer changes.
    let export_refused = RwSignal::new(false);
    let location_refusal = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        if blockers.with(Vec::is_empty) {
            export_refused.set(false);
        }
    });
    // Closing an editor returns focus to its section's heading, where it was opened.
    let done_editing = Callback::new(move |_| {
        let heading = match editing.get_untracked() {
            Some(Editing::Company) => "customer-information",
            _ => "customer-locations",
        };
        editing.set(None);
        focus_id(heading.to_string());
    });

    move || {
        let Some(customer) = found.get() else {
            return view! {
                <NotFoundView
                    body=|t| t.customers.customer_not_found
                    back_to="/customers"
                    back_label=|t| t.customers.all_customers
                />
            }
            .into_any();
        };
        let id = customer.id;
        let name = customer.company_name.to_string();
        let hq_id = customer.headquarters.id;
        let hq = customer.headquarters.details.clone();
        // One "Delete customer" for the header and the panel's "Delete here".
        let on_delete = {
            let (delete, name) = (delete.clone(), name.clone());
            Callback::new(move |_| delete(id, name.clone()))
        };
        let blockers_customer = customer.clone();
        view! {
            <DetailHeader id name blockers export_refused on_delete />
            {move || {
                let list = blockers.get();
                (!list.is_empty())
                    .then(|| {
                        view! {
                            <Blockers customer=blockers_customer.clone() blockers=list editing />
                        }
                    })
            }}
            <ProvisioningPanel
                customer=id
                blocked=Signal::derive(move || !blockers.with(Vec::is_empty))
                on_fix_address=Callback::new(move |_| {
                    editing.set(Some(Editing::Location(hq_id)));
                    focus_id(
                        crate::ui::components::field::control_id(
                            Field::Location(LocationField::AddressLine1),
                            None,
                        ),
                    );
                })
                on_remove_here=on_delete
            />
            <InformationSection customer=customer.clone() editing on_done=done_editing />
            <section class="summary-section" aria-labelledby="customer-headquarters">
                <header>
                    <h2 id="customer-headquarters">{tr(|t| t.customers.headquarters)}</h2>
                </header>
                <dl>{location_summary(hq)}</dl>
            </section>
            <LocationsSection
                customer=customer.clone()
                editing
                on_done=done_editing
                location_refusal
            />
            <section class="summary-section" aria-labelledby="customer-users">
                <header>
                    <h2 id="customer-users">{tr(|t| t.customers.users_title)}</h2>
                </header>
                <CustomerUsers customer />
            </section>
        }
        .into_any()
    }
}
