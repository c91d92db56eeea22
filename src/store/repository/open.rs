//! Opening the saved data: format 2's records, the upgrade from format 1, a fresh
//! start, and what cannot be used at all.

use super::{keys, Head, Repository, FORMAT};
use crate::domain::Document;
use crate::store::codec::{decode_document, Unreadable};
use crate::store::record::Record;
use crate::store::{SetAside, Storage, StorageError, StorageFault};
use std::collections::HashMap;

/// What the app starts with.
#[derive(Debug)]
pub struct Opened {
    pub document: Document,
    pub set_aside: Vec<SetAside>,
    /// Storage cannot be used at all (off, blocked, or it refuses every write), and
    /// why: the app works in memory and says so.
    pub unavailable: Option<StorageFault>,
    /// Storage works, but saving is not possible yet (for instance, the upgrade of
    /// the saved data did not fit); the user is told, and nothing is lost.
    pub save_error: Option<StorageError>,
}

impl<S: Storage> Repository<S> {
    /// Loads the saved data, upgrading format 1, finishing or undoing an interrupted
    /// replacement, and keeping unreadable data aside, never overwritten.
    pub fn open(&self) -> Opened {
        let mut opened = Opened {
            document: Document::sample(),
            set_aside: Vec::new(),
            unavailable: None,
            save_error: None,
        };
        self.revisions.borrow_mut().clear();
        *self.blocked.borrow_mut() = None;
        let found = self.storage.keys().and_then(|keys| {
            let head = self.storage.get(keys::HEAD)?;
            Ok((keys, head))
        });
        let (all_keys, head) = match found {
            Ok(found) => found,
            Err(err) => {
                opened.unavailable = Some(match err {
                    StorageError::Unavailable(fault) => fault,
                    _ => StorageFault::Failed,
                });
                return opened;
            }
        };
        opened.set_aside = self.read_set_aside(&all_keys);
        match head.map(|raw| serde_json::from_str::<Head>(&raw).map_err(|_| raw)) {
            Some(Ok(head)) if head.format == FORMAT => {
                self.generation.set(head.generation);
                self.load_records(&all_keys, head.upgraded_from, &mut opened);
            }
            Some(Ok(head)) => {
                let reason = if head.format > FORMAT {
                    Unreadable::FutureVersion(u64::from(head.format))
                } else {
                    Unreadable::Corrupt(format!("format {}", head.format))
                };
                self.keep_in_the_way(&all_keys, reason, &mut opened);
            }
            Some(Err(_)) => self.keep_in_the_way(&all_keys, Unreadable::Foreign, &mut opened),
            None => match self.storage.get(keys::LEGACY_DOCUMENT).ok().flatten() {
                Some(raw) => self.upgrade(&all_keys, raw, &mut opened),
                None => self.start_fresh(&all_keys, &mut opened),
            },
        }
        opened
    }

    /// Reads the records of the current generation; removes other generations'.
    fn load_records(
        &self,
        all_keys: &[String],
        upgraded_from: Option<String>,
        opened: &mut Opened,
    ) {
        let generation = self.generation.get();
        let mut doc = Document::sample();
        let mut revisions = HashMap::new();
        for key in all_keys {
            if key == keys::LEGACY_DOCUMENT {
                if let Ok(Some(raw)) = self.storage.get(key) {
                    if upgraded_from.as_deref() == Some(fingerprint(&raw).as_str()) {
                        let _ = self.storage.remove(key);
                    } else {
                        self.move_aside(key, raw, Unreadable::Superseded, opened);
                    }
                }
                continue;
            }
            let Some((g, id)) = keys::parse_record(key) else {
                continue;
            };
            if g < generation {
                // The head moved past it: left by a replacement interrupted after its head.
                let _ = self.storage.remove(key);
                continue;
            }
            if g > generation {
                // Another tab's replacement in progress, or one interrupted before its
                // head: never removed here (the next replacement removes it).
                continue;
            }
            let Ok(Some(raw)) = self.storage.get(key) else {
                continue;
            };
            match Record::decode(id, &raw) {
                Ok((revision, record)) => {
                    revisions.insert(id, revision);
                    match record {
                        Record::Partner(p) => doc.partner = p,
                        Record::Template(t) => doc.templates.push(t),
                        Record::Customer(c) => doc.customers.push(c),
                    }
                }
                Err(reason) => self.move_aside(key, raw, reason, opened),
            }
        }
        in_creation_order(&mut doc);
        opened.document = doc;
        *self.revisions.borrow_mut() = revisions;
    }

    /// Format 1 (one JSON document) becomes format 2's records, all or nothing.
    fn upgrade(&self, all_keys: &[String], raw: String, opened: &mut Opened) {
        // Records without a head are what an interrupted upgrade left: start over.
        for key in all_keys.iter().filter(|k| keys::parse_record(k).is_some()) {
            let _ = self.storage.remove(key);
        }
        match decode_document(&raw) {
            Ok(mut document) => {
                in_creation_order(&mut document);
                match self.replace_all_from(&document, Some(fingerprint(&raw))) {
                    Ok(()) => {
                        let _ = self.storage.remove(keys::LEGACY_DOCUMENT);
                    }
                    Err(err) => {
                        // The old document stays the saved data until the upgrade fits.
                        *self.blocked.borrow_mut() = Some(err.clone());
                        opened.save_error = Some(err);
                    }
                }
                opened.document = document;
            }
            Err(reason) => {
                self.move_aside(keys::LEGACY_DOCUMENT, raw, reason, opened);
                if self.blocked.borrow().is_none() {
                    self.start_fresh(all_keys, opened);
                }
            }
        }
    }

    /// A browser with no saved data: the head says "generation 1, no records yet".
    fn start_fresh(&self, all_keys: &[String], opened: &mut Opened) {
        for key in all_keys.iter().filter(|k| keys::parse_record(k).is_some()) {
            let _ = self.storage.remove(key);
        }
        self.generation.set(1);
        if let Err(err) = self.write_head(1) {
            if all_keys.is_empty() {
                // Nothing is stored and not even a few characters can be: this browser
                // refuses to let the site save (e.g. private mode of some browsers).
                opened.unavailable = Some(StorageFault::WritesRefused);
            } else {
                opened.save_error = Some(err);
            }
        }
    }
}

/// FNV-1a: enough to recognise one's own text again, not a security measure.
fn fingerprint(text: &str) -> String {
    let hash = text.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    format!("{hash:016x}")
}

/// Keys come in no particular order (nor did format 1 promise one): lists hold records
/// in the order they were made, as the domain inserts them.
fn in_creation_order(doc: &mut Document) {
    crate::sort::sort_by_key(&mut doc.templates, |t| (t.created_at, t.id));
    crate::sort::sort_by_key(&mut doc.customers, |c| (c.created_at, c.id));
}

/// Keys that hold the saved data (not drafts, preferences or kept-aside data).
pub(super) fn is_data_key(key: &str) -> bool {
    key == keys::HEAD || key == keys::LEGACY_DOCUMENT || keys::parse_record(key).is_some()
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::*;
    use crate::store::record::tests::fixture;
    use crate::store::MemoryStorage;
    #[test]
    fn a_fresh_browser_starts_with_the_sample_and_a_head() {
        let storage = MemoryStorage::new();
        let opened = Repository::new(&storage).open();
        assert_eq!(opened.document, Document::sample());
        assert!(opened.set_aside.is_empty() && opened.unavailable.is_none());
        assert_eq!(
            storage.get(keys::HEAD).unwrap().as_deref(),
            Some(r#"{"format":2,"generation":1}"#)
        );
    }

    #[test]
    fn format_1_is_upgraded_with_nothing_lost() {
        let expected = fixture();
        let storage = format_1(&expected);
        let opened = Repository::new(&storage).open();
        assert_eq!(opened.document, expected);
        assert!(opened.set_aside.is_empty() && opened.save_error.is_none());
        assert_eq!(storage.get(keys::LEGACY_DOCUMENT).unwrap(), None);
        // One key per record, and the same document when opened again.
        assert_eq!(storage.keys().unwrap().len(), 1 + 1 + 3 + 2);
        assert_eq!(reopened(&storage), expected);
    }

    #[test]
    fn an_upgrade_interrupted_at_any_write_is_done_again_on_the_next_start() {
        let expected = fixture();
        for n in 0..10 {
            let storage = format_1(&expected);
            storage.fail_after_writes(n);
            let first = Repository::new(&storage).open();
            assert_eq!(first.document, expected, "crash after {n} writes");
            storage.recover();
            let opened = Repository::new(&storage).open();
            assert_eq!(opened.document, expected, "after a crash after {n} writes");
            assert!(opened.set_aside.is_empty());
            assert_eq!(storage.get(keys::LEGACY_DOCUMENT).unwrap(), None);
            assert_eq!(storage.keys().unwrap().len(), 7, "no leftovers after {n}");
        }
    }

    #[test]
    fn a_browser_that_refuses_every_write_is_unavailable() {
        let storage = MemoryStorage::new();
        storage.fail_after_writes(0);
        let opened = Repository::new(&storage).open();
        assert_eq!(opened.unavailable, Some(StorageFault::WritesRefused));
    }

    #[test]
    fn a_full_browser_is_not_mistaken_for_one_that_refuses_writes() {
        let storage = MemoryStorage::with_quota(100);
        storage.set("filler", &"x".repeat(90)).unwrap();
        let opened = Repository::new(&storage).open();
        assert_eq!(opened.unavailable, None);
        assert_eq!(opened.save_error, Some(StorageError::QuotaExceeded));
    }
}
