//! Place names, in each language: countries and time zones. The domain knows a place
//! by its code (ISO 3166, IANA); these are the names people know it by.

use super::Lang;

/// A name in each language.
struct Names {
    en: &'static str,
    ko: &'static str,
}

impl Names {
    fn of(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.en,
            Lang::Ko => self.ko,
        }
    }
}

/// Every country of `domain::country::COUNTRIES`, by ISO 3166 alpha-2 code.
const COUNTRIES: &[(&str, Names)] = &[
    (
        "AU",
        Names {
            en: "Australia",
            ko: "오스트레일리아",
        },
    ),
    (
        "AT",
        Names {
            en: "Austria",
            ko: "오스트리아",
        },
    ),
    (
        "BE",
        Names {
            en: "Belgium",
            ko: "벨기에",
        },
    ),
    (
        "BR",
        Names {
            en: "Brazil",
            ko: "브라질",
        },
    ),
    (
        "CA",
        Names {
            en: "Canada",
            ko: "캐나다",
        },
    ),
    (
        "DK",
        Names {
            en: "Denmark",
            ko: "덴마크",
        },
    ),
    (
        "FI",
        Names {
            en: "Finland",
            ko: "핀란드",
        },
    ),
    (
        "FR",
        Names {
            en: "France",
            ko: "프랑스",
        },
    ),
    (
        "DE",
        Names {
            en: "Germany",
            ko: "독일",
        },
    ),
    (
        "HK",
        Names {
            en: "Hong Kong",
            ko: "홍콩",
        },
    ),
    (
        "IN",
        Names {
            en: "India",
            ko: "인도",
        },
    ),
    (
        "IE",
        Names {
            en: "Ireland",
            ko: "아일랜드",
        },
    ),
    (
        "IT",
        Names {
            en: "Italy",
            ko: "이탈리아",
        },
    ),
    (
        "JP",
        Names {
            en: "Japan",
            ko: "일본",
        },
    ),
    (
        "MX",
        Names {
            en: "Mexico",
            ko: "멕시코",
        },
    ),
    (
        "NL",
        Names {
            en: "Netherlands",
            ko: "네덜란드",
        },
    ),
    (
        "NZ",
        Names {
            en: "New Zealand",
            ko: "뉴질랜드",
        },
    ),
    (
        "NO",
        Names {
            en: "Norway",
            ko: "노르웨이",
        },
    ),
    (
        "PL",
        Names {
            en: "Poland",
            ko: "폴란드",
        },
    ),
    (
        "PT",
        Names {
            en: "Portugal",
            ko: "포르투갈",
        },
    ),
    (
        "SG",
        Names {
            en: "Singapore",
            ko: "싱가포르",
        },
    ),
    (
        "KR",
        Names {
            en: "South Korea",
            ko: "대한민국",
        },
    ),
    (
        "ES",
        Names {
            en: "Spain",
            ko: "스페인",
        },
    ),
    (
        "SE",
        Names {
            en: "Sweden",
            ko: "스웨덴",
        },
    ),
    (
        "CH",
        Names {
            en: "Switzerland",
            ko: "스위스",
        },
    ),
    (
        "TW",
        Names {
            en: "Taiwan",
            ko: "대만",
        },
    ),
    (
        "GB",
        Names {
            en: "United Kingdom",
            ko: "영국",
        },
    ),
    (
        "US",
        Names {
            en: "United States",
            ko: "미국",
        },
    ),
];

/// Every zone of `domain::time_zone::ZONES`, by IANA id: the zone's name and the city
/// it is known by.
const ZONES: &[(&str, Names, Names)] = &[
    (
        "Pacific/Honolulu",
        Names {
            en: "Hawaii Time",
            ko: "하와이 시간",
        },
        Names {
            en: "Honolulu",
            ko: "호놀룰루",
        },
    ),
    (
        "America/Anchorage",
        Names {
            en: "Alaska Time",
            ko: "알래스카 시간",
        },
        Names {
            en: "Anchorage",
            ko: "앵커리지",
        },
    ),
    (
        "America/Los_Angeles",
        Names {
            en: "Pacific Time",
            ko: "태평양 시간",
        },
        Names {
            en: "Los Angeles",
            ko: "로스앤젤레스",
        },
    ),
    (
        "America/Vancouver",
        Names {
            en: "Pacific Time",
            ko: "태평양 시간",
        },
        Names {
            en: "Vancouver",
            ko: "밴쿠버",
        },
    ),
    (
        "America/Tijuana",
        Names {
            en: "Pacific Time",
            ko: "태평양 시간",
        },
        Names {
            en: "Tijuana",
            ko: "티후아나",
        },
    ),
    (
        "America/Denver",
        Names {
            en: "Mountain Time",
            ko: "산악 시간",
        },
        Names {
            en: "Denver",
            ko: "덴버",
        },
    ),
    (
        "America/Phoenix",
        Names {
            en: "Mountain Time (no daylight saving)",
            ko: "산악 시간(일광 절약 시간 없음)",
        },
        Names {
            en: "Phoenix",
            ko: "피닉스",
        },
    ),
    (
        "America/Edmonton",
        Names {
            en: "Mountain Time",
            ko: "산악 시간",
        },
        Names {
            en: "Edmonton",
            ko: "에드먼턴",
        },
    ),
    (
        "America/Chicago",
        Names {
            en: "Central Time",
            ko: "중부 시간",
        },
        Names {
            en: "Chicago",
            ko: "시카고",
        },
    ),
    (
        "America/Winnipeg",
        Names {
            en: "Central Time",
            ko: "중부 시간",
        },
        Names {
            en: "Winnipeg",
            ko: "위니펙",
        },
    ),
    (
        "America/Regina",
        Names {
            en: "Central Time (no daylight saving)",
            ko: "중부 시간(일광 절약 시간 없음)",
        },
        Names {
            en: "Regina",
            ko: "리자이나",
        },
    ),
    (
        "America/Mexico_City",
        Names {
            en: "Central Time",
            ko: "중부 시간",
        },
        Names {
            en: "Mexico City",
            ko: "멕시코시티",
        },
    ),
    (
        "America/Monterrey",
        Names {
            en: "Central Time",
            ko: "중부 시간",
        },
        Names {
            en: "Monterrey",
            ko: "몬테레이",
        },
    ),
    (
        "America/New_York",
        Names {
            en: "Eastern Time",
            ko: "동부 시간",
        },
        Names {
            en: "New York",
            ko: "뉴욕",
        },
    ),
    (
        "America/Toronto",
        Names {
            en: "Eastern Time",
            ko: "동부 시간",
        },
        Names {
            en: "Toronto",
            ko: "토론토",
        },
    ),
    (
        "America/Cancun",
        Names {
            en: "Eastern Time",
            ko: "동부 시간",
        },
        Names {
            en: "Cancún",
            ko: "칸쿤",
        },
    ),
    (
        "America/Manaus",
        Names {
            en: "Amazon Time",
            ko: "아마존 시간",
        },
        Names {
            en: "Manaus",
            ko: "마나우스",
        },
    ),
    (
        "America/Halifax",
        Names {
            en: "Atlantic Time",
            ko: "대서양 시간",
        },
        Names {
            en: "Halifax",
            ko: "핼리팩스",
        },
    ),
    (
        "America/St_Johns",
        Names {
            en: "Newfoundland Time",
            ko: "뉴펀들랜드 시간",
        },
        Names {
            en: "St. John's",
            ko: "세인트존스",
        },
    ),
    (
        "America/Sao_Paulo",
        Names {
            en: "Brasília Time",
            ko: "브라질리아 시간",
        },
        Names {
            en: "São Paulo",
            ko: "상파울루",
        },
    ),
    (
        "America/Fortaleza",
        Names {
            en: "Brasília Time",
            ko: "브라질리아 시간",
        },
        Names {
            en: "Fortaleza",
            ko: "포르탈레자",
        },
    ),
    (
        "America/Recife",
        Names {
            en: "Brasília Time",
            ko: "브라질리아 시간",
        },
        Names {
            en: "Recife",
            ko: "헤시피",
        },
    ),
    (
        "Atlantic/Azores",
        Names {
            en: "Azores Time",
            ko: "아조레스 시간",
        },
        Names {
            en: "Azores",
            ko: "아조레스",
        },
    ),
    (
        "Europe/London",
        Names {
            en: "Greenwich Mean Time",
            ko: "그리니치 표준시",
        },
        Names {
            en: "London",
            ko: "런던",
        },
    ),
    (
        "Europe/Dublin",
        Names {
            en: "Greenwich Mean Time",
            ko: "그리니치 표준시",
        },
        Names {
            en: "Dublin",
            ko: "더블린",
        },
    ),
    (
        "Europe/Lisbon",
        Names {
            en: "Western European Time",
            ko: "서유럽 시간",
        },
        Names {
            en: "Lisbon",
            ko: "리스본",
        },
    ),
    (
        "Atlantic/Canary",
        Names {
            en: "Western European Time",
            ko: "서유럽 시간",
        },
        Names {
            en: "Canary Islands",
            ko: "카나리아 제도",
        },
    ),
    (
        "Europe/Amsterdam",
        Names {
            en: "Central European Time",
            ko: "중앙유럽 시간",
        },
        Names {
            en: "Amsterdam",
            ko: "암스테르담",
        },
    ),
    (
        "Europe/Berlin",
        Names {
            en: "Central European Time",
            ko: "중앙유럽 시간",
        },
        Names {
            en: "Berlin",
            ko: "베를린",
        },
    ),
    (
        "Europe/Brussels",
        Names {
            en: "Central European Time",
            ko: "중앙유럽 시간",
        },
        Names {
            en: "Brussels",
            ko: "브뤼셀",
        },
    ),
    (
        "Europe/Copenhagen",
        Names {
            en: "Central European Time",
            ko: "중앙유럽 시간",
        },
        Names {
            en: "Copenhagen",
            ko: "코펜하겐",
        },
    ),
    (
        "Europe/Madrid",
        Names {
            en: "Central European Time",
            ko: "중앙유럽 시간",
        },
        Names {
            en: "Madrid",
            ko: "마드리드",
        },
    ),
    (
        "Europe/Oslo",
        Names {
            en: "Central European Time",
            ko: "중앙유럽 시간",
        },
        Names {
            en: "Oslo",
            ko: "오슬로",
        },
    ),
    (
        "Europe/Paris",
        Names {
            en: "Central European Time",
            ko: "중앙유럽 시간",
        },
        Names {
            en: "Paris",
            ko: "파리",
        },
    ),
    (
        "Europe/Rome",
        Names {
            en: "Central European Time",
            ko: "중앙유럽 시간",
        },
        Names {
            en: "Rome",
            ko: "로마",
        },
    ),
    (
        "Europe/Stockholm",
        Names {
            en: "Central European Time",
            ko: "중앙유럽 시간",
        },
        Names {
            en: "Stockholm",
            ko: "스톡홀름",
        },
    ),
    (
        "Europe/Vienna",
        Names {
            en: "Central European Time",
            ko: "중앙유럽 시간",
        },
        Names {
            en: "Vienna",
            ko: "빈",
        },
    ),
    (
        "Europe/Warsaw",
        Names {
            en: "Central European Time",
            ko: "중앙유럽 시간",
        },
        Names {
            en: "Warsaw",
            ko: "바르샤바",
        },
    ),
    (
        "Europe/Zurich",
        Names {
            en: "Central European Time",
            ko: "중앙유럽 시간",
        },
        Names {
            en: "Zurich",
            ko: "취리히",
        },
    ),
    (
        "Europe/Helsinki",
        Names {
            en: "Eastern European Time",
            ko: "동유럽 시간",
        },
        Names {
            en: "Helsinki",
            ko: "헬싱키",
        },
    ),
    (
        "Asia/Kolkata",
        Names {
            en: "India Standard Time",
            ko: "인도 표준시",
        },
        Names {
            en: "Kolkata",
            ko: "콜카타",
        },
    ),
    (
        "Asia/Singapore",
        Names {
            en: "Singapore Time",
            ko: "싱가포르 시간",
        },
        Names {
            en: "Singapore",
            ko: "싱가포르",
        },
    ),
    (
        "Asia/Hong_Kong",
        Names {
            en: "Hong Kong Time",
            ko: "홍콩 시간",
        },
        Names {
            en: "Hong Kong",
            ko: "홍콩",
        },
    ),
    (
        "Asia/Taipei",
        Names {
            en: "Taipei Time",
            ko: "타이베이 시간",
        },
        Names {
            en: "Taipei",
            ko: "타이베이",
        },
    ),
    (
        "Australia/Perth",
        Names {
            en: "Australian Western Time",
            ko: "오스트레일리아 서부 시간",
        },
        Names {
            en: "Perth",
            ko: "퍼스",
        },
    ),
    (
        "Asia/Seoul",
        Names {
            en: "Korean Standard Time",
            ko: "한국 표준시",
        },
        Names {
            en: "Seoul",
            ko: "서울",
        },
    ),
    (
        "Asia/Tokyo",
        Names {
            en: "Japan Standard Time",
            ko: "일본 표준시",
        },
        Names {
            en: "Tokyo",
            ko: "도쿄",
        },
    ),
    (
        "Australia/Darwin",
        Names {
            en: "Australian Central Time",
            ko: "오스트레일리아 중부 시간",
        },
        Names {
            en: "Darwin",
            ko: "다윈",
        },
    ),
    (
        "Australia/Adelaide",
        Names {
            en: "Australian Central Time",
            ko: "오스트레일리아 중부 시간",
        },
        Names {
            en: "Adelaide",
            ko: "애들레이드",
        },
    ),
    (
        "Australia/Brisbane",
        Names {
            en: "Australian Eastern Time (no daylight saving)",
            ko: "오스트레일리아 동부 시간(일광 절약 시간 없음)",
        },
        Names {
            en: "Brisbane",
            ko: "브리즈번",
        },
    ),
    (
        "Australia/Sydney",
        Names {
            en: "Australian Eastern Time",
            ko: "오스트레일리아 동부 시간",
        },
        Names {
            en: "Sydney",
            ko: "시드니",
        },
    ),
    (
        "Australia/Melbourne",
        Names {
            en: "Australian Eastern Time",
            ko: "오스트레일리아 동부 시간",
        },
        Names {
            en: "Melbourne",
            ko: "멜버른",
        },
    ),
    (
        "Australia/Hobart",
        Names {
            en: "Australian Eastern Time",
            ko: "오스트레일리아 동부 시간",
        },
        Names {
            en: "Hobart",
            ko: "호바트",
        },
    ),
    (
        "Pacific/Auckland",
        Names {
            en: "New Zealand Time",
            ko: "뉴질랜드 시간",
        },
        Names {
            en: "Auckland",
            ko: "오클랜드",
        },
    ),
];

/// A country's name; its code when the table has no name for it.
pub fn country_name(lang: Lang, code: &'static str) -> &'static str {
    COUNTRIES
        .iter()
        .find(|(c, _)| *c == code)
        .map_or(code, |(_, names)| names.of(lang))
}

/// A time zone's name and its city ("Central Time", "Chicago"), if the table has it.
pub fn zone_names(lang: Lang, id: &str) -> Option<(&'static str, &'static str)> {
    ZONES
        .iter()
        .find(|(z, _, _)| *z == id)
        .map(|(_, name, city)| (name.of(lang), city.of(lang)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::country;
    use crate::domain::time_zone;

    #[test]
    fn every_country_and_zone_has_a_name_in_each_language() {
        for lang in Lang::ALL {
            for c in country::COUNTRIES {
                let name = country_name(lang, c.code);
                assert!(name != c.code && !name.is_empty(), "{} in {lang:?}", c.code);
            }
            for z in time_zone::ZONES {
                let (name, city) = zone_names(lang, z.id).unwrap_or_else(|| panic!("{}", z.id));
                assert!(!name.is_empty() && !city.is_empty(), "{} in {lang:?}", z.id);
            }
        }
        assert_eq!(country_name(Lang::Ko, "KR"), "대한민국");
        assert_eq!(country_name(Lang::En, "KR"), "South Korea");
    }

    #[test]
    fn countries_are_listed_by_english_name() {
        let names: Vec<_> = country::COUNTRIES
            .iter()
            .map(|c| country_name(Lang::En, c.code))
            .collect();
        let mut sorted = names.clone();
        sorted.sort();
        assert_eq!(
            names, sorted,
            "keep the country table sorted by English name"
        );
    }
}
