use super::{MemoryStorage, Storage, StorageError, StorageFault};
use wasm_bindgen::JsValue;

/// `window.localStorage`. Values are stored as raw strings so that unreadable data
/// can be recognised, kept aside and offered for download byte for byte.
pub struct BrowserStorage(web_sys::Storage);

impl BrowserStorage {
    /// The page's `localStorage`; an error where reading it throws (site data blocked,
    /// a sandboxed frame: `SecurityError`) or where it is `null`.
    pub fn open() -> Result<Self, StorageFault> {
        match web_sys::window().map(|w| w.local_storage()) {
            Some(Ok(Some(storage))) => Ok(Self(storage)),
            _ => Err(StorageFault::Blocked),
        }
    }
}

fn describe(err: JsValue) -> StorageError {
    let name = js_sys::Reflect::get(&err, &"name".into())
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default();
    if name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED" {
        StorageError::QuotaExceeded
    } else {
        StorageError::Unavailable(StorageFault::Failed)
    }
}

impl Storage for BrowserStorage {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        self.0.get_item(key).map_err(describe)
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        self.0.set_item(key, value).map_err(describe)
    }

    fn remove(&self, key: &str) -> Result<(), StorageError> {
        self.0.remove_item(key).map_err(describe)
    }

    fn keys(&self) -> Result<Vec<String>, StorageError> {
        let count = self.0.length().map_err(describe)?;
        (0..count)
            .map(|i| self.0.key(i).map_err(describe))
            .filter_map(Result::transpose)
            .collect()
    }
}

/// Where the app keeps its data: the browser's storage, or memory when the browser
/// does not let the app save (the user is told).
pub enum Backend {
    Browser(BrowserStorage),
    Memory(MemoryStorage),
}

impl Storage for Backend {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        match self {
            Backend::Browser(s) => s.get(key),
            Backend::Memory(s) => s.get(key),
        }
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        match self {
            Backend::Browser(s) => s.set(key, value),
            Backend::Memory(s) => s.set(key, value),
        }
    }

    fn remove(&self, key: &str) -> Result<(), StorageError> {
        match self {
            Backend::Browser(s) => s.remove(key),
            Backend::Memory(s) => s.remove(key),
        }
    }

    fn keys(&self) -> Result<Vec<String>, StorageError> {
        match self {
            Backend::Browser(s) => s.keys(),
            Backend::Memory(s) => s.keys(),
        }
    }
}
