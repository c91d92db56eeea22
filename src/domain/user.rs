//! Users (subscribers) of a customer organization, and the rules a user row must meet
//! whether it is entered in the setup wizard or edited later.

use crate::domain::country::Country;
use crate::domain::customer::Customer;
use crate::domain::email::EmailAddress;
use crate::domain::error::Errors;
use crate::domain::ids::{LocationId, UserId};
use crate::domain::package::{self, Package};
use crate::domain::phone::{Extension, PhoneNumber};
use crate::domain::text::bounded_text;
use crate::domain::time::Timestamp;
use crate::domain::{Document, Field, FieldError, Problem, RowRef};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};

bounded_text!(
    /// A first or last name.
    PersonName, 64
);

/// Control Hub roles a partner can give a customer's user.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UserRole {
    #[default]
    User,
    FullAdmin,
    ReadOnlyAdmin,
    SupportAdmin,
    UserAndDeviceAdmin,
}

impl UserRole {
    pub const ALL: [UserRole; 5] = [
        Self::User,
        Self::FullAdmin,
        Self::ReadOnlyAdmin,
        Self::SupportAdmin,
        Self::UserAndDeviceAdmin,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Self::User => "user",
            Self::FullAdmin => "full_admin",
            Self::ReadOnlyAdmin => "read_only_admin",
            Self::SupportAdmin => "support_admin",
            Self::UserAndDeviceAdmin => "user_and_device_admin",
        }
    }

    pub fn from_key(key: &str) -> Option<UserRole> {
        Self::ALL.into_iter().find(|r| r.key() == key)
    }

    /// A role from a spreadsheet: its key, or its English name in any case with spaces
    /// or hyphens ("Full admin", "Read-only admin").
    pub fn from_text(text: &str) -> Option<UserRole> {
        let key: String = text
            .trim()
            .chars()
            .map(|c| match c {
                ' ' | '-' => '_',
                c => c.to_ascii_lowercase(),
            })
            .collect();
        Self::from_key(&key)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct User {
    pub id: UserId,
    #[serde(flatten)]
    pub details: UserDetails,
    pub created_at: Timestamp,
}

/// What is known about a user apart from its id.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserDetails {
    pub first_name: PersonName,
    pub last_name: PersonName,
    pub email: EmailAddress,
    pub package: Package,
    pub location: LocationId,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<PhoneNumber>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extension: Option<Extension>,
    #[serde(default)]
    pub role: UserRole,
}

impl UserDetails {
    pub fn full_name(&self) -> String {
        person_name(self.first_name.as_ref(), self.last_name.as_ref())
    }
}

/// A person's name as it is read: a Korean name family name first and without a space
/// (김민준), in any language of the app; others given name first ("Grace Hopper").
pub fn person_name(first: &str, last: &str) -> String {
    let (first, last) = (first.trim(), last.trim());
    let hangul = |s: &str| s.chars().any(|c| ('\u{AC00}'..='\u{D7A3}').contains(&c));
    if hangul(first) || hangul(last) {
        format!("{last}{first}")
    } else {
        format!("{first} {last}").trim().to_string()
    }
}

/// A user row as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct UserDraft {
    /// Stable while rows are added and removed; ties errors to this row.
    pub key: u32,
    /// The customer's own admin: e-mail fixed, Full admin, at the customer's level.
    pub customer_admin: bool,
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    /// A package key (or, pasted, a package name).
    pub package: String,
    pub location: String,
    pub phone: String,
    pub extension: String,
    pub role: UserRole,
}

impl UserDraft {
    pub fn from_user(key: u32, user: &UserDetails, customer_admin: bool) -> Self {
        Self {
            key,
            customer_admin,
            first_name: user.first_name.to_string(),
            last_name: user.last_name.to_string(),
            email: user.email.to_string(),
            package: user.package.key().to_string(),
            location: user.location.to_string(),
            phone: user
                .phone
                .as_ref()
                .map(|p| p.to_string())
                .unwrap_or_default(),
            extension: user
                .extension
                .as_ref()
                .map(|e| e.to_string())
                .unwrap_or_default(),
            role: user.role,
        }
    }

    /// Users whose package includes calling need a number or an extension.
    pub fn needs_number(&self) -> bool {
        Package::from_text(&self.package).is_some_and(|p| p.is_calling())
    }

    /// Nothing typed on a removable row.
    pub fn is_blank(&self) -> bool {
        !self.customer_admin
            && [
                &self.first_name,
                &self.last_name,
                &self.email,
                &self.phone,
                &self.extension,
            ]
            .iter()
            .all(|s| s.trim().is_empty())
    }
}

impl Customer {
    /// The customer's admin as a user, once set up.
    pub fn admin_user(&self) -> Option<&User> {
        let key = self.admin_email.key();
        self.users.iter().find(|u| u.details.email.key() == key)
    }

    pub fn is_admin(&self, user: &UserDetails) -> bool {
        user.email.key() == self.admin_email.key()
    }
}

/// Everything a user row is checked against: the customer, its locations (saved and
/// about to be), and the e-mails, numbers and extensions already taken elsewhere.
/// Rows are checked in order, so a value repeated on a later row is reported there.
pub struct UserRules<'a> {
    customer: &'a Customer,
    locations: HashMap<LocationId, &'static Country>,
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

impl<'a> UserRules<'a> {
    /// `new_locations` are about to be added with the users; `editing` is the saved user
    /// being changed, whose own values do not count as taken.
    pub fn new(
        doc: &'a Document,
        customer: &'a Customer,
        new_locations: impl IntoIterator<Item = (LocationId, &'static Country)>,
        editing: Option<UserId>,
    ) -> Self {
        let mut emails = HashSet::new();
        let mut numbers = HashSet::new();
        let mut extensions = HashSet::new();
        for c in &doc.customers {
            emails.insert(c.admin_email.key());
            for u in c.users.iter().filter(|u| Some(u.id) != editing) {
                let d = &u.details;
                emails.insert(d.email.key());
                if let Some(n) = &d.phone {
                    numbers.insert(n.to_string());
                }
                if let Some(x) = &d.extension {
                    extensions.insert((d.location, x.to_string()));
                }
            }
        }
        let locations = customer
            .all_locations()
            .map(|l| (l.id, l.details.address.country.country()))
            .chain(new_locations)
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
        let first_name = r.check(Field::UserFirstName, PersonName::parse(&row.first_name));
        let last_name = r.check(Field::UserLastName, PersonName::parse(&row.last_name));
        let email = if row.customer_admin && self.admin_saved {
            r.push(Field::UserEmail, Problem::AlreadyUsed);
            None
        } else if row.customer_admin {
            Some(self.customer.admin_email.clone())
        } else {
            r.check(
                Field::UserEmail,
                EmailAddress::parse(&row.email)
                    .and_then(|email| self.emails.claim(email.key()).map(|_| email)),
            )
        };
        let package = r.check(Field::UserPackage, self.package(row));
        let location = r.check(Field::UserLocation, {
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

    /// A calling user's number and extension: at least one of them.
    #[allow(clippy::type_complexity)]
    fn numbers(
        &mut self,
        row: &UserDraft,
        location: Option<LocationId>,
        r: &mut Errors,
    ) -> (Option<Option<PhoneNumber>>, Option<Option<Extension>>) {
        if row.phone.trim().is_empty() && row.extension.trim().is_empty() {
            r.push(Field::PhoneNumber, Problem::NumberOrExtension);
            return (None, None);
        }
        let country = location.and_then(|l| self.locations.get(&l).copied());
        let phone = r.check(Field::PhoneNumber, {
            if row.phone.trim().is_empty() {
                Ok(None)
            } else {
                match country {
                    Some(c) => PhoneNumber::parse_for(&row.phone, c),
                    None => PhoneNumber::parse(&row.phone),
                }
                .and_then(|n| self.numbers.claim(n.to_string()).map(|_| Some(n)))
            }
        });
        let extension = r.check(Field::Extension, {
            if row.extension.trim().is_empty() {
                Ok(None)
            } else {
                Extension::parse(&row.extension).and_then(|x| match location {
                    Some(l) => self.extensions.claim((l, x.to_string())).map(|_| Some(x)),
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
    details.filter(|_| e.is_empty()).ok_or_else(|| e.into_vec())
}

#[cfg(test)]
mod tests {
    use super::person_name;

    #[test]
    fn korean_names_read_family_name_first() {
        assert_eq!(person_name("민준", "김"), "김민준");
        assert_eq!(person_name(" 서연", "이 "), "이서연");
        assert_eq!(person_name("Grace", "Hopper"), "Grace Hopper");
        assert_eq!(person_name("Minjun", ""), "Minjun");
    }
}
