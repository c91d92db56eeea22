//! The create-customer wizard: customer information, packages, headquarters, summary.

use crate::domain::customer::NewCustomer;
use crate::domain::customer_wizard::{CustomerDraft, CustomerStep, CustomerWizard};
use crate::domain::wizard::Form;
use crate::domain::{CustomerField, Document, Field};
use crate::store::keys;
use crate::ui::browser::{focus_heading_next, now, random_bytes};
use crate::ui::components::field::{bind_text, CheckboxField, SelectField, TextField};
use crate::ui::components::location_fields::LocationFields;
use crate::ui::components::summary::{Row, SummarySection};
use crate::ui::components::toast::use_toasts;
use crate::ui::components::wizard::{
    confirm_discard, restore, use_wizard, WizardFrame, WizardState,
};
use crate::ui::components::{tr, PageTitle, Text};
use crate::ui::customers::{location_summary, NeedTemplate, PackageChecklist};
use crate::ui::i18n::use_i18n;
use crate::ui::state::use_app;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};

fn step_title(step: CustomerStep) -> Text {
    match step {
        CustomerStep::CustomerInformation => |t| t.customers.step_customer_information,
        CustomerStep::Packages => |t| t.customers.step_packages,
        CustomerStep::HeadquartersLocation => |t| t.customers.step_headquarters,
        CustomerStep::Summary => |t| t.templates.step_summary,
    }
}

#[component]
pub fn NewCustomerPage() -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();
    let toasts = use_toasts();
    let navigate = use_navigate();
    // "Create customer from this template" names the template.
    let asked = use_query_map().with_untracked(|q| q.get("template"));
    let choose_asked = move |draft: &mut CustomerDraft| {
        if let Some(id) = &asked {
            state
                .doc
                .with_untracked(|d| draft.choose_template(&d.templates, id.clone()));
        }
    };
    let fresh = state.doc.with_untracked(|d| {
        let mut draft = CustomerDraft::new(&d.templates);
        choose_asked(&mut draft);
        CustomerWizard::new(draft)
    });
    let (stored, resume) =
        restore::<CustomerWizard>(keys::CUSTOMER_WIZARD, |_| true, |w| *w != fresh);
    let stored = stored.map(|mut w| {
        choose_asked(&mut w.draft);
        w
    });
    let form = use_wizard(
        keys::CUSTOMER_WIZARD.to_string(),
        stored.unwrap_or_else(|| fresh.clone()),
    );
    let wizard = form.wizard;
    let step = form.step;

    let forward = {
        let navigate = navigate.clone();
        Callback::new(move |_| {
            let navigate = navigate.clone();
            form.forward(
                |new: NewCustomer| {
                    let name = new.company_name.to_string();
                    let mut rng = random_bytes;
                    let saved = state.commit(|d| d.create_customer(new, &mut rng, now()));
                    saved.ok().map(|id| (id, name))
                },
                move |(id, name)| {
                    toasts.push((i18n.t().customers.customer_created)(&name));
                    focus_heading_next();
                    navigate(&format!("/customers/{id}"), Default::default());
                },
            )
        })
    };
    let cancel = Callback::new(move |_| {
        let navigate = navigate.clone();
        let pristine = wizard.with_untracked(|w| w.draft == fresh.draft);
        confirm_discard(
            |t| t.customers.discard_customer_title,
            pristine,
            move || {
                form.discard();
                navigate("/customers", Default::default());
            },
        );
    });

    let has_templates = move || state.doc.with(|d| !d.templates.is_empty());
    view! {
        <PageTitle text=tr(|t| t.customers.create_customer) />
        <div class="page-header">
            <h1>{tr(|t| t.customers.create_customer)}</h1>
        </div>
        <Show when=has_templates fallback=NeedTemplate>
            <WizardFrame
                form
                title=step_title
                resume
                final_label=|t| t.customers.create_customer
                on_forward=forward
                on_cancel=cancel
            >
                {move || match step.get() {
                    CustomerStep::CustomerInformation => {
                        view! { <InformationStep wizard /> }.into_any()
                    }
                    CustomerStep::Packages => view! { <PackagesStep wizard /> }.into_any(),
                    CustomerStep::HeadquartersLocation => {
                        view! { <HeadquartersStep wizard /> }.into_any()
                    }
                    CustomerStep::Summary => view! { <SummaryStep form /> }.into_any(),
                }}
            </WizardFrame>
        </Show>
    }
}

#[component]
fn InformationStep(wizard: RwSignal<CustomerWizard>) -> impl IntoView {
    let state = use_app();
    let (company, set_company) = bind_text(
        wizard,
        |w| w.draft.company_name.clone(),
        |w, v| w.draft.company_name = v,
    );
    let (email, set_email) = bind_text(
        wizard,
        |w| w.draft.admin_email.clone(),
        |w, v| w.draft.admin_email = v,
    );
    let template = Signal::derive(move || wizard.with(|w| w.draft.template.clone()));
    let set_template = Callback::new(move |id: String| {
        state
            .doc
            .with_untracked(|d| wizard.update(|w| w.draft.choose_template(&d.templates, id)))
    });
    let templates = Signal::derive(move || {
        state.doc.with(|d| {
            d.templates
                .iter()
                .map(|t| (t.id.to_string(), t.settings.name.to_string()))
                .collect()
        })
    });
    view! {
        <TextField
            field=Field::Customer(CustomerField::CompanyName)
            value=company
            on_input=set_company
            autocomplete="organization"
        />
        <TextField
            field=Field::Customer(CustomerField::AdminEmail)
            value=email
            on_input=set_email
            input_type="email"
        />
        <SelectField
            field=Field::Customer(CustomerField::Template)
            value=template
            on_change=set_template
            options=templates
        />
    }
}

#[component]
fn PackagesStep(wizard: RwSignal<CustomerWizard>) -> impl IntoView {
    view! {
        <PackageChecklist
            selected=Signal::derive(move || wizard.with(|w| w.draft.packages.clone()))
            on_toggle=Callback::new(move |(package, on)| {
                wizard.update(|w| w.draft.toggle_package(package, on))
            })
        />
    }
}

#[component]
fn HeadquartersStep(wizard: RwSignal<CustomerWizard>) -> impl IntoView {
    let i18n = use_i18n();
    let region = move || {
        wizard
            .with(|w| crate::domain::country::find(&w.draft.headquarters.country))
            .map(|c| {
                let t = i18n.t();
                view! {
                    <p class="callout info" role="status">
                        {(t.customers.data_region_of)(t.region(c.region))}
                    </p>
                }
            })
    };
    view! {
        <LocationFields
            form=wizard
            read=|w, _| Some(&w.draft.headquarters)
            write=|w, _| Some(&mut w.draft.headquarters)
        />
        {region}
        <CheckboxField
            field=Field::Customer(CustomerField::SupportedLocation)
            checked=Signal::derive(move || wizard.with(|w| w.draft.supported_location))
            on_change=Callback::new(move |on| wizard.update(|w| w.draft.supported_location = on))
        />
    }
}

#[component]
fn SummaryStep(form: WizardState<CustomerDraft>) -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();
    let parsed = Memo::new(move |_| {
        state.doc.with(|d| {
            form.wizard
                .with(|w| w.draft.parse(CustomerDraft::context(d)).ok())
        })
    });
    let edit = move |step: CustomerStep| Some(Callback::new(move |_| form.go_to(step)));
    let value = move |describe: fn(&crate::domain::customer::NewCustomer, &Document) -> String| {
        Signal::derive(move || {
            i18n.t();
            state
                .doc
                .with(|d| parsed.with(|p| p.as_ref().map(|c| describe(c, d)).unwrap_or_default()))
        })
    };
    view! {
        <SummarySection
            id="summary-information"
            title=|t| t.customers.step_customer_information
            on_edit=edit(CustomerStep::CustomerInformation)
        >
            <Row
                label=|t| t.customers.company_name
                value=value(|c, _| c.company_name.to_string())
            />
            <Row
                label=|t| t.customers.customer_admin_email
                value=value(|c, _| c.admin_email.to_string())
            />
            <Row
                label=|t| t.customers.template
                value=value(|c, d| {
                    d.template(c.template_id)
                        .map(|t| t.settings.name.to_string())
                        .unwrap_or_default()
                })
            />
        </SummarySection>
        <SummarySection
            id="summary-packages"
            title=|t| t.customers.step_packages
            on_edit=edit(CustomerStep::Packages)
        >
            <Row
                label=|t| t.customers.packages
                value=value(|c, _| {
                    c.packages.iter().map(|p| p.name()).collect::<Vec<_>>().join(", ")
                })
            />
        </SummarySection>
        <SummarySection
            id="summary-headquarters"
            title=|t| t.customers.step_headquarters
            on_edit=edit(CustomerStep::HeadquartersLocation)
        >
            {move || parsed.get().map(|c| location_summary(c.headquarters.clone()))}
            <Row
                label=|t| t.customers.data_region
                value=Signal::derive(move || {
                    let t = i18n.t();
                    parsed
                        .with(|p| {
                            p.as_ref().map(|c| t.region(c.region).to_string()).unwrap_or_default()
                        })
                })
            />
            <Row
                label=|t| t.customers.supported_location
                value=Signal::derive(move || i18n.t().customers.confirmed.to_string())
            />
        </SummarySection>
    }
}
