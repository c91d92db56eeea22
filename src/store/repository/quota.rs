//! Room in storage, for explaining a refusal: how much a change needed, and how much
//! was free.

use super::commit::changes_between;
use super::{keys, Repository};
use crate::domain::Document;
use crate::store::Storage;

impl<S: Storage> Repository<S> {
    /// UTF-16 units (what the quota counts) that the change from `before` to `after`
    /// adds to storage: its new records less the ones they replace. For explaining a
    /// refusal, so it encodes again.
    pub fn growth(&self, before: &Document, after: &Document) -> usize {
        let generation = self.generation.get();
        let units = |s: &str| s.encode_utf16().count();
        let (mut added, mut freed) = (0, 0);
        for (id, record) in changes_between(before, after) {
            let key = keys::record(generation, id);
            if let Ok(Some(old)) = self.storage.get(&key) {
                freed += units(&key) + units(&old);
            }
            if let Some(record) = record {
                added += units(&key) + units(&record.encode(1));
            }
        }
        added.saturating_sub(freed)
    }

    /// How many UTF-16 units one more value could take now, found by trying (a binary
    /// search with a key of its own, removed after): only after a refusal.
    pub fn free_space(&self) -> usize {
        let (mut fits, mut too_big) = (0usize, 16 << 20);
        while too_big - fits > 256 {
            let mid = fits + (too_big - fits) / 2;
            if self
                .storage
                .set(keys::FREE_SPACE_PROBE, &"x".repeat(mid))
                .is_ok()
            {
                fits = mid;
            } else {
                too_big = mid;
            }
        }
        let _ = self.storage.remove(keys::FREE_SPACE_PROBE);
        fits
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::*;
    use crate::domain::time::Timestamp;
    use crate::store::record::tests::fixture;
    use crate::store::MemoryStorage;
    use crate::store::StorageError;
    #[test]
    fn a_change_that_does_not_fit_leaves_what_was_saved() {
        // The fixture, upgraded, in a storage with 200 units to spare.
        let doc = fixture();
        let storage = format_1(&doc);
        let mut saved = reopened(&storage);
        let tight = MemoryStorage::with_quota(storage.used() + 200);
        for (k, v) in snapshot(&storage) {
            tight.set(&k, &v).unwrap();
        }
        let repo = Repository::new(&tight);
        assert_eq!(repo.open().document, saved);
        let before = snapshot(&tight);
        let refused = commit(&repo, &mut saved, |d| {
            let mut rng = counter();
            for _ in 0..20 {
                let id = d.templates[0].id;
                d.duplicate_template(id, &mut rng, Timestamp(5)).unwrap();
            }
        });
        assert_eq!(refused, Err(StorageError::QuotaExceeded));
        assert_eq!(snapshot(&tight), before, "a refused commit writes nothing");
        assert_eq!(reopened(&tight), doc);
    }

    #[test]
    fn a_refusal_can_say_how_much_room_the_change_needed() {
        let storage = format_1(&fixture());
        let (repo, doc) = tab(&storage);
        let mut after = doc.clone();
        let id = after.customers[1].id;
        after.delete_customer(id).unwrap();
        assert_eq!(repo.growth(&doc, &after), 0, "a deletion needs no room");
        let grown = customer_with_users(200);
        let needed = repo.growth(&doc, &grown);
        assert!((200 * 10..200 * 60).contains(&needed), "{needed}");

        let tight = MemoryStorage::with_quota(storage.used() + 1_000);
        for (k, v) in snapshot(&storage) {
            tight.set(&k, &v).unwrap();
        }
        let repo = Repository::new(&tight);
        repo.open();
        let free = repo.free_space();
        assert!((1_000 - 300..=1_000).contains(&free), "{free}");
        assert_eq!(
            snapshot(&tight).len(),
            snapshot(&storage).len(),
            "the probe is gone"
        );
    }
}
