//! The rules a user row is checked by: against its customer (packages, locations, the
//! admin), the rest of the document (e-mails, numbers and extensions taken elsewhere) and
//! the rows before it. Kept apart from `user` (the user's data), which `customer` holds,
//! so that the modules depend one way: user ← customer ← user_rules.

use crate::domain::country::Country;
use crate::domain::customer::Customer;
use crate::domain::email::EmailAddress;
use crate::domain::error::Errors;
use crate::domain::ids::{LocationId, UserId};
use crate::domain::location::extension_scope;
use crate::domain::package::{self, Package};
use crate::domain::phone::{Extension, PhoneNumber};
use crate::domain::pstn::NumberSource;
use crate::domain::user::{PersonName, UserDetails, UserDraft, UserRole};
use crate::domain::{Document, Field, FieldError, NumberField, Problem, RowRef, UserField};
use std::collections::{HashMap, HashSet};

/// Everything a user row is checked against: the customer, its locations (saved and
/// about to be), and the e-mails, numbers and extensions already taken elsewhere.
/// Rows are checked in order, so a value repeated on a later row is reported there.
pub struct UserRules<'a> {
    customer: &'a Customer,
    /// Each location's country (its numbers' calling code), how numbers reach it, and
    /// whether it has a routing prefix (which gives its extensions a scope of their own).
    locations: HashMap<LocationId, (&'static Country, NumberSource, bool)>,
    level: Option<Package>,
    /// The admin is a saved user already (a stale draft must not add it twice).
    admin_saved: bool,
    emails: Claims<String>,
    numbers: Claims<String>,
    extensions: Claims<(LocationId, String)>,
}

/// Values that must be unique: those saved elsewhere, and those of earlier rows.
struct Claims<K> {
    taken: HashSet<K>,
    seen: HashSet<K>,
}

impl<K: std::hash::Hash + Eq> Claims<K> {
    fn new(taken: HashSet<K>) -> Self {
        Self {
            taken,
            seen: HashSet::new(),
        }
    }

    fn claim(&mut self, key: K) -> Result<(), Problem> {
        if self.taken.contains(&key) {
            Err(Problem::AlreadyUsed)
        } else if !self.seen.insert(key) {
            Err(Problem::Repeated)
        } else {
            Ok(())
        }
    }
}

/// The numbers (E.164) and extensions (by `location::extension_scope`) the saved users
/// of every customer have, but `editing`'s own.
pub fn numbers_taken(
    doc: &Document,
    editing: Option<UserId>,
) -> (HashSet<String>, HashSet<(LocationId, String)>) {
    let mut numbers = HashSet::new();
    let mut extensions = HashSet::new();
    for c in &doc.customers {
        for u in c.users.iter().filter(|u| Some(u.id) != editing) {
            let d = &u.details;
            if let Some(n) = &d.phone {
                numbers.insert(n.to_string());
            }
            if let Some(x) = &d.extension {
                extensions.insert((c.extension_scope(d.location), x.to_string()));
            }
        }
    }
    (numbers, extensions)
}

impl<'a> UserRules<'a> {
    /// `new_locations` are about to be added with the users; `editing` is the saved user
    /// being changed, whose own values do not count as taken.
    pub fn new(
        doc: &'a Document,
        customer: &'a Customer,
        new_locations: impl IntoIterator<Item = (LocationId, &'static Country, NumberSource, bool)>,
        editing: Option<UserId>,
    ) -> Self {
        let mut emails = HashSet::new();
        for c in &doc.customers {
            emails.insert(c.admin_email.key());
            for u in c.users.iter().filter(|u| Some(u.id) != editing) {
                emails.insert(u.details.email.key());
            }
        }
        let (numbers, extensions) = numbers_taken(doc, editing);
        let locations = customer
            .all_locations()
            .map(|l| {
                let d = &l.details;
                let prefixed = d.routing_prefix.is_some();
                (l.id, d.address.country.country(), d.numbers, prefixed)
            })
            .chain(new_locations)
            .map(|(id, country, numbers, prefixed)| (id, (country, numbers, prefixed)))
            .collect();
        Self {
            customer,
            locations,
            level: package::customer_level(&customer.packages),
            admin_saved: customer.admin_user().is_some_and(|a| Some(a.id) != editing),
            emails: Claims::new(emails),
            numbers: Claims::new(numbers),
            extensions: Claims::new(extensions),
        }
    }

    /// Checks one row, recording its errors and taking its values for later rows.
    pub fn check(&mut self, row: &UserDraft, at: RowRef, e: &mut Errors) -> Option<UserDetails> {
        let mut r = Errors::default();
        let first_name = r.check(
            Field::User(UserField::FirstName),
            PersonName::parse(&row.first_name),
        );
        let last_name = r.check(
            Field::User(UserField::LastName),
            PersonName::parse(&row.last_name),
        );
        let email = if row.customer_admin && self.admin_saved {
            r.push(Field::User(UserField::Email), Problem::AlreadyUsed);
            None
        } else if row.customer_admin {
            Some(self.customer.admin_email.clone())
        } else {
            r.check(
                Field::User(UserField::Email),
                EmailAddress::parse(&row.email)
                    .and_then(|email| self.emails.claim(email.key()).map(|_| email)),
            )
        };
        let package = r.check(Field::User(UserField::Package), self.package(row));
        let location = r.check(Field::User(UserField::Location), {
            if row.location.trim().is_empty() {
                Err(Problem::Required)
            } else {
                match LocationId::parse(&row.location) {
                    Some(id) if self.locations.contains_key(&id) => Ok(id),
                    Some(_) => Err(Problem::UnknownChoice),
                    // A name that matched none of the customer's locations.
                    None => Err(Problem::UnknownLocation {
                        text: row.location.trim().to_string(),
                    }),
                }
            }
        });
        let (phone, extension) = match package {
            Some(p) if p.is_calling() => self.numbers(row, location, &mut r),
            _ => (Some(None), Some(None)),
        };
        let role = if row.customer_admin {
            UserRole::FullAdmin
        } else {
            row.role
        };
        let user = (|| {
            Some(UserDetails {
                first_name: first_name?,
                last_name: last_name?,
                email: email?,
                package: package?,
                location: location?,
                phone: phone?,
                extension: extension?,
                role,
            })
        })()
        .filter(|_| r.is_empty());
        e.extend_in_row(r.into_vec(), at);
        user
    }

    fn package(&self, row: &UserDraft) -> Result<Package, Problem> {
        let text = row.package.trim();
        if text.is_empty() {
            return Err(Problem::Required);
        }
        let package = Package::from_text(text).ok_or_else(|| Problem::UnknownPackage {
            text: text.to_string(),
        })?;
        if !package.is_user_package() {
            return Err(Problem::NotAUserPackage { package });
        }
        if !self.customer.packages.contains(&package) {
            return Err(Problem::PackageNotOnCustomer { package });
        }
        if let (true, Some(level)) = (row.customer_admin, self.level) {
            if package.level() < level.level() {
                return Err(Problem::AdminDowngrade { level });
            }
        }
        Ok(package)
    }

    /// A calling user's number and extension: at least one of them; at a location that
    /// uses extensions only, an extension and no number.
    #[allow(clippy::type_complexity)]
    fn numbers(
        &mut self,
        row: &UserDraft,
        location: Option<LocationId>,
        r: &mut Errors,
    ) -> (Option<Option<PhoneNumber>>, Option<Option<Extension>>) {
        let found = location.and_then(|l| self.locations.get(&l).copied());
        let extensions_only = found.is_some_and(|(_, n, _)| n == NumberSource::ExtensionsOnly);
        let (no_phone, no_extension) =
            (row.phone.trim().is_empty(), row.extension.trim().is_empty());
        if extensions_only && (!no_phone || no_extension) {
            if !no_phone {
                r.push(
                    Field::Number(NumberField::Phone),
                    Problem::ExtensionsOnlyLocation,
                );
            }
            if no_extension {
                r.push(
                    Field::Number(NumberField::Extension),
                    Problem::ExtensionRequired,
                );
            }
            return (None, None);
        }
        if no_phone && no_extension {
            r.push(
                Field::Number(NumberField::Phone),
                Problem::NumberOrExtension,
            );
            return (None, None);
        }
        let country = found.map(|(c, _, _)| c);
        let phone = r.check(Field::Number(NumberField::Phone), {
            if no_phone {
                Ok(None)
            } else {
                match country {
                    Some(c) => PhoneNumber::parse_for(&row.phone, c),
                    None => PhoneNumber::parse(&row.phone),
                }
                .and_then(|n| self.numbers.claim(n.to_string()).map(|_| Some(n)))
            }
        });
        let extension = r.check(Field::Number(NumberField::Extension), {
            if no_extension {
                Ok(None)
            } else {
                Extension::parse(&row.extension).and_then(|x| match location {
                    Some(l) => {
                        let prefixed = self.locations.get(&l).is_some_and(|(_, _, p)| *p);
                        let scope = extension_scope(self.customer.id, l, prefixed);
                        self.extensions
                            .claim((scope, x.to_string()))
                            .map(|_| Some(x))
                    }
                    None => Ok(Some(x)),
                })
            }
        });
        (phone, extension)
    }
}

/// Checks an edit of a saved user of `customer`.
pub fn check_edit(
    doc: &Document,
    customer: &Customer,
    user: UserId,
    draft: &UserDraft,
) -> Result<UserDetails, Vec<FieldError>> {
    let mut rules = UserRules::new(doc, customer, [], Some(user));
    let mut e = Errors::default();
    let at = RowRef {
        key: draft.key,
        position: 0,
    };
    let details = rules.check(draft, at, &mut e);
    if let (Some(now), Some(saved)) = (&details, customer.user(user)) {
        if fixed_in_webex(customer, user) {
            if now.email.key() != saved.details.email.key() {
                e.push(Field::User(UserField::Email), Problem::EmailInWebex);
            }
            if now.role != saved.details.role {
                e.push(Field::User(UserField::Role), Problem::RoleInWebex);
            }
            // Webex keeps a location for calling users only.
            if !now.package.is_calling() && now.location != saved.details.location {
                e.push(
                    Field::User(UserField::Location),
                    Problem::LocationNotInWebex,
                );
            }
        }
    }
    details.filter(|_| e.is_empty()).ok_or_else(|| e.into_vec())
}

/// A user Webex has keeps their e-mail (Webex knows the person by it), their role
/// (given in Control Hub: Webex takes no role from this app) and, without calling,
/// their location (Webex keeps none for them). Every other field of theirs changes
/// here as a change that waits for Webex (`changes::pending`).
pub fn fixed_in_webex(customer: &Customer, user: UserId) -> bool {
    crate::domain::changes::user_in_webex(&customer.provisioning, user)
}
