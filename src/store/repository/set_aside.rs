//! Data the app could not read: moved to a key of its own, or left where it is when
//! it cannot be moved (then saving waits), and offered for download.

use super::open::{is_data_key, Opened};
use super::{keys, Repository};
use crate::store::codec::{decode_document, Unreadable};
use crate::store::record::revision_of;
use crate::store::{Storage, StorageError};

/// Stored data the app could not read, kept for the user to download.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SetAside {
    /// The keys it occupies: a set-aside key of its own, or (when it could not be
    /// moved, or is a newer version's whole data) the keys where it was found.
    pub keys: Vec<String>,
    /// True while it sits where the app saves: nothing is saved until it is gone.
    pub in_the_way: bool,
    pub reason: Unreadable,
    pub raw: String,
}

impl<S: Storage> Repository<S> {
    /// Moves unreadable data from `key` to a set-aside key of its own; when even that
    /// does not fit, it stays where it is and blocks saving until the user decides.
    pub(super) fn move_aside(
        &self,
        key: &str,
        raw: String,
        reason: Unreadable,
        opened: &mut Opened,
    ) {
        let slot = self.free_set_aside_key();
        let moved = self.storage.set(&slot, &raw).is_ok() && self.storage.remove(key).is_ok();
        if !moved {
            let _ = self.storage.remove(&slot);
            *self.blocked.borrow_mut() = Some(StorageError::Protected);
        }
        opened.set_aside.push(SetAside {
            keys: vec![if moved { slot } else { key.to_string() }],
            in_the_way: !moved,
            reason,
            raw,
        });
    }

    /// Data of a format this version cannot read (a newer one): left exactly as it
    /// is, offered for download as one JSON object of its keys, and saving waits.
    pub(super) fn keep_in_the_way(
        &self,
        all_keys: &[String],
        reason: Unreadable,
        opened: &mut Opened,
    ) {
        let theirs: Vec<String> = all_keys
            .iter()
            .filter(|k| is_data_key(k))
            .cloned()
            .collect();
        let everything: std::collections::BTreeMap<&str, String> = theirs
            .iter()
            .filter_map(|key| Some((key.as_str(), self.storage.get(key).ok().flatten()?)))
            .collect();
        let raw = serde_json::to_string(&everything).expect("a map of strings serialises");
        *self.blocked.borrow_mut() = Some(StorageError::Protected);
        opened.set_aside.push(SetAside {
            keys: theirs,
            in_the_way: true,
            reason,
            raw,
        });
    }

    /// The data kept aside under set-aside keys now (another tab may have added some).
    pub fn kept_aside(&self) -> Vec<SetAside> {
        self.read_set_aside(&self.storage.keys().unwrap_or_default())
    }

    pub(super) fn read_set_aside(&self, all_keys: &[String]) -> Vec<SetAside> {
        let mut found: Vec<(u32, SetAside)> = all_keys
            .iter()
            .filter(|k| keys::is_set_aside(k))
            .filter_map(|key| {
                let raw = self.storage.get(key).ok().flatten()?;
                let reason = match decode_document(&raw) {
                    Ok(_) => Unreadable::Superseded,
                    Err(Unreadable::Foreign) if revision_of(&raw).is_some() => {
                        Unreadable::Corrupt("a damaged record".into())
                    }
                    Err(reason) => reason,
                };
                let n = key
                    .rsplit(':')
                    .next()
                    .and_then(|n| n.parse().ok())
                    .unwrap_or(0);
                Some((
                    n,
                    SetAside {
                        keys: vec![key.clone()],
                        in_the_way: false,
                        reason,
                        raw,
                    },
                ))
            })
            .collect();
        crate::sort::sort_by_key(&mut found, |(n, _)| *n);
        found.into_iter().map(|(_, s)| s).collect()
    }

    fn free_set_aside_key(&self) -> String {
        let keys = self.storage.keys().unwrap_or_default();
        (1..)
            .map(|n| format!("{}:{n}", keys::SET_ASIDE))
            .find(|k| !keys.contains(k))
            .expect("a free number exists")
    }

    /// The user has downloaded (or given up) data kept aside.
    pub fn discard_set_aside(&self, item: &SetAside) -> Result<(), StorageError> {
        for key in &item.keys {
            self.storage.remove(key)?;
        }
        if item.in_the_way {
            *self.blocked.borrow_mut() = None;
            let head_gone = self.storage.get(keys::HEAD)?.is_none();
            if head_gone {
                self.revisions.borrow_mut().clear();
                self.generation.set(1);
                self.write_head(1)?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::*;
    use crate::domain::country::DataRegion;
    use crate::domain::Document;
    use crate::store::record::RecordId;
    use crate::store::MemoryStorage;
    #[test]
    fn a_newer_format_is_kept_in_place_until_discarded() {
        let storage = MemoryStorage::new();
        storage
            .set(keys::HEAD, r#"{"format":3,"generation":7}"#)
            .unwrap();
        storage
            .set("wholesale-partner-hub:7:partner", "future")
            .unwrap();
        let repo = Repository::new(&storage);
        let opened = repo.open();
        let aside = &opened.set_aside[0];
        assert_eq!(aside.reason, Unreadable::FutureVersion(3));
        assert!(aside.in_the_way && aside.raw.contains("future"));
        let mut doc = opened.document;
        let refused = commit(&repo, &mut doc, |d| {
            d.set_region_served(DataRegion::Europe, false).unwrap()
        });
        assert_eq!(refused, Err(StorageError::Protected));
        assert_eq!(
            storage
                .get("wholesale-partner-hub:7:partner")
                .unwrap()
                .as_deref(),
            Some("future")
        );
        repo.discard_set_aside(aside).unwrap();
        commit(&repo, &mut doc, |d| {
            d.set_region_served(DataRegion::Europe, false).unwrap()
        })
        .unwrap();
        assert_eq!(reopened(&storage), doc);
    }

    #[test]
    fn every_unreadable_find_is_kept_beside_the_earlier_ones() {
        let storage = MemoryStorage::new();
        storage
            .set(keys::SET_ASIDE, "first, from format 1")
            .unwrap();
        storage.set(keys::LEGACY_DOCUMENT, "{{second").unwrap();
        let opened = Repository::new(&storage).open();
        let raws: Vec<_> = opened.set_aside.iter().map(|s| s.raw.as_str()).collect();
        assert_eq!(raws, ["first, from format 1", "{{second"]);
        // A damaged record later is a third, and all three survive a reload.
        let repo = Repository::new(&storage);
        let mut doc = repo.open().document;
        commit(&repo, &mut doc, |d| {
            d.set_region_served(DataRegion::Europe, false).unwrap()
        })
        .unwrap();
        storage
            .set(&keys::record(1, RecordId::Partner), "1~5~damaged")
            .unwrap();
        let opened = Repository::new(&storage).open();
        assert_eq!(opened.set_aside.len(), 3);
        assert!(matches!(opened.set_aside[2].reason, Unreadable::Corrupt(_)));
        assert!(matches!(opened.set_aside[1].reason, Unreadable::Foreign));
        assert_eq!(opened.document, Document::sample());
        let again = Repository::new(&storage).open();
        let raws = |o: &Opened| {
            o.set_aside
                .iter()
                .map(|s| s.raw.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(raws(&again), raws(&opened));
        assert!(matches!(again.set_aside[2].reason, Unreadable::Corrupt(_)));
    }

    #[test]
    fn unreadable_data_that_cannot_be_moved_blocks_saving_instead() {
        let big = format!("{{\"version\":1,\"partner\":\"{}\"}}", "x".repeat(3_000));
        let storage = MemoryStorage::with_quota(keys::LEGACY_DOCUMENT.len() + big.len() + 10);
        storage.set(keys::LEGACY_DOCUMENT, &big).unwrap();
        let repo = Repository::new(&storage);
        let opened = repo.open();
        let aside = &opened.set_aside[0];
        assert!(aside.in_the_way && matches!(aside.reason, Unreadable::Corrupt(_)));
        let mut doc = opened.document;
        let refused = commit(&repo, &mut doc, |d| {
            d.set_region_served(DataRegion::Europe, false).unwrap()
        });
        assert_eq!(refused, Err(StorageError::Protected));
        assert_eq!(
            storage.get(keys::LEGACY_DOCUMENT).unwrap().as_deref(),
            Some(big.as_str())
        );
        repo.discard_set_aside(aside).unwrap();
        commit(&repo, &mut doc, |d| {
            d.set_region_served(DataRegion::Europe, false).unwrap()
        })
        .unwrap();
    }
}
