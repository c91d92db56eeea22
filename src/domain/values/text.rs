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

/// How much of a text from outside (Webex's descriptions, statuses, tracking ids) is
/// shown and saved: enough for any message Webex writes, never a 50 MB one.
pub const OUTSIDE_TEXT_MAX: usize = 500;

/// Text from outside made safe to show and keep: invisible and reordering marks and
/// control characters dropped, white space folded, at most `max` characters (cut with
/// "…"). Reads only as far as it keeps, so a huge text costs no more than a short one.
pub fn outside_text(raw: &str, max: usize) -> String {
    let mut out = String::new();
    let mut kept = 0usize;
    let mut space = false;
    for c in raw.chars() {
        if is_invisible(c) || (c.is_control() && !c.is_whitespace()) {
            continue;
        }
        if c.is_whitespace() {
            space = kept > 0;
            continue;
        }
        let needed = usize::from(space) + 1;
        if kept + needed > max {
            // One character is kept back for the ellipsis.
            while kept >= max && out.pop().is_some() {
                kept -= 1;
            }
            if out.ends_with(' ') {
                out.pop();
            }
            out.push('…');
            return out;
        }
        if space {
            out.push(' ');
            kept += 1;
            space = false;
        }
        out.push(c);
        kept += 1;
    }
    out
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
    key_chars(name).collect()
}

/// Whether `name`'s [`name_key`] is `key`, without building it (rules compare one new
/// name with every name of the partner's book).
pub fn is_name(name: &str, key: &str) -> bool {
    key_chars(name).eq(key.chars())
}

/// The characters of a name's key, one by one.
fn key_chars(name: &str) -> impl Iterator<Item = char> + '_ {
    let visible = name.chars().filter(|c| !is_invisible(*c)).map(fold_width);
    let mut composed = ComposeHangul {
        chars: visible,
        held: None,
    }
    .peekable();
    // White space folded: none at either end, one space for each run between words.
    let mut started = false;
    std::iter::from_fn(move || loop {
        let c = composed.next()?;
        if !c.is_whitespace() {
            started = true;
            return Some(c);
        }
        while composed.next_if(|c| c.is_whitespace()).is_some() {}
        if started && composed.peek().is_some() {
            return Some(' ');
        }
    })
    .flat_map(char::to_lowercase)
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
struct ComposeHangul<I> {
    chars: I,
    held: Option<char>,
}

impl<I: Iterator<Item = char>> Iterator for ComposeHangul<I> {
    type Item = char;

    fn next(&mut self) -> Option<char> {
        const S_BASE: u32 = 0xAC00;
        const L_BASE: u32 = 0x1100;
        const V_BASE: u32 = 0x1161;
        const T_BASE: u32 = 0x11A7;
        const L_COUNT: u32 = 19;
        const V_COUNT: u32 = 21;
        const T_COUNT: u32 = 28;
        let mut current = self.held.take().or_else(|| self.chars.next())?;
        for c in self.chars.by_ref() {
            let (prev, code) = (current as u32, c as u32);
            let composed = if (L_BASE..L_BASE + L_COUNT).contains(&prev)
                && (V_BASE..V_BASE + V_COUNT).contains(&code)
            {
                char::from_u32(S_BASE + ((prev - L_BASE) * V_COUNT + code - V_BASE) * T_COUNT)
            } else if (S_BASE..S_BASE + 11_172).contains(&prev)
                && (prev - S_BASE).is_multiple_of(T_COUNT)
                && (T_BASE + 1..T_BASE + T_COUNT).contains(&code)
            {
                char::from_u32(prev + code - T_BASE)
            } else {
                None
            };
            match composed {
                Some(syllable) => current = syllable,
                None => {
                    self.held = Some(c);
                    return Some(current);
                }
            }
        }
        Some(current)
    }
}

/// Declares a newtype for bounded single-line text with one `parse` constructor.
///
/// `parse` applies today's rules. Stored data is read with the rules it was saved
/// under: `stored N` keeps reading values up to an earlier, longer bound, and `rule f`
/// adds a check (`fn(&str) -> Result<(), Problem>`) that only new input must pass.
/// A stored value that breaks today's rules still opens; `parse` on it says what to fix.
macro_rules! bounded_text {
    ($(#[$meta:meta])* $name:ident, $max:expr) => {
        $crate::domain::text::bounded_text!($(#[$meta])* $name, $max, stored $max, rule |_| Ok(()));
    };
    ($(#[$meta:meta])* $name:ident, $max:expr, stored $stored:expr) => {
        $crate::domain::text::bounded_text!($(#[$meta])* $name, $max, stored $stored, rule |_| Ok(()));
    };
    ($(#[$meta:meta])* $name:ident, $max:expr, rule $rule:expr) => {
        $crate::domain::text::bounded_text!($(#[$meta])* $name, $max, stored $max, rule $rule);
    };
    ($(#[$meta:meta])* $name:ident, $max:expr, stored $stored:expr, rule $rule:expr) => {
        $(#[$meta])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
        #[serde(try_from = "String", into = "String")]
        pub struct $name(String);

        impl $name {
            pub const MAX_CHARS: usize = $max;

            pub fn parse(raw: &str) -> Result<Self, $crate::domain::Problem> {
                let rule: fn(&str) -> Result<(), $crate::domain::Problem> = $rule;
                let line = $crate::domain::text::parse_line(raw, Self::MAX_CHARS)?;
                rule(&line).map(|()| Self(line))
            }

            /// Whether this value, perhaps saved under earlier rules, meets today's.
            pub fn check(&self) -> Result<(), $crate::domain::Problem> {
                Self::parse(&self.0).map(drop)
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
                $crate::domain::text::parse_line(&value, $stored)
                    .map(Self)
                    .map_err(|p| format!("invalid {}: {p:?}", stringify!($name)))
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

/// A long id cut to its ends for reading ("Y2lzY2…MzQ1"): Webex's ids run to 90
/// characters. What is at most 20 characters stays whole.
pub fn short_id(id: &str) -> String {
    let count = id.chars().count();
    if count <= 20 {
        return id.to_string();
    }
    let head: String = id.chars().take(6).collect();
    let tail: String = id.chars().skip(count - 4).collect();
    format!("{head}…{tail}")
}

/// A request's path and query with each long id cut ([`short_id`]):
/// "/wholesale/customers/Y2lzY2…MzQ1?orgId=Y2lzY2…ZjA5".
pub fn short_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len().min(80));
    let mut token = String::new();
    for c in path.chars() {
        if matches!(c, '/' | '?' | '=' | '&') {
            out.push_str(&short_id(&token));
            token.clear();
            out.push(c);
        } else {
            token.push(c);
        }
    }
    out.push_str(&short_id(&token));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_ids_are_cut_to_their_ends_and_the_rest_kept() {
        let id =
            "Y2lzY29zcGFyazovL3VzL0NVU1RPTUVSLzUxMDAwMDAxLTUxYTctNGExZS05ZDAwLTAwMDAwMDAwMDAwMQ";
        assert_eq!(short_id(id), "Y2lzY2…AwMQ");
        assert_eq!(short_id("SIMULATED_000012"), "SIMULATED_000012");
        assert_eq!(
            short_path(&format!("/wholesale/customers/{id}?orgId={id}&max=100")),
            "/wholesale/customers/Y2lzY2…AwMQ?orgId=Y2lzY2…AwMQ&max=100"
        );
        assert_eq!(short_path("/locations"), "/locations");
        assert_eq!(
            short_id("한국어로 된 아주 긴 이름이 스무 자를 넘는 경우입니다"),
            "한국어로 된…우입니다"
        );
    }
    use proptest::prelude::*;

    #[test]
    fn outside_text_is_cut_cleaned_and_folded() {
        assert_eq!(
            outside_text("  Bad\u{202E}  address\n\tline\u{0}  ", 500),
            "Bad address line"
        );
        assert_eq!(outside_text("abcdef", 6), "abcdef");
        assert_eq!(outside_text("abcdefg", 6), "abcde…");
        assert_eq!(outside_text("ab cdefg", 4), "ab…");
        let huge = "x".repeat(50_000_000);
        assert_eq!(
            outside_text(&huge, OUTSIDE_TEXT_MAX).chars().count(),
            OUTSIDE_TEXT_MAX
        );
        assert_eq!(outside_text("", 10), "");
    }

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
    fn a_key_is_recognised_without_building_one() {
        for (name, other) in [
            ("  Gold   Tier ", "gold tier"),
            ("Ｇｏｌｄ", "Golden"),
            ("한빛 물류", "한빛물류"),
        ] {
            assert!(is_name(name, &name_key(name)));
            assert_eq!(
                is_name(name, &name_key(other)),
                name_key(name) == name_key(other)
            );
        }
        assert_eq!(name_key("  a \u{3000} b  "), "a b");
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
        fn outside_text_is_bounded_and_visible(raw in "\\PC{0,80}", max in 1usize..40) {
            let out = outside_text(&raw, max);
            prop_assert!(out.chars().count() <= max);
            prop_assert!(!out.chars().any(|c| is_invisible(c) || c.is_control()));
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
