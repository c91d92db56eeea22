use super::export::{export_requests, export_users_csv, file_slug, RequestsExport};
use super::fixes::{
    use_blockers, Blockers, CustomerEditor, Editing, LocationEditor, BLOCKERS_HEADING,
};
use super::users::CustomerUsers;
use super::{address_line, location_summary, offer_undo};
use crate::domain::customer::Customer;
use crate::domain::customer_edit::check_location_removal;
use crate::domain::document::Refused;
use crate::domain::ids::{CustomerId, LocationId};
use crate::domain::{Field, LocationField};
use crate::ui::browser::{focus_id, href, route_id};
use crate::ui::components::confirm::{use_confirm, ConfirmChoice, ConfirmRequest};
use crate::ui::components::summary::Row;
use crate::ui::components::table::ScrollTable;
use crate::ui::components::toast::use_toasts;
use crate::ui::components::{tr, RecordHeader};
use crate::ui::i18n::use_i18n;
use crate::ui::not_found::NotFoundView;
use crate::ui::provisioning::panel::ProvisioningPanel;
use crate::ui::provisioning::{provision, use_webex};
use crate::ui::state::{use_app, Refusal};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

#[component]
pub fn CustomerDetailPage() -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();
    let toasts = use_toasts();
    let confirm = use_confirm();
    let webex = use_webex();
    let navigate = use_navigate();
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
    let export_refused = RwSignal::new(false);
    let export = move |_| {
        let Some(customer) = found.get_untracked() else {
            return;
        };
        if !blockers.with_untracked(Vec::is_empty) {
            export_refused.set(true);
            focus_id(BLOCKERS_HEADING.to_string());
            return;
        }
        let prefix = format!(
            "webex-requests-{}",
            file_slug(customer.company_name.as_ref())
        );
        let export = RequestsExport {
            doc: state.doc.get_untracked(),
            ids: vec![customer.id],
            prefix,
        };
        leptos::task::spawn_local(async move {
            match export_requests(export).await {
                Some(done) if done.written > 0 => {
                    toasts.push((i18n.t().exports.requests_exported)(done.written))
                }
                Some(_) => {}
                None => toasts.push(i18n.t().customers.export_load_failed.into()),
            }
        });
    };
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

    // Why a location could not be removed (users are at it), until the next try.
    let location_refusal = RwSignal::new(None::<String>);
    let remove_location = move |id: CustomerId, location: LocationId| {
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

    let delete = move |id: CustomerId, name: String| {
        let t = i18n.t();
        let navigate = navigate.clone();
        if webex.running.with_untracked(|r| r.contains(&id)) {
            toasts.push(t.customers.delete_while_running.to_string());
            return;
        }
        // A customer Webex has is removed there too, unless the partner says otherwise.
        let in_webex = state.doc.with_untracked(|d| {
            d.customer(id).is_some_and(|c| {
                c.provisioning.customer_id.is_some() && !c.provisioning.not_in_webex
            })
        });
        let remove_in_webex = RwSignal::new(true);
        let choice = in_webex.then(|| ConfirmChoice {
            label: t.customers.also_remove_from_webex.into(),
            when_checked: t.customers.remove_from_webex_checked.into(),
            when_unchecked: t.customers.remove_from_webex_unchecked.into(),
            checked: remove_in_webex,
        });
        confirm.ask(ConfirmRequest {
            title: (t.customers.delete_customer_title)(&name),
            body: t.customers.delete_customer_body.into(),
            confirm_label: t.customers.delete_customer.into(),
            cancel_label: None,
            on_confirm: Callback::new(move |_| {
                if in_webex && remove_in_webex.get_untracked() {
                    // Saved first: the record goes once Webex confirms (`provision`).
                    let asked = state.try_commit(|d| d.start_removal(id));
                    if asked.is_ok() {
                        provision(state, webex, id, false);
                        toasts.push((i18n.t().customers.customer_removing)(&name));
                        navigate("/customers", Default::default());
                    }
                    return;
                }
                // Deleted in another tab meanwhile: gone all the same.
                let before = state.doc.with_untracked(|d| d.shared_customer(id));
                let deleted = state.try_commit(|d| d.delete_customer(id));
                if matches!(deleted, Ok(()) | Err(Refusal::Rule(Refused::NotFound))) {
                    state.remove(&crate::store::keys::setup_wizard(id));
                    let said = (i18n.t().customers.customer_deleted)(&name);
                    offer_undo(
                        state,
                        toasts,
                        i18n,
                        said,
                        before.filter(|_| deleted.is_ok()),
                    );
                    navigate("/customers", Default::default());
                }
            }),
            choice,
        });
    };

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
        let delete = delete.clone();
        let delete_name = name.clone();
        let remove_here_name = name.clone();
        let delete_here = delete.clone();
        let info_customer = customer.clone();
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
        let hq = customer.headquarters.details.clone();
        let status = customer.status();
        let locations: Vec<_> = customer
            .all_locations()
            .map(|l| l.details.clone())
            .collect();
        let users_customer = customer.clone();
        let blockers_customer = customer.clone();
        let editor_customer = customer.clone();
        let hq_id = customer.headquarters.id;
        let location_rows: Vec<_> = customer
            .all_locations()
            .map(|l| (l.id, l.details.name.to_string()))
            .collect();
        view! {
            <RecordHeader name back_to="/customers" back_label=|t| t.customers.all_customers>
                <A href=href(&format!("/customers/{id}/setup")) attr:class="button primary">
                    {tr(|t| t.customers.set_up_customer)}
                </A>
                <button type="button" class="secondary" on:click=export>
                    {tr(|t| t.exports.export_api_requests)}
                </button>
                <button
                    type="button"
                    class="secondary"
                    on:click=move |_| state.doc.with_untracked(|d| export_users_csv(d, id))
                >
                    {tr(|t| t.exports.export_users_csv)}
                </button>
                <button
                    type="button"
                    class="danger"
                    on:click=move |_| delete(id, delete_name.clone())
                >
                    {tr(|t| t.customers.delete_customer)}
                </button>
            </RecordHeader>
            <Show when=move || export_refused.get()>
                <p class="notice" role="alert">
                    {tr(|t| t.exports.blockers_export_first)}
                </p>
            </Show>
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
                on_remove_here=Callback::new({
                    let name = remove_here_name.clone();
                    move |_| delete_here(id, name.clone())
                })
            />
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
                            view! {
                                <CustomerEditor
                                    customer=info_customer.clone()
                                    on_done=done_editing
                                />
                            }
                        })
                }}
                <dl>
                    <Row
                        label=|t| t.customers.customer_admin_email
                        value=customer.admin_email.to_string()
                    />
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
                        value=Signal::derive(move || i18n.t().region(customer.region).to_string())
                    />
                    <Row
                        label=|t| t.customers.setup_state
                        value=Signal::derive(move || i18n.t().status(status).to_string())
                    />
                    <Row label=|t| t.templates.col_created value=customer.created_at.iso_date() />
                </dl>
            </section>
            <section class="summary-section" aria-labelledby="customer-headquarters">
                <header>
                    <h2 id="customer-headquarters">{tr(|t| t.customers.headquarters)}</h2>
                </header>
                <dl>{location_summary(hq)}</dl>
            </section>
            <section class="summary-section" aria-labelledby="customer-locations">
                <header>
                    <h2 id="customer-locations" tabindex="-1">
                        {tr(|t| t.customers.locations_title)}
                    </h2>
                </header>
                {move || match editing.get() {
                    Some(Editing::Location(location)) => {
                        Some(
                            view! {
                                <LocationEditor
                                    customer=editor_customer.clone()
                                    location
                                    on_done=done_editing
                                />
                            },
                        )
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
                                <th scope="col">{tr(|t| t.setup.col_actions)}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {locations
                                .into_iter()
                                .zip(location_rows)
                                .map(|(l, (location, name))| {
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
                                                                    .setup
                                                                    .remove_location_named)(&name)
                                                                on:click=move |_| remove_location(id, location)
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
            <section class="summary-section" aria-labelledby="customer-users">
                <header>
                    <h2 id="customer-users">{tr(|t| t.customers.users_title)}</h2>
                </header>
                <CustomerUsers customer=users_customer />
            </section>
        }
        .into_any()
    }
}
