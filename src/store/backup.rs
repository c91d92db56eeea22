//! Backups: the file "Download backup" writes, read back by "Restore from backup" with
//! the same decoder as saved data (so any format the app can upgrade restores), and
//! checked as a whole before it may replace anything.

use super::codec::{decode_document, Unreadable};
use crate::domain::Document;
use serde::de::IgnoredAny;

/// Why a file cannot be restored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BackupProblem {
    /// Not JSON, or not this app's data.
    NotABackup,
    /// Written by a newer version of the app (its format number).
    NewerVersion(u64),
    /// This app's data, but a value or a reference in it is broken (details).
    Damaged(String),
}

/// The keys every backup has: JSON without them is some other file, whatever else it
/// holds (`{"version": 1, "name": …}` is not a damaged backup).
#[derive(serde::Deserialize)]
struct BackupShape {
    #[allow(dead_code)]
    version: IgnoredAny,
    #[allow(dead_code)]
    partner: IgnoredAny,
    #[allow(dead_code)]
    templates: IgnoredAny,
    #[allow(dead_code)]
    customers: IgnoredAny,
}

/// The document a backup file holds, ready to replace the saved data.
pub fn read_backup(text: &str) -> Result<Document, BackupProblem> {
    // Editors on some systems save a byte-order mark in front of JSON.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if !text.trim_start().starts_with('{') || serde_json::from_str::<BackupShape>(text).is_err() {
        return Err(BackupProblem::NotABackup);
    }
    let doc = decode_document(text).map_err(|why| match why {
        Unreadable::Foreign => BackupProblem::NotABackup,
        Unreadable::FutureVersion(v) => BackupProblem::NewerVersion(v),
        // The parser's words ("missing field `name` at line 1 column 34") are for no
        // one: the file is damaged, and that is all it says.
        Unreadable::Corrupt(_) | Unreadable::Superseded => BackupProblem::Damaged(String::new()),
    })?;
    let found = doc.inconsistencies();
    if !found.is_empty() {
        return Err(BackupProblem::Damaged(found.join("; ")));
    }
    Ok(doc.restored())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::encode_document;

    fn fixture() -> String {
        std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/format-1.json"
        ))
        .unwrap()
    }

    #[test]
    fn a_backup_reads_back_as_the_document_it_was() {
        let doc = read_backup(&fixture()).expect("the previous release's data restores");
        assert_eq!(doc.summary().customers, 2);
        assert_eq!(read_backup(&encode_document(&doc)), Ok(doc.clone()));
        assert_eq!(
            read_backup(&format!("\u{feff}{}", encode_document(&doc))),
            Ok(doc),
            "a byte-order mark is fine"
        );
    }

    #[test]
    fn what_is_not_a_whole_backup_is_refused_with_its_reason() {
        assert_eq!(
            read_backup("name,email\nAda,ada@example.com"),
            Err(BackupProblem::NotABackup)
        );
        assert_eq!(
            read_backup(r#"{"hello": "world"}"#),
            Err(BackupProblem::NotABackup)
        );
        let mut newer: serde_json::Value = serde_json::from_str(&fixture()).unwrap();
        newer["version"] = 9.into();
        assert_eq!(
            read_backup(&newer.to_string()),
            Err(BackupProblem::NewerVersion(9))
        );
        let mut bad_value: serde_json::Value = serde_json::from_str(&fixture()).unwrap();
        bad_value["customers"][0]["admin_email"] = "not an address".into();
        assert_eq!(
            read_backup(&bad_value.to_string()),
            Err(BackupProblem::Damaged(String::new())),
            "no parser text"
        );
        for other in [
            r#"{"version": 1, "name": "x"}"#,
            r#"{"version": 1, "partner": {}, "templates": []}"#,
            r#"[{"version": 1}]"#,
        ] {
            assert_eq!(
                read_backup(other),
                Err(BackupProblem::NotABackup),
                "{other}"
            );
        }
        let mut bad_reference: serde_json::Value = serde_json::from_str(&fixture()).unwrap();
        bad_reference["customers"][0]["template_id"] =
            "00000000-0000-4000-8000-000000000099".into();
        match read_backup(&bad_reference.to_string()) {
            Err(BackupProblem::Damaged(detail)) => {
                assert!(detail.contains("names a template the backup does not have"))
            }
            other => panic!("{other:?}"),
        }
    }
}
