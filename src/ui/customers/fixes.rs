//! What a saved customer must fix before Webex would provision it, and the two editors
//! that fix it or change the customer later: its information (company name, admin
//! e-mail, packages), and a location's address. Both apply the wizards' rules
//! (`domain::readiness`, `domain::customer_edit`); an editor shows its form's problems
//! as soon as it opens, since it is often opened to fix them.

use crate::domain::customer::Customer;
use crate::domain::customer_edit;
use crate::domain::customer_edit::{admin_email_fixed, check_customer_edit, CustomerEdit};
use crate::domain::ids::LocationId;
use crate::domain::location::LocationDraft;
use crate::domain::readiness::{self, Blocker, Destination, Place};
use crate::domain::{CustomerField, Document, Field, FieldError, Problem};
use crate::ui::browser::focus_id;
use crate::ui::components::field::{control_id, error_control_id, provide_form_errors, TextField};
use crate::ui::components::location_fields::LocationFields;
use crate::ui::components::toast::use_toasts;
use crate::ui::components::{tr, Text};
use crate::ui::customers::PackageChecklist;
use crate::ui::i18n::{use_i18n, Messages};
use crate::ui::provisioning::{use_webex, Mode};
use crate::ui::state::{use_app, Refusal};
use crate::ui::templates::country_label;
use crate::ui::templates::link::LINK_QUERY;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

/// Which editor is open on the customer's page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Editing {
    Company,
    Location(LocationId),
}

pub const BLOCKERS_HEADING: &str = "customer-blockers";

/// The place of a blocker, as a person names it: "Customer information", "location “Busan”".
fn place_name(t: &'static Messages, doc: &Document, customer: &Customer, place: Place) -> String {
    match place {
        Place::Customer => t.customers.step_customer_information.to_string(),
        Place::Template(id) => doc
            .template(id)
            .map(|tpl| (t.exports.template_named)(tpl.settings.name.as_ref()))
            .unwrap_or_default(),
        Place::Location(id) => customer
            .location(id)
            .map(|l| (t.exports.location_named)(l.details.name.as_ref()))
            .unwrap_or_default(),
    }
}

/// The list of fixes, each with a button that opens its editor at the field.
#[component]
pub fn Blockers(
    customer: Customer,
    blockers: Vec<Blocker>,
    editing: RwSignal<Option<Editing>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let navigate = use_navigate();
    let customer = StoredValue::new(customer);
    let items = blockers
        .into_iter()
        .map(|b| {
            let Blocker {
                place,
                field,
                problem,
            } = b;
            let what = move || {
                let t = i18n.t();
                format!("{}: {}", t.field_label(field), t.problem(field, &problem))
            };
            let where_ = move || {
                state
                    .doc
                    .with(|d| customer.with_value(|c| place_name(i18n.t(), d, c, place)))
            };
            let navigate = navigate.clone();
            let label = move || {
                let t = i18n.t();
                (t.exports.fix_named)(t.field_label(field), &where_())
            };
            let open = move |_| {
                editing.set(Some(match place {
                    Place::Customer => Editing::Company,
                    Place::Location(id) => Editing::Location(id),
                    // Linked on the template's page, which opens at its field.
                    Place::Template(id) => {
                        navigate(&format!("/templates/{id}?{LINK_QUERY}"), Default::default());
                        return;
                    }
                }));
                focus_id(control_id(field, None));
            };
            view! {
                <li>
                    <span class="blocker-place">{where_}</span>
                    " — "
                    {what}
                    " "
                    <button type="button" class="link-button" aria-label=label on:click=open>
                        {tr(|t| t.exports.fix)}
                    </button>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="summary-section blockers" aria-labelledby=BLOCKERS_HEADING>
            <header>
                <h2 id=BLOCKERS_HEADING tabindex="-1">
                    {tr(|t| t.exports.blockers_title)}
                </h2>
            </header>
            <p>{tr(|t| t.exports.blockers_intro)}</p>
            <ul>{items}</ul>
        </section>
    }
}

/// Everything to fix on `customer` before it goes where the Webex connection points,
/// kept current with the saved data and the settings.
pub fn use_blockers(customer: Memo<Option<Customer>>) -> Memo<Vec<Blocker>> {
    let state = use_app();
    let webex = use_webex();
    Memo::new(move |_| {
        let destination = webex.settings.with(|s| match s.mode {
            Mode::Demo => Destination::Simulator,
            Mode::Api => Destination::Webex,
        });
        // The saved customer: the page's copy has no provisioning (and whether Webex has
        // the customer already decides what it needs).
        let id = customer.with(|c| c.as_ref().map(|c| c.id));
        state.doc.with(|d| {
            id.and_then(|id| d.customer(id))
                .map(|c| readiness::blockers_for(d, c, destination))
                .unwrap_or_default()
        })
    })
}

/// Edits the customer's information: company name, admin e-mail (read-only once the
/// admin is a user) and packages (`domain::customer_edit`).
#[component]
pub fn CustomerEditor(customer: Customer, on_done: Callback<()>) -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();
    let toasts = use_toasts();
    let id = customer.id;
    // The saved record: the page's copy has no provisioning.
    let saved = state.doc.with_untracked(|d| d.customer(id).cloned());
    let email_fixed = admin_email_fixed(saved.as_ref().unwrap_or(&customer)).map(|why| -> Text {
        if why == Problem::AdminInWebex {
            |t| t.customers.admin_email_in_webex
        } else {
            |t| t.customers.admin_email_fixed
        }
    });
    let form = RwSignal::new(CustomerEdit::of(&customer));
    let errors = Memo::new(move |_| {
        state
            .doc
            .with(|d| form.with(|f| check_customer_edit(d, id, f).err().unwrap_or_default()))
    });
    provide_form_errors(errors.into());
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let edit = form.get_untracked();
        let mut refusal = None;
        let saved = state.try_commit(|d| {
            let change = check_customer_edit(d, id, &edit)?;
            let name = change.company_name.to_string();
            d.apply_customer_edit(id, change).map_err(|refused| {
                refusal = Some(refused);
                Vec::new()
            })?;
            Ok::<_, Vec<FieldError>>(name)
        });
        if let Some(refused) = refusal {
            toasts.push(i18n.t().refused(refused));
        }
        match saved {
            Ok(name) => {
                toasts.push((i18n.t().exports.changes_saved)(&name));
                on_done.run(());
            }
            Err(Refusal::Rule(errors)) => {
                if let Some(first) = errors.first() {
                    focus_id(error_control_id(first));
                }
            }
            Err(Refusal::NotSaved(_)) => {}
        }
    };
    let text = |get: fn(&CustomerEdit) -> &String, put: fn(&mut CustomerEdit) -> &mut String| {
        (
            Signal::derive(move || form.with(|f| get(f).clone())),
            Callback::new(move |v: String| form.update(|f| *put(f) = v)),
        )
    };
    let (name, set_name) = text(|f| &f.company_name, |f| &mut f.company_name);
    let (email, set_email) = text(|f| &f.admin_email, |f| &mut f.admin_email);
    view! {
        <form
            class="record-editor"
            novalidate
            on:submit=save
            aria-labelledby="company-editor-title"
        >
            <h3 id="company-editor-title">{tr(|t| t.exports.edit_customer_information)}</h3>
            <TextField
                field=Field::Customer(CustomerField::CompanyName)
                value=name
                on_input=set_name
            />
            {if let Some(why) = email_fixed {
                view! {
                    <TextField
                        field=Field::Customer(CustomerField::AdminEmail)
                        value=email
                        on_input=set_email
                        input_type="email"
                        readonly=true
                        hint=why
                    />
                }
                    .into_any()
            } else {
                view! {
                    <TextField
                        field=Field::Customer(CustomerField::AdminEmail)
                        value=email
                        on_input=set_email
                        input_type="email"
                    />
                }
                    .into_any()
            }}
            <PackageChecklist
                selected=Signal::derive(move || form.with(|f| f.packages.clone()))
                on_toggle=Callback::new(move |(package, on)| {
                    form.update(|f| f.toggle_package(package, on))
                })
            />
            <EditorActions on_done />
        </form>
    }
}

/// Edits a saved location's name and address (not its country).
#[component]
pub fn LocationEditor(
    customer: Customer,
    location: LocationId,
    on_done: Callback<()>,
) -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();
    let toasts = use_toasts();
    let Some(saved) = customer.location(location) else {
        return ().into_any();
    };
    let title = saved.details.name.to_string();
    let country = country_label(i18n.t(), saved.details.address.country.as_ref());
    let form = RwSignal::new(LocationDraft::from_details(&saved.details));
    let customer_id = customer.id;
    let errors = Memo::new(move |_| {
        state.doc.with(|d| {
            let Some(c) = d.customer(customer_id) else {
                return Vec::new();
            };
            form.with(|f| {
                customer_edit::check_location_edit(c, location, f)
                    .err()
                    .unwrap_or_default()
            })
        })
    });
    provide_form_errors(errors.into());
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let draft = form.get_untracked();
        let mut refusal = None;
        let saved = state.try_commit(|d| {
            let c = d.customer(customer_id).ok_or_else(Vec::new)?;
            let details = customer_edit::check_location_edit(c, location, &draft)?;
            let name = details.name.to_string();
            d.update_location(customer_id, location, details)
                .map_err(|refused| {
                    refusal = Some(refused);
                    Vec::new()
                })?;
            Ok::<_, Vec<FieldError>>(name)
        });
        if let Some(refused) = refusal {
            toasts.push(i18n.t().refused(refused));
        }
        match saved {
            Ok(name) => {
                toasts.push((i18n.t().exports.changes_saved)(&name));
                on_done.run(());
            }
            Err(Refusal::Rule(errors)) => {
                if let Some(first) = errors.first() {
                    focus_id(error_control_id(first));
                }
            }
            Err(Refusal::NotSaved(_)) => {}
        }
    };
    view! {
        <form
            class="record-editor"
            novalidate
            on:submit=save
            aria-labelledby="location-editor-title"
        >
            <h3 id="location-editor-title">
                {move || (i18n.t().exports.edit_location_named)(&title)}
            </h3>
            <div class="row-fields">
                <LocationFields
                    form
                    read=|d, _| Some(d)
                    write=|d, _| Some(d)
                    country_fixed=country
                />
            </div>
            <EditorActions on_done />
        </form>
    }
    .into_any()
}

/// "Cancel" and "Save changes" under a record's editor on the customer page.
#[component]
pub(super) fn EditorActions(on_done: Callback<()>) -> impl IntoView {
    view! {
        <div class="form-actions">
            <button type="button" class="secondary" on:click=move |_| on_done.run(())>
                {tr(|t| t.common.cancel)}
            </button>
            <button type="submit" class="primary">
                {tr(|t| t.common.save_changes)}
            </button>
        </div>
    }
}
