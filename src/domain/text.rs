//! Bounded single-line text: the shape of every name a partner types.

use crate::domain::Problem;

/// Trims, folds runs of white space into one space, and checks the length in characters.
pub fn parse_line(raw: &str, max: usize) -> Result<String, Problem> {
    if raw.chars().any(|c| c.is_control() && !c.is_whitespace()) {
        return Err(Problem::ControlCharacters);
    }
    if raw.chars().any(|c| matches!(c, '\n' | '\r' | '\t')) {
        return Err(Problem::ControlCharacters);
    }
    let folded = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    if folded.is_empty() {
        return Err(Problem::Required);
    }
    if folded.chars().count() > max {
        return Err(Problem::TooLong { max });
    }
    Ok(folded)
}

/// The form in which two names are "the same" for uniqueness rules.
pub fn name_key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Declares a newtype for bounded single-line text with one `parse` constructor.
/// Serde goes through `parse` as well, so stored data is validated when it is read.
macro_rules! bounded_text {
    ($(#[$meta:meta])* $name:ident, $max:expr) => {
        $(#[$meta])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
        #[serde(try_from = "String", into = "String")]
        pub struct $name(String);

        impl $name {
            pub const MAX_CHARS: usize = $max;

            pub fn parse(raw: &str) -> Result<Self, $crate::domain::Problem> {
                $crate::domain::text::parse_line(raw, Self::MAX_CHARS).map(Self)
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl TryFrom<String> for $name {
            type Error = String;
            fn try_from(value: String) -> Result<Self, Self::Error> {
                Self::parse(&value).map_err(|p| format!("invalid {}: {p:?}", stringify!($name)))
            }
        }

        impl From<$name> for String {
            fn from(value: $name) -> String {
                value.0
            }
        }
    };
}
pub(crate) use bounded_text;

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn empty_and_blank_are_required() {
        assert_eq!(parse_line("", 10), Err(Problem::Required));
        assert_eq!(parse_line("   ", 10), Err(Problem::Required));
    }

    #[test]
    fn white_space_is_trimmed_and_folded() {
        assert_eq!(parse_line("  Acme   Telecom ", 20).unwrap(), "Acme Telecom");
    }

    #[test]
    fn length_counts_characters_not_bytes() {
        assert_eq!(parse_line("한국어템플릿", 6).unwrap(), "한국어템플릿");
        assert_eq!(
            parse_line("한국어템플릿!", 6),
            Err(Problem::TooLong { max: 6 })
        );
    }

    #[test]
    fn control_characters_are_refused() {
        assert_eq!(parse_line("a\nb", 10), Err(Problem::ControlCharacters));
        assert_eq!(parse_line("a\u{7}b", 10), Err(Problem::ControlCharacters));
    }

    #[test]
    fn name_keys_ignore_case_and_spacing() {
        assert_eq!(name_key(" Gold  Tier "), name_key("gold tier"));
    }

    proptest! {
        #[test]
        fn parsed_lines_are_stable(raw in "[ a-zA-Z0-9가-힣._-]{0,40}") {
            if let Ok(line) = parse_line(&raw, 40) {
                prop_assert_eq!(parse_line(&line, 40), Ok(line.clone()));
                prop_assert!(!line.starts_with(' ') && !line.ends_with(' '));
                prop_assert!(!line.contains("  "));
            }
        }
    }
}
