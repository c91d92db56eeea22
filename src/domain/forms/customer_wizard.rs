//! The create-customer wizard's draft: customer information, packages and the
//! headquarters, parsed against the document into a [`NewCustomer`], and the rules a
//! company name and an admin e-mail keep (shared with the edits of a created customer).

use crate::domain::customer::{CompanyName, Customer, NewCustomer};
use crate::domain::email::EmailAddress;
use crate::domain::error::Errors;
use crate::domain::ids::{CustomerId, TemplateId};
use crate::domain::location::LocationDraft;
use crate::domain::package::{self, Package};
use crate::domain::partner::PartnerOrg;
use crate::domain::pstn::NumberSource;
use crate::domain::template::OnboardingTemplate;
use crate::domain::text::{is_name, name_key};
use crate::domain::wizard::{Form, Wizard, WizardStep};
use crate::domain::{CustomerField, Document, Field, FieldError, LocationField, Problem};
use serde::{Deserialize, Serialize};

/// What a new customer must be unique among and may refer to.
#[derive(Clone, Copy)]
pub struct CustomerContext<'a> {
    pub partner: &'a PartnerOrg,
    pub templates: &'a [std::sync::Arc<OnboardingTemplate>],
    pub customers: &'a [std::sync::Arc<Customer>],
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CustomerStep {
    #[default]
    CustomerInformation,
    Packages,
    HeadquartersLocation,
    Summary,
}

impl WizardStep for CustomerStep {
    const ALL: &'static [CustomerStep] = &[
        Self::CustomerInformation,
        Self::Packages,
        Self::HeadquartersLocation,
        Self::Summary,
    ];

    fn of_field(field: Field) -> Option<Self> {
        Some(match field {
            Field::Customer(
                CustomerField::CompanyName | CustomerField::AdminEmail | CustomerField::Template,
            ) => Self::CustomerInformation,
            Field::Customer(CustomerField::Packages) => Self::Packages,
            Field::Location(_) | Field::Customer(CustomerField::SupportedLocation) => {
                Self::HeadquartersLocation
            }
            // The other forms' fields.
            Field::Template(_) | Field::User(_) | Field::Number(_) | Field::Partner(_) => {
                return None
            }
        })
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CustomerDraft {
    pub company_name: String,
    pub admin_email: String,
    pub template: String,
    pub packages: Vec<Package>,
    pub headquarters: LocationDraft,
    /// "This customer is in a Cisco Webex supported location".
    pub supported_location: bool,
}

/// A customer's admin e-mail: one mailbox, one Webex identity, so not an admin or user
/// of another customer (`except`: the customer whose e-mail is being changed).
pub fn parse_admin_email(
    raw: &str,
    customers: &[std::sync::Arc<Customer>],
    except: Option<CustomerId>,
) -> Result<EmailAddress, Problem> {
    let email = EmailAddress::parse(raw)?;
    let key = email.key();
    let taken = customers.iter().filter(|c| Some(c.id) != except).any(|c| {
        c.admin_email.is_mailbox(&key) || c.users.iter().any(|u| u.details.email.is_mailbox(&key))
    });
    if taken {
        Err(Problem::AlreadyUsed)
    } else {
        Ok(email)
    }
}

impl CustomerDraft {
    /// A new customer; the template is preselected when the partner has just one.
    pub fn new(templates: &[std::sync::Arc<OnboardingTemplate>]) -> Self {
        let mut draft = Self::default();
        if let [only] = templates {
            draft.choose_template(templates, only.id.to_string());
        }
        draft
    }

    /// Chooses the template (by id, as the form holds it). A headquarters without an
    /// address yet takes the template's country: the offer is for that country, and most
    /// customers are in it. A template naming a Cloud Connected PSTN vendor makes the
    /// headquarters' numbers come from an integrated provider, unless chosen already.
    pub fn choose_template(
        &mut self,
        templates: &[std::sync::Arc<OnboardingTemplate>],
        id: String,
    ) {
        let chosen = TemplateId::parse(&id).and_then(|id| templates.iter().find(|t| t.id == id));
        if let Some(template) = chosen {
            if self.headquarters.is_unaddressed() {
                let country = template.settings.country.as_ref().to_string();
                self.headquarters.set_country(country);
            }
            if self.headquarters.numbers.is_not_chosen() {
                self.headquarters.numbers =
                    NumberSource::for_template(template.settings.pstn_vendor.as_deref());
            }
        }
        self.template = id;
    }

    pub fn toggle_package(&mut self, package: Package, on: bool) {
        package::toggle(&mut self.packages, package, on);
    }
}

impl Form for CustomerDraft {
    type Step = CustomerStep;
    type Context<'a> = CustomerContext<'a>;
    type Parsed = NewCustomer;

    fn context(doc: &Document) -> CustomerContext<'_> {
        CustomerContext {
            partner: &doc.partner,
            templates: &doc.templates,
            customers: &doc.customers,
        }
    }

    fn parse(&self, ctx: CustomerContext) -> Result<NewCustomer, Vec<FieldError>> {
        let mut e = Errors::default();
        let company_name = e.check(
            Field::Customer(CustomerField::CompanyName),
            parse_company_name(&self.company_name, ctx.customers, None),
        );
        let admin_email = e.check(
            Field::Customer(CustomerField::AdminEmail),
            parse_admin_email(&self.admin_email, ctx.customers, None),
        );
        let template_id = e.check(Field::Customer(CustomerField::Template), {
            if self.template.trim().is_empty() {
                Err(Problem::Required)
            } else {
                TemplateId::parse(&self.template)
                    .filter(|id| ctx.templates.iter().any(|t| t.id == *id))
                    .ok_or(Problem::UnknownChoice)
            }
        });
        let packages = e.check(
            Field::Customer(CustomerField::Packages),
            package::check_selection(&self.packages),
        );
        let headquarters = e.absorb(self.headquarters.parse());
        // Data residency follows the headquarters' country and must be a region the partner serves.
        let region = headquarters.as_ref().and_then(|hq| {
            let region = hq.address.country.country().region;
            e.check(
                Field::Location(LocationField::Country),
                if ctx.partner.serves(region) {
                    Ok(region)
                } else {
                    Err(Problem::RegionNotServed { region })
                },
            )
        });
        if !self.supported_location {
            e.push(
                Field::Customer(CustomerField::SupportedLocation),
                Problem::MustConfirm,
            );
        }
        let customer = (|| {
            Some(NewCustomer {
                company_name: company_name?,
                admin_email: admin_email?,
                template_id: template_id?,
                packages: packages?,
                headquarters: headquarters?,
                region: region?,
            })
        })();
        customer
            .filter(|_| e.is_empty())
            .ok_or_else(|| e.into_vec())
    }
}

/// A company name by today's rules, unique (as names compare) among `customers` but
/// `except`, the customer being renamed.
pub fn parse_company_name(
    raw: &str,
    customers: &[std::sync::Arc<Customer>],
    except: Option<CustomerId>,
) -> Result<CompanyName, Problem> {
    let name = CompanyName::parse(raw)?;
    let key = name_key(name.as_ref());
    let taken = customers
        .iter()
        .any(|c| Some(c.id) != except && is_name(c.company_name.as_ref(), &key));
    if taken {
        Err(Problem::AlreadyUsed)
    } else {
        Ok(name)
    }
}

/// A create-customer wizard in progress.
pub type CustomerWizard = Wizard<CustomerDraft>;

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::domain::country::DataRegion;
    use crate::domain::document::Document;
    use crate::domain::location::tests::seoul_office;
    use crate::domain::template_wizard::{TemplateContext, TemplateDraft};
    use crate::domain::time::Timestamp;
    use proptest::prelude::*;

    /// A partner with one template, ready for customers.
    pub fn doc_with_template() -> Document {
        let mut doc = Document::sample();
        let p = &doc.partner;
        let draft = TemplateDraft {
            offer_chosen: true,
            name: "Gold".into(),
            country: "KR".into(),
            admin: p.admins[0].id.to_string(),
            email_language: "en_US".into(),
            subscription: p.subscriptions[0].id.to_string(),
            brand_name: "Northwind".into(),
            ..TemplateDraft::default()
        };
        let settings = draft
            .parse(TemplateContext {
                partner: p,
                templates: &[],
            })
            .unwrap();
        let mut n = 0u128;
        doc.create_template(
            settings,
            &mut || {
                n += 1;
                n.to_le_bytes()
            },
            Timestamp(0),
        );
        doc
    }

    pub fn valid_draft(doc: &Document) -> CustomerDraft {
        CustomerDraft {
            company_name: "Acme Dental".into(),
            admin_email: "it@acme-dental.example".into(),
            packages: vec![Package::WebexCalling, Package::WebexMeetings],
            headquarters: seoul_office(),
            supported_location: true,
            ..CustomerDraft::new(&doc.templates)
        }
    }

    fn ctx(doc: &Document) -> CustomerContext<'_> {
        CustomerDraft::context(doc)
    }

    fn problems(doc: &Document, draft: &CustomerDraft) -> Vec<(Field, Problem)> {
        draft
            .parse(ctx(doc))
            .unwrap_err()
            .into_iter()
            .map(|e| (e.field, e.problem))
            .collect()
    }

    #[test]
    fn every_field_belongs_to_one_step_before_the_summary() {
        let doc = doc_with_template();
        let reported = CustomerDraft::default()
            .parse(CustomerDraft::context(&doc))
            .unwrap_err();
        crate::domain::wizard::tests::assert_fields_placed::<CustomerStep>(
            &[
                Field::Customer(CustomerField::CompanyName),
                Field::Customer(CustomerField::AdminEmail),
                Field::Customer(CustomerField::Template),
                Field::Customer(CustomerField::Packages),
                Field::Location(LocationField::Name),
                Field::Location(LocationField::AddressLine1),
                Field::Location(LocationField::AddressLine2),
                Field::Location(LocationField::City),
                Field::Location(LocationField::State),
                Field::Location(LocationField::PostalCode),
                Field::Location(LocationField::Country),
                Field::Location(LocationField::TimeZone),
                Field::Location(LocationField::Language),
                Field::Location(LocationField::PstnConnection),
                Field::Location(LocationField::RoutingPrefix),
                Field::Customer(CustomerField::SupportedLocation),
            ],
            &reported,
        );
    }

    #[test]
    fn a_complete_draft_parses_with_the_region_of_its_country() {
        let doc = doc_with_template();
        let new = valid_draft(&doc).parse(ctx(&doc)).unwrap();
        assert_eq!(new.region, DataRegion::AsiaPacific);
        assert_eq!(
            new.template_id, doc.templates[0].id,
            "the only template is preselected"
        );
    }

    #[test]
    fn the_headquarters_starts_in_the_templates_country_until_it_has_an_address() {
        let doc = doc_with_template();
        let country = doc.templates[0].settings.country.as_ref().to_string();
        let id = doc.templates[0].id.to_string();
        let draft = CustomerDraft::new(&doc.templates);
        assert_eq!(
            draft.headquarters.country, country,
            "the only template, chosen"
        );
        assert!(
            !draft.headquarters.time_zone.is_empty(),
            "with its time zone"
        );

        let mut draft = CustomerDraft::default();
        draft.headquarters.set_country("GB".into());
        draft.choose_template(&doc.templates, id.clone());
        assert_eq!(
            draft.headquarters.country, country,
            "no address yet: it follows"
        );
        draft.headquarters.set_country("GB".into());
        draft.headquarters.city = "London".into();
        draft.choose_template(&doc.templates, String::new());
        draft.choose_template(&doc.templates, id.clone());
        assert_eq!(draft.headquarters.country, "GB", "an address given stays");
        assert_eq!(draft.template, id);
    }

    #[test]
    fn company_names_and_admin_emails_are_unique() {
        let mut doc = doc_with_template();
        let first = valid_draft(&doc).parse(ctx(&doc)).unwrap();
        doc.create_customer(first, &mut || [1; 16], Timestamp(1));
        let mut draft = valid_draft(&doc);
        draft.company_name = " ACME  dental ".into();
        draft.admin_email = "IT@acme-dental.example".into();
        assert_eq!(
            problems(&doc, &draft),
            vec![
                (
                    Field::Customer(CustomerField::CompanyName),
                    Problem::AlreadyUsed
                ),
                (
                    Field::Customer(CustomerField::AdminEmail),
                    Problem::AlreadyUsed
                )
            ]
        );
    }

    #[test]
    fn webex_refuses_a_percent_sign_in_the_company_name() {
        let doc = doc_with_template();
        let mut draft = valid_draft(&doc);
        draft.company_name = "100% Dental".into();
        assert_eq!(
            problems(&doc, &draft),
            vec![(
                Field::Customer(CustomerField::CompanyName),
                Problem::ForbiddenCharacter { ch: '%' }
            )]
        );
    }

    #[test]
    fn the_template_must_exist() {
        let doc = doc_with_template();
        let mut draft = valid_draft(&doc);
        draft.template = String::new();
        assert_eq!(
            problems(&doc, &draft),
            vec![(Field::Customer(CustomerField::Template), Problem::Required)]
        );
        draft.template = TemplateId::from_u128(77).to_string();
        assert_eq!(
            problems(&doc, &draft),
            vec![(
                Field::Customer(CustomerField::Template),
                Problem::UnknownChoice
            )]
        );
    }

    #[test]
    fn package_rules_apply() {
        let doc = doc_with_template();
        let mut draft = valid_draft(&doc);
        draft.packages.clear();
        assert_eq!(
            problems(&doc, &draft),
            vec![(Field::Customer(CustomerField::Packages), Problem::NoPackage)]
        );
        draft.toggle_package(Package::AttendantConsole, true);
        draft.toggle_package(Package::WebexVoice, true);
        assert_eq!(
            problems(&doc, &draft),
            vec![(
                Field::Customer(CustomerField::Packages),
                Problem::PackageNeeds {
                    package: Package::AttendantConsole,
                    one_of: Package::AttendantConsole.requires_one_of()
                }
            )]
        );
    }

    #[test]
    fn regions_the_partner_does_not_serve_are_refused() {
        let mut doc = doc_with_template();
        doc.set_region_served(DataRegion::AsiaPacific, false)
            .unwrap();
        let draft = valid_draft(&doc);
        assert_eq!(
            problems(&doc, &draft),
            vec![(
                Field::Location(LocationField::Country),
                Problem::RegionNotServed {
                    region: DataRegion::AsiaPacific
                }
            )]
        );
    }

    #[test]
    fn the_supported_location_must_be_confirmed() {
        let doc = doc_with_template();
        let mut draft = valid_draft(&doc);
        draft.supported_location = false;
        assert_eq!(
            problems(&doc, &draft),
            vec![(
                Field::Customer(CustomerField::SupportedLocation),
                Problem::MustConfirm
            )]
        );
    }

    #[test]
    fn next_checks_one_step_at_a_time() {
        let doc = doc_with_template();
        let mut wizard = CustomerWizard::new(CustomerDraft::new(&doc.templates));
        let errors = wizard.next(ctx(&doc)).unwrap_err();
        assert_eq!(
            errors.iter().map(|e| e.field).collect::<Vec<_>>(),
            vec![
                Field::Customer(CustomerField::CompanyName),
                Field::Customer(CustomerField::AdminEmail)
            ]
        );
        wizard.draft = valid_draft(&doc);
        wizard.draft.packages.clear();
        wizard.next(ctx(&doc)).unwrap();
        assert_eq!(
            wizard.next(ctx(&doc)).unwrap_err()[0].field,
            Field::Customer(CustomerField::Packages)
        );
        assert_eq!(wizard.step, CustomerStep::Packages);
    }

    proptest! {
        #[test]
        fn any_unique_company_name_and_address_is_accepted(
            name in "[A-Za-z][A-Za-z0-9 &.-]{0,40}",
            local in "[a-z]{1,10}",
            zip in "[0-9]{5}",
        ) {
            let doc = doc_with_template();
            let mut draft = valid_draft(&doc);
            draft.company_name = name;
            draft.admin_email = format!("{local}@example.com");
            draft.headquarters.postal_code = zip.clone();
            let new = draft.parse(ctx(&doc)).unwrap();
            prop_assert_eq!(new.headquarters.address.postal_code, Some(zip));
        }
    }
}
