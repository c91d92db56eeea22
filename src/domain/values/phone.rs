//! Phone numbers (E.164) and extensions of calling users.

use crate::domain::country::{Country, COUNTRIES};
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
        let digits = digits_of(rest)?;
        // Country codes never start with 0.
        if digits.starts_with('0') || !(MIN_DIGITS..=MAX_DIGITS).contains(&digits.len()) {
            return Err(Problem::PhoneFormat);
        }
        Ok(Self(format!("+{digits}")))
    }

    /// A number for a location in `country`: written internationally with that
    /// country's calling code, or nationally as people there write it ("02-1234-5678"
    /// in Korea, "(512) 555-0100" in the US); either way the national number must have
    /// a length the country uses ([`NumberPlan`]). Stored as E.164.
    pub fn parse_for(raw: &str, country: &'static Country) -> Result<Self, Problem> {
        let trimmed = raw.trim();
        let plan = plan(country.code).expect("every country of the table has a plan (tested)");
        let national = if trimmed.starts_with('+') {
            let number = Self::parse(trimmed)?;
            let Some(national) = number.0[1..].strip_prefix(country.calling_code) else {
                return Err(Problem::PhoneCountry { country });
            };
            national.to_string()
        } else {
            let digits = digits_of(trimmed)?;
            if digits.is_empty() {
                return Err(Problem::Required);
            }
            digits
        };
        // The trunk prefix is dialled at home only ("02-…", or "+44 (0)20 …" as
        // Europeans write it); no national number of these countries starts with it.
        let national = match plan.trunk {
            "" => national.as_str(),
            trunk => national.strip_prefix(trunk).unwrap_or(&national),
        };
        if !(plan.min..=plan.max).contains(&national.len()) {
            return Err(Problem::PhoneLength {
                country,
                min: plan.min,
                max: plan.max,
            });
        }
        Ok(Self(format!("+{}{national}", country.calling_code)))
    }

    /// The number grouped for reading: "+1 512 555 0100", "+82 2 1234 5678". Stored and
    /// sent without spaces; this is only how it is shown.
    pub fn grouped(&self) -> String {
        let digits = &self.0[1..];
        // The longest calling code of the table that starts the number.
        let found = COUNTRIES
            .iter()
            .filter(|c| digits.starts_with(c.calling_code))
            .max_by_key(|c| c.calling_code.len());
        let Some(country) = found else {
            return self.0.clone();
        };
        let national = &digits[country.calling_code.len()..];
        let sizes = plan(country.code)
            .map(|p| group_sizes(p.example))
            .filter(|sizes| sizes.iter().sum::<usize>() == national.len())
            .unwrap_or_else(|| {
                // Fours from the end, what is left in front: "10 1234 5678".
                let mut sizes = vec![4; national.len() / 4];
                if !national.len().is_multiple_of(4) {
                    sizes.insert(0, national.len() % 4);
                }
                sizes
            });
        let mut out = format!("+{}", country.calling_code);
        let mut at = 0;
        for size in sizes {
            out.push(' ');
            out.push_str(&national[at..at + size]);
            at += size;
        }
        out
    }

    /// An example number of `country`, as the hint shows it ("+1 512 555 0100").
    pub fn example(country: &Country) -> Option<String> {
        plan(country.code).map(|p| format!("+{} {}", country.calling_code, p.example))
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

/// The digits of a number written with spaces, hyphens, dots or parentheses.
fn digits_of(raw: &str) -> Result<String, Problem> {
    let mut digits = String::with_capacity(raw.len());
    for c in raw.chars() {
        match c {
            '0'..='9' => digits.push(c),
            ' ' | '-' | '.' | '(' | ')' => {}
            _ => return Err(Problem::PhoneFormat),
        }
    }
    Ok(digits)
}

/// The sizes of the digit groups of a written example ("2 1234 5678" → 1, 4, 4).
fn group_sizes(example: &str) -> Vec<usize> {
    example.split(' ').map(str::len).collect()
}

/// How a country numbers its phones: how many digits its national (significant)
/// numbers have, the trunk prefix dialled before them at home (dropped in E.164), and
/// an example national number, grouped as it is read.
#[derive(Debug, PartialEq, Eq)]
pub struct NumberPlan {
    pub country: &'static str,
    pub min: usize,
    pub max: usize,
    pub trunk: &'static str,
    pub example: &'static str,
}

macro_rules! plans {
    ($(($country:literal, $min:literal, $max:literal, $trunk:literal, $example:literal)),+ $(,)?) => {
        /// Every country of the country table (ITU-T national numbering plans; the
        /// lengths cover landlines and mobiles).
        pub const PLANS: &[NumberPlan] = &[
            $(NumberPlan { country: $country, min: $min, max: $max, trunk: $trunk, example: $example }),+
        ];
    };
}

plans![
    ("AU", 9, 9, "0", "2 5550 1234"),
    ("AT", 4, 13, "0", "1 5880 0100"),
    ("BE", 8, 9, "0", "2 555 12 34"),
    ("BR", 10, 11, "0", "11 5555 1234"),
    ("CA", 10, 10, "1", "416 555 0100"),
    ("DK", 8, 8, "", "32 12 34 56"),
    ("FI", 5, 12, "0", "9 1234 5678"),
    ("FR", 9, 9, "0", "1 23 45 67 89"),
    ("DE", 6, 13, "0", "30 1234 5678"),
    ("HK", 8, 8, "", "2123 4567"),
    ("IN", 10, 10, "0", "11 2345 6789"),
    ("IE", 7, 9, "0", "1 234 5678"),
    ("IT", 6, 11, "", "06 1234 5678"),
    ("JP", 9, 10, "0", "3 1234 5678"),
    ("MX", 10, 10, "", "55 1234 5678"),
    ("NL", 9, 9, "0", "20 123 4567"),
    ("NZ", 8, 10, "0", "9 123 4567"),
    ("NO", 8, 8, "", "22 12 34 56"),
    ("PL", 9, 9, "", "22 123 45 67"),
    ("PT", 9, 9, "", "21 123 4567"),
    ("SG", 8, 8, "", "6123 4567"),
    ("KR", 8, 10, "0", "2 1234 5678"),
    ("ES", 9, 9, "", "91 123 45 67"),
    ("SE", 7, 13, "0", "8 123 456 78"),
    ("CH", 9, 9, "0", "44 123 45 67"),
    ("TW", 8, 9, "0", "2 1234 5678"),
    ("GB", 9, 10, "0", "20 7946 0000"),
    ("US", 10, 10, "1", "512 555 0100"),
];

/// The numbering plan of a country of the table.
pub fn plan(country: &str) -> Option<&'static NumberPlan> {
    PLANS.iter().find(|p| p.country == country)
}

/// A valid number of the country with the table's code `country`, the `n`th of a
/// series starting with `first` (a digit other than the trunk prefix): for generated
/// data (demo, tests).
pub fn sample_number(country: &str, first: u8, n: usize) -> String {
    let country = crate::domain::country::find(country).expect("a country of the table");
    let len = plan(country.code).map_or(9, |p| p.max.min(10).max(p.min));
    let rest = len - 1;
    let n = n % 10usize.pow(rest as u32);
    format!("+{}{first}{n:0rest$}", country.calling_code)
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

/// A location's routing prefix: dialled before an extension of that location from
/// another, so that two locations of one customer can use the same extensions (Webex
/// Calling's `routingPrefix`: digits, here 1 to 7).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct RoutingPrefix(String);

impl RoutingPrefix {
    pub const MAX_DIGITS: usize = 7;

    pub fn parse(raw: &str) -> Result<Self, Problem> {
        let raw = raw.trim();
        if raw.is_empty() {
            return Err(Problem::Required);
        }
        if !raw.chars().all(|c| c.is_ascii_digit()) || raw.len() > Self::MAX_DIGITS {
            return Err(Problem::RoutingPrefixFormat {
                max: Self::MAX_DIGITS,
            });
        }
        Ok(Self(raw.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for RoutingPrefix {
    type Error = String;
    fn try_from(raw: String) -> Result<Self, String> {
        Self::parse(&raw).map_err(|_| format!("not a routing prefix: {raw}"))
    }
}

impl From<RoutingPrefix> for String {
    fn from(p: RoutingPrefix) -> Self {
        p.0
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
            Err(Problem::PhoneCountry { country: kr() })
        );
    }

    #[test]
    fn numbers_written_nationally_become_e164_for_a_location_in_that_country() {
        let at = |code: &str, raw: &str| {
            PhoneNumber::parse_for(raw, country::find(code).unwrap()).map(|n| n.0)
        };
        assert_eq!(at("KR", "02-1234-5678"), Ok("+82212345678".into()));
        assert_eq!(at("KR", "010-1234-5678"), Ok("+821012345678".into()));
        assert_eq!(at("GB", "020 7946 0000"), Ok("+442079460000".into()));
        assert_eq!(at("US", "(512) 555-0100"), Ok("+15125550100".into()));
        assert_eq!(at("US", "1-512-555-0100"), Ok("+15125550100".into()));
        assert_eq!(
            at("IT", "06 1234 5678"),
            Ok("+390612345678".into()),
            "Italy keeps its 0"
        );
        assert_eq!(at("KR", "+82 (0)2 1234 5678"), Ok("+82212345678".into()));
        // Lengths per country: +1 needs ten digits.
        let us_short = Problem::PhoneLength {
            country: country::find("US").unwrap(),
            min: 10,
            max: 10,
        };
        assert_eq!(at("US", "+1 512 555 010"), Err(us_short.clone()));
        assert_eq!(at("US", "555 0100"), Err(us_short));
        assert_eq!(
            at("KR", "12-34"),
            Err(Problem::PhoneLength {
                country: kr(),
                min: 8,
                max: 10
            })
        );
        assert_eq!(at("KR", "02-1234-567x"), Err(Problem::PhoneFormat));
    }

    #[test]
    fn every_country_has_a_plan_whose_example_parses_and_groups_back() {
        for c in country::COUNTRIES {
            let plan = plan(c.code).unwrap_or_else(|| panic!("{} has no plan", c.code));
            let example = PhoneNumber::example(c).unwrap();
            let number =
                PhoneNumber::parse_for(&example, c).unwrap_or_else(|p| panic!("{example}: {p:?}"));
            assert_eq!(number.grouped(), example, "{}", c.code);
            assert!(plan.min <= plan.max && plan.max + c.calling_code.len() <= MAX_DIGITS);
        }
        let mobile = PhoneNumber::parse("+821012345678").unwrap();
        assert_eq!(mobile.grouped(), "+82 10 1234 5678");
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
