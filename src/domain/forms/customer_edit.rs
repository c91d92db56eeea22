//! Changes to a saved customer: its information — the company name, the admin e-mail
//! (until the admin is set up as a user), the packages (adding is always allowed;
//! removing is refused while users hold the package or another package needs it) —
//! and its locations (an address checked by today's rules; a branch no user is in can
//! be removed).

use crate::domain::changes::Key;
use crate::domain::customer::{CompanyName, Customer};
use crate::domain::customer_wizard::{parse_admin_email, parse_company_name};
use crate::domain::document::Refused;
use crate::domain::email::EmailAddress;
use crate::domain::error::Errors;
use crate::domain::ids::{CustomerId, LocationId, UserId};
use crate::domain::location::{LocationDetails, LocationDraft};
use crate::domain::package::{self, Package};
use crate::domain::pstn::NumberSource;
use crate::domain::text::{is_name, name_key};
use crate::domain::user::UserDetails;
use crate::domain::{CustomerField, Document, Field, FieldError, LocationField, Problem};

/// The customer-information editor's form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CustomerEdit {
    pub company_name: String,
    pub admin_email: String,
    pub packages: Vec<Package>,
}

/// A checked [`CustomerEdit`], ready to apply.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CustomerChange {
    pub company_name: CompanyName,
    pub admin_email: EmailAddress,
    pub packages: Vec<Package>,
}

impl CustomerEdit {
    /// The form as the customer is now.
    pub fn of(customer: &Customer) -> Self {
        Self {
            company_name: customer.company_name.to_string(),
            admin_email: customer.admin_email.to_string(),
            packages: customer.packages.clone(),
        }
    }

    pub fn toggle_package(&mut self, package: Package, on: bool) {
        package::toggle(&mut self.packages, package, on);
    }
}

/// Why the admin e-mail can no longer change, if it cannot: the admin is a user, or
/// Webex has the customer (and knows its admin by the e-mail).
pub fn admin_email_fixed(customer: &Customer) -> Option<Problem> {
    if customer.provisioning.customer_id.is_some() {
        Some(Problem::AdminInWebex)
    } else if customer.admin_user().is_some() {
        Some(Problem::AdminSetUp)
    } else {
        None
    }
}

/// Checks an edit of customer `id` against today's rules and the other customers.
pub fn check_customer_edit(
    doc: &Document,
    id: CustomerId,
    edit: &CustomerEdit,
) -> Result<CustomerChange, Vec<FieldError>> {
    let Some(customer) = doc.customer(id) else {
        return Err(vec![FieldError::new(
            Field::Customer(CustomerField::CompanyName),
            Problem::UnknownChoice,
        )]);
    };
    let mut e = Errors::default();
    let company_name = e.check(
        Field::Customer(CustomerField::CompanyName),
        check_company_name(doc, id, &edit.company_name),
    );
    let admin_email = e.check(Field::Customer(CustomerField::AdminEmail), {
        let unchanged = EmailAddress::parse(&edit.admin_email)
            .is_ok_and(|email| email.key() == customer.admin_email.key());
        if unchanged {
            Ok(customer.admin_email.clone())
        } else if let Some(why) = admin_email_fixed(customer) {
            Err(why)
        } else {
            parse_admin_email(&edit.admin_email, &doc.customers, Some(id))
        }
    });
    let packages = e.check(
        Field::Customer(CustomerField::Packages),
        package::check_selection(&edit.packages).and_then(|packages| {
            // A package users hold stays.
            let removed = customer.packages.iter().filter(|p| !packages.contains(p));
            for &package in removed {
                let users = users_where(customer, |u| u.package == package);
                if users > 0 {
                    return Err(Problem::PackageInUse { package, users });
                }
            }
            Ok(packages)
        }),
    );
    match (company_name, admin_email, packages) {
        (Some(company_name), Some(admin_email), Some(packages)) if e.is_empty() => {
            Ok(CustomerChange {
                company_name,
                admin_email,
                packages,
            })
        }
        _ => Err(e.into_vec()),
    }
}

/// How many of the customer's users `holds`.
fn users_where(customer: &Customer, holds: impl Fn(&UserDetails) -> bool) -> usize {
    customer.users.iter().filter(|u| holds(&u.details)).count()
}

/// Whether a location of the customer can be removed: a branch no user is in.
pub fn check_location_removal(customer: &Customer, location: LocationId) -> Result<(), Problem> {
    if customer.headquarters.id == location {
        return Err(Problem::Headquarters);
    }
    if customer.location(location).is_none() {
        return Err(Problem::UnknownChoice);
    }
    let users = users_where(customer, |u| u.location == location);
    if users > 0 {
        return Err(Problem::LocationInUse { users });
    }
    Ok(())
}

impl Document {
    /// Applies a checked edit (see [`check_customer_edit`]).
    pub fn apply_customer_edit(
        &mut self,
        id: CustomerId,
        change: CustomerChange,
    ) -> Result<(), Refused> {
        let c = self.customer_mut(id).ok_or(Refused::NotFound)?;
        c.not_under_run(Key::Packages)?;
        c.change_tracked(Key::Packages, |c| {
            c.company_name = change.company_name;
            c.admin_email = change.admin_email;
            c.packages = change.packages;
        });
        Ok(())
    }

    /// Removes a branch no user is in.
    pub fn remove_location(&mut self, id: CustomerId, location: LocationId) -> Result<(), Problem> {
        let c = self.customer_mut(id).ok_or(Problem::UnknownChoice)?;
        check_location_removal(c, location)?;
        c.locations.retain(|l| l.id != location);
        Ok(())
    }
}

/// A new company name for a saved customer: today's rules, unique among the others.
pub fn check_company_name(
    doc: &Document,
    customer: CustomerId,
    raw: &str,
) -> Result<CompanyName, Problem> {
    parse_company_name(raw, &doc.customers, Some(customer))
}

/// A saved location's new details: today's rules, its name unique within the customer,
/// and its country unchanged (its users' numbers and the data region follow it).
pub fn check_location_edit(
    customer: &Customer,
    location: LocationId,
    draft: &LocationDraft,
) -> Result<LocationDetails, Vec<FieldError>> {
    let Some(saved) = customer.location(location) else {
        return Err(vec![FieldError::new(
            Field::Location(LocationField::Name),
            Problem::UnknownChoice,
        )]);
    };
    let mut e = Errors::default();
    if draft.country != saved.details.address.country.as_ref() {
        e.push(
            Field::Location(LocationField::Country),
            Problem::UnknownChoice,
        );
    }
    let details = e.absorb(draft.parse());
    if draft.numbers == NumberSource::ExtensionsOnly {
        let users = customer
            .users
            .iter()
            .filter(|u| u.details.location == location && u.details.phone.is_some())
            .count();
        if users > 0 {
            e.push(
                Field::Location(LocationField::PstnConnection),
                Problem::NumbersAtLocation { users },
            );
        }
    }
    if let Some(d) = &details {
        let key = name_key(d.name.as_ref());
        let taken = customer
            .all_locations()
            .any(|l| l.id != location && is_name(l.details.name.as_ref(), &key));
        if taken {
            e.push(Field::Location(LocationField::Name), Problem::AlreadyUsed);
        }
        // Routing prefixes tell locations apart: one each, and one where the location's
        // extensions repeat another's.
        let field = Field::Location(LocationField::RoutingPrefix);
        match &d.routing_prefix {
            Some(prefix) if customer.routing_prefix_used(prefix, location) => {
                e.push(field, Problem::AlreadyUsed)
            }
            None if customer.extensions_need_prefix(location) => e.push(field, Problem::Required),
            _ => {}
        }
    }
    details.filter(|_| e.is_empty()).ok_or_else(|| e.into_vec())
}

impl Document {
    /// Replaces a user's details (checked with `user_rules::check_edit`).
    pub fn update_user(
        &mut self,
        customer: CustomerId,
        user: UserId,
        details: UserDetails,
    ) -> Result<(), Refused> {
        let c = self.customer_mut(customer).ok_or(Refused::NotFound)?;
        c.not_under_run(Key::User(user))?;
        c.change_tracked(Key::User(user), |c| {
            let found = c.users.iter_mut().find(|u| u.id == user);
            found.ok_or(Refused::NotFound)?.details = details;
            Ok(())
        })
    }

    /// Removes a user; the customer's own admin stays.
    pub fn remove_user(&mut self, customer: CustomerId, user: UserId) -> Result<(), Refused> {
        let c = self.customer_mut(customer).ok_or(Refused::NotFound)?;
        if c.admin_user().is_some_and(|a| a.id == user) {
            return Err(Refused::CustomerAdmin);
        }
        c.not_under_run(Key::User(user))?;
        let at = c
            .users
            .iter()
            .position(|u| u.id == user)
            .ok_or(Refused::NotFound)?;
        // Webex keeps the user until the change is applied.
        c.change_tracked(Key::User(user), |c| c.users.remove(at));
        Ok(())
    }

    /// Renames a customer (checked with [`check_company_name`]).
    pub fn rename_customer(&mut self, id: CustomerId, name: CompanyName) {
        if let Some(c) = self.customer_mut(id) {
            c.company_name = name;
        }
    }

    /// Replaces a location's details (checked with [`check_location_edit`]).
    pub fn update_location(
        &mut self,
        id: CustomerId,
        location: LocationId,
        details: LocationDetails,
    ) -> Result<(), Refused> {
        let c = self.customer_mut(id).ok_or(Refused::NotFound)?;
        c.not_under_run(Key::Location(location))?;
        c.change_tracked(Key::Location(location), |c| {
            if c.headquarters.id == location {
                c.headquarters.details = details;
            } else if let Some(l) = c.locations.iter_mut().find(|l| l.id == location) {
                l.details = details;
            }
        });
        Ok(())
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::domain::customer_wizard::tests::{doc_with_template, valid_draft};
    use crate::domain::customer_wizard::CustomerDraft;
    use crate::domain::location::tests::seoul_office;
    use crate::domain::location::Location;
    use crate::domain::setup::SetupDraft;
    use crate::domain::time::Timestamp;
    use crate::domain::wizard::Form;

    fn counter() -> impl FnMut() -> [u8; 16] {
        let mut n = 5000u128;
        move || {
            n += 1;
            n.to_le_bytes()
        }
    }

    /// Two customers; the first has a branch (with `users_at_branch` there) and,
    /// when `set_up`, its admin and a meetings user.
    pub(crate) fn doc(set_up: bool) -> (Document, CustomerId, LocationId) {
        let mut doc = doc_with_template();
        let first = valid_draft(&doc)
            .parse(CustomerDraft::context(&doc))
            .unwrap();
        let id = doc.create_customer(first, &mut counter(), Timestamp(1));
        let mut other = valid_draft(&doc);
        other.company_name = "Other".into();
        other.admin_email = "it@other.example".into();
        let other = other.parse(CustomerDraft::context(&doc)).unwrap();
        doc.create_customer(other, &mut counter(), Timestamp(2));
        let branch = LocationId::from_u128(99);
        let mut office = seoul_office();
        office.name = "Busan branch".into();
        let details = office.parse().unwrap();
        doc.customer_mut(id).unwrap().locations.push(Location {
            id: branch,
            details,
        });
        if set_up {
            let customer = doc.customer(id).unwrap();
            let mut draft = SetupDraft::new(customer);
            draft.users[0].first_name = "Ada".into();
            draft.users[0].last_name = "Admin".into();
            draft.users[0].phone = "+82 2 3000 0000".into();
            let key = draft.add_user(customer);
            let u = draft.user_mut(key).unwrap();
            u.first_name = "Mina".into();
            u.last_name = "Choi".into();
            u.email = "mina@acme-dental.example".into();
            u.package = "webex_meetings".into();
            u.location = branch.to_string();
            let setup = draft.parse(&doc).unwrap();
            doc.apply_setup(setup, &mut counter(), Timestamp(3))
                .unwrap();
        }
        (doc, id, branch)
    }

    fn problems(doc: &Document, id: CustomerId, edit: &CustomerEdit) -> Vec<(Field, Problem)> {
        check_customer_edit(doc, id, edit)
            .unwrap_err()
            .into_iter()
            .map(|e| (e.field, e.problem))
            .collect()
    }

    #[test]
    fn the_admin_email_changes_until_the_admin_is_set_up() {
        let (mut doc, id, _) = doc(false);
        let mut edit = CustomerEdit::of(doc.customer(id).unwrap());
        edit.admin_email = "IT@other.example".into();
        assert_eq!(
            problems(&doc, id, &edit),
            vec![(
                Field::Customer(CustomerField::AdminEmail),
                Problem::AlreadyUsed
            )]
        );
        edit.admin_email = "admin@acme-dental.example".into();
        edit.company_name = "Acme Dental Group".into();
        let change = check_customer_edit(&doc, id, &edit).unwrap();
        doc.apply_customer_edit(id, change).unwrap();
        let c = doc.customer(id).unwrap();
        assert_eq!(c.admin_email.to_string(), "admin@acme-dental.example");
        assert_eq!(c.company_name.to_string(), "Acme Dental Group");

        let (doc, id, _) = self::doc(true);
        let mut edit = CustomerEdit::of(doc.customer(id).unwrap());
        assert!(check_customer_edit(&doc, id, &edit).is_ok(), "unchanged");
        edit.admin_email = "new@acme-dental.example".into();
        assert_eq!(
            problems(&doc, id, &edit),
            vec![(
                Field::Customer(CustomerField::AdminEmail),
                Problem::AdminSetUp
            )]
        );
    }

    #[test]
    fn the_admin_email_stays_once_webex_has_the_customer() {
        let (mut doc, id, _) = doc(false);
        doc.customer_mut(id).unwrap().provisioning.customer_id = Some("C1".into());
        let mut edit = CustomerEdit::of(doc.customer(id).unwrap());
        edit.admin_email = "new@acme-dental.example".into();
        assert_eq!(
            problems(&doc, id, &edit),
            vec![(
                Field::Customer(CustomerField::AdminEmail),
                Problem::AdminInWebex
            )]
        );
    }

    #[test]
    fn packages_are_added_freely_and_removed_only_when_unused_and_unneeded() {
        let (doc, id, _) = doc(true);
        let customer = doc.customer(id).unwrap();
        let mut edit = CustomerEdit::of(customer);
        edit.toggle_package(Package::AttendantConsole, true);
        let change = check_customer_edit(&doc, id, &edit).unwrap();
        assert!(change.packages.contains(&Package::AttendantConsole));

        let mut edit = CustomerEdit::of(customer);
        edit.toggle_package(Package::WebexMeetings, false);
        assert_eq!(
            problems(&doc, id, &edit),
            vec![(
                Field::Customer(CustomerField::Packages),
                Problem::PackageInUse {
                    package: Package::WebexMeetings,
                    users: 1
                }
            )]
        );
        // Calling, which Attendant Console needs, stays while that is chosen.
        let mut edit = CustomerEdit::of(customer);
        edit.toggle_package(Package::AttendantConsole, true);
        edit.toggle_package(Package::WebexCalling, false);
        assert!(matches!(
            problems(&doc, id, &edit)[0],
            (
                Field::Customer(CustomerField::Packages),
                Problem::PackageNeeds {
                    package: Package::AttendantConsole,
                    ..
                }
            )
        ));

        // Without users, anything goes but an empty or inconsistent choice.
        let (doc, id, _) = self::doc(false);
        let mut edit = CustomerEdit::of(doc.customer(id).unwrap());
        edit.toggle_package(Package::WebexCalling, false);
        assert!(check_customer_edit(&doc, id, &edit).is_ok());
        edit.toggle_package(Package::WebexMeetings, false);
        assert_eq!(
            problems(&doc, id, &edit),
            vec![(Field::Customer(CustomerField::Packages), Problem::NoPackage)]
        );
    }

    #[test]
    fn a_branch_no_user_is_in_can_be_removed_the_headquarters_never() {
        let (mut doc, id, branch) = doc(true);
        let hq = doc.customer(id).unwrap().headquarters.id;
        assert_eq!(doc.remove_location(id, hq), Err(Problem::Headquarters));
        assert_eq!(
            doc.remove_location(id, branch),
            Err(Problem::LocationInUse { users: 1 })
        );
        let (mut doc, id, branch) = self::doc(false);
        assert_eq!(doc.remove_location(id, branch), Ok(()));
        assert_eq!(doc.customer(id).unwrap().locations.len(), 0);
        assert_eq!(doc.remove_location(id, branch), Err(Problem::UnknownChoice));
    }

    #[test]
    fn a_renamed_customer_keeps_names_unique() {
        let (doc, id, _) = doc(false);
        assert_eq!(
            check_company_name(&doc, id, "  oTHER"),
            Err(Problem::AlreadyUsed)
        );
        assert!(
            check_company_name(&doc, id, "ACME dental").is_ok(),
            "its own name, recased"
        );
    }

    #[test]
    fn routing_prefixes_are_one_locations_and_kept_where_extensions_repeat() {
        let (mut doc, id, branch) = doc(false);
        let hq = doc.customer(id).unwrap().headquarters.id;
        let kinds = |doc: &Document, location: LocationId, draft: &LocationDraft| {
            check_location_edit(doc.customer(id).unwrap(), location, draft)
                .err()
                .unwrap_or_default()
                .into_iter()
                .map(|e| (e.field, e.problem))
                .collect::<Vec<_>>()
        };
        let prefix = Field::Location(LocationField::RoutingPrefix);
        let saved = |doc: &Document, l: LocationId| {
            LocationDraft::from_details(&doc.customer(id).unwrap().location(l).unwrap().details)
        };
        let mut with_prefix = saved(&doc, branch);
        with_prefix.routing_prefix = "7".into();
        assert_eq!(kinds(&doc, branch, &with_prefix), []);
        doc.update_location(id, branch, with_prefix.parse().unwrap())
            .unwrap();
        let mut hq_same = saved(&doc, hq);
        hq_same.routing_prefix = "7".into();
        assert_eq!(kinds(&doc, hq, &hq_same), [(prefix, Problem::AlreadyUsed)]);

        // A user at each location with extension 100: the branch keeps its prefix.
        let c = doc.customer_mut(id).unwrap();
        let user = |location: LocationId, n: u128, email: &str| crate::domain::user::User {
            id: crate::domain::ids::UserId::from_u128(n),
            details: crate::domain::user::UserDetails {
                first_name: crate::domain::user::PersonName::parse("Kim").unwrap(),
                last_name: crate::domain::user::PersonName::parse("Lee").unwrap(),
                email: crate::domain::email::EmailAddress::parse(email).unwrap(),
                package: crate::domain::package::Package::WebexCalling,
                location,
                phone: None,
                extension: Some(crate::domain::phone::Extension::parse("100").unwrap()),
                role: Default::default(),
            },
            created_at: Timestamp(4),
        };
        let (a, b) = (
            user(hq, 1, "a@acme.example"),
            user(branch, 2, "b@acme.example"),
        );
        c.users.extend([a, b]);
        let mut without = saved(&doc, branch);
        without.routing_prefix.clear();
        assert_eq!(kinds(&doc, branch, &without), [(prefix, Problem::Required)]);
    }
}
