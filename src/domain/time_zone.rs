//! The time zones a location can be in, as people know them: "(UTC−06:00) Central Time
//! — Chicago", ordered by offset, and the one a state or province is in, so that a
//! location in Texas starts on Chicago's time rather than the country's first zone.
//!
//! Offsets are the zones' standard (winter) offsets, as Control Hub's own list shows
//! them; daylight saving is Webex's business, the IANA id is what it is sent.

/// A time zone of the country table: its IANA id, standard offset and names.
#[derive(Debug, PartialEq, Eq)]
pub struct Zone {
    pub id: &'static str,
    /// Minutes east of UTC, outside daylight saving.
    pub offset: i16,
    pub name: &'static str,
    pub name_ko: &'static str,
    pub city: &'static str,
    pub city_ko: &'static str,
}

macro_rules! zones {
    ($(($id:literal, $offset:expr, $name:literal, $ko:literal, $city:literal, $city_ko:literal)),+ $(,)?) => {
        /// Every zone of the country table.
        pub const ZONES: &[Zone] = &[
            $(Zone { id: $id, offset: $offset, name: $name, name_ko: $ko, city: $city, city_ko: $city_ko }),+
        ];
    };
}

const H: i16 = 60;

zones![
    (
        "Pacific/Honolulu",
        -10 * H,
        "Hawaii Time",
        "하와이 시간",
        "Honolulu",
        "호놀룰루"
    ),
    (
        "America/Anchorage",
        -9 * H,
        "Alaska Time",
        "알래스카 시간",
        "Anchorage",
        "앵커리지"
    ),
    (
        "America/Los_Angeles",
        -8 * H,
        "Pacific Time",
        "태평양 시간",
        "Los Angeles",
        "로스앤젤레스"
    ),
    (
        "America/Vancouver",
        -8 * H,
        "Pacific Time",
        "태평양 시간",
        "Vancouver",
        "밴쿠버"
    ),
    (
        "America/Tijuana",
        -8 * H,
        "Pacific Time",
        "태평양 시간",
        "Tijuana",
        "티후아나"
    ),
    (
        "America/Denver",
        -7 * H,
        "Mountain Time",
        "산악 시간",
        "Denver",
        "덴버"
    ),
    (
        "America/Phoenix",
        -7 * H,
        "Mountain Time (no daylight saving)",
        "산악 시간(일광 절약 시간 없음)",
        "Phoenix",
        "피닉스"
    ),
    (
        "America/Edmonton",
        -7 * H,
        "Mountain Time",
        "산악 시간",
        "Edmonton",
        "에드먼턴"
    ),
    (
        "America/Chicago",
        -6 * H,
        "Central Time",
        "중부 시간",
        "Chicago",
        "시카고"
    ),
    (
        "America/Winnipeg",
        -6 * H,
        "Central Time",
        "중부 시간",
        "Winnipeg",
        "위니펙"
    ),
    (
        "America/Regina",
        -6 * H,
        "Central Time (no daylight saving)",
        "중부 시간(일광 절약 시간 없음)",
        "Regina",
        "리자이나"
    ),
    (
        "America/Mexico_City",
        -6 * H,
        "Central Time",
        "중부 시간",
        "Mexico City",
        "멕시코시티"
    ),
    (
        "America/Monterrey",
        -6 * H,
        "Central Time",
        "중부 시간",
        "Monterrey",
        "몬테레이"
    ),
    (
        "America/New_York",
        -5 * H,
        "Eastern Time",
        "동부 시간",
        "New York",
        "뉴욕"
    ),
    (
        "America/Toronto",
        -5 * H,
        "Eastern Time",
        "동부 시간",
        "Toronto",
        "토론토"
    ),
    (
        "America/Cancun",
        -5 * H,
        "Eastern Time",
        "동부 시간",
        "Cancún",
        "칸쿤"
    ),
    (
        "America/Manaus",
        -4 * H,
        "Amazon Time",
        "아마존 시간",
        "Manaus",
        "마나우스"
    ),
    (
        "America/Halifax",
        -4 * H,
        "Atlantic Time",
        "대서양 시간",
        "Halifax",
        "핼리팩스"
    ),
    (
        "America/St_Johns",
        -3 * H - 30,
        "Newfoundland Time",
        "뉴펀들랜드 시간",
        "St. John's",
        "세인트존스"
    ),
    (
        "America/Sao_Paulo",
        -3 * H,
        "Brasília Time",
        "브라질리아 시간",
        "São Paulo",
        "상파울루"
    ),
    (
        "America/Fortaleza",
        -3 * H,
        "Brasília Time",
        "브라질리아 시간",
        "Fortaleza",
        "포르탈레자"
    ),
    (
        "America/Recife",
        -3 * H,
        "Brasília Time",
        "브라질리아 시간",
        "Recife",
        "헤시피"
    ),
    (
        "Atlantic/Azores",
        -H,
        "Azores Time",
        "아조레스 시간",
        "Azores",
        "아조레스"
    ),
    (
        "Europe/London",
        0,
        "Greenwich Mean Time",
        "그리니치 표준시",
        "London",
        "런던"
    ),
    (
        "Europe/Dublin",
        0,
        "Greenwich Mean Time",
        "그리니치 표준시",
        "Dublin",
        "더블린"
    ),
    (
        "Europe/Lisbon",
        0,
        "Western European Time",
        "서유럽 시간",
        "Lisbon",
        "리스본"
    ),
    (
        "Atlantic/Canary",
        0,
        "Western European Time",
        "서유럽 시간",
        "Canary Islands",
        "카나리아 제도"
    ),
    (
        "Europe/Amsterdam",
        H,
        "Central European Time",
        "중앙유럽 시간",
        "Amsterdam",
        "암스테르담"
    ),
    (
        "Europe/Berlin",
        H,
        "Central European Time",
        "중앙유럽 시간",
        "Berlin",
        "베를린"
    ),
    (
        "Europe/Brussels",
        H,
        "Central European Time",
        "중앙유럽 시간",
        "Brussels",
        "브뤼셀"
    ),
    (
        "Europe/Copenhagen",
        H,
        "Central European Time",
        "중앙유럽 시간",
        "Copenhagen",
        "코펜하겐"
    ),
    (
        "Europe/Madrid",
        H,
        "Central European Time",
        "중앙유럽 시간",
        "Madrid",
        "마드리드"
    ),
    (
        "Europe/Oslo",
        H,
        "Central European Time",
        "중앙유럽 시간",
        "Oslo",
        "오슬로"
    ),
    (
        "Europe/Paris",
        H,
        "Central European Time",
        "중앙유럽 시간",
        "Paris",
        "파리"
    ),
    (
        "Europe/Rome",
        H,
        "Central European Time",
        "중앙유럽 시간",
        "Rome",
        "로마"
    ),
    (
        "Europe/Stockholm",
        H,
        "Central European Time",
        "중앙유럽 시간",
        "Stockholm",
        "스톡홀름"
    ),
    (
        "Europe/Vienna",
        H,
        "Central European Time",
        "중앙유럽 시간",
        "Vienna",
        "빈"
    ),
    (
        "Europe/Warsaw",
        H,
        "Central European Time",
        "중앙유럽 시간",
        "Warsaw",
        "바르샤바"
    ),
    (
        "Europe/Zurich",
        H,
        "Central European Time",
        "중앙유럽 시간",
        "Zurich",
        "취리히"
    ),
    (
        "Europe/Helsinki",
        2 * H,
        "Eastern European Time",
        "동유럽 시간",
        "Helsinki",
        "헬싱키"
    ),
    (
        "Asia/Kolkata",
        5 * H + 30,
        "India Standard Time",
        "인도 표준시",
        "Kolkata",
        "콜카타"
    ),
    (
        "Asia/Singapore",
        8 * H,
        "Singapore Time",
        "싱가포르 시간",
        "Singapore",
        "싱가포르"
    ),
    (
        "Asia/Hong_Kong",
        8 * H,
        "Hong Kong Time",
        "홍콩 시간",
        "Hong Kong",
        "홍콩"
    ),
    (
        "Asia/Taipei",
        8 * H,
        "Taipei Time",
        "타이베이 시간",
        "Taipei",
        "타이베이"
    ),
    (
        "Australia/Perth",
        8 * H,
        "Australian Western Time",
        "오스트레일리아 서부 시간",
        "Perth",
        "퍼스"
    ),
    (
        "Asia/Seoul",
        9 * H,
        "Korean Standard Time",
        "한국 표준시",
        "Seoul",
        "서울"
    ),
    (
        "Asia/Tokyo",
        9 * H,
        "Japan Standard Time",
        "일본 표준시",
        "Tokyo",
        "도쿄"
    ),
    (
        "Australia/Darwin",
        9 * H + 30,
        "Australian Central Time",
        "오스트레일리아 중부 시간",
        "Darwin",
        "다윈"
    ),
    (
        "Australia/Adelaide",
        9 * H + 30,
        "Australian Central Time",
        "오스트레일리아 중부 시간",
        "Adelaide",
        "애들레이드"
    ),
    (
        "Australia/Brisbane",
        10 * H,
        "Australian Eastern Time (no daylight saving)",
        "오스트레일리아 동부 시간(일광 절약 시간 없음)",
        "Brisbane",
        "브리즈번"
    ),
    (
        "Australia/Sydney",
        10 * H,
        "Australian Eastern Time",
        "오스트레일리아 동부 시간",
        "Sydney",
        "시드니"
    ),
    (
        "Australia/Melbourne",
        10 * H,
        "Australian Eastern Time",
        "오스트레일리아 동부 시간",
        "Melbourne",
        "멜버른"
    ),
    (
        "Australia/Hobart",
        10 * H,
        "Australian Eastern Time",
        "오스트레일리아 동부 시간",
        "Hobart",
        "호바트"
    ),
    (
        "Pacific/Auckland",
        12 * H,
        "New Zealand Time",
        "뉴질랜드 시간",
        "Auckland",
        "오클랜드"
    ),
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
    fn every_zone_of_the_country_table_has_names_and_an_offset() {
        for country in COUNTRIES {
            for id in country.time_zones {
                let zone = find(id).unwrap_or_else(|| panic!("{id} has no entry"));
                assert!(!zone.name.is_empty() && !zone.city_ko.is_empty());
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
