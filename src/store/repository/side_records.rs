//! Records beside the saved data: wizard drafts and preferences, each under a key of
//! its own (`store::keys`), read and written on their own.

use super::Repository;
use crate::store::record::{decode_value, encode_value};
use crate::store::{Storage, StorageError};
use serde::de::DeserializeOwned;
use serde::Serialize;

/// A side record (a wizard's draft, a preference), as found.
#[derive(Debug, PartialEq, Eq)]
pub enum SideRecord<T> {
    Absent,
    Restored(T),
    /// Something is saved under its key but cannot be read: say so.
    Unreadable,
}

impl<S: Storage> Repository<S> {
    /// A value kept as plain text: one the page's own script reads before the app has
    /// loaded (index.html draws its shell in the chosen language).
    pub fn load_text(&self, key: &str) -> Option<String> {
        self.storage.get(key).ok().flatten()
    }

    pub fn store_text(&self, key: &str, text: &str) -> Result<(), StorageError> {
        self.storage.set(key, text)
    }

    /// A side record (a wizard draft, a preference); plain JSON (as format 1 saved
    /// drafts) is read too.
    pub fn load<T: DeserializeOwned>(&self, key: &str) -> SideRecord<T> {
        match self.storage.get(key) {
            Ok(Some(raw)) => match decode_value(&raw) {
                Ok((_, value)) => SideRecord::Restored(value),
                Err(_) => match serde_json::from_str(&raw) {
                    Ok(value) => SideRecord::Restored(value),
                    Err(_) => SideRecord::Unreadable,
                },
            },
            _ => SideRecord::Absent,
        }
    }

    /// Saves a side record, deflated like the records: a setup draft of 20,000 users
    /// would otherwise take most of the quota the users themselves need.
    pub fn store<T: Serialize>(&self, key: &str, value: &T) -> Result<(), StorageError> {
        self.storage.set(key, &encode_value(0, value))
    }

    pub fn remove(&self, key: &str) -> Result<(), StorageError> {
        self.storage.remove(key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::MemoryStorage;
    #[test]
    fn drafts_that_cannot_be_read_are_reported() {
        let storage = MemoryStorage::new();
        let repo = Repository::new(&storage);
        assert_eq!(repo.load::<Vec<u32>>("draft"), SideRecord::Absent);
        storage.set("draft", "[1, oops").unwrap();
        assert_eq!(repo.load::<Vec<u32>>("draft"), SideRecord::Unreadable);
        repo.store("draft", &vec![1u32, 2]).unwrap();
        assert_eq!(repo.load("draft"), SideRecord::Restored(vec![1u32, 2]));
        // Drafts saved as plain JSON by format 1 still resume.
        storage.set("draft", "[3, 4]").unwrap();
        assert_eq!(repo.load("draft"), SideRecord::Restored(vec![3u32, 4]));
    }
}
