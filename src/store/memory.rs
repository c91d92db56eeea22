use super::{Storage, StorageError};
use std::cell::RefCell;
use std::collections::HashMap;

/// In-memory storage with an optional quota counted like Chromium's: UTF-16 code
/// units of keys and values (a Korean syllable costs the same as a Latin letter).
#[derive(Default)]
pub struct MemoryStorage {
    items: RefCell<HashMap<String, String>>,
    quota: Option<usize>,
}

impl MemoryStorage {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn with_quota(quota: usize) -> Self {
        Self {
            items: RefCell::default(),
            quota: Some(quota),
        }
    }

    fn used_without(&self, key: &str) -> usize {
        self.items
            .borrow()
            .iter()
            .filter(|(k, _)| k.as_str() != key)
            .map(|(k, v)| units(k) + units(v))
            .sum()
    }
}

fn units(s: &str) -> usize {
    s.encode_utf16().count()
}

impl Storage for MemoryStorage {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        Ok(self.items.borrow().get(key).cloned())
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        if let Some(quota) = self.quota {
            if self.used_without(key) + units(key) + units(value) > quota {
                return Err(StorageError::QuotaExceeded);
            }
        }
        self.items
            .borrow_mut()
            .insert(key.to_string(), value.to_string());
        Ok(())
    }

    fn remove(&self, key: &str) -> Result<(), StorageError> {
        self.items.borrow_mut().remove(key);
        Ok(())
    }
}
