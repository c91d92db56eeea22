//! Persistence: the saved data as one record per key (the partner, each template,
//! each customer), behind a small key-value trait with a `localStorage` backend for
//! the browser and an in-memory one for native tests.
//!
//! - A change writes only the records it changed ([`Repository::commit`]), after
//!   checking that no other tab changed them meanwhile.
//! - Replacing everything (an upgrade of the format, later a restore) writes a new
//!   generation of keys beside the old one and then switches a small head record,
//!   so a reload after a crash at any point sees the old data or the new, never a mix.
//! - Unreadable data (corrupt, foreign, or from a newer version of the app) is never
//!   overwritten: it is kept aside for the user to download.

mod backup;
#[cfg(target_arch = "wasm32")]
mod browser;
mod codec;
mod memory;
mod pack;
mod record;
mod repository;

pub use backup::{read_backup, BackupProblem};
#[cfg(target_arch = "wasm32")]
pub use browser::{Backend, BrowserStorage};
pub use codec::{decode_document, encode_document, Unreadable};
pub use memory::MemoryStorage;
pub use record::{Record, RecordId};
pub use repository::{External, Opened, Repository, SetAside, SideRecord, FORMAT};

/// Keys of everything the app keeps in storage.
pub mod keys {
    pub const PREFIX: &str = "wholesale-partner-hub:";
    /// Which format and generation of records is the saved data (see `repository`).
    pub const HEAD: &str = "wholesale-partner-hub:head";
    /// The whole document as one JSON value: how format 1 saved everything.
    pub const LEGACY_DOCUMENT: &str = "wholesale-partner-hub:document";
    /// Unreadable data kept aside: `…:unreadable` (format 1's one place) and `…:unreadable:<n>`.
    pub const SET_ASIDE: &str = "wholesale-partner-hub:unreadable";
    pub const LANGUAGE: &str = "wholesale-partner-hub:language";
    /// The Webex connection's settings (never the token).
    pub const CONNECTION: &str = "wholesale-partner-hub:connection";
    /// The partner's token for this tab's session (`sessionStorage`), when they chose to
    /// keep it there.
    pub const WEBEX_TOKEN: &str = "wholesale-partner-hub:webex-token";
    /// The demo's simulated Webex, with the book (generation) it goes with: a book
    /// replaced since (reset, restore, demo data) finds it empty.
    pub const SIMULATOR: &str = "wholesale-partner-hub:simulator";
    /// Written and removed at once, to find how much room is free after a refusal.
    pub const FREE_SPACE_PROBE: &str = "wholesale-partner-hub-free-space-probe";
    pub const TEMPLATE_WIZARD: &str = "wholesale-partner-hub:draft:template";
    pub const CUSTOMER_WIZARD: &str = "wholesale-partner-hub:draft:customer";

    /// The key of a record of generation `generation`.
    pub fn record(generation: u32, id: super::RecordId) -> String {
        format!("{PREFIX}{generation}:{}", id.key_part())
    }

    /// The generation and record a key names, if it names one.
    pub fn parse_record(key: &str) -> Option<(u32, super::RecordId)> {
        let rest = key.strip_prefix(PREFIX)?;
        let (generation, part) = rest.split_once(':')?;
        let generation = generation.parse().ok()?;
        Some((generation, super::RecordId::from_key_part(part)?))
    }

    pub fn is_set_aside(key: &str) -> bool {
        key == SET_ASIDE
            || key
                .strip_prefix(SET_ASIDE)
                .and_then(|rest| rest.strip_prefix(':'))
                .is_some_and(|n| n.parse::<u32>().is_ok())
    }

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
    /// Storage is switched off, refuses writes, or failed for another reason.
    Unavailable(StorageFault),
    /// Data this app cannot read sits where it would save; saving waits until the
    /// user has downloaded or discarded it.
    Protected,
    /// A newer version of the app (format `0`) saved data in another tab: this tab
    /// saves nothing more until it is reloaded.
    NewerVersion(u32),
    /// The record was changed in another tab since this tab read it.
    Conflict,
}

/// Why storage cannot be used, for the UI to word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StorageFault {
    /// The page cannot reach its storage: reading `localStorage` throws (site data
    /// blocked, a sandboxed frame) or it is missing.
    Blocked,
    /// Storage is there, but not even a few characters can be written (the private
    /// mode of some browsers).
    WritesRefused,
    /// A read or write failed for another reason the browser named.
    Failed,
}

/// Raw string storage, as `localStorage` offers it.
pub trait Storage {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError>;
    /// Either stores the whole value or leaves the old one untouched.
    fn set(&self, key: &str, value: &str) -> Result<(), StorageError>;
    fn remove(&self, key: &str) -> Result<(), StorageError>;
    /// Every key stored (the app's and any other).
    fn keys(&self) -> Result<Vec<String>, StorageError>;
}

/// Two repositories over one storage: two tabs of one browser, in tests.
impl<T: Storage + ?Sized> Storage for &T {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        (**self).get(key)
    }
    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        (**self).set(key, value)
    }
    fn remove(&self, key: &str) -> Result<(), StorageError> {
        (**self).remove(key)
    }
    fn keys(&self) -> Result<Vec<String>, StorageError> {
        (**self).keys()
    }
}
