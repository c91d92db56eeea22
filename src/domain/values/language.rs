//! Languages Webex sends onboarding e-mails in (BCP-47 style tags as the API spells them).

use serde::{Deserialize, Serialize};

/// (tag, name in that language)
pub const EMAIL_LANGUAGES: &[(&str, &str)] = &[
    ("en_US", "English (United States)"),
    ("en_GB", "English (United Kingdom)"),
    ("da_DK", "Dansk"),
    ("de_DE", "Deutsch"),
    ("es_ES", "Español (España)"),
    ("es_MX", "Español (México)"),
    ("fr_FR", "Français (France)"),
    ("fr_CA", "Français (Canada)"),
    ("it_IT", "Italiano"),
    ("nl_NL", "Nederlands"),
    ("nb_NO", "Norsk bokmål"),
    ("pl_PL", "Polski"),
    ("pt_BR", "Português (Brasil)"),
    ("sv_SE", "Svenska"),
    ("ja_JP", "日本語"),
    ("ko_KR", "한국어"),
    ("zh_CN", "中文（简体）"),
    ("zh_TW", "中文（繁體）"),
];

#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(into = "String")]
pub struct LanguageTag(&'static str);

/// The email language of a country of the table, where one names it ("ko_KR" for KR).
/// Not Canada's French: most Canadian offices speak English, and French is chosen.
pub fn of_country(code: &str) -> Option<&'static str> {
    EMAIL_LANGUAGES
        .iter()
        .map(|(tag, _)| *tag)
        .filter(|tag| *tag != "fr_CA")
        .find(|tag| tag.rsplit('_').next() == Some(code))
}

impl LanguageTag {
    pub fn parse(raw: &str) -> Result<Self, crate::domain::Problem> {
        let raw = raw.trim();
        if raw.is_empty() {
            return Err(crate::domain::Problem::Required);
        }
        EMAIL_LANGUAGES
            .iter()
            .find(|(tag, _)| {
                tag.eq_ignore_ascii_case(raw) || tag.replace('_', "-").eq_ignore_ascii_case(raw)
            })
            .map(|(tag, _)| Self(tag))
            .ok_or(crate::domain::Problem::UnknownChoice)
    }

    /// As `customerInfo.language` takes it: `{ISO-639-1}_{ISO-3166}` ("en_US").
    pub fn webex_locale(&self) -> &'static str {
        self.0
    }

    /// As the calling location and the Locations API take it: lower case ("en_us").
    pub fn webex_lower(&self) -> String {
        self.0.to_ascii_lowercase()
    }

    /// The announcement language Webex Calling is given for a location in this
    /// language: its own where `offered` (Webex's codes) has it, else English, and
    /// `true` for a fallback (which is said).
    pub fn announcement(&self, offered: &[String]) -> (String, bool) {
        const ENGLISH: &str = "en_us";
        let own = self.webex_lower();
        if offered.contains(&own) {
            (own, false)
        } else if offered.iter().any(|c| c == ENGLISH) || offered.is_empty() {
            (ENGLISH.to_string(), true)
        } else {
            (offered[0].clone(), true)
        }
    }

    pub fn display_name(&self) -> &'static str {
        EMAIL_LANGUAGES
            .iter()
            .find(|(t, _)| *t == self.0)
            .map(|(_, n)| *n)
            .unwrap_or(self.0)
    }
}

impl AsRef<str> for LanguageTag {
    fn as_ref(&self) -> &str {
        self.0
    }
}

// Written by hand: serde's derive cannot read into a `&'static str` field.
impl<'de> Deserialize<'de> for LanguageTag {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = String::deserialize(deserializer)?;
        Self::parse(&raw).map_err(|_| serde::de::Error::custom(format!("unknown language {raw:?}")))
    }
}

impl From<LanguageTag> for String {
    fn from(value: LanguageTag) -> String {
        value.0.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_parse_with_either_separator() {
        assert_eq!(LanguageTag::parse("ko_KR").unwrap().as_ref(), "ko_KR");
        assert_eq!(
            LanguageTag::parse("ko-kr").unwrap().display_name(),
            "한국어"
        );
        assert!(LanguageTag::parse("xx_XX").is_err());
    }

    #[test]
    fn a_country_brings_its_language_and_canada_english() {
        assert_eq!(of_country("KR"), Some("ko_KR"));
        assert_eq!(of_country("CA"), None, "English unless French is chosen");
        assert_eq!(of_country("US"), Some("en_US"));
    }

    #[test]
    fn every_tag_is_in_the_form_webex_takes() {
        for (tag, _) in EMAIL_LANGUAGES {
            let (language, region) = tag.split_once('_').expect("language_REGION");
            assert!(
                language.len() == 2 && language.chars().all(|c| c.is_ascii_lowercase()),
                "{tag}"
            );
            assert!(
                region.len() == 2 && region.chars().all(|c| c.is_ascii_uppercase()),
                "{tag}"
            );
            let parsed = LanguageTag::parse(tag).unwrap();
            assert_eq!(parsed.webex_lower(), tag.to_lowercase());
        }
    }
}
