//! Countries a partner can provision in, as data: ISO 3166 alpha-2 code, E.164
//! calling code, the Webex data region that serves it, and its IANA time zones. Their
//! names, in each language, are the catalogue's (`i18n::places`).

use serde::{Deserialize, Serialize};

/// Webex data-residency region of a customer organization.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum DataRegion {
    NorthAmerica,
    Europe,
    AsiaPacific,
}

impl DataRegion {
    pub const ALL: [DataRegion; 3] = [Self::NorthAmerica, Self::Europe, Self::AsiaPacific];

    /// How a link names it (the customers list's `?region=`).
    pub fn key(self) -> &'static str {
        match self {
            Self::NorthAmerica => "na",
            Self::Europe => "eu",
            Self::AsiaPacific => "apac",
        }
    }

    pub fn from_key(key: &str) -> Option<DataRegion> {
        Self::ALL.into_iter().find(|r| r.key() == key)
    }
}

#[derive(Debug, PartialEq, Eq)]
pub struct Country {
    pub code: &'static str,
    pub calling_code: &'static str,
    pub region: DataRegion,
    pub time_zones: &'static [&'static str],
}

use DataRegion::{AsiaPacific as Apac, Europe as Eu, NorthAmerica as Na};

macro_rules! countries {
    ($(($code:literal, $cc:literal, $region:expr, [$($tz:literal),+ $(,)?])),+ $(,)?) => {
        /// Sorted by English name (`i18n::places` names them).
        pub const COUNTRIES: &[Country] = &[
            $(Country { code: $code, calling_code: $cc, region: $region, time_zones: &[$($tz),+] }),+
        ];
    };
}

countries![
    (
        "AU",
        "61",
        Apac,
        [
            "Australia/Sydney",
            "Australia/Melbourne",
            "Australia/Brisbane",
            "Australia/Adelaide",
            "Australia/Perth",
            "Australia/Darwin",
            "Australia/Hobart"
        ]
    ),
    ("AT", "43", Eu, ["Europe/Vienna"]),
    ("BE", "32", Eu, ["Europe/Brussels"]),
    (
        "BR",
        "55",
        Na,
        [
            "America/Sao_Paulo",
            "America/Manaus",
            "America/Fortaleza",
            "America/Recife"
        ]
    ),
    (
        "CA",
        "1",
        Na,
        [
            "America/Toronto",
            "America/Vancouver",
            "America/Edmonton",
            "America/Winnipeg",
            "America/Halifax",
            "America/St_Johns",
            "America/Regina"
        ]
    ),
    ("DK", "45", Eu, ["Europe/Copenhagen"]),
    ("FI", "358", Eu, ["Europe/Helsinki"]),
    ("FR", "33", Eu, ["Europe/Paris"]),
    ("DE", "49", Eu, ["Europe/Berlin"]),
    ("HK", "852", Apac, ["Asia/Hong_Kong"]),
    ("IN", "91", Apac, ["Asia/Kolkata"]),
    ("IE", "353", Eu, ["Europe/Dublin"]),
    ("IT", "39", Eu, ["Europe/Rome"]),
    ("JP", "81", Apac, ["Asia/Tokyo"]),
    (
        "MX",
        "52",
        Na,
        [
            "America/Mexico_City",
            "America/Monterrey",
            "America/Tijuana",
            "America/Cancun"
        ]
    ),
    ("NL", "31", Eu, ["Europe/Amsterdam"]),
    ("NZ", "64", Apac, ["Pacific/Auckland"]),
    ("NO", "47", Eu, ["Europe/Oslo"]),
    ("PL", "48", Eu, ["Europe/Warsaw"]),
    ("PT", "351", Eu, ["Europe/Lisbon", "Atlantic/Azores"]),
    ("SG", "65", Apac, ["Asia/Singapore"]),
    ("KR", "82", Apac, ["Asia/Seoul"]),
    ("ES", "34", Eu, ["Europe/Madrid", "Atlantic/Canary"]),
    ("SE", "46", Eu, ["Europe/Stockholm"]),
    ("CH", "41", Eu, ["Europe/Zurich"]),
    ("TW", "886", Apac, ["Asia/Taipei"]),
    ("GB", "44", Eu, ["Europe/London"]),
    (
        "US",
        "1",
        Na,
        [
            "America/New_York",
            "America/Chicago",
            "America/Denver",
            "America/Phoenix",
            "America/Los_Angeles",
            "America/Anchorage",
            "Pacific/Honolulu"
        ]
    ),
];

/// Looks a country up by its ISO code (case-insensitive).
pub fn find(code: &str) -> Option<&'static Country> {
    let code = code.trim();
    COUNTRIES.iter().find(|c| c.code.eq_ignore_ascii_case(code))
}

/// A country code known to the table.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(into = "String")]
pub struct CountryCode(&'static str);

impl CountryCode {
    pub fn parse(raw: &str) -> Result<Self, crate::domain::Problem> {
        if raw.trim().is_empty() {
            return Err(crate::domain::Problem::Required);
        }
        find(raw)
            .map(|c| Self(c.code))
            .ok_or(crate::domain::Problem::UnknownChoice)
    }

    pub fn country(&self) -> &'static Country {
        find(self.0).expect("a CountryCode is always in the table")
    }
}

impl AsRef<str> for CountryCode {
    fn as_ref(&self) -> &str {
        self.0
    }
}

// Written by hand: serde's derive cannot read into a `&'static str` field.
impl<'de> Deserialize<'de> for CountryCode {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = String::deserialize(deserializer)?;
        Self::parse(&raw).map_err(|_| serde::de::Error::custom(format!("unknown country {raw:?}")))
    }
}

impl From<CountryCode> for String {
    fn from(value: CountryCode) -> String {
        value.0.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn regions_are_named_by_distinct_keys() {
        for region in DataRegion::ALL {
            assert_eq!(DataRegion::from_key(region.key()), Some(region));
        }
    }

    #[test]
    fn table_is_well_formed() {
        let mut codes = HashSet::new();
        for c in COUNTRIES {
            assert!(codes.insert(c.code), "duplicate {}", c.code);
            assert_eq!(c.code.len(), 2);
            assert!(c.code.chars().all(|ch| ch.is_ascii_uppercase()));
            assert!(!c.time_zones.is_empty());
            for zone in c.time_zones {
                // IANA names, as Webex takes them: Area/Location, no spaces.
                let (area, place) = zone.split_once('/').expect("Area/Location");
                assert!(
                    [
                        "America",
                        "Europe",
                        "Asia",
                        "Australia",
                        "Pacific",
                        "Atlantic"
                    ]
                    .contains(&area),
                    "{zone}"
                );
                assert!(!place.is_empty() && !zone.contains(' '), "{zone}");
            }
            assert!(c.calling_code.chars().all(|ch| ch.is_ascii_digit()));
        }
    }

    #[test]
    fn codes_parse_case_insensitively() {
        assert_eq!(CountryCode::parse("kr").unwrap().country().code, "KR");
        assert_eq!(
            CountryCode::parse("XX"),
            Err(crate::domain::Problem::UnknownChoice)
        );
        assert_eq!(
            CountryCode::parse(""),
            Err(crate::domain::Problem::Required)
        );
    }

    #[test]
    fn regions_follow_the_country() {
        assert_eq!(find("US").unwrap().region, DataRegion::NorthAmerica);
        assert_eq!(find("DE").unwrap().region, DataRegion::Europe);
        assert_eq!(find("JP").unwrap().region, DataRegion::AsiaPacific);
    }
}
