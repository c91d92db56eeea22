//! Postal address rules per country, as data (after the style of Microsoft Partner
//! Center's country validation rules): whether a state or province is required,
//! whether a postal code is, and the formats a postal code may take.

use crate::domain::Problem;

pub struct AddressRules {
    pub state_required: bool,
    pub postal_required: bool,
    /// Formats: `9` a digit, `A` a letter, `X` a letter or digit, anything else itself.
    /// Empty: any text is accepted.
    pub postal_formats: &'static [&'static str],
    /// A real postal code in the first format, for error messages.
    pub postal_example: &'static str,
}

const fn rules(
    state: bool,
    postal: bool,
    formats: &'static [&'static str],
    example: &'static str,
) -> AddressRules {
    AddressRules {
        state_required: state,
        postal_required: postal,
        postal_formats: formats,
        postal_example: example,
    }
}

/// Keyed by ISO 3166 alpha-2 code; every country in `country::COUNTRIES` has a row.
pub const ADDRESS_RULES: &[(&str, AddressRules)] = &[
    ("AU", rules(true, true, &["9999"], "2000")),
    ("AT", rules(false, true, &["9999"], "1010")),
    ("BE", rules(false, true, &["9999"], "1000")),
    (
        "BR",
        rules(true, true, &["99999-999", "99999999"], "01310-100"),
    ),
    ("CA", rules(true, true, &["A9A 9A9", "A9A9A9"], "K1A 0B1")),
    ("DK", rules(false, true, &["9999"], "1050")),
    ("FI", rules(false, true, &["99999"], "00100")),
    ("FR", rules(false, true, &["99999"], "75001")),
    ("DE", rules(false, true, &["99999"], "10115")),
    ("HK", rules(false, false, &[], "")),
    ("IN", rules(true, true, &["999999"], "110001")),
    (
        "IE",
        rules(false, false, &["A99 XXXX", "A99XXXX"], "D02 X285"),
    ),
    ("IT", rules(false, true, &["99999"], "00184")),
    (
        "JP",
        rules(false, true, &["999-9999", "9999999"], "100-0005"),
    ),
    ("MX", rules(true, true, &["99999"], "06600")),
    ("NL", rules(false, true, &["9999 AA", "9999AA"], "1012 AB")),
    ("NZ", rules(false, true, &["9999"], "6011")),
    ("NO", rules(false, true, &["9999"], "0150")),
    ("PL", rules(false, true, &["99-999"], "00-950")),
    ("PT", rules(false, true, &["9999-999"], "1100-148")),
    ("SG", rules(false, true, &["999999"], "018956")),
    ("KR", rules(false, true, &["99999"], "06164")),
    ("ES", rules(false, true, &["99999"], "28013")),
    ("SE", rules(false, true, &["999 99", "99999"], "111 52")),
    ("CH", rules(false, true, &["9999"], "8001")),
    (
        "TW",
        rules(false, true, &["999", "99999", "999999"], "10048"),
    ),
    (
        "GB",
        rules(
            false,
            true,
            &[
                "A9 9AA", "A99 9AA", "AA9 9AA", "AA99 9AA", "A9A 9AA", "AA9A 9AA",
            ],
            "SW1A 1AA",
        ),
    ),
    ("US", rules(true, true, &["99999", "99999-9999"], "94105")),
];

const NO_RULES: AddressRules = rules(false, false, &[], "");

pub fn rules_for(country: &str) -> &'static AddressRules {
    ADDRESS_RULES
        .iter()
        .find(|(code, _)| *code == country)
        .map(|(_, r)| r)
        .unwrap_or(&NO_RULES)
}

fn matches_format(code: &str, format: &str) -> bool {
    code.chars().count() == format.chars().count()
        && code.chars().zip(format.chars()).all(|(c, f)| match f {
            '9' => c.is_ascii_digit(),
            'A' => c.is_ascii_uppercase(),
            'X' => c.is_ascii_uppercase() || c.is_ascii_digit(),
            literal => c == literal,
        })
}

/// A postal code for `country`: trimmed and upper-cased, `None` when optional and empty.
pub fn parse_postal_code(raw: &str, country: &str) -> Result<Option<String>, Problem> {
    let rules = rules_for(country);
    let code = raw
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_uppercase();
    if code.is_empty() {
        return if rules.postal_required {
            Err(Problem::Required)
        } else {
            Ok(None)
        };
    }
    if code.chars().count() > 20 {
        return Err(Problem::TooLong { max: 20 });
    }
    if rules.postal_formats.is_empty()
        || rules
            .postal_formats
            .iter()
            .any(|f| matches_format(&code, f))
    {
        Ok(Some(code))
    } else {
        Err(Problem::PostalCodeFormat {
            example: rules.postal_example,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::country::COUNTRIES;
    use proptest::prelude::*;

    #[test]
    fn every_country_has_rules_and_a_valid_example() {
        for c in COUNTRIES {
            assert!(
                ADDRESS_RULES.iter().any(|(code, _)| *code == c.code),
                "no rules for {}",
                c.code
            );
            let r = rules_for(c.code);
            if !r.postal_formats.is_empty() {
                assert_eq!(
                    parse_postal_code(r.postal_example, c.code),
                    Ok(Some(r.postal_example.into())),
                    "{}",
                    c.code
                );
            }
        }
    }

    #[test]
    fn known_formats() {
        assert_eq!(
            parse_postal_code("94105-1234", "US"),
            Ok(Some("94105-1234".into()))
        );
        assert_eq!(
            parse_postal_code(" k1a 0b1 ", "CA"),
            Ok(Some("K1A 0B1".into()))
        );
        assert_eq!(
            parse_postal_code("sw1a 1aa", "GB"),
            Ok(Some("SW1A 1AA".into()))
        );
        assert_eq!(
            parse_postal_code("1000005", "JP"),
            Ok(Some("1000005".into()))
        );
        for (bad, country, example) in [
            ("9410", "US", "94105"),
            ("123456", "KR", "06164"),
            ("SW1A1AA", "GB", "SW1A 1AA"),
            ("1234", "DE", "10115"),
        ] {
            assert_eq!(
                parse_postal_code(bad, country),
                Err(Problem::PostalCodeFormat { example }),
                "{bad} {country}"
            );
        }
    }

    #[test]
    fn required_only_where_the_country_needs_it() {
        assert_eq!(parse_postal_code("", "US"), Err(Problem::Required));
        assert_eq!(parse_postal_code("  ", "HK"), Ok(None));
        assert_eq!(parse_postal_code("", "IE"), Ok(None));
        assert_eq!(
            parse_postal_code("Kowloon 1", "HK"),
            Ok(Some("KOWLOON 1".into()))
        );
        assert!(rules_for("US").state_required && !rules_for("DE").state_required);
    }

    /// A postal code generated from a country's format.
    fn code_for(format: &'static str) -> impl Strategy<Value = String> {
        let parts: Vec<BoxedStrategy<String>> = format
            .chars()
            .map(|f| match f {
                '9' => "[0-9]".boxed(),
                'A' => "[A-Z]".boxed(),
                'X' => "[A-Z0-9]".boxed(),
                literal => Just(literal.to_string()).boxed(),
            })
            .collect();
        parts.prop_map(|chars| chars.concat())
    }

    fn any_format() -> impl Strategy<Value = (&'static str, &'static str)> {
        let all: Vec<(&'static str, &'static str)> = ADDRESS_RULES
            .iter()
            .flat_map(|(country, r)| r.postal_formats.iter().map(move |f| (*country, *f)))
            .collect();
        proptest::sample::select(all)
    }

    proptest! {
        #[test]
        fn codes_in_a_countrys_format_parse(code in any_format().prop_flat_map(|(c, f)| (Just(c), code_for(f)))) {
            let (country, code) = code;
            prop_assert_eq!(parse_postal_code(&code.to_lowercase(), country), Ok(Some(code)));
        }

        #[test]
        fn five_digit_countries_refuse_other_lengths(code in "[0-9]{1,4}|[0-9]{6,9}") {
            for country in ["KR", "DE", "FR", "ES", "IT", "MX"] {
                let refused = matches!(parse_postal_code(&code, country), Err(Problem::PostalCodeFormat { .. }));
                prop_assert!(refused, "{} accepted for {}", code, country);
            }
        }
    }
}
