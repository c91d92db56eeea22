//! Onboarding templates: list, create/edit wizard, detail with its link to Partner Hub.

pub mod detail;
pub mod link;
pub mod list;
pub mod wizard;

use crate::domain::country;
use crate::domain::partner::PartnerOrg;
use crate::domain::pstn;
use crate::domain::template::{AuthKind, AuthMethod, TemplateSettings};
use crate::domain::template_wizard::TemplateStep;
use crate::ui::components::summary::{Row, SummarySection};
use crate::ui::components::Text;
use crate::ui::i18n::{use_i18n, Messages};
use crate::ui::state::use_app;
use leptos::prelude::*;

pub fn auth_label(t: &'static Messages, kind: AuthKind) -> &'static str {
    match kind {
        AuthKind::Webex => t.templates.auth_webex,
        AuthKind::Saml => t.templates.auth_saml,
        AuthKind::Oidc => t.templates.auth_oidc,
    }
}

pub fn country_label(t: &'static Messages, code: &str) -> String {
    country::find(code)
        .map(|c| t.country_name(c).to_string())
        .unwrap_or_else(|| code.to_string())
}

pub fn subscription_label(
    t: &'static Messages,
    partner: &PartnerOrg,
    s: &TemplateSettings,
) -> String {
    partner
        .subscription(s.subscription)
        .map(|s| s.name.to_string())
        .unwrap_or_else(|| t.common.unknown.into())
}

fn on_off(t: &'static Messages, value: bool) -> String {
    if value { t.common.on } else { t.common.off }.to_string()
}

type Describe = fn(&'static Messages, &PartnerOrg, &TemplateSettings) -> String;

/// A template's settings, one section per wizard step: the wizard's summary (with
/// "Edit" per section) and the detail page (without) both show them this way.
#[component]
pub fn TemplateSections(
    settings: Signal<Option<TemplateSettings>>,
    #[prop(optional)] on_edit: Option<Callback<TemplateStep>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let value = move |describe: Describe| {
        Signal::derive(move || {
            let t = i18n.t();
            state.doc.with(|d| {
                settings.with(|s| {
                    s.as_ref()
                        .map(|s| describe(t, &d.partner, s))
                        .unwrap_or_default()
                })
            })
        })
    };
    let section =
        move |id: &'static str, title: Text, step: TemplateStep, rows: Vec<(Text, Describe)>| {
            let rows = rows
                .into_iter()
                .map(|(label, describe)| {
                    let value = value(describe);
                    // A row that does not apply (the SAML entity ID of an OIDC template) says nothing.
                    view! {
                        <Show when=move || value.with(|v| !v.is_empty())>
                            <Row label value />
                        </Show>
                    }
                })
                .collect_view();
            let on_edit = on_edit.map(|edit| Callback::new(move |_| edit.run(step)));
            view! {
                <SummarySection id title on_edit=on_edit>
                    {rows}
                </SummarySection>
            }
        };
    let saml_entity_id: Describe = |_, _, s| match &s.auth {
        AuthMethod::Saml { idp_entity_id } => idp_entity_id.as_ref().into(),
        _ => String::new(),
    };
    let oidc_idp_name: Describe = |_, _, s| match &s.auth {
        AuthMethod::Oidc { idp_name } => idp_name.to_string(),
        _ => String::new(),
    };
    view! {
        {section(
            "summary-offer",
            |t| t.templates.step_offer,
            TemplateStep::Offer,
            vec![(|t| t.templates.offer_legend, |t, _, _| t.templates.offer_wholesale.into())],
        )}
        {section(
            "summary-primary",
            |t| t.templates.step_primary,
            TemplateStep::PrimarySettings,
            vec![
                (|t| t.templates.template_name, |_, _, s| s.name.to_string()),
                (|t| t.templates.country_or_region, |t, _, s| country_label(t, s.country.as_ref())),
                (
                    |t| t.templates.service_provider_admin,
                    |t, p, s| {
                        p.admin(s.admin)
                            .map(|a| format!("{} ({})", a.name, a.email))
                            .unwrap_or_else(|| t.common.unknown.into())
                    },
                ),
                (
                    |t| t.templates.default_email_language,
                    |_, _, s| s.email_language.display_name().into(),
                ),
                (|t| t.templates.wholesale_subscription, subscription_label),
            ],
        )}
        {section(
            "summary-authentication",
            |t| t.templates.step_authentication,
            TemplateStep::Authentication,
            vec![
                (
                    |t| t.templates.authentication_method,
                    |t, _, s| auth_label(t, s.auth.kind()).into(),
                ),
                (|t| t.templates.idp_entity_id, saml_entity_id),
                (|t| t.templates.oidc_idp_entity_id, oidc_idp_name),
            ],
        )}
        {section(
            "summary-calling",
            |t| t.templates.step_calling,
            TemplateStep::WholesaleCalling,
            vec![
                (
                    |t| t.templates.pstn_vendor,
                    |t, _, s| {
                        s.pstn_vendor
                            .as_deref()
                            .and_then(pstn::vendor_name)
                            .unwrap_or(t.common.not_set)
                            .into()
                    },
                ),
            ],
        )}
        {section(
            "summary-common",
            |t| t.templates.step_common,
            TemplateStep::CommonSettings,
            vec![
                (
                    |t| t.templates.restrict_admin_invites,
                    |t, _, s| on_off(t, s.restrict_admin_invites),
                ),
                (|t| t.templates.brand_name, |_, _, s| s.brand_name.to_string()),
                (
                    |t| t.templates.disable_webex_calling,
                    |t, _, s| on_off(t, s.disable_webex_calling),
                ),
                (
                    |t| t.templates.partner_hub_id,
                    |t, _, s| {
                        s.partner_hub_id
                            .as_ref()
                            .map_or_else(|| t.templates.not_linked.to_string(), |id| id.to_string())
                    },
                ),
            ],
        )}
    }
}
