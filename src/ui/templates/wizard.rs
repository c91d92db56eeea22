//! The create-template (and edit-template) wizard. The domain decides what is
//! valid; this file lays out the steps.

use super::detail::TemplateMissing;
use super::TemplateSections;
use crate::domain::ids::TemplateId;
use crate::domain::pstn::CCP_VENDORS;
use crate::domain::template::{AuthKind, TemplateSettings};
use crate::domain::template_wizard::{
    create_wizard, edit_wizard, TemplateDraft, TemplateStep, TemplateWizard,
};
use crate::domain::wizard::Form;
use crate::domain::{Field, TemplateField};
use crate::store::keys;
use crate::ui::browser::{focus_heading_next, now, random_bytes, route_id};
use crate::ui::components::field::{bind_text, RadioGroup, RadioOption, SelectField, TextField};
use crate::ui::components::location_fields::{country_choices, language_choices};
use crate::ui::components::switch::Switch;
use crate::ui::components::toast::use_toasts;
use crate::ui::components::wizard::{
    confirm_discard, restore, use_wizard, Resume, WizardFrame, WizardState,
};
use crate::ui::components::{tr, PageTitle, Text};
use crate::ui::i18n::use_i18n;
use crate::ui::state::{use_app, Refusal};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

fn step_title(step: TemplateStep) -> Text {
    match step {
        TemplateStep::Offer => |t| t.templates.step_offer,
        TemplateStep::PrimarySettings => |t| t.templates.step_primary,
        TemplateStep::Authentication => |t| t.templates.step_authentication,
        TemplateStep::WholesaleCalling => |t| t.templates.step_calling,
        TemplateStep::CommonSettings => |t| t.templates.step_common,
        TemplateStep::Summary => |t| t.templates.step_summary,
    }
}

#[component]
pub fn NewTemplatePage() -> impl IntoView {
    let state = use_app();
    let language = use_i18n().0.get_untracked().email_language();
    let fresh = state
        .doc
        .with_untracked(|d| create_wizard(&d.partner, language));
    let (stored, resume) = restore::<TemplateWizard>(
        keys::TEMPLATE_WIZARD,
        |w| w.draft.editing.is_none(),
        |w| *w != fresh,
    );
    view! {
        <TemplateWizardView
            initial=stored.unwrap_or_else(|| fresh.clone())
            pristine=fresh
            storage_key=keys::TEMPLATE_WIZARD.to_string()
            resume
        />
    }
}

#[component]
pub fn EditTemplatePage() -> impl IntoView {
    let state = use_app();
    let id = route_id(TemplateId::parse).get_untracked();
    let template = id.and_then(|id| state.doc.with_untracked(|d| d.template(id).cloned()));
    match template {
        None => view! { <TemplateMissing /> }.into_any(),
        Some(template) => {
            let key = keys::template_edit_wizard(template.id);
            let fresh = edit_wizard(&template);
            let (stored, resume) = restore::<TemplateWizard>(
                &key,
                |w| w.draft.editing == Some(template.id),
                |w| w.draft != fresh.draft,
            );
            view! {
                <TemplateWizardView
                    initial=stored.unwrap_or_else(|| fresh.clone())
                    pristine=fresh
                    storage_key=key
                    resume
                />
            }
            .into_any()
        }
    }
}

#[component]
fn TemplateWizardView(
    initial: TemplateWizard,
    /// The wizard as it was before the user changed anything (Cancel asks only after changes).
    pristine: TemplateWizard,
    storage_key: String,
    resume: Resume,
) -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();
    let toasts = use_toasts();
    let navigate = use_navigate();
    let editing = initial.draft.editing;
    let form = use_wizard(storage_key, initial);
    let wizard = form.wizard;
    let step = form.step;

    let forward = {
        let navigate = navigate.clone();
        Callback::new(move |_| {
            let navigate = navigate.clone();
            form.forward(
                |settings: TemplateSettings| {
                    let name = settings.name.to_string();
                    let saved = match editing {
                        Some(id) => {
                            match state.try_commit(|d| d.update_template(id, settings, now())) {
                                Ok(()) => Some(id),
                                Err(Refusal::Rule(refused)) => {
                                    toasts.push(i18n.t().refused(refused));
                                    None
                                }
                                // The storage alert says why and what to do.
                                Err(Refusal::NotSaved(_)) => None,
                            }
                        }
                        None => {
                            let mut rng = random_bytes;
                            state
                                .commit(|d| d.create_template(settings, &mut rng, now()))
                                .ok()
                        }
                    };
                    saved.map(|id| (id, name))
                },
                move |(id, name)| {
                    let t = i18n.t();
                    let message = if editing.is_some() {
                        t.templates.template_saved
                    } else {
                        t.templates.template_created
                    };
                    toasts.push(message(&name));
                    focus_heading_next();
                    navigate(&format!("/templates/{id}"), Default::default());
                },
            )
        })
    };
    let cancel = Callback::new(move |_| {
        let navigate = navigate.clone();
        let pristine = wizard.with_untracked(|w| w.draft == pristine.draft);
        confirm_discard(
            |t| t.templates.discard_draft_title,
            pristine,
            move || {
                form.discard();
                let to = editing
                    .map(|id| format!("/templates/{id}"))
                    .unwrap_or_else(|| "/templates".into());
                navigate(&to, Default::default());
            },
        );
    });

    let title = move || {
        if editing.is_some() {
            i18n.t().templates.edit_template_title
        } else {
            i18n.t().templates.create_template
        }
    };
    let final_label: Text = if editing.is_some() {
        |t| t.common.save_changes
    } else {
        |t| t.common.submit
    };

    view! {
        <PageTitle text=title />
        <div class="page-header">
            <h1>{title}</h1>
        </div>
        <WizardFrame form title=step_title resume final_label on_forward=forward on_cancel=cancel>
            {move || match step.get() {
                TemplateStep::Offer => view! { <OfferStep wizard /> }.into_any(),
                TemplateStep::PrimarySettings => view! { <PrimaryStep wizard /> }.into_any(),
                TemplateStep::Authentication => view! { <AuthenticationStep wizard /> }.into_any(),
                TemplateStep::WholesaleCalling => view! { <CallingStep wizard /> }.into_any(),
                TemplateStep::CommonSettings => view! { <CommonStep wizard /> }.into_any(),
                TemplateStep::Summary => view! { <SummaryStep form /> }.into_any(),
            }}
        </WizardFrame>
    }
}

#[component]
fn OfferStep(wizard: RwSignal<TemplateWizard>) -> impl IntoView {
    view! {
        <RadioGroup
            field=Field::Template(TemplateField::Offer)
            name="offer"
            options=vec![
                RadioOption {
                    value: "wholesale",
                    id: "offer-wholesale",
                    label: |t| t.templates.offer_wholesale,
                    hint: |t| t.templates.offer_wholesale_hint,
                },
            ]
            value=Signal::derive(move || {
                if wizard.with(|w| w.draft.offer_chosen) {
                    "wholesale".into()
                } else {
                    String::new()
                }
            })
            on_change=Callback::new(move |_| wizard.update(|w| w.draft.offer_chosen = true))
        />
    }
}

#[component]
fn PrimaryStep(wizard: RwSignal<TemplateWizard>) -> impl IntoView {
    let state = use_app();
    let (name, set_name) = bind_text(wizard, |w| w.draft.name.clone(), |w, v| w.draft.name = v);
    let country = Signal::derive(move || wizard.with(|w| w.draft.country.clone()));
    let set_country =
        Callback::new(move |code: String| wizard.update(|w| w.draft.choose_country(code)));
    let (admin, set_admin) = bind_text(wizard, |w| w.draft.admin.clone(), |w, v| w.draft.admin = v);
    let (language, set_language) = bind_text(
        wizard,
        |w| w.draft.email_language.clone(),
        |w, v| w.draft.email_language = v,
    );
    let (subscription, set_subscription) = bind_text(
        wizard,
        |w| w.draft.subscription.clone(),
        |w, v| w.draft.subscription = v,
    );
    let countries = country_choices();
    let admins = Signal::derive(move || {
        state.doc.with(|d| {
            d.partner
                .admins
                .iter()
                .map(|a| (a.id.to_string(), format!("{} ({})", a.name, a.email)))
                .collect()
        })
    });
    let languages = language_choices();
    let subscriptions = Signal::derive(move || {
        state.doc.with(|d| {
            d.partner
                .subscriptions
                .iter()
                .map(|s| (s.id.to_string(), s.name.to_string()))
                .collect()
        })
    });
    view! {
        <TextField field=Field::Template(TemplateField::Name) value=name on_input=set_name />
        <SelectField
            field=Field::Template(TemplateField::Country)
            value=country
            on_change=set_country
            options=countries
        />
        <SelectField
            field=Field::Template(TemplateField::ServiceProviderAdmin)
            value=admin
            on_change=set_admin
            options=admins
        />
        <SelectField
            field=Field::Template(TemplateField::EmailLanguage)
            value=language
            on_change=set_language
            options=languages
        />
        <SelectField
            field=Field::Template(TemplateField::Subscription)
            value=subscription
            on_change=set_subscription
            options=subscriptions
        />
    }
}

#[component]
fn AuthenticationStep(wizard: RwSignal<TemplateWizard>) -> impl IntoView {
    let (entity_id, set_entity_id) = bind_text(
        wizard,
        |w| w.draft.saml_entity_id.clone(),
        |w, v| w.draft.saml_entity_id = v,
    );
    let (idp_name, set_idp_name) = bind_text(
        wizard,
        |w| w.draft.oidc_idp_name.clone(),
        |w, v| w.draft.oidc_idp_name = v,
    );
    let kind = Signal::derive(move || wizard.with(|w| w.draft.auth));
    let value = Signal::derive(move || {
        match kind.get() {
            AuthKind::Webex => "webex",
            AuthKind::Saml => "saml",
            AuthKind::Oidc => "oidc",
        }
        .to_string()
    });
    let on_change = Callback::new(move |value: String| {
        let kind = match value.as_str() {
            "saml" => AuthKind::Saml,
            "oidc" => AuthKind::Oidc,
            _ => AuthKind::Webex,
        };
        wizard.update(|w| w.draft.auth = kind);
    });
    view! {
        <RadioGroup
            field=Field::Template(TemplateField::AuthMethod)
            name="auth"
            options=vec![
                RadioOption {
                    value: "webex",
                    id: "auth-webex",
                    label: |t| t.templates.auth_webex,
                    hint: |t| t.templates.auth_webex_hint,
                },
                RadioOption {
                    value: "saml",
                    id: "auth-saml",
                    label: |t| t.templates.auth_saml,
                    hint: |t| t.templates.auth_saml_hint,
                },
                RadioOption {
                    value: "oidc",
                    id: "auth-oidc",
                    label: |t| t.templates.auth_oidc,
                    hint: |t| t.templates.auth_oidc_hint,
                },
            ]
            value
            on_change
        />
        <Show when=move || kind.get() == AuthKind::Saml>
            <TextField
                field=Field::Template(TemplateField::SamlEntityId)
                value=entity_id
                on_input=set_entity_id
                hint=|t| t.templates.idp_entity_id_hint
                input_type="url"
            />
        </Show>
        <Show when=move || kind.get() == AuthKind::Oidc>
            <TextField
                field=Field::Template(TemplateField::OidcIdpName)
                value=idp_name
                on_input=set_idp_name
                hint=|t| t.templates.oidc_idp_entity_id_hint
            />
        </Show>
    }
}

#[component]
fn CallingStep(wizard: RwSignal<TemplateWizard>) -> impl IntoView {
    let (vendor, set_vendor) = bind_text(
        wizard,
        |w| w.draft.pstn_vendor.clone(),
        |w, v| w.draft.pstn_vendor = v,
    );
    let vendors = Signal::derive(|| {
        CCP_VENDORS
            .iter()
            .map(|(key, name)| (key.to_string(), name.to_string()))
            .collect()
    });
    view! {
        <SelectField
            field=Field::Template(TemplateField::PstnVendor)
            value=vendor
            on_change=set_vendor
            options=vendors
            empty=|t| t.templates.pstn_none
        />
        <p
            class="callout warning"
            role="note"
            class:emphasised=move || vendor.with(|v| !v.is_empty())
        >
            {tr(|t| t.templates.pstn_warning)}
        </p>
    }
}

#[component]
fn CommonStep(wizard: RwSignal<TemplateWizard>) -> impl IntoView {
    let (brand, set_brand) = bind_text(
        wizard,
        |w| w.draft.brand_name.clone(),
        |w, v| w.draft.brand_name = v,
    );
    let (partner_hub_id, set_partner_hub_id) = bind_text(
        wizard,
        |w| w.draft.partner_hub_id.clone(),
        |w, v| w.draft.partner_hub_id = v,
    );
    view! {
        <Switch
            id="restrict-admin-invites"
            label=|t| t.templates.restrict_admin_invites
            hint=|t| t.templates.restrict_admin_invites_hint
            checked=Signal::derive(move || wizard.with(|w| w.draft.restrict_admin_invites))
            on_change=Callback::new(move |on| {
                wizard.update(|w| w.draft.restrict_admin_invites = on)
            })
        />
        <TextField
            field=Field::Template(TemplateField::BrandName)
            value=brand
            on_input=set_brand
            hint=|t| t.templates.brand_name_hint
        />
        <Switch
            id="disable-webex-calling"
            label=|t| t.templates.disable_webex_calling
            hint=|t| t.templates.disable_webex_calling_hint
            checked=Signal::derive(move || wizard.with(|w| w.draft.disable_webex_calling))
            on_change=Callback::new(move |on| wizard.update(|w| w.draft.disable_webex_calling = on))
        />
        <TextField
            field=Field::Template(TemplateField::PartnerHubId)
            value=partner_hub_id
            on_input=set_partner_hub_id
            hint=|t| t.templates.partner_hub_id_hint
            autocomplete="off"
        />
    }
}

#[component]
fn SummaryStep(form: WizardState<TemplateDraft>) -> impl IntoView {
    let state = use_app();
    let settings = Signal::derive(move || {
        state.doc.with(|d| {
            form.wizard
                .with(|w| w.draft.parse(TemplateDraft::context(d)).ok())
        })
    });
    let on_edit = Callback::new(move |step: TemplateStep| form.go_to(step));
    view! { <TemplateSections settings on_edit /> }
}
