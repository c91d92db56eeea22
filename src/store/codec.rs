use crate::domain::document::{Document, SCHEMA_VERSION};
use serde::de::IgnoredAny;
use serde::Deserialize;
use std::borrow::Cow;

/// Why a stored document could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Unreadable {
    /// Not JSON, or JSON without this app's shape: written by something else.
    Foreign,
    /// Saved by a newer version of the app than this one.
    FutureVersion(u64),
    /// Our shape and version, but a value breaks a rule (details for the curious).
    Corrupt(String),
    /// Readable, but saved by an older version of the app (still open in another
    /// tab) after this browser's data had been upgraded: kept so nothing is lost.
    Superseded,
}

pub fn encode_document(doc: &Document) -> String {
    serde_json::to_string(doc).expect("a document always serialises")
}

/// Just enough of a stored document to know whose and which version it is.
#[derive(Deserialize)]
struct Header {
    version: u64,
    #[allow(dead_code)]
    partner: IgnoredAny,
}

/// Reads a stored document, upgrading older versions; never panics on any input.
///
/// Parsed straight from text (not through `serde_json::Value`), so the wasm build
/// carries one copy of the document's deserialisation code, not two.
pub fn decode_document(raw: &str) -> Result<Document, Unreadable> {
    // serde would also read a struct from a JSON array; ours is always an object.
    if !raw.trim_start().starts_with('{') {
        return Err(Unreadable::Foreign);
    }
    let header: Header = serde_json::from_str(raw).map_err(|_| Unreadable::Foreign)?;
    if header.version > u64::from(SCHEMA_VERSION) {
        return Err(Unreadable::FutureVersion(header.version));
    }
    let current = migrate(raw, header.version)?;
    serde_json::from_str(&current).map_err(|e| Unreadable::Corrupt(e.to_string()))
}

/// Upgrades a document of version `from` to the current one, one step at a time.
/// Each schema change adds an arm here and a test with a document of the old shape.
fn migrate(raw: &str, from: u64) -> Result<Cow<'_, str>, Unreadable> {
    match from {
        1 => Ok(Cow::Borrowed(raw)),
        other => Err(Unreadable::Corrupt(format!(
            "unknown schema version {other}"
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_document_round_trips() {
        let doc = Document::sample();
        assert_eq!(decode_document(&encode_document(&doc)), Ok(doc));
    }

    #[test]
    fn foreign_data_is_recognised() {
        for raw in [
            "",
            "not json",
            "[1,2]",
            "{\"todos\":[]}",
            "{\"version\":1}",
            "null",
            "\"text\"",
        ] {
            assert_eq!(decode_document(raw), Err(Unreadable::Foreign), "{raw}");
        }
    }

    #[test]
    fn newer_versions_are_not_guessed_at() {
        let mut value = serde_json::to_value(Document::sample()).unwrap();
        value["version"] = 99.into();
        assert_eq!(
            decode_document(&value.to_string()),
            Err(Unreadable::FutureVersion(99))
        );
    }

    #[test]
    fn values_that_break_rules_are_corrupt() {
        let mut value = serde_json::to_value(Document::sample()).unwrap();
        value["partner"]["admins"][0]["email"] = "not-an-email".into();
        assert!(matches!(
            decode_document(&value.to_string()),
            Err(Unreadable::Corrupt(_))
        ));
        let mut value = serde_json::to_value(Document::sample()).unwrap();
        value["version"] = 0.into();
        assert!(matches!(
            decode_document(&value.to_string()),
            Err(Unreadable::Corrupt(_))
        ));
    }

    proptest! {
        #[test]
        fn arbitrary_text_never_panics(raw in ".{0,200}") {
            let _ = decode_document(&raw);
        }

        #[test]
        fn truncated_documents_are_refused(cut in 1usize..200) {
            let raw = encode_document(&Document::sample());
            let cut = raw.len().saturating_sub(cut);
            if raw.is_char_boundary(cut) {
                prop_assert!(decode_document(&raw[..cut]).is_err());
            }
        }
    }
}
