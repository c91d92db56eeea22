//! Bounded single-line text: the shape of every name a partner types.

use crate::domain::Problem;

/// Characters that show nothing yet change what a name is: zero-width ones, and the
/// marks that reorder text (a right-to-left override reverses a tab title). Pasted
/// along with text, they would let "G\u{200B}old" stand beside "Gold".
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{061C}'
            | '\u{180E}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FEFF}'
    )
}

/// Trims, folds runs of white space into one space, and checks the length in characters.
pub fn parse_line(raw: &str, max: usize) -> Result<String, Problem> {
    if raw.chars().any(|c| c.is_control() && !c.is_whitespace()) {
        return Err(Problem::ControlCharacters);
    }
    if raw.chars().any(|c| matches!(c, '\n' | '\r' | '\t')) {
        return Err(Problem::ControlCharacters);
    }
    if raw.chars().any(is_invisible) {
        return Err(Problem::InvisibleCharacters);
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

/// The form in which two names are "the same" for uniqueness rules: invisible
/// characters removed, the compatibility forms names are typed in folded as NFKC
/// folds them (full-width "Ｇｏｌｄ" is "Gold", an ideographic space a space, Hangul
/// typed as separate jamo its syllable), white space folded, letters in lower case.
///
/// Not the whole of NFKC: its tables (the `unicode-normalization` crate) cost 64 KB
/// of compressed wasm, measured, for forms partners do not type in names.
pub fn name_key(name: &str) -> String {
    let folded: String = compose_hangul(name.chars().filter(|c| !is_invisible(*c)).map(fold_width));
    folded
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Full-width ASCII (U+FF01..U+FF5E) and the ideographic space, as NFKC maps them.
fn fold_width(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        c => c,
    }
}

/// Conjoining jamo (L V, L V T) composed into syllables: Unicode's algorithm (§3.12).
fn compose_hangul(chars: impl Iterator<Item = char>) -> String {
    const S_BASE: u32 = 0xAC00;
    const L_BASE: u32 = 0x1100;
    const V_BASE: u32 = 0x1161;
    const T_BASE: u32 = 0x11A7;
    const L_COUNT: u32 = 19;
    const V_COUNT: u32 = 21;
    const T_COUNT: u32 = 28;
    let mut out = String::new();
    let mut last: Option<char> = None;
    for c in chars {
        let (code, prev) = (c as u32, last.map(|p| p as u32));
        let composed = match prev {
            Some(l)
                if (L_BASE..L_BASE + L_COUNT).contains(&l)
                    && (V_BASE..V_BASE + V_COUNT).contains(&code) =>
            {
                char::from_u32(S_BASE + ((l - L_BASE) * V_COUNT + code - V_BASE) * T_COUNT)
            }
            Some(s)
                if (S_BASE..S_BASE + 11_172).contains(&s)
                    && (s - S_BASE).is_multiple_of(T_COUNT)
                    && (T_BASE + 1..T_BASE + T_COUNT).contains(&code) =>
            {
                char::from_u32(s + code - T_BASE)
            }
            _ => None,
        };
        match composed {
            Some(syllable) => last = Some(syllable),
            None => {
                out.extend(last);
                last = Some(c);
            }
        }
    }
    out.extend(last);
    out
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

    #[test]
    fn names_that_look_the_same_have_the_same_key() {
        assert_eq!(name_key("Ｇｏｌｄ"), name_key("Gold"));
        assert_eq!(name_key("G\u{200B}old"), name_key("Gold"));
        assert_eq!(name_key("\u{202E}Gold"), name_key("Gold"));
        // Hangul typed as separate jamo (as some systems store it) is the same syllable.
        assert_eq!(name_key("\u{1112}\u{1161}\u{11AB}빛"), name_key("한빛"));
        assert_ne!(name_key("Gold"), name_key("Golden"));
    }

    #[test]
    fn invisible_characters_are_refused_with_a_reason() {
        for raw in [
            "G\u{200B}old",
            "\u{202E}dloG",
            "Go\u{2066}ld",
            "\u{FEFF}Gold",
        ] {
            assert_eq!(
                parse_line(raw, 20),
                Err(Problem::InvisibleCharacters),
                "{raw:?}"
            );
        }
        assert_eq!(parse_line("Ｇｏｌｄ", 20).unwrap(), "Ｇｏｌｄ");
    }

    proptest! {
        #[test]
        fn look_alikes_of_a_name_share_its_key(name in "[A-Za-z0-9]{1,12}( [A-Za-z0-9]{1,12})?", at in 0usize..12) {
            // Full-width forms of ASCII, and a zero-width space anywhere.
            let wide: String = name
                .chars()
                .map(|c| if c == ' ' { '\u{3000}' } else { char::from_u32(c as u32 + 0xFEE0).unwrap() })
                .collect();
            let cut = name.char_indices().nth(at.min(name.len() - 1)).map(|(i, _)| i).unwrap_or(0);
            let hidden = format!("{}\u{200B}{}", &name[..cut], &name[cut..]);
            prop_assert_eq!(name_key(&wide), name_key(&name));
            prop_assert_eq!(name_key(&hidden), name_key(&name.to_uppercase()));
        }

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
