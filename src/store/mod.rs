//! Persistence: one versioned JSON document behind a small key-value trait, with a
//! `localStorage` backend for the browser and an in-memory one for native tests.
//!
//! Unreadable data (corrupt, foreign, or from a newer version of the app) is never
//! overwritten: it is moved aside under [`keys::SET_ASIDE`] so the user can download it.

#[cfg(target_arch = "wasm32")]
mod browser;
mod codec;
mod memory;
mod repository;

#[cfg(target_arch = "wasm32")]
pub use browser::BrowserStorage;
pub use codec::{decode_document, encode_document, Unreadable};
pub use memory::MemoryStorage;
pub use repository::{Opened, Repository, SetAside};

/// Keys of everything the app keeps in storage.
pub mod keys {
    pub const DOCUMENT: &str = "wholesale-partner-hub:document";
    pub const SET_ASIDE: &str = "wholesale-partner-hub:unreadable";
    pub const LANGUAGE: &str = "wholesale-partner-hub:language";
    pub const TEMPLATE_WIZARD: &str = "wholesale-partner-hub:draft:template";
    pub const CUSTOMER_WIZARD: &str = "wholesale-partner-hub:draft:customer";

    /// The draft of the setup wizard of one customer.
    pub fn setup_wizard(id: crate::domain::ids::CustomerId) -> String {
        format!("wholesale-partner-hub:draft:setup:{id}")
    }

    /// The draft of the wizard that edits one template.
    pub fn template_edit_wizard(id: crate::domain::ids::TemplateId) -> String {
        format!("{TEMPLATE_WIZARD}:{id}")
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageError {
    /// The browser's quota (about 5 million characters) would be exceeded.
    QuotaExceeded,
    /// Storage is switched off or failed for another reason.
    Unavailable(String),
    /// Unreadable data sits under the document's key and could not be moved aside;
    /// saving waits until the user has downloaded or discarded it.
    Protected,
}

/// Raw string storage, as `localStorage` offers it.
pub trait Storage {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError>;
    /// Either stores the whole value or leaves the old one untouched.
    fn set(&self, key: &str, value: &str) -> Result<(), StorageError>;
    fn remove(&self, key: &str) -> Result<(), StorageError>;
}
