//! E-mail addresses, checked by the `email_address` crate (RFC 5321/5322 syntax)
//! plus what a real mailbox needs: a dot in the domain and no display-name form.

use crate::domain::Problem;
use serde::{Deserialize, Serialize};
use std::str::FromStr;

#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct EmailAddress(String);

impl EmailAddress {
    pub const MAX_CHARS: usize = 254;

    pub fn parse(raw: &str) -> Result<Self, Problem> {
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            return Err(Problem::Required);
        }
        if trimmed.chars().count() > Self::MAX_CHARS {
            return Err(Problem::TooLong {
                max: Self::MAX_CHARS,
            });
        }
        let parsed =
            email_address::EmailAddress::from_str(trimmed).map_err(|_| Problem::InvalidEmail)?;
        let domain = parsed.domain();
        let plausible_domain = domain.contains('.')
            && !domain.starts_with('[')
            && !domain.ends_with('.')
            && domain.split('.').all(|label| !label.is_empty());
        if parsed.display_part() != "" || trimmed.contains(['<', '>', ' ']) || !plausible_domain {
            return Err(Problem::InvalidEmail);
        }
        Ok(Self(trimmed.to_string()))
    }

    /// Addresses are the same mailbox regardless of case.
    pub fn key(&self) -> String {
        self.0.to_lowercase()
    }

    /// Whether this is the mailbox whose [`Self::key`] is `key`, without building a key
    /// (rules compare one address with every address of the partner).
    pub fn is_mailbox(&self, key: &str) -> bool {
        self.0.chars().flat_map(char::to_lowercase).eq(key.chars())
    }
}

impl AsRef<str> for EmailAddress {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for EmailAddress {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for EmailAddress {
    type Error = String;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value).map_err(|p| format!("invalid e-mail address: {p:?}"))
    }
}

impl From<EmailAddress> for String {
    fn from(value: EmailAddress) -> String {
        value.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn ordinary_addresses_parse() {
        for ok in [
            "ops@acme-telecom.com",
            "first.last+tag@sub.example.co.kr",
            " a@b.io ",
        ] {
            assert!(EmailAddress::parse(ok).is_ok(), "{ok}");
        }
    }

    #[test]
    fn malformed_addresses_are_refused() {
        for bad in [
            "plainaddress",
            "@example.com",
            "a@",
            "a@localhost",
            "a b@example.com",
            "A <a@example.com>",
            "a@example..com",
            "a@example.com.",
        ] {
            assert_eq!(
                EmailAddress::parse(bad),
                Err(Problem::InvalidEmail),
                "{bad}"
            );
        }
        assert_eq!(EmailAddress::parse("  "), Err(Problem::Required));
    }

    #[test]
    fn keys_ignore_case() {
        let a = EmailAddress::parse("Ops@Acme.com").unwrap();
        let b = EmailAddress::parse("ops@acme.com").unwrap();
        assert_eq!(a.key(), b.key());
    }

    proptest! {
        #[test]
        fn generated_addresses_parse_and_round_trip(
            local in "[a-z0-9]{1,12}([.+_-][a-z0-9]{1,8})?",
            host in "[a-z0-9]{1,12}(-[a-z0-9]{1,6})?",
            tld in "[a-z]{2,6}",
        ) {
            let raw = format!("{local}@{host}.{tld}");
            let parsed = EmailAddress::parse(&raw).unwrap();
            prop_assert_eq!(parsed.as_ref(), raw.as_str());
        }

        #[test]
        fn addresses_without_at_sign_never_parse(raw in "[a-z0-9.]{0,30}") {
            prop_assert!(EmailAddress::parse(&raw).is_err());
        }
    }
}
