use super::{Storage, StorageError};
use gloo_storage::{LocalStorage, Storage as _};

/// `window.localStorage`, through gloo-storage's handle on it.
///
/// Values are stored as raw strings (not re-encoded by gloo) so that unreadable
/// data can be recognised, set aside and offered for download byte for byte.
pub struct BrowserStorage;

fn describe(err: wasm_bindgen::JsValue) -> StorageError {
    let name = js_sys::Reflect::get(&err, &"name".into())
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default();
    if name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED" {
        StorageError::QuotaExceeded
    } else {
        StorageError::Unavailable(format!("{name} {err:?}"))
    }
}

impl Storage for BrowserStorage {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        LocalStorage::raw().get_item(key).map_err(describe)
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        LocalStorage::raw().set_item(key, value).map_err(describe)
    }

    fn remove(&self, key: &str) -> Result<(), StorageError> {
        LocalStorage::raw().remove_item(key).map_err(describe)
    }
}
