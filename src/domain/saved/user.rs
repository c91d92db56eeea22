//! Users (subscribers) of a customer organization: what is saved of them and what a user
//! row holds while it is entered. The rules a row must meet are in `user_rules`.

use crate::domain::email::EmailAddress;
use crate::domain::ids::{LocationId, UserId};
use crate::domain::package::Package;
use crate::domain::phone::{Extension, PhoneNumber};
use crate::domain::text::bounded_text;
use crate::domain::time::Timestamp;
use serde::{Deserialize, Serialize};

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
            // Grouped for reading, as the tables show it.
            phone: user.phone.as_ref().map(|p| p.grouped()).unwrap_or_default(),
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
