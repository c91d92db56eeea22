//! The template wizard's draft: offer, primary settings, authentication, wholesale
//! calling and common settings, parsed against the document into a template's
//! settings.

use crate::domain::country::CountryCode;
use crate::domain::error::Errors;
use crate::domain::ids::{AdminId, SubscriptionId, TemplateId};
use crate::domain::language::{self, LanguageTag};
use crate::domain::partner::PartnerOrg;
use crate::domain::partner_hub::PartnerHubId;
use crate::domain::pstn;
use crate::domain::template::{
    AuthKind, AuthMethod, BrandName, IdpEntityId, OidcIdpName, OnboardingTemplate, TemplateName,
    TemplateSettings,
};
use crate::domain::text::{is_name, name_key};
use crate::domain::wizard::{Form, Wizard, WizardStep};
use crate::domain::{Document, Field, FieldError, Problem, TemplateField};
use serde::{Deserialize, Serialize};

/// The wizard's steps, in order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TemplateStep {
    #[default]
    Offer,
    PrimarySettings,
    Authentication,
    WholesaleCalling,
    CommonSettings,
    Summary,
}

impl WizardStep for TemplateStep {
    const ALL: &'static [TemplateStep] = &[
        Self::Offer,
        Self::PrimarySettings,
        Self::Authentication,
        Self::WholesaleCalling,
        Self::CommonSettings,
        Self::Summary,
    ];

    fn of_field(field: Field) -> Option<Self> {
        let Field::Template(field) = field else {
            // The other forms' fields.
            return None;
        };
        Some(match field {
            TemplateField::Offer => Self::Offer,
            TemplateField::Name
            | TemplateField::Country
            | TemplateField::ServiceProviderAdmin
            | TemplateField::EmailLanguage
            | TemplateField::Subscription => Self::PrimarySettings,
            TemplateField::AuthMethod
            | TemplateField::SamlEntityId
            | TemplateField::OidcIdpName => Self::Authentication,
            TemplateField::PstnVendor => Self::WholesaleCalling,
            TemplateField::BrandName | TemplateField::PartnerHubId => Self::CommonSettings,
        })
    }
}

/// What a template must be unique among and may refer to.
#[derive(Clone, Copy)]
pub struct TemplateContext<'a> {
    pub partner: &'a PartnerOrg,
    pub templates: &'a [std::sync::Arc<OnboardingTemplate>],
}

/// The wizard's form: plain strings as the user typed or chose them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct TemplateDraft {
    /// "Webex for Wholesale" chosen (the only offer).
    pub offer_chosen: bool,
    pub name: String,
    pub country: String,
    pub admin: String,
    pub email_language: String,
    pub subscription: String,
    pub auth: AuthKind,
    pub saml_entity_id: String,
    pub oidc_idp_name: String,
    pub pstn_vendor: String,
    pub restrict_admin_invites: bool,
    pub brand_name: String,
    pub disable_webex_calling: bool,
    /// Pasted from Partner Hub; optional (it can be linked later on the template's page).
    pub partner_hub_id: String,
    /// The template being edited (which does not clash with itself); `None` for a new one.
    pub editing: Option<TemplateId>,
}

impl TemplateDraft {
    /// A new template: English e-mails and the partner's name as brand, the rest to choose.
    /// A new template's form; the email language starts as the partner's own (the
    /// app's language, `language`) until a country is chosen.
    pub fn new(partner: &PartnerOrg, language: &str) -> Self {
        Self {
            // The only offer: chosen already, shown so that the partner sees what it is.
            offer_chosen: true,
            email_language: language.into(),
            brand_name: partner.name.to_string(),
            ..Self::default()
        }
    }

    /// Chooses the country; the first one chosen also sets the email language to the
    /// country's, where it has one (a Korean offer mails in Korean).
    pub fn choose_country(&mut self, code: String) {
        if self.country.is_empty() {
            if let Some(language) = language::of_country(&code) {
                self.email_language = language.into();
            }
        }
        self.country = code;
    }

    /// The form for changing an existing template.
    pub fn from_template(t: &OnboardingTemplate) -> Self {
        Self {
            editing: Some(t.id),
            ..Self::from_settings(&t.settings)
        }
    }

    pub fn from_settings(s: &TemplateSettings) -> Self {
        let (saml_entity_id, oidc_idp_name) = match &s.auth {
            AuthMethod::Webex => (String::new(), String::new()),
            AuthMethod::Saml { idp_entity_id } => {
                (idp_entity_id.as_ref().to_string(), String::new())
            }
            AuthMethod::Oidc { idp_name } => (String::new(), idp_name.to_string()),
        };
        Self {
            offer_chosen: true,
            name: s.name.to_string(),
            country: s.country.as_ref().to_string(),
            admin: s.admin.to_string(),
            email_language: s.email_language.as_ref().to_string(),
            subscription: s.subscription.to_string(),
            auth: s.auth.kind(),
            saml_entity_id,
            oidc_idp_name,
            pstn_vendor: s.pstn_vendor.clone().unwrap_or_default(),
            restrict_admin_invites: s.restrict_admin_invites,
            brand_name: s.brand_name.to_string(),
            disable_webex_calling: s.disable_webex_calling,
            partner_hub_id: s
                .partner_hub_id
                .as_ref()
                .map(|id| id.to_string())
                .unwrap_or_default(),
            editing: None,
        }
    }
}

impl Form for TemplateDraft {
    type Step = TemplateStep;
    type Context<'a> = TemplateContext<'a>;
    type Parsed = TemplateSettings;

    fn context(doc: &Document) -> TemplateContext<'_> {
        TemplateContext {
            partner: &doc.partner,
            templates: &doc.templates,
        }
    }

    fn parse(&self, ctx: TemplateContext) -> Result<TemplateSettings, Vec<FieldError>> {
        let mut e = Errors::default();
        if !self.offer_chosen {
            e.push(Field::Template(TemplateField::Offer), Problem::Required);
        }
        let name = e.check(
            Field::Template(TemplateField::Name),
            TemplateName::parse(&self.name).and_then(|name| {
                let key = name_key(name.as_ref());
                let taken = ctx
                    .templates
                    .iter()
                    .any(|t| Some(t.id) != self.editing && is_name(t.settings.name.as_ref(), &key));
                if taken {
                    Err(Problem::AlreadyUsed)
                } else {
                    Ok(name)
                }
            }),
        );
        let country = e.check(
            Field::Template(TemplateField::Country),
            CountryCode::parse(&self.country),
        );
        let admin = e.check(
            Field::Template(TemplateField::ServiceProviderAdmin),
            choice(&self.admin, AdminId::parse, |id| {
                ctx.partner.admin(id).is_some()
            }),
        );
        let email_language = e.check(
            Field::Template(TemplateField::EmailLanguage),
            LanguageTag::parse(&self.email_language),
        );
        let subscription = e.check(
            Field::Template(TemplateField::Subscription),
            choice(&self.subscription, SubscriptionId::parse, |id| {
                ctx.partner.subscription(id).is_some()
            }),
        );
        let auth = match self.auth {
            AuthKind::Webex => Some(AuthMethod::Webex),
            AuthKind::Saml => e
                .check(
                    Field::Template(TemplateField::SamlEntityId),
                    IdpEntityId::parse(&self.saml_entity_id),
                )
                .map(|idp_entity_id| AuthMethod::Saml { idp_entity_id }),
            AuthKind::Oidc => e
                .check(
                    Field::Template(TemplateField::OidcIdpName),
                    OidcIdpName::parse(&self.oidc_idp_name),
                )
                .map(|idp_name| AuthMethod::Oidc { idp_name }),
        };
        let pstn_vendor = e.check(Field::Template(TemplateField::PstnVendor), {
            let key = self.pstn_vendor.trim();
            if key.is_empty() {
                Ok(None)
            } else if pstn::vendor_name(key).is_some() {
                Ok(Some(key.to_string()))
            } else {
                Err(Problem::UnknownChoice)
            }
        });
        let brand_name = e.check(
            Field::Template(TemplateField::BrandName),
            BrandName::parse(&self.brand_name),
        );
        let partner_hub_id = e.check(
            Field::Template(TemplateField::PartnerHubId),
            if self.partner_hub_id.trim().is_empty() {
                Ok(None)
            } else {
                check_partner_hub_id(ctx.templates, self.editing, &self.partner_hub_id).map(Some)
            },
        );

        // Every field parsed (each `?` holds) exactly when no error was recorded.
        let settings = (|| {
            Some(TemplateSettings {
                name: name?,
                country: country?,
                admin: admin?,
                email_language: email_language?,
                subscription: subscription?,
                auth: auth?,
                pstn_vendor: pstn_vendor?,
                restrict_admin_invites: self.restrict_admin_invites,
                brand_name: brand_name?,
                disable_webex_calling: self.disable_webex_calling,
                partner_hub_id: partner_hub_id?,
            })
        })();
        settings
            .filter(|_| e.is_empty())
            .ok_or_else(|| e.into_vec())
    }
}

/// A Partner Hub provisioning ID for template `editing` (`None` for a new one): valid,
/// and not linked to another template.
pub fn check_partner_hub_id(
    templates: &[std::sync::Arc<OnboardingTemplate>],
    editing: Option<TemplateId>,
    raw: &str,
) -> Result<PartnerHubId, Problem> {
    let id = PartnerHubId::parse(raw)?;
    let taken = templates
        .iter()
        .any(|t| Some(t.id) != editing && t.settings.partner_hub_id.as_ref() == Some(&id));
    if taken {
        Err(Problem::AlreadyUsed)
    } else {
        Ok(id)
    }
}

/// A choice among the partner's records: empty is "required", a stale id "unknown".
fn choice<T: Copy>(
    raw: &str,
    parse: fn(&str) -> Option<T>,
    exists: impl Fn(T) -> bool,
) -> Result<T, Problem> {
    if raw.trim().is_empty() {
        return Err(Problem::Required);
    }
    parse(raw)
        .filter(|id| exists(*id))
        .ok_or(Problem::UnknownChoice)
}

/// A template wizard in progress (creating or, with `draft.editing`, changing one).
pub type TemplateWizard = Wizard<TemplateDraft>;

/// Starts the wizard for a new template.
pub fn create_wizard(partner: &PartnerOrg, language: &str) -> TemplateWizard {
    Wizard::new(TemplateDraft::new(partner, language))
}

/// Starts the wizard for changing `template`, at its primary settings.
pub fn edit_wizard(template: &OnboardingTemplate) -> TemplateWizard {
    Wizard::at(
        TemplateStep::PrimarySettings,
        TemplateDraft::from_template(template),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ids::ProvisioningId;
    use crate::domain::time::Timestamp;

    #[test]
    fn the_email_language_follows_the_app_then_the_first_country_chosen() {
        let p = PartnerOrg::sample();
        let mut draft = TemplateDraft::new(&p, "ko_KR");
        assert_eq!(draft.email_language, "ko_KR");
        draft.choose_country("GB".into());
        assert_eq!(draft.email_language, "en_GB");
        draft.choose_country("DE".into());
        assert_eq!(
            draft.email_language, "en_GB",
            "only the first choice sets it"
        );
        let mut draft = TemplateDraft::new(&p, "en_US");
        draft.choose_country("KR".into());
        assert_eq!(draft.email_language, "ko_KR");
    }
    use proptest::prelude::*;

    fn partner() -> PartnerOrg {
        PartnerOrg::sample()
    }

    fn valid_draft(p: &PartnerOrg) -> TemplateDraft {
        TemplateDraft {
            offer_chosen: true,
            name: "Gold SMB".into(),
            country: "US".into(),
            admin: p.admins[0].id.to_string(),
            email_language: "en_US".into(),
            subscription: p.subscriptions[0].id.to_string(),
            auth: AuthKind::Webex,
            brand_name: "Northwind".into(),
            ..TemplateDraft::default()
        }
    }

    fn template_named(name: &str, p: &PartnerOrg) -> OnboardingTemplate {
        let ctx = TemplateContext {
            partner: p,
            templates: &[],
        };
        let mut draft = valid_draft(p);
        draft.name = name.into();
        OnboardingTemplate {
            id: TemplateId::from_u128(1),
            provisioning_id: ProvisioningId::from_u128(2),
            settings: draft.parse(ctx).unwrap(),
            created_at: Timestamp(0),
            updated_at: Timestamp(0),
        }
    }

    fn errors_of(
        draft: &TemplateDraft,
        templates: &[std::sync::Arc<OnboardingTemplate>],
        p: &PartnerOrg,
    ) -> Vec<FieldError> {
        draft
            .parse(TemplateContext {
                partner: p,
                templates,
            })
            .unwrap_err()
    }

    #[test]
    fn a_complete_draft_parses() {
        let p = partner();
        let ctx = TemplateContext {
            partner: &p,
            templates: &[],
        };
        let s = valid_draft(&p).parse(ctx).unwrap();
        assert_eq!(s.name.as_ref(), "Gold SMB");
        assert_eq!(s.auth, AuthMethod::Webex);
        assert!(!s.restrict_admin_invites && !s.disable_webex_calling);
    }

    #[test]
    fn a_new_draft_reports_each_missing_choice() {
        let p = partner();
        let fields: Vec<_> = errors_of(&TemplateDraft::new(&p, "en_US"), &[], &p)
            .iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(
            fields,
            vec![
                Field::Template(TemplateField::Name),
                Field::Template(TemplateField::Country),
                Field::Template(TemplateField::ServiceProviderAdmin),
                Field::Template(TemplateField::Subscription)
            ]
        );
    }

    #[test]
    fn names_are_unique_case_insensitively_and_trimmed() {
        let p = partner();
        let existing = [std::sync::Arc::new(template_named("Gold SMB", &p))];
        let mut draft = valid_draft(&p);
        draft.name = "  gold   smb ".into();
        assert_eq!(
            errors_of(&draft, &existing, &p),
            vec![FieldError::new(
                Field::Template(TemplateField::Name),
                Problem::AlreadyUsed
            )]
        );
        // ... but a template does not clash with itself when edited.
        draft.editing = Some(existing[0].id);
        let ctx = TemplateContext {
            partner: &p,
            templates: &existing,
        };
        assert!(draft.parse(ctx).is_ok());
    }

    #[test]
    fn names_and_brands_are_bounded() {
        let p = partner();
        let mut draft = valid_draft(&p);
        draft.name = "x".repeat(81);
        draft.brand_name = "   ".into();
        assert_eq!(
            errors_of(&draft, &[], &p),
            vec![
                FieldError::new(
                    Field::Template(TemplateField::Name),
                    Problem::TooLong { max: 80 }
                ),
                FieldError::new(Field::Template(TemplateField::BrandName), Problem::Required),
            ]
        );
        draft.name = "x".repeat(80);
        draft.brand_name = "b".repeat(65);
        assert_eq!(
            errors_of(&draft, &[], &p),
            vec![FieldError::new(
                Field::Template(TemplateField::BrandName),
                Problem::TooLong { max: 64 }
            )]
        );
    }

    #[test]
    fn saml_needs_an_absolute_uri() {
        let p = partner();
        let mut draft = valid_draft(&p);
        draft.auth = AuthKind::Saml;
        assert_eq!(
            errors_of(&draft, &[], &p),
            vec![FieldError::new(
                Field::Template(TemplateField::SamlEntityId),
                Problem::Required
            )]
        );
        for bad in [
            "idp.example.com",
            "https://",
            "https:///path",
            "http:example.com",
            "1http://x.com",
            "https://exa mple.com",
            "urn:",
        ] {
            draft.saml_entity_id = bad.into();
            assert_eq!(
                errors_of(&draft, &[], &p),
                vec![FieldError::new(
                    Field::Template(TemplateField::SamlEntityId),
                    Problem::NotAbsoluteUri
                )],
                "{bad}"
            );
        }
        for good in [
            "https://idp.example.com/saml/metadata",
            "urn:example:idp",
            "http://sts.example.net:8443/adfs/services/trust",
        ] {
            draft.saml_entity_id = good.into();
            let ctx = TemplateContext {
                partner: &p,
                templates: &[],
            };
            let s = draft.parse(ctx).unwrap();
            assert_eq!(
                s.auth,
                AuthMethod::Saml {
                    idp_entity_id: IdpEntityId::parse(good).unwrap()
                }
            );
        }
    }

    #[test]
    fn oidc_needs_an_idp_name_and_ignores_the_saml_field() {
        let p = partner();
        let mut draft = valid_draft(&p);
        draft.auth = AuthKind::Oidc;
        draft.saml_entity_id = "not a uri".into();
        assert_eq!(
            errors_of(&draft, &[], &p),
            vec![FieldError::new(
                Field::Template(TemplateField::OidcIdpName),
                Problem::Required
            )]
        );
        draft.oidc_idp_name = "northwind-oidc".into();
        assert!(draft
            .parse(TemplateContext {
                partner: &p,
                templates: &[],
            })
            .is_ok());
    }

    #[test]
    fn stale_choices_are_unknown() {
        let p = partner();
        let mut draft = valid_draft(&p);
        draft.admin = AdminId::from_u128(999).to_string();
        draft.subscription = "garbage".into();
        draft.pstn_vendor = "nobody".into();
        draft.country = "ZZ".into();
        let problems: Vec<_> = errors_of(&draft, &[], &p)
            .into_iter()
            .map(|e| (e.field, e.problem))
            .collect();
        assert_eq!(
            problems,
            vec![
                (
                    Field::Template(TemplateField::Country),
                    Problem::UnknownChoice
                ),
                (
                    Field::Template(TemplateField::ServiceProviderAdmin),
                    Problem::UnknownChoice
                ),
                (
                    Field::Template(TemplateField::Subscription),
                    Problem::UnknownChoice
                ),
                (
                    Field::Template(TemplateField::PstnVendor),
                    Problem::UnknownChoice
                ),
            ]
        );
    }

    #[test]
    fn next_stops_on_the_step_with_a_problem() {
        let p = partner();
        let ctx = TemplateContext {
            partner: &p,
            templates: &[],
        };
        let mut wizard = create_wizard(&p, "en_US");
        assert!(
            wizard.draft.offer_chosen,
            "the only offer is chosen already"
        );
        wizard.draft.offer_chosen = false;
        assert_eq!(
            wizard.next(ctx).unwrap_err(),
            vec![FieldError::new(
                Field::Template(TemplateField::Offer),
                Problem::Required
            )]
        );
        assert_eq!(wizard.step, TemplateStep::Offer);
        wizard.draft.offer_chosen = true;
        wizard.next(ctx).unwrap();
        assert_eq!(wizard.step, TemplateStep::PrimarySettings);
        assert_eq!(
            wizard.next(ctx).unwrap_err().len(),
            4,
            "name, country, admin, subscription"
        );
        wizard.draft = valid_draft(&p);
        for expected in [
            TemplateStep::Authentication,
            TemplateStep::WholesaleCalling,
            TemplateStep::CommonSettings,
            TemplateStep::Summary,
        ] {
            wizard.next(ctx).unwrap();
            assert_eq!(wizard.step, expected);
        }
        wizard.back();
        assert_eq!(wizard.step, TemplateStep::CommonSettings);
    }

    #[test]
    fn every_field_belongs_to_one_step_before_the_summary() {
        let doc = Document::sample();
        // An empty draft, and one with SAML chosen, report every rule's field between them.
        let mut reported = TemplateDraft::default()
            .parse(TemplateDraft::context(&doc))
            .unwrap_err();
        let saml = TemplateDraft {
            auth: AuthKind::Saml,
            ..TemplateDraft::default()
        };
        reported.extend(saml.parse(TemplateDraft::context(&doc)).unwrap_err());
        let pasted_own_id = TemplateDraft {
            partner_hub_id: "f5b36187-c8dd-4727-8b2f-f9c447f29046".into(),
            ..TemplateDraft::default()
        };
        reported.extend(
            pasted_own_id
                .parse(TemplateDraft::context(&doc))
                .unwrap_err(),
        );
        crate::domain::wizard::tests::assert_fields_placed::<TemplateStep>(
            &[
                Field::Template(TemplateField::Offer),
                Field::Template(TemplateField::Name),
                Field::Template(TemplateField::Country),
                Field::Template(TemplateField::ServiceProviderAdmin),
                Field::Template(TemplateField::EmailLanguage),
                Field::Template(TemplateField::Subscription),
                Field::Template(TemplateField::AuthMethod),
                Field::Template(TemplateField::SamlEntityId),
                Field::Template(TemplateField::OidcIdpName),
                Field::Template(TemplateField::PstnVendor),
                Field::Template(TemplateField::BrandName),
                Field::Template(TemplateField::PartnerHubId),
            ],
            &reported,
        );
    }

    #[test]
    fn settings_round_trip_through_the_draft() {
        let p = partner();
        let ctx = TemplateContext {
            partner: &p,
            templates: &[],
        };
        let mut draft = valid_draft(&p);
        draft.auth = AuthKind::Saml;
        draft.saml_entity_id = "https://idp.example.com".into();
        draft.pstn_vendor = "intelepeer".into();
        draft.restrict_admin_invites = true;
        let settings = draft.parse(ctx).unwrap();
        assert_eq!(
            TemplateDraft::from_settings(&settings).parse(ctx).unwrap(),
            settings
        );
    }

    #[test]
    fn a_partner_hub_id_is_optional_and_links_one_template_only() {
        let mut doc = Document::sample();
        let p = doc.partner.clone();
        let spec_example = "ZjViMzYxODctYzhkZC00NzI3LThiMmYtZjljNDQ3ZjI5MDQ2";
        let mut draft = valid_draft(&p);
        let unlinked = draft.parse(TemplateDraft::context(&doc)).unwrap();
        assert_eq!(unlinked.partner_hub_id, None, "optional in the wizard");
        draft.partner_hub_id = format!(" {spec_example} ");
        let linked = draft.parse(TemplateDraft::context(&doc)).unwrap();
        assert_eq!(
            linked.partner_hub_id.as_ref().unwrap().as_str(),
            spec_example
        );
        let mut ids = [1u8, 2, 3, 4].into_iter().map(|n| [n; 16]);
        let first = doc.create_template(linked, &mut || ids.next().unwrap(), Timestamp(1));

        // Another template may not take the same ID, in the wizard or on its page.
        draft.name = "Second".into();
        assert_eq!(
            draft.parse(TemplateDraft::context(&doc)).unwrap_err(),
            vec![FieldError::new(
                Field::Template(TemplateField::PartnerHubId),
                Problem::AlreadyUsed
            )]
        );
        draft.partner_hub_id.clear();
        let unlinked = draft.parse(TemplateDraft::context(&doc)).unwrap();
        let second = doc.create_template(unlinked, &mut || ids.next().unwrap(), Timestamp(2));
        assert_eq!(
            check_partner_hub_id(&doc.templates, Some(second), spec_example),
            Err(Problem::AlreadyUsed)
        );
        // The template itself keeps its own, and its edit form shows it.
        assert!(check_partner_hub_id(&doc.templates, Some(first), spec_example).is_ok());
        let editing = TemplateDraft::from_template(doc.template(first).unwrap());
        assert_eq!(editing.partner_hub_id, spec_example);
        assert!(editing.parse(TemplateDraft::context(&doc)).is_ok());
        // A copy is a new Partner Hub template: not linked.
        let copy = doc
            .duplicate_template(first, &mut || [9; 16], Timestamp(3))
            .unwrap();
        assert_eq!(doc.template(copy).unwrap().settings.partner_hub_id, None);
    }

    #[test]
    fn a_template_saved_before_partner_hub_links_opens_as_not_linked() {
        let p = partner();
        let settings = valid_draft(&p)
            .parse(TemplateContext {
                partner: &p,
                templates: &[],
            })
            .unwrap();
        let mut json = serde_json::to_value(&settings).unwrap();
        assert!(
            json.get("partner_hub_id").is_none(),
            "not written while unset"
        );
        json.as_object_mut().unwrap().remove("partner_hub_id");
        let old: TemplateSettings = serde_json::from_value(json).unwrap();
        assert_eq!(old.partner_hub_id, None);
    }

    proptest! {
        #[test]
        fn https_uris_with_plain_hosts_are_entity_ids(host in "[a-z][a-z0-9-]{0,20}(\\.[a-z]{2,6}){1,2}", path in "(/[a-zA-Z0-9_.-]{1,10}){0,3}") {
            let raw = format!("https://{host}{path}");
            prop_assert_eq!(IdpEntityId::parse(&raw).map(|id| id.as_ref().to_string()), Ok(raw));
        }

        #[test]
        fn text_without_a_colon_is_never_an_entity_id(raw in "[a-zA-Z0-9./_-]{1,40}") {
            prop_assert_eq!(IdpEntityId::parse(&raw), Err(Problem::NotAbsoluteUri));
        }

        #[test]
        fn valid_names_parse_to_their_folded_form(name in "[A-Za-z가-힣][A-Za-z0-9가-힣 ]{0,60}") {
            let p = partner();
            let ctx = TemplateContext { partner: &p, templates: &[] };
            let mut draft = valid_draft(&p);
            draft.name = name.clone();
            let settings = draft.parse(ctx).unwrap();
            prop_assert_eq!(settings.name.to_string(), name.split_whitespace().collect::<Vec<_>>().join(" "));
        }
    }
}
