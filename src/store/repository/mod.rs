//! Format 2 of the saved data, and the rules that keep it whole.
//!
//! Keys (all under [`keys::PREFIX`]):
//! - `head`: `{"format":2,"generation":G}`, the one small record that says which
//!   records are the saved data;
//! - `G:partner`, `G:template:<id>`, `G:customer:<id>`: one record each
//!   (`record.rs`), with a revision for each;
//! - `unreadable:<n>`: data the app could not read, kept for the user.
//!
//! A change writes only the records it changed, each after checking its revision
//! (another tab's change is never overwritten). Replacing all records — the upgrade
//! from format 1, later a restore — writes generation G+1 beside G, then the head,
//! then removes G: a crash before the head leaves G (G+1's keys stay unread, and the
//! next replacement removes them; they may be another tab's replacement in progress),
//! a crash after it leaves G+1 (G's keys are removed on the next start).
//!
//! The repository's jobs, one file each: opening the saved data and upgrading it
//! (`open`), data kept aside (`set_aside`), committing a change and replacing
//! everything (`commit`), finding room after a refusal (`quota`), other tabs' writes
//! (`other_tabs`) and the records beside the data: drafts and preferences
//! (`side_records`). This file holds the head, which all of them read.

mod commit;
mod open;
mod other_tabs;
mod quota;
mod set_aside;
mod side_records;
#[cfg(test)]
mod test_support;

pub use open::Opened;
pub use other_tabs::External;
pub use set_aside::SetAside;
pub use side_records::SideRecord;

use super::record::{RecordId, Revision};
use super::{keys, Storage, StorageError};
use serde::{Deserialize, Serialize};
use std::cell::{Cell, RefCell};
use std::collections::HashMap;

/// The format this version writes. Format 1 was one JSON document under one key.
pub const FORMAT: u32 = 2;

#[derive(Serialize, Deserialize)]
struct Head {
    format: u32,
    generation: u32,
    /// The fingerprint of the format-1 document this generation was upgraded from:
    /// that document, found again, is the upgrade's leftover; any other was saved
    /// later by an older version still open in another tab, and is kept aside.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    upgraded_from: Option<String>,
}

/// The saved data in one [`Storage`], as this tab knows it.
pub struct Repository<S: Storage> {
    storage: S,
    generation: Cell<u32>,
    /// The revision of every record as this tab last read or wrote it.
    revisions: RefCell<HashMap<RecordId, Revision>>,
    /// Set while saving is impossible (unreadable data in the way, a newer version
    /// saved in another tab): every commit answers this.
    blocked: RefCell<Option<StorageError>>,
    /// The head could not be written at start (storage full): the first commit writes it.
    head_missing: Cell<bool>,
}

impl<S: Storage> Repository<S> {
    /// The generation of the book this tab holds (a new one with every replacement).
    pub fn generation(&self) -> u32 {
        self.generation.get()
    }

    pub fn new(storage: S) -> Self {
        Self {
            storage,
            generation: Cell::new(0),
            revisions: RefCell::default(),
            blocked: RefCell::default(),
            head_missing: Cell::new(false),
        }
    }

    pub fn storage(&self) -> &S {
        &self.storage
    }

    fn write_head(&self, generation: u32) -> Result<(), StorageError> {
        self.write_head_from(generation, None)
    }

    fn write_head_from(
        &self,
        generation: u32,
        upgraded_from: Option<String>,
    ) -> Result<(), StorageError> {
        let head = serde_json::to_string(&Head {
            format: FORMAT,
            generation,
            upgraded_from,
        })
        .expect("the head serialises");
        let written = self.storage.set(keys::HEAD, &head);
        self.head_missing.set(written.is_err());
        written
    }

    /// The head must still say this tab's format and generation.
    fn check_head(&self) -> Result<(), StorageError> {
        let raw = self.storage.get(keys::HEAD)?;
        let head = raw.as_deref().map(serde_json::from_str::<Head>);
        match head {
            None if self.head_missing.get() => self.write_head(self.generation.get()),
            Some(Ok(h)) if h.format == FORMAT && h.generation == self.generation.get() => Ok(()),
            Some(Ok(h)) if h.format > FORMAT => {
                let err = StorageError::NewerVersion(h.format);
                *self.blocked.borrow_mut() = Some(err.clone());
                Err(err)
            }
            // Replaced or removed by another tab: this tab's copy is out of date.
            _ => Err(StorageError::Conflict),
        }
    }
}
