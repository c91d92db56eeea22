//! Saving: a change writes the records it changed, all or nothing, each after
//! checking its revision; a replacement writes a new generation beside the old one.

use super::{keys, Repository};
use crate::domain::Document;
use crate::store::record::{revision_of, Record, RecordId, Revision};
use crate::store::{Storage, StorageError};
use std::sync::Arc;

/// One record's write in a commit: what its key holds now (put back if a later
/// write fails), and what it will hold.
struct PlannedWrite {
    key: String,
    id: RecordId,
    old: Option<String>,
    /// The record encoded at its new revision; `None` removes it.
    new: Option<String>,
    revision: Revision,
}

impl<S: Storage> Repository<S> {
    /// Saves what changed from `before` to `after` (found by pointer, so the cost
    /// follows the change, not the number of customers). Either every changed record
    /// is saved or none is.
    pub fn commit(&self, before: &Document, after: &Document) -> Result<(), StorageError> {
        let changes = changes_between(before, after);
        if changes.is_empty() {
            return Ok(());
        }
        if let Some(err) = self.blocked.borrow().clone() {
            return Err(err);
        }
        self.check_head()?;
        let generation = self.generation.get();
        let mut planned = Vec::with_capacity(changes.len());
        {
            let known = self.revisions.borrow();
            for (id, record) in changes {
                let key = keys::record(generation, id);
                let old = self.storage.get(&key)?;
                let stored = old.as_deref().and_then(revision_of);
                if stored != known.get(&id).copied() {
                    return Err(StorageError::Conflict);
                }
                let revision = stored.unwrap_or(0) + 1;
                let new = record.map(|r| r.encode(revision));
                planned.push(PlannedWrite {
                    key,
                    id,
                    old,
                    new,
                    revision,
                });
            }
        }
        for (done, write) in planned.iter().enumerate() {
            let written = match &write.new {
                Some(value) => self.storage.set(&write.key, value),
                None => self.storage.remove(&write.key),
            };
            if let Err(err) = written {
                // Put back what this commit already wrote: all or nothing.
                for earlier in &planned[..done] {
                    let _ = match &earlier.old {
                        Some(old) => self.storage.set(&earlier.key, old),
                        None => self.storage.remove(&earlier.key),
                    };
                }
                return Err(err);
            }
        }
        let mut known = self.revisions.borrow_mut();
        for write in planned {
            match write.new {
                Some(_) => known.insert(write.id, write.revision),
                None => known.remove(&write.id),
            };
        }
        Ok(())
    }

    /// Replaces every record with `doc`'s, all or nothing (see the module comment).
    pub fn replace_all(&self, doc: &Document) -> Result<(), StorageError> {
        self.replace_all_from(doc, None)
    }

    pub(super) fn replace_all_from(
        &self,
        doc: &Document,
        upgraded_from: Option<String>,
    ) -> Result<(), StorageError> {
        let before = self.storage.keys()?;
        let newest = before
            .iter()
            .filter_map(|k| keys::parse_record(k).map(|(g, _)| g))
            .max()
            .unwrap_or(0);
        let generation = newest.max(self.generation.get()) + 1;
        let mut written = Vec::new();
        let write_all = || -> Result<(), StorageError> {
            for record in Record::all_of(doc) {
                let key = keys::record(generation, record.id());
                self.storage.set(&key, &record.encode(1))?;
                written.push(key);
            }
            self.write_head_from(generation, upgraded_from)
        };
        if let Err(err) = write_all() {
            for key in &written {
                let _ = self.storage.remove(key);
            }
            return Err(err);
        }
        self.generation.set(generation);
        *self.revisions.borrow_mut() = Record::all_of(doc).map(|r| (r.id(), 1)).collect();
        for key in before {
            if keys::parse_record(&key).is_some_and(|(g, _)| g != generation) {
                let _ = self.storage.remove(&key);
            }
        }
        Ok(())
    }
}

/// The records `after` has that `before` has not (or has otherwise), and `None` for
/// the ones it no longer has.
pub(super) fn changes_between(
    before: &Document,
    after: &Document,
) -> Vec<(RecordId, Option<Record>)> {
    let mut changes = Vec::new();
    if !Arc::ptr_eq(&before.partner, &after.partner) && before.partner != after.partner {
        changes.push((
            RecordId::Partner,
            Some(Record::Partner(after.partner.clone())),
        ));
    }
    changed_in(
        &before.templates,
        &after.templates,
        |t| t.id,
        RecordId::Template,
        Record::Template,
        &mut changes,
    );
    changed_in(
        &before.customers,
        &after.customers,
        |c| c.id,
        RecordId::Customer,
        Record::Customer,
        &mut changes,
    );
    changes
}

fn changed_in<T: PartialEq, I: Copy + Eq>(
    before: &[Arc<T>],
    after: &[Arc<T>],
    id: impl Fn(&T) -> I,
    record_id: impl Fn(I) -> RecordId,
    record: impl Fn(Arc<T>) -> Record,
    changes: &mut Vec<(RecordId, Option<Record>)>,
) {
    // A change touches one place or two: skip the common start and end by pointer,
    // and compare ids only in between (no work in proportion to the whole book).
    let prefix = before
        .iter()
        .zip(after)
        .take_while(|(b, a)| Arc::ptr_eq(b, a))
        .count();
    let (before, after) = (&before[prefix..], &after[prefix..]);
    let suffix = before
        .iter()
        .rev()
        .zip(after.iter().rev())
        .take_while(|(b, a)| Arc::ptr_eq(b, a))
        .count();
    let (before, after) = (
        &before[..before.len() - suffix],
        &after[..after.len() - suffix],
    );
    // What is left is a record or two (a scan of each side is no cost).
    for a in after {
        let key = id(a);
        match before.iter().find(|b| id(b) == key) {
            Some(b) if Arc::ptr_eq(b, a) || **b == **a => {}
            _ => changes.push((record_id(key), Some(record(a.clone())))),
        }
    }
    for b in before {
        if !after.iter().any(|a| id(a) == id(b)) {
            changes.push((record_id(id(b)), None));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::*;
    use crate::domain::country::DataRegion;
    use crate::domain::time::Timestamp;
    use crate::store::record::tests::fixture;
    use proptest::prelude::*;
    #[test]
    fn a_replacement_interrupted_at_any_write_leaves_the_old_data_or_the_new() {
        let old = fixture();
        let mut new = Document::sample();
        new.rename_partner(crate::domain::partner::PartnerName::parse("Restored Ltd").unwrap());
        new.customers = old.customers[1..].to_vec();
        new.templates = old.templates.clone();
        let mut seen_new = false;
        for n in 0..10 {
            let storage = format_1(&old);
            Repository::new(&storage).open();
            storage.fail_after_writes(n);
            let crashed = Repository::new(&storage);
            crashed.open();
            let _ = crashed.replace_all(&new);
            storage.recover();
            let reopened = reopened(&storage);
            assert!(reopened == old || reopened == new, "a mix after {n} writes");
            seen_new |= reopened == new;
            // The next replacement leaves one generation, whatever the crash left.
            Repository::new(&storage).replace_all(&reopened).unwrap();
            assert_eq!(super::tests::reopened(&storage), reopened);
            let records = storage
                .keys()
                .unwrap()
                .iter()
                .filter(|k| keys::parse_record(k).is_some())
                .count();
            let expected = if reopened == new {
                1 + 3 + 1
            } else {
                1 + 3 + 2
            };
            assert_eq!(records, expected, "one generation only after {n}");
        }
        assert!(seen_new, "enough writes finish the replacement");
    }

    #[test]
    fn a_change_writes_only_the_record_it_changed() {
        let storage = format_1(&fixture());
        let repo = Repository::new(&storage);
        let mut doc = repo.open().document;
        let before = snapshot(&storage);
        let id = doc.customers[1].id;
        commit(&repo, &mut doc, |d| d.delete_customer(id).unwrap()).unwrap();
        let after = snapshot(&storage);
        assert_eq!(before.len() - 1, after.len());
        assert!(after.iter().all(|kv| before.contains(kv)));

        let before = after;
        commit(&repo, &mut doc, |d| {
            d.set_region_served(DataRegion::Europe, false).unwrap()
        })
        .unwrap();
        let after = snapshot(&storage);
        let changed: Vec<_> = after.iter().filter(|kv| !before.contains(kv)).collect();
        assert_eq!(changed.len(), 1);
        assert!(changed[0].0.ends_with(":partner"));
        assert_eq!(revision_of(&changed[0].1), Some(2));
        assert_eq!(reopened(&storage), doc);
    }

    #[test]
    fn a_thousand_users_fit_in_a_small_space() {
        let doc = customer_with_users(1_000);
        let record = Record::Customer(doc.customers[0].clone()).encode(1);
        let plain = serde_json::to_string(&doc.customers[0]).unwrap();
        let per_user = record.encode_utf16().count() as f64 / 1_000.0;
        println!(
            "a saved user: {per_user:.1} UTF-16 units (plain JSON {:.1}); {:.0} users in 5,242,880",
            plain.encode_utf16().count() as f64 / 1_000.0,
            5_242_880.0 / per_user
        );
        // 50,000 users must fit in Chromium's quota with room to spare.
        assert!(per_user < 60.0, "{per_user}");
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]
        /// Any sequence of changes, each committed, opens again as the same document.
        #[test]
        fn committed_changes_round_trip(steps in proptest::collection::vec(0u8..6, 1..12)) {
            let storage = format_1(&fixture());
            let repo = Repository::new(&storage);
            let mut doc = repo.open().document;
            let mut rng = counter();
            for (n, step) in steps.into_iter().enumerate() {
                commit(&repo, &mut doc, |d| match step {
                    0 => { if let Some(id) = d.templates.first().map(|t| t.id) {
                        let _ = d.duplicate_template(id, &mut rng, Timestamp(n as i64));
                    } }
                    // Every template can go once the customers using them are deleted.
                    1 => { if let Some(id) = d.templates.last().map(|t| t.id) { let _ = d.delete_template(id); } }
                    2 => { if let Some(c) = d.customers.last() { let id = c.id; d.delete_customer(id).unwrap() } }
                    3 => { let _ = d.set_region_served(DataRegion::Europe, n % 2 == 0); }
                    4 => { if let Some(c) = d.customers.first() {
                        let (id, user) = (c.id, c.users.last().map(|u| u.id));
                        if let Some(user) = user { let _ = d.remove_user(id, user); }
                    } }
                    _ => {}
                }).unwrap();
                prop_assert_eq!(&reopened(&storage), &doc);
            }
        }
    }
}
