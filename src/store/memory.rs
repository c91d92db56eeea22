use super::{Storage, StorageError};
use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;

/// In-memory storage with an optional quota counted like Chromium's: UTF-16 code
/// units of keys and values (a Korean syllable costs the same as a Latin letter).
/// Tests can make it fail: after a number of writes (a crash between two writes),
/// or on every write (a browser that never lets a site save).
#[derive(Default)]
pub struct MemoryStorage {
    items: RefCell<BTreeMap<String, String>>,
    quota: Option<usize>,
    /// Writes (sets and removes) allowed before every later one fails.
    writes_left: Cell<Option<usize>>,
}

impl MemoryStorage {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn with_quota(quota: usize) -> Self {
        Self {
            quota: Some(quota),
            ..Self::default()
        }
    }

    /// From now on, `n` more writes succeed and every later one fails, as if the
    /// tab had been closed between two writes.
    pub fn fail_after_writes(&self, n: usize) {
        self.writes_left.set(Some(n));
    }

    /// Writes work again (the "next start" of a test that crashed a write).
    pub fn recover(&self) {
        self.writes_left.set(None);
    }

    /// Units in use, as the quota counts them.
    pub fn used(&self) -> usize {
        self.items
            .borrow()
            .iter()
            .map(|(k, v)| units(k) + units(v))
            .sum()
    }

    fn used_without(&self, key: &str) -> usize {
        self.items
            .borrow()
            .iter()
            .filter(|(k, _)| k.as_str() != key)
            .map(|(k, v)| units(k) + units(v))
            .sum()
    }

    fn spend_write(&self) -> Result<(), StorageError> {
        match self.writes_left.get() {
            Some(0) => Err(StorageError::QuotaExceeded),
            Some(n) => {
                self.writes_left.set(Some(n - 1));
                Ok(())
            }
            None => Ok(()),
        }
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
        self.spend_write()?;
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
        self.spend_write()?;
        self.items.borrow_mut().remove(key);
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, StorageError> {
        Ok(self.items.borrow().keys().cloned().collect())
    }
}
