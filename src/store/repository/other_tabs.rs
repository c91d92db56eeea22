//! Other tabs of the same browser: their writes arrive as `storage` events, and a
//! conflict is settled by reading the record again.

use super::{keys, Head, Repository, FORMAT};
use crate::store::record::{Record, RecordId};
use crate::store::{Storage, StorageError};

/// What a change that another tab made to storage means for this tab.
#[derive(Debug, PartialEq)]
pub enum External {
    Nothing,
    /// A record was saved (or removed, with `None`).
    Record(RecordId, Option<Record>),
    /// All the data was replaced, or removed: open it again.
    Reopen,
    /// A newer version of the app saved there: this tab must stop saving.
    NewerVersion(u32),
    /// Kept-aside data came or went.
    SetAside,
}

impl<S: Storage> Repository<S> {
    /// The record as stored now (after a conflict: what the other tab saved).
    pub fn reread(&self, id: RecordId) -> Option<Record> {
        let key = keys::record(self.generation.get(), id);
        let raw = self.storage.get(&key).ok().flatten();
        let mut known = self.revisions.borrow_mut();
        match raw.as_deref().map(|raw| Record::decode(id, raw)) {
            Some(Ok((revision, record))) => {
                known.insert(id, revision);
                Some(record)
            }
            _ => {
                known.remove(&id);
                None
            }
        }
    }

    /// What another tab's write to `key` (a `storage` event) means here.
    pub fn external(&self, key: &str, new_value: Option<&str>) -> External {
        if key == keys::HEAD {
            let head = new_value.and_then(|raw| serde_json::from_str::<Head>(raw).ok());
            return match head {
                Some(h) if h.format > FORMAT => {
                    *self.blocked.borrow_mut() = Some(StorageError::NewerVersion(h.format));
                    External::NewerVersion(h.format)
                }
                Some(h) if h.format == FORMAT && h.generation == self.generation.get() => {
                    External::Nothing
                }
                _ => External::Reopen,
            };
        }
        if keys::is_set_aside(key) {
            return External::SetAside;
        }
        if key == keys::LEGACY_DOCUMENT && new_value.is_some() {
            // An older version, still open in another tab, saved: the next start keeps
            // it aside; until then saving here would hide it.
            return External::Reopen;
        }
        match keys::parse_record(key) {
            Some((generation, id)) if generation == self.generation.get() => {
                match new_value.map(|raw| Record::decode(id, raw)) {
                    None => {
                        self.revisions.borrow_mut().remove(&id);
                        External::Record(id, None)
                    }
                    Some(Ok((revision, record))) => {
                        self.revisions.borrow_mut().insert(id, revision);
                        External::Record(id, Some(record))
                    }
                    Some(Err(_)) => External::Reopen,
                }
            }
            _ => External::Nothing,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::*;
    use crate::store::record::tests::fixture;
    #[test]
    fn two_tabs_keep_each_others_changes_to_different_customers() {
        let storage = format_1(&fixture());
        let (one, mut in_one) = tab(&storage);
        let (two, mut in_two) = tab(&storage);
        let (first, second) = (in_one.customers[0].id, in_one.customers[1].id);
        let admin = in_one.customers[0].users[1].id;
        commit(&one, &mut in_one, |d| d.remove_user(first, admin).unwrap()).unwrap();
        commit(&two, &mut in_two, |d| d.delete_customer(second).unwrap()).unwrap();
        let saved = reopened(&storage);
        assert_eq!(saved.customers.len(), 1);
        assert_eq!(saved.customers[0].users.len(), 2);
    }

    #[test]
    fn the_later_of_two_changes_to_one_customer_is_refused_and_sees_the_first() {
        let storage = format_1(&fixture());
        let (one, mut in_one) = tab(&storage);
        let (two, mut in_two) = tab(&storage);
        let id = in_one.customers[0].id;
        let (a, b) = (
            in_one.customers[0].users[1].id,
            in_one.customers[0].users[2].id,
        );
        commit(&one, &mut in_one, |d| d.remove_user(id, a).unwrap()).unwrap();
        let refused = commit(&two, &mut in_two, |d| d.remove_user(id, b).unwrap());
        assert_eq!(refused, Err(StorageError::Conflict));
        let Some(Record::Customer(now)) = two.reread(RecordId::Customer(id)) else {
            panic!("the customer is still saved");
        };
        assert_eq!(now.users.len(), 2);
        Record::apply(
            &mut in_two,
            RecordId::Customer(id),
            Some(Record::Customer(now)),
        );
        // With the other tab's version in hand, the change goes through.
        commit(&two, &mut in_two, |d| d.remove_user(id, b).unwrap()).unwrap();
        assert_eq!(reopened(&storage).customers[0].users.len(), 1);
    }

    #[test]
    fn another_tabs_records_arrive_as_events() {
        let storage = format_1(&fixture());
        let (one, mut in_one) = tab(&storage);
        let (two, mut in_two) = tab(&storage);
        let id = in_one.customers[1].id;
        let key = keys::record(1, RecordId::Customer(id));
        commit(&one, &mut in_one, |d| d.delete_customer(id).unwrap()).unwrap();
        assert_eq!(
            two.external(&key, None),
            External::Record(RecordId::Customer(id), None)
        );
        Record::apply(&mut in_two, RecordId::Customer(id), None);
        assert_eq!(in_two, in_one);
        assert_eq!(
            two.external(keys::LANGUAGE, Some("\"ko\"")),
            External::Nothing
        );
    }

    #[test]
    fn a_newer_version_saving_in_another_tab_stops_this_one() {
        let storage = format_1(&fixture());
        let repo = Repository::new(&storage);
        let mut doc = repo.open().document;
        let theirs = r#"{"format":3,"generation":1}"#;
        storage.set(keys::HEAD, theirs).unwrap();
        // Whether the event arrived first or not, nothing is written over it.
        let refused = commit(&repo, &mut doc, |d| {
            d.delete_customer(d.customers[1].id).unwrap()
        });
        assert_eq!(refused, Err(StorageError::NewerVersion(3)));
        assert_eq!(
            repo.external(keys::HEAD, Some(theirs)),
            External::NewerVersion(3)
        );
        assert_eq!(storage.get(keys::HEAD).unwrap().as_deref(), Some(theirs));
        assert_eq!(reopened(&storage).customers.len(), 0);
    }
}
