use super::codec::{decode_document, encode_document, Unreadable};
use super::{keys, Storage, StorageError};
use crate::domain::Document;
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::cell::Cell;

/// Stored data the app could not read, kept for the user to download.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SetAside {
    pub reason: Unreadable,
    pub raw: String,
}

/// What the app starts with.
#[derive(Debug)]
pub struct Opened {
    pub document: Document,
    pub set_aside: Option<SetAside>,
    /// Storage could not be read at all (disabled, or blocked by the browser).
    pub unavailable: Option<StorageError>,
    /// The text now stored under the document's key, if any: what the app last saved.
    pub stored: Option<String>,
}

pub struct Repository<S: Storage> {
    storage: S,
    /// True while unreadable data still occupies the document's key.
    protected: Cell<bool>,
}

impl<S: Storage> Repository<S> {
    pub fn new(storage: S) -> Self {
        Self {
            storage,
            protected: Cell::new(false),
        }
    }

    pub fn storage(&self) -> &S {
        &self.storage
    }

    /// Loads the document; unreadable data is moved aside, never overwritten.
    pub fn open(&self) -> Opened {
        let mut opened = Opened {
            document: Document::sample(),
            set_aside: None,
            unavailable: None,
            stored: None,
        };
        match self.storage.get(keys::DOCUMENT) {
            Ok(None) => {}
            Ok(Some(raw)) => match decode_document(&raw) {
                Ok(document) => {
                    opened.document = document;
                    opened.stored = Some(raw);
                }
                Err(reason) => {
                    // Move it aside first; only when that worked is the key free for new saves.
                    let moved = self.storage.set(keys::SET_ASIDE, &raw).is_ok()
                        && self.storage.remove(keys::DOCUMENT).is_ok();
                    self.protected.set(!moved);
                    if !moved {
                        opened.stored = Some(raw.clone());
                    }
                    opened.set_aside = Some(SetAside { reason, raw });
                }
            },
            Err(err) => opened.unavailable = Some(err),
        }
        if opened.set_aside.is_none() {
            if let Ok(Some(raw)) = self.storage.get(keys::SET_ASIDE) {
                let reason = decode_document(&raw).err().unwrap_or(Unreadable::Foreign);
                opened.set_aside = Some(SetAside { reason, raw });
            }
        }
        opened
    }

    /// Saves the whole document. On any error the previously saved one stays intact.
    pub fn save(&self, document: &Document) -> Result<(), StorageError> {
        self.save_encoded(&encode_document(document))
    }

    pub fn save_encoded(&self, encoded: &str) -> Result<(), StorageError> {
        if self.protected.get() {
            return Err(StorageError::Protected);
        }
        self.storage.set(keys::DOCUMENT, encoded)
    }

    /// The user has downloaded (or given up) the unreadable data.
    pub fn discard_set_aside(&self) -> Result<(), StorageError> {
        if self.protected.get() {
            self.storage.remove(keys::DOCUMENT)?;
            self.protected.set(false);
        }
        self.storage.remove(keys::SET_ASIDE)
    }

    /// A small side record (a wizard draft, a preference). Unreadable ones count as absent:
    /// they are conveniences, and the next change rewrites them.
    pub fn load<T: DeserializeOwned>(&self, key: &str) -> Option<T> {
        let raw = self.storage.get(key).ok().flatten()?;
        serde_json::from_str(&raw).ok()
    }

    pub fn store<T: Serialize>(&self, key: &str, value: &T) -> Result<(), StorageError> {
        let encoded = serde_json::to_string(value).expect("side records always serialise");
        self.storage.set(key, &encoded)
    }

    pub fn remove(&self, key: &str) -> Result<(), StorageError> {
        self.storage.remove(key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::MemoryStorage;

    fn repo_with(raw: Option<&str>, quota: Option<usize>) -> Repository<MemoryStorage> {
        let storage = quota.map(MemoryStorage::with_quota).unwrap_or_default();
        if let Some(raw) = raw {
            storage.set(keys::DOCUMENT, raw).unwrap();
        }
        Repository::new(storage)
    }

    #[test]
    fn a_fresh_browser_starts_with_the_sample() {
        let opened = repo_with(None, None).open();
        assert_eq!(opened.document, Document::sample());
        assert!(
            opened.set_aside.is_none() && opened.unavailable.is_none() && opened.stored.is_none()
        );
    }

    #[test]
    fn saved_documents_come_back() {
        let repo = repo_with(None, None);
        let mut doc = Document::sample();
        doc.partner.regions.pop();
        repo.save(&doc).unwrap();
        let opened = repo.open();
        assert_eq!(opened.document, doc);
        assert_eq!(opened.stored, Some(crate::store::encode_document(&doc)));
    }

    #[test]
    fn corrupt_data_is_moved_aside_and_survives_later_saves() {
        let repo = repo_with(Some("{{garbage"), None);
        let opened = repo.open();
        assert_eq!(
            opened.set_aside,
            Some(SetAside {
                reason: Unreadable::Foreign,
                raw: "{{garbage".into()
            })
        );
        assert_eq!(opened.document, Document::sample());
        repo.save(&opened.document).unwrap();
        assert_eq!(
            repo.storage().get(keys::SET_ASIDE).unwrap().as_deref(),
            Some("{{garbage")
        );
        // Still offered after a reload, until discarded.
        let again = repo.open();
        assert_eq!(again.set_aside.map(|s| s.raw).as_deref(), Some("{{garbage"));
        repo.discard_set_aside().unwrap();
        assert!(repo.open().set_aside.is_none());
    }

    #[test]
    fn unreadable_data_that_cannot_be_moved_blocks_saving_instead() {
        let big = format!("{{\"version\":1,\"partner\":\"{}\"}}", "x".repeat(3_000));
        let quota = keys::DOCUMENT.len() + big.len() + 10;
        let repo = repo_with(Some(&big), Some(quota));
        let opened = repo.open();
        assert!(matches!(
            opened.set_aside.as_ref().unwrap().reason,
            Unreadable::Corrupt(_)
        ));
        assert_eq!(repo.save(&opened.document), Err(StorageError::Protected));
        assert_eq!(
            repo.storage().get(keys::DOCUMENT).unwrap().as_deref(),
            Some(big.as_str())
        );
        repo.discard_set_aside().unwrap();
        repo.save(&opened.document).unwrap();
    }

    #[test]
    fn a_full_quota_keeps_what_was_saved() {
        let repo = repo_with(None, Some(4_000));
        let small = Document::sample();
        repo.save(&small).unwrap();
        let mut huge = small.clone();
        huge.partner.name = crate::domain::partner::PartnerName::parse(&"가".repeat(100)).unwrap();
        for _ in 0..40 {
            huge.partner.admins.extend(small.partner.admins.clone());
        }
        assert_eq!(repo.save(&huge), Err(StorageError::QuotaExceeded));
        assert_eq!(repo.open().document, small);
    }

    #[test]
    fn unreadable_side_records_count_as_absent() {
        let repo = repo_with(None, None);
        repo.storage()
            .set(keys::TEMPLATE_WIZARD, "[not a draft")
            .unwrap();
        assert_eq!(
            repo.load::<crate::domain::template::TemplateWizard>(keys::TEMPLATE_WIZARD),
            None
        );
        let wizard = crate::domain::template::create_wizard(&Document::sample().partner);
        repo.store(keys::TEMPLATE_WIZARD, &wizard).unwrap();
        assert_eq!(repo.load(keys::TEMPLATE_WIZARD), Some(wizard));
    }
}
