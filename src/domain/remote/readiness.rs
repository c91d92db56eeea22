//! Whether a saved customer can be provisioned in Webex as it is, and if not, what
//! to fix first.
//!
//! The rules are the ones the wizards apply today, re-run on saved data: a customer
//! saved before a rule existed (a 60-character address line, "%" in its name) still
//! opens, and this module says what to fix before Webex is asked (the edits that fix
//! it are checked in `customer_edit`).

use crate::domain::customer::Customer;
use crate::domain::ids::{LocationId, TemplateId};
use crate::domain::location::LocationDraft;
use crate::domain::{CustomerField, Document, Field, LocationField, Problem, TemplateField};

/// Where a fix is needed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Place {
    /// The customer's information (company name, template).
    Customer,
    /// The headquarters or a branch.
    Location(LocationId),
    /// The customer's onboarding template (its link to Partner Hub).
    Template(TemplateId),
}

/// Where a customer is to be provisioned: what must hold first depends on it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Destination {
    /// The demo simulator: it accepts a template this app made and never linked.
    Simulator,
    /// The Webex API: the template must be linked to Partner Hub.
    Webex,
    /// "Export API requests": an unlinked template's ID is a named placeholder.
    Export,
}

/// Something Webex would refuse, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Blocker {
    pub place: Place,
    pub field: Field,
    pub problem: Problem,
}

/// Everything to fix before `customer` can be provisioned at `destination`; empty when
/// it is ready.
pub fn blockers_for(doc: &Document, customer: &Customer, destination: Destination) -> Vec<Blocker> {
    let mut found = blockers(doc, customer);
    if destination != Destination::Webex {
        return found;
    }
    // Only creating the customer needs its template's provisioning ID: one Webex has
    // already is updated, its users and changes sent, without it.
    let created = customer.provisioning.customer_id.is_some();
    if let Some(t) = doc.template(customer.template_id).filter(|_| !created) {
        if t.settings.partner_hub_id.is_none() {
            found.push(Blocker {
                place: Place::Template(t.id),
                field: Field::Template(TemplateField::PartnerHubId),
                problem: Problem::TemplateNotLinked,
            });
        }
    }
    // Adding numbers to a location with an integrated provider harms its data in
    // Webex: how numbers reach a location is chosen, never guessed.
    for location in customer.all_locations() {
        let numbered = customer.users.iter().any(|u| {
            u.details.location == location.id
                && u.details.package.is_calling()
                && u.details.phone.is_some()
        });
        if numbered && location.details.numbers.is_not_chosen() {
            found.push(Blocker {
                place: Place::Location(location.id),
                field: Field::Location(LocationField::PstnConnection),
                problem: Problem::PstnNotChosen,
            });
        }
    }
    found
}

/// What to fix before `customer` can be provisioned anywhere (its data as Webex's
/// rules see it); empty when it is ready.
pub fn blockers(doc: &Document, customer: &Customer) -> Vec<Blocker> {
    let mut found = Vec::new();
    let mut at = |place: Place, field: Field, problem: Problem| {
        found.push(Blocker {
            place,
            field,
            problem,
        })
    };
    if let Err(problem) = customer.company_name.check() {
        at(
            Place::Customer,
            Field::Customer(CustomerField::CompanyName),
            problem,
        );
    }
    if doc.template(customer.template_id).is_none() {
        at(
            Place::Customer,
            Field::Customer(CustomerField::Template),
            Problem::UnknownChoice,
        );
    }
    for location in customer.all_locations() {
        if let Err(errors) = LocationDraft::from_details(&location.details).parse() {
            for e in errors {
                at(Place::Location(location.id), e.field, e.problem);
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::customer_edit::{check_company_name, check_location_edit};
    use crate::domain::customer_wizard::tests::{doc_with_template, valid_draft};
    use crate::domain::customer_wizard::CustomerDraft;
    use crate::domain::ids::CustomerId;
    use crate::domain::pstn::NumberSource;
    use crate::domain::time::Timestamp;
    use crate::domain::wizard::Form;
    use crate::domain::FieldError;

    fn doc_with_customer() -> (Document, CustomerId) {
        let mut doc = doc_with_template();
        let new = valid_draft(&doc)
            .parse(CustomerDraft::context(&doc))
            .unwrap();
        let id = doc.create_customer(new, &mut || [7; 16], Timestamp(1));
        (doc, id)
    }

    /// A customer as an earlier version saved it: its JSON edited, then read back.
    fn saved_under_old_rules(
        doc: &mut Document,
        id: CustomerId,
        edit: impl Fn(&mut serde_json::Value),
    ) {
        let mut json = serde_json::to_value(doc.customer(id).unwrap()).unwrap();
        edit(&mut json);
        let old: Customer =
            serde_json::from_value(json).expect("data of an earlier version still opens");
        doc.customers = vec![std::sync::Arc::new(old)];
    }

    /// The customer with its admin set up as a calling user with a number at the
    /// headquarters, whose numbers' source is not chosen.
    fn with_numbered_admin(doc: &mut Document, id: CustomerId) {
        let customer = doc.customer(id).unwrap().clone();
        let mut draft = crate::domain::setup::SetupDraft::new(&customer);
        let admin = &mut draft.users[0];
        admin.first_name = "Ada".into();
        admin.last_name = "Admin".into();
        admin.phone = "+82 2 3000 0000".into();
        let setup = draft.parse(&*doc).unwrap();
        doc.apply_setup(setup, &mut || [8; 16], Timestamp(2))
            .unwrap();
    }

    #[test]
    fn webex_needs_to_know_how_numbers_reach_a_location_with_numbered_calling_users() {
        let (mut doc, id) = doc_with_customer();
        with_numbered_admin(&mut doc, id);
        let customer = doc.customer(id).unwrap().clone();
        let hq = customer.headquarters.id;
        let pstn = |c: &Customer| {
            blockers_for(&doc, c, Destination::Webex)
                .into_iter()
                .filter(|b| b.field == Field::Location(LocationField::PstnConnection))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            pstn(&customer),
            vec![Blocker {
                place: Place::Location(hq),
                field: Field::Location(LocationField::PstnConnection),
                problem: Problem::PstnNotChosen,
            }]
        );
        assert!(blockers_for(&doc, &customer, Destination::Simulator).is_empty());
        let mut chosen = customer.clone();
        chosen.headquarters.details.numbers = NumberSource::PartnerManaged;
        assert_eq!(pstn(&chosen), vec![]);

        // Extensions only, while a user there has a number: refused beside the choice.
        let mut draft = LocationDraft::from_details(&customer.headquarters.details);
        draft.numbers = NumberSource::ExtensionsOnly;
        assert_eq!(
            check_location_edit(&customer, hq, &draft).unwrap_err(),
            vec![FieldError::new(
                Field::Location(LocationField::PstnConnection),
                Problem::NumbersAtLocation { users: 1 }
            )]
        );
        draft.numbers = NumberSource::IntegratedProvider;
        let details = check_location_edit(&customer, hq, &draft).unwrap();
        doc.update_location(id, hq, details).unwrap();
        assert_eq!(
            doc.customer(id).unwrap().headquarters.details.numbers,
            NumberSource::IntegratedProvider
        );
    }

    #[test]
    fn a_template_naming_a_ccp_vendor_makes_the_headquarters_numbers_integrated() {
        let mut doc = doc_with_template();
        let template = std::sync::Arc::make_mut(&mut doc.templates[0]);
        template.settings.pstn_vendor = Some("bandwidth".into());
        let draft = CustomerDraft::new(&doc.templates);
        assert_eq!(draft.headquarters.numbers, NumberSource::IntegratedProvider);
    }

    #[test]
    fn a_customer_made_by_the_wizard_is_ready() {
        let (doc, id) = doc_with_customer();
        assert_eq!(blockers(&doc, doc.customer(id).unwrap()), vec![]);
    }

    #[test]
    fn webex_needs_the_template_linked_to_partner_hub_the_simulator_and_export_do_not() {
        let (mut doc, id) = doc_with_customer();
        let customer = doc.customer(id).unwrap().clone();
        let template = customer.template_id;
        for destination in [Destination::Simulator, Destination::Export] {
            assert_eq!(blockers_for(&doc, &customer, destination), vec![]);
        }
        assert_eq!(
            blockers_for(&doc, &customer, Destination::Webex),
            vec![Blocker {
                place: Place::Template(template),
                field: Field::Template(TemplateField::PartnerHubId),
                problem: Problem::TemplateNotLinked,
            }]
        );
        let linked = crate::domain::partner_hub::PartnerHubId::parse(
            "ZjViMzYxODctYzhkZC00NzI3LThiMmYtZjljNDQ3ZjI5MDQ2",
        )
        .unwrap();
        // A customer Webex has already: its changes go without the ID.
        let mut created = customer.clone();
        created.provisioning.customer_id = Some("c".into());
        assert_eq!(blockers_for(&doc, &created, Destination::Webex), vec![]);
        doc.link_template(template, linked, crate::domain::time::Timestamp(5))
            .unwrap();
        assert_eq!(blockers_for(&doc, &customer, Destination::Webex), vec![]);
    }

    #[test]
    fn data_saved_before_the_webex_rules_opens_and_says_what_to_fix() {
        let (mut doc, id) = doc_with_customer();
        let long_line = "1".repeat(60);
        saved_under_old_rules(&mut doc, id, |c| {
            c["company_name"] = "100% Dental".into();
            c["headquarters"]["details"]["address"]["line1"] = long_line.clone().into();
        });
        let customer = doc.customer(id).unwrap();
        let hq = Place::Location(customer.headquarters.id);
        assert_eq!(
            blockers(&doc, customer),
            vec![
                Blocker {
                    place: Place::Customer,
                    field: Field::Customer(CustomerField::CompanyName),
                    problem: Problem::ForbiddenCharacter { ch: '%' }
                },
                Blocker {
                    place: hq,
                    field: Field::Location(LocationField::AddressLine1),
                    problem: Problem::TooLong { max: 50 }
                },
            ]
        );
    }

    #[test]
    fn a_state_saved_as_its_name_is_read_as_its_code_and_an_unknown_one_must_be_fixed() {
        let (mut doc, id) = doc_with_customer();
        saved_under_old_rules(&mut doc, id, |c| {
            let address = &mut c["headquarters"]["details"]["address"];
            address["country"] = "US".into();
            address["state"] = "California".into();
            address["postal_code"] = "94105".into();
            c["headquarters"]["details"]["time_zone"] = "America/Los_Angeles".into();
        });
        let customer = doc.customer(id).unwrap();
        assert_eq!(blockers(&doc, customer), vec![]);
        assert_eq!(
            customer
                .headquarters
                .details
                .address
                .webex_state()
                .as_deref(),
            Some("CA")
        );

        saved_under_old_rules(&mut doc, id, |c| {
            c["headquarters"]["details"]["address"]["state"] = "Calif.".into();
        });
        let customer = doc.customer(id).unwrap();
        assert_eq!(
            blockers(&doc, customer)
                .iter()
                .map(|b| (b.field, b.problem.clone()))
                .collect::<Vec<_>>(),
            vec![(
                Field::Location(LocationField::State),
                Problem::UnknownSubdivision
            )]
        );
    }

    #[test]
    fn fixing_the_name_and_the_address_makes_the_customer_ready() {
        let (mut doc, id) = doc_with_customer();
        saved_under_old_rules(&mut doc, id, |c| {
            c["company_name"] = "100% Dental".into();
            c["headquarters"]["details"]["address"]["line1"] = "1".repeat(60).into();
        });
        assert_eq!(
            check_company_name(&doc, id, "100% Dental"),
            Err(Problem::ForbiddenCharacter { ch: '%' })
        );
        let name = check_company_name(&doc, id, "100 Percent Dental").unwrap();
        doc.rename_customer(id, name);

        let customer = doc.customer(id).unwrap().clone();
        let hq = customer.headquarters.id;
        let mut draft = LocationDraft::from_details(&customer.headquarters.details);
        draft.line1 = "110 Sejong-daero".into();
        draft.country = "JP".into();
        assert_eq!(
            check_location_edit(&customer, hq, &draft).unwrap_err()[0].field,
            Field::Location(LocationField::Country),
            "a location keeps its country"
        );
        draft.country = "KR".into();
        let details = check_location_edit(&customer, hq, &draft).unwrap();
        doc.update_location(id, hq, details).unwrap();
        assert_eq!(blockers(&doc, doc.customer(id).unwrap()), vec![]);
    }
}
