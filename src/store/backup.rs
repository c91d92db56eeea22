//! Backups: the file "Download backup" writes, read back by "Restore from backup" with
//! the same decoder as saved data (so any format the app can upgrade restores), and
//! checked as a whole before it may replace anything.

use super::codec::{decode_document, Unreadable};
use crate::domain::Document;

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

/// The document a backup file holds, ready to replace the saved data.
pub fn read_backup(text: &str) -> Result<Document, BackupProblem> {
    // Editors on some systems save a byte-order mark in front of JSON.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let doc = decode_document(text).map_err(|why| match why {
        Unreadable::Foreign => BackupProblem::NotABackup,
        Unreadable::FutureVersion(v) => BackupProblem::NewerVersion(v),
        Unreadable::Corrupt(detail) => BackupProblem::Damaged(detail),
        Unreadable::Superseded => BackupProblem::Damaged(String::new()),
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
        assert!(matches!(
            read_backup(&bad_value.to_string()),
            Err(BackupProblem::Damaged(_))
        ));
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
