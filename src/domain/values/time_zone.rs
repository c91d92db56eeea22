//! The time zones a location can be in, as people know them: "(UTC−06:00) Central Time
//! — Chicago", ordered by offset, and the one a state or province is in, so that a
//! location in Texas starts on Chicago's time rather than the country's first zone.
//!
//! Offsets are the zones' standard (winter) offsets, as Control Hub's own list shows
//! them; daylight saving is Webex's business, the IANA id is what it is sent.

/// A time zone of the country table: its IANA id and standard offset (its names, in
/// each language, are the catalogue's: `i18n::places`).
#[derive(Debug, PartialEq, Eq)]
pub struct Zone {
    pub id: &'static str,
    /// Minutes east of UTC, outside daylight saving.
    pub offset: i16,
}

macro_rules! zones {
    ($(($id:literal, $offset:expr)),+ $(,)?) => {
        /// Every zone of the country table.
        pub const ZONES: &[Zone] = &[
            $(Zone { id: $id, offset: $offset }),+
        ];
    };
}

const H: i16 = 60;

zones![
    ("Pacific/Honolulu", -10 * H),
    ("America/Anchorage", -9 * H),
    ("America/Los_Angeles", -8 * H),
    ("America/Vancouver", -8 * H),
    ("America/Tijuana", -8 * H),
    ("America/Denver", -7 * H),
    ("America/Phoenix", -7 * H),
    ("America/Edmonton", -7 * H),
    ("America/Chicago", -6 * H),
    ("America/Winnipeg", -6 * H),
    ("America/Regina", -6 * H),
    ("America/Mexico_City", -6 * H),
    ("America/Monterrey", -6 * H),
    ("America/New_York", -5 * H),
    ("America/Toronto", -5 * H),
    ("America/Cancun", -5 * H),
    ("America/Manaus", -4 * H),
    ("America/Halifax", -4 * H),
    ("America/St_Johns", -3 * H - 30),
    ("America/Sao_Paulo", -3 * H),
    ("America/Fortaleza", -3 * H),
    ("America/Recife", -3 * H),
    ("Atlantic/Azores", -H),
    ("Europe/London", 0),
    ("Europe/Dublin", 0),
    ("Europe/Lisbon", 0),
    ("Atlantic/Canary", 0),
    ("Europe/Amsterdam", H),
    ("Europe/Berlin", H),
    ("Europe/Brussels", H),
    ("Europe/Copenhagen", H),
    ("Europe/Madrid", H),
    ("Europe/Oslo", H),
    ("Europe/Paris", H),
    ("Europe/Rome", H),
    ("Europe/Stockholm", H),
    ("Europe/Vienna", H),
    ("Europe/Warsaw", H),
    ("Europe/Zurich", H),
    ("Europe/Helsinki", 2 * H),
    ("Asia/Kolkata", 5 * H + 30),
    ("Asia/Singapore", 8 * H),
    ("Asia/Hong_Kong", 8 * H),
    ("Asia/Taipei", 8 * H),
    ("Australia/Perth", 8 * H),
    ("Asia/Seoul", 9 * H),
    ("Asia/Tokyo", 9 * H),
    ("Australia/Darwin", 9 * H + 30),
    ("Australia/Adelaide", 9 * H + 30),
    ("Australia/Brisbane", 10 * H),
    ("Australia/Sydney", 10 * H),
    ("Australia/Melbourne", 10 * H),
    ("Australia/Hobart", 10 * H),
    ("Pacific/Auckland", 12 * H),
];

/// The zone with this IANA id, if the table has it.
pub fn find(id: &str) -> Option<&'static Zone> {
    ZONES.iter().find(|z| z.id == id)
}

/// "UTC−06:00", "UTC+05:30", "UTC" — with a real minus sign, as the example.
pub fn offset_text(minutes: i16) -> String {
    if minutes == 0 {
        return "UTC".into();
    }
    let sign = if minutes < 0 { '−' } else { '+' };
    let m = minutes.unsigned_abs();
    format!("UTC{sign}{:02}:{:02}", m / 60, m % 60)
}

/// `zones` (IANA ids) ordered west to east, keeping the table's order within an offset.
pub fn by_offset(zones: &[&'static str]) -> Vec<&'static str> {
    let mut list = zones.to_vec();
    crate::sort::sort_by_key(&mut list, |id| find(id).map_or(0, |z| z.offset));
    list
}

/// The zone a state or province (its ISO 3166-2 code without the country, as saved)
/// is in, for the countries of the table with several zones; `None` where the country
/// has one zone, or the state is not listed (the country's first zone stays then).
/// States split between zones get the zone most of their people are in.
pub fn of_state(country: &str, state: &str) -> Option<&'static str> {
    let table: &[(&str, &[&str])] = match country {
        "US" => &[
            (
                "America/New_York",
                &[
                    "CT", "DE", "DC", "FL", "GA", "IN", "KY", "ME", "MD", "MA", "MI", "NH", "NJ",
                    "NY", "NC", "OH", "PA", "RI", "SC", "VT", "VA", "WV",
                ],
            ),
            (
                "America/Chicago",
                &[
                    "AL", "AR", "IL", "IA", "KS", "LA", "MN", "MS", "MO", "NE", "ND", "OK", "SD",
                    "TN", "TX", "WI",
                ],
            ),
            ("America/Denver", &["CO", "ID", "MT", "NM", "UT", "WY"]),
            ("America/Phoenix", &["AZ"]),
            ("America/Los_Angeles", &["CA", "NV", "OR", "WA"]),
            ("America/Anchorage", &["AK"]),
            ("Pacific/Honolulu", &["HI"]),
        ],
        "CA" => &[
            ("America/Toronto", &["ON", "QC", "NU"]),
            ("America/Vancouver", &["BC"]),
            ("America/Edmonton", &["AB", "NT", "YT"]),
            ("America/Winnipeg", &["MB"]),
            ("America/Regina", &["SK"]),
            ("America/Halifax", &["NS", "NB", "PE"]),
            ("America/St_Johns", &["NL"]),
        ],
        "AU" => &[
            ("Australia/Sydney", &["NSW", "ACT"]),
            ("Australia/Melbourne", &["VIC"]),
            ("Australia/Brisbane", &["QLD"]),
            ("Australia/Adelaide", &["SA"]),
            ("Australia/Perth", &["WA"]),
            ("Australia/Darwin", &["NT"]),
            ("Australia/Hobart", &["TAS"]),
        ],
        "BR" => &[
            (
                "America/Sao_Paulo",
                &[
                    "SP", "RJ", "MG", "ES", "PR", "SC", "RS", "GO", "DF", "BA", "TO",
                ],
            ),
            ("America/Manaus", &["AM", "RR", "RO", "MT", "MS"]),
            ("America/Fortaleza", &["CE", "RN", "PI", "MA", "PA", "AP"]),
            ("America/Recife", &["PE", "PB", "AL", "SE"]),
        ],
        "MX" => &[
            ("America/Monterrey", &["NLE", "COA", "TAM"]),
            ("America/Tijuana", &["BCN"]),
            ("America/Cancun", &["ROO"]),
        ],
        _ => &[],
    };
    let state = state.trim();
    table
        .iter()
        .find(|(_, states)| states.iter().any(|s| s.eq_ignore_ascii_case(state)))
        .map(|(zone, _)| *zone)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::country::COUNTRIES;
    use crate::domain::subdivision;

    #[test]
    fn every_zone_of_the_country_table_has_an_entry_and_an_offset() {
        for country in COUNTRIES {
            for id in country.time_zones {
                assert!(find(id).is_some(), "{id} has no entry");
            }
        }
        assert_eq!(offset_text(-6 * 60), "UTC−06:00");
        assert_eq!(offset_text(5 * 60 + 30), "UTC+05:30");
        assert_eq!(offset_text(-3 * 60 - 30), "UTC−03:30");
        assert_eq!(offset_text(0), "UTC");
    }

    #[test]
    fn states_map_to_a_zone_of_their_own_country_and_only_listed_states_map() {
        for country in COUNTRIES.iter().filter(|c| c.time_zones.len() > 1) {
            if let Some(list) = subdivision::of(country.code) {
                for (code, _) in list {
                    if let Some(zone) = of_state(country.code, code) {
                        assert!(
                            country.time_zones.contains(&zone),
                            "{}-{code} → {zone}",
                            country.code
                        );
                    }
                }
            }
        }
        assert_eq!(of_state("US", "TX"), Some("America/Chicago"));
        assert_eq!(of_state("US", "tx"), Some("America/Chicago"));
        assert_eq!(of_state("CA", "BC"), Some("America/Vancouver"));
        assert_eq!(of_state("AU", "QLD"), Some("Australia/Brisbane"));
        assert_eq!(of_state("KR", "11"), None, "one zone: nothing to choose");
        // Every US state and DC is listed (territories keep the country's first zone).
        let us = subdivision::of("US").unwrap();
        let mapped = us
            .iter()
            .filter(|(c, _)| of_state("US", c).is_some())
            .count();
        assert_eq!(mapped, 51);
    }

    #[test]
    fn zones_order_west_to_east() {
        let us = COUNTRIES.iter().find(|c| c.code == "US").unwrap();
        assert_eq!(
            by_offset(us.time_zones),
            [
                "Pacific/Honolulu",
                "America/Anchorage",
                "America/Los_Angeles",
                "America/Denver",
                "America/Phoenix",
                "America/Chicago",
                "America/New_York"
            ]
        );
    }
}
