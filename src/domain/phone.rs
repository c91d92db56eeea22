//! Phone numbers (E.164) and extensions of calling users.

use crate::domain::country::Country;
use crate::domain::Problem;
use serde::{Deserialize, Serialize};

/// An E.164 number: "+", the country calling code and the national number, at most
/// 15 digits in all. Stored without spaces ("+82212345678").
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct PhoneNumber(String);

/// E.164 allows 15 digits; shorter than this is no dialable number anywhere we serve.
const MIN_DIGITS: usize = 8;
const MAX_DIGITS: usize = 15;

impl PhoneNumber {
    /// Accepts the ways people write numbers ("+82 2-1234-5678", "+1 (415) 555 0100"):
    /// spaces, hyphens, dots and parentheses are dropped; the rest must be E.164.
    pub fn parse(raw: &str) -> Result<Self, Problem> {
        let raw = raw.trim();
        if raw.is_empty() {
            return Err(Problem::Required);
        }
        let Some(rest) = raw.strip_prefix('+') else {
            return Err(Problem::PhoneFormat);
        };
        let mut digits = String::with_capacity(rest.len());
        for c in rest.chars() {
            match c {
                '0'..='9' => digits.push(c),
                ' ' | '-' | '.' | '(' | ')' => {}
                _ => return Err(Problem::PhoneFormat),
            }
        }
        // Country codes never start with 0.
        if digits.starts_with('0') || !(MIN_DIGITS..=MAX_DIGITS).contains(&digits.len()) {
            return Err(Problem::PhoneFormat);
        }
        Ok(Self(format!("+{digits}")))
    }

    /// A number for a location in `country` must carry that country's calling code.
    pub fn parse_for(raw: &str, country: &'static Country) -> Result<Self, Problem> {
        let number = Self::parse(raw)?;
        if number.0[1..].starts_with(country.calling_code) {
            Ok(number)
        } else {
            Err(Problem::PhoneCountry {
                calling_code: country.calling_code,
                country: country.code,
            })
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for PhoneNumber {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for PhoneNumber {
    type Error = String;
    fn try_from(raw: String) -> Result<Self, String> {
        Self::parse(&raw).map_err(|p| format!("{p:?}"))
    }
}

impl From<PhoneNumber> for String {
    fn from(n: PhoneNumber) -> String {
        n.0
    }
}

/// An internal extension: 2 to 10 digits, unique within its location.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Extension(String);

impl Extension {
    pub const MIN_DIGITS: usize = 2;
    pub const MAX_DIGITS: usize = 10;

    pub fn parse(raw: &str) -> Result<Self, Problem> {
        let raw = raw.trim();
        if raw.is_empty() {
            return Err(Problem::Required);
        }
        if !raw.chars().all(|c| c.is_ascii_digit())
            || !(Self::MIN_DIGITS..=Self::MAX_DIGITS).contains(&raw.len())
        {
            return Err(Problem::ExtensionFormat {
                min: Self::MIN_DIGITS,
                max: Self::MAX_DIGITS,
            });
        }
        Ok(Self(raw.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for Extension {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for Extension {
    type Error = String;
    fn try_from(raw: String) -> Result<Self, String> {
        Self::parse(&raw).map_err(|p| format!("{p:?}"))
    }
}

impl From<Extension> for String {
    fn from(e: Extension) -> String {
        e.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::country;
    use proptest::prelude::*;

    fn kr() -> &'static Country {
        country::find("KR").unwrap()
    }

    #[test]
    fn written_numbers_are_normalised() {
        assert_eq!(
            PhoneNumber::parse("+82 2-1234-5678").unwrap().as_str(),
            "+82212345678"
        );
        assert_eq!(
            PhoneNumber::parse(" +1 (415) 555.0100 ").unwrap().as_str(),
            "+14155550100"
        );
    }

    #[test]
    fn numbers_that_are_not_e164_are_refused() {
        for raw in [
            "0212345678",
            "+0 212345678",
            "+82 2 1234 567x",
            "+8212",
            "+1234567890123456",
        ] {
            assert_eq!(PhoneNumber::parse(raw), Err(Problem::PhoneFormat), "{raw}");
        }
        assert_eq!(PhoneNumber::parse("  "), Err(Problem::Required));
    }

    #[test]
    fn numbers_must_match_the_location_country() {
        assert!(PhoneNumber::parse_for("+82 2 1234 5678", kr()).is_ok());
        assert_eq!(
            PhoneNumber::parse_for("+1 415 555 0100", kr()),
            Err(Problem::PhoneCountry {
                calling_code: "82",
                country: "KR"
            })
        );
    }

    #[test]
    fn extensions_are_two_to_ten_digits() {
        assert_eq!(Extension::parse(" 1001 ").unwrap().as_str(), "1001");
        for raw in ["1", "12345678901", "10a1", "+100"] {
            assert!(
                matches!(Extension::parse(raw), Err(Problem::ExtensionFormat { .. })),
                "{raw}"
            );
        }
    }

    proptest! {
        /// Any E.164 number, however it is spaced, parses to its digits; stored data
        /// round-trips through serde.
        #[test]
        fn e164_numbers_parse_whatever_the_spacing(
            cc in "[1-9][0-9]{0,2}",
            national in "[0-9]{7,11}",
            seps in proptest::collection::vec(prop_oneof![Just(""), Just(" "), Just("-"), Just(".")], 20),
        ) {
            let digits = format!("{cc}{national}");
            prop_assume!(digits.len() <= MAX_DIGITS);
            let written: String = digits
                .chars()
                .zip(seps.iter().cycle())
                .map(|(d, s)| format!("{d}{s}"))
                .collect();
            let number = PhoneNumber::parse(&format!("+{written}")).unwrap();
            prop_assert_eq!(number.as_str(), format!("+{digits}"));
            let json = serde_json::to_string(&number).unwrap();
            prop_assert_eq!(serde_json::from_str::<PhoneNumber>(&json).unwrap(), number);
        }

        #[test]
        fn anything_with_a_letter_is_not_a_number(raw in "\\+[0-9 ]{0,8}[a-zA-Z][0-9 ]{0,8}") {
            prop_assert_eq!(PhoneNumber::parse(&raw), Err(Problem::PhoneFormat));
        }

        #[test]
        fn extensions_parse_exactly_when_2_to_10_digits(raw in "[0-9a-z]{0,12}") {
            let valid = raw.chars().all(|c| c.is_ascii_digit()) && (2..=10).contains(&raw.len());
            match Extension::parse(&raw) {
                Ok(ext) => { prop_assert!(valid); prop_assert_eq!(ext.as_str(), raw.as_str()); }
                Err(_) => prop_assert!(!valid),
            }
        }
    }
}
