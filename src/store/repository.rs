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

use super::codec::{decode_document, Unreadable};
use super::record::{decode_value, encode_value, revision_of, Record, RecordId, Revision};
use super::{keys, Storage, StorageError, StorageFault};
use crate::domain::Document;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::sync::Arc;

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

/// FNV-1a: enough to recognise one's own text again, not a security measure.
fn fingerprint(text: &str) -> String {
    let hash = text.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    format!("{hash:016x}")
}

/// Stored data the app could not read, kept for the user to download.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SetAside {
    /// The keys it occupies: a set-aside key of its own, or (when it could not be
    /// moved, or is a newer version's whole data) the keys where it was found.
    pub keys: Vec<String>,
    /// True while it sits where the app saves: nothing is saved until it is gone.
    pub in_the_way: bool,
    pub reason: Unreadable,
    pub raw: String,
}

/// What the app starts with.
#[derive(Debug)]
pub struct Opened {
    pub document: Document,
    pub set_aside: Vec<SetAside>,
    /// Storage cannot be used at all (off, blocked, or it refuses every write):
    /// the app works in memory and says so.
    pub unavailable: Option<StorageError>,
    /// Storage works, but saving is not possible yet (for instance, the upgrade of
    /// the saved data did not fit); the user is told, and nothing is lost.
    pub save_error: Option<StorageError>,
}

/// A wizard's saved draft, as found.
#[derive(Debug, PartialEq, Eq)]
pub enum Draft<T> {
    Absent,
    Restored(T),
    /// Something is saved under the draft's key but cannot be read: say so.
    Unreadable,
}

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

    /// Loads the saved data, upgrading format 1, finishing or undoing an interrupted
    /// replacement, and keeping unreadable data aside, never overwritten.
    pub fn open(&self) -> Opened {
        let mut opened = Opened {
            document: Document::sample(),
            set_aside: Vec::new(),
            unavailable: None,
            save_error: None,
        };
        self.revisions.borrow_mut().clear();
        *self.blocked.borrow_mut() = None;
        let found = self.storage.keys().and_then(|keys| {
            let head = self.storage.get(keys::HEAD)?;
            Ok((keys, head))
        });
        let (all_keys, head) = match found {
            Ok(found) => found,
            Err(err) => {
                opened.unavailable = Some(err);
                return opened;
            }
        };
        opened.set_aside = self.read_set_aside(&all_keys);
        match head.map(|raw| serde_json::from_str::<Head>(&raw).map_err(|_| raw)) {
            Some(Ok(head)) if head.format == FORMAT => {
                self.generation.set(head.generation);
                self.load_records(&all_keys, head.upgraded_from, &mut opened);
            }
            Some(Ok(head)) => {
                let reason = if head.format > FORMAT {
                    Unreadable::FutureVersion(u64::from(head.format))
                } else {
                    Unreadable::Corrupt(format!("format {}", head.format))
                };
                self.keep_in_the_way(&all_keys, reason, &mut opened);
            }
            Some(Err(_)) => self.keep_in_the_way(&all_keys, Unreadable::Foreign, &mut opened),
            None => match self.storage.get(keys::LEGACY_DOCUMENT).ok().flatten() {
                Some(raw) => self.upgrade(&all_keys, raw, &mut opened),
                None => self.start_fresh(&all_keys, &mut opened),
            },
        }
        opened
    }

    /// Reads the records of the current generation; removes other generations'.
    fn load_records(
        &self,
        all_keys: &[String],
        upgraded_from: Option<String>,
        opened: &mut Opened,
    ) {
        let generation = self.generation.get();
        let mut doc = Document::sample();
        let mut revisions = HashMap::new();
        for key in all_keys {
            if key == keys::LEGACY_DOCUMENT {
                if let Ok(Some(raw)) = self.storage.get(key) {
                    if upgraded_from.as_deref() == Some(fingerprint(&raw).as_str()) {
                        let _ = self.storage.remove(key);
                    } else {
                        self.move_aside(key, raw, Unreadable::Superseded, opened);
                    }
                }
                continue;
            }
            let Some((g, id)) = keys::parse_record(key) else {
                continue;
            };
            if g < generation {
                // The head moved past it: left by a replacement interrupted after its head.
                let _ = self.storage.remove(key);
                continue;
            }
            if g > generation {
                // Another tab's replacement in progress, or one interrupted before its
                // head: never removed here (the next replacement removes it).
                continue;
            }
            let Ok(Some(raw)) = self.storage.get(key) else {
                continue;
            };
            match Record::decode(id, &raw) {
                Ok((revision, record)) => {
                    revisions.insert(id, revision);
                    match record {
                        Record::Partner(p) => doc.partner = p,
                        Record::Template(t) => doc.templates.push(t),
                        Record::Customer(c) => doc.customers.push(c),
                    }
                }
                Err(reason) => self.move_aside(key, raw, reason, opened),
            }
        }
        in_creation_order(&mut doc);
        opened.document = doc;
        *self.revisions.borrow_mut() = revisions;
    }

    /// Format 1 (one JSON document) becomes format 2's records, all or nothing.
    fn upgrade(&self, all_keys: &[String], raw: String, opened: &mut Opened) {
        // Records without a head are what an interrupted upgrade left: start over.
        for key in all_keys.iter().filter(|k| keys::parse_record(k).is_some()) {
            let _ = self.storage.remove(key);
        }
        match decode_document(&raw) {
            Ok(mut document) => {
                in_creation_order(&mut document);
                match self.replace_all_from(&document, Some(fingerprint(&raw))) {
                    Ok(()) => {
                        let _ = self.storage.remove(keys::LEGACY_DOCUMENT);
                    }
                    Err(err) => {
                        // The old document stays the saved data until the upgrade fits.
                        *self.blocked.borrow_mut() = Some(err.clone());
                        opened.save_error = Some(err);
                    }
                }
                opened.document = document;
            }
            Err(reason) => {
                self.move_aside(keys::LEGACY_DOCUMENT, raw, reason, opened);
                if self.blocked.borrow().is_none() {
                    self.start_fresh(all_keys, opened);
                }
            }
        }
    }

    /// A browser with no saved data: the head says "generation 1, no records yet".
    fn start_fresh(&self, all_keys: &[String], opened: &mut Opened) {
        for key in all_keys.iter().filter(|k| keys::parse_record(k).is_some()) {
            let _ = self.storage.remove(key);
        }
        self.generation.set(1);
        if let Err(err) = self.write_head(1) {
            if all_keys.is_empty() {
                // Nothing is stored and not even a few characters can be: this browser
                // refuses to let the site save (e.g. private mode of some browsers).
                opened.unavailable = Some(StorageError::Unavailable(StorageFault::WritesRefused));
            } else {
                opened.save_error = Some(err);
            }
        }
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

    /// Moves unreadable data from `key` to a set-aside key of its own; when even that
    /// does not fit, it stays where it is and blocks saving until the user decides.
    fn move_aside(&self, key: &str, raw: String, reason: Unreadable, opened: &mut Opened) {
        let slot = self.free_set_aside_key();
        let moved = self.storage.set(&slot, &raw).is_ok() && self.storage.remove(key).is_ok();
        if !moved {
            let _ = self.storage.remove(&slot);
            *self.blocked.borrow_mut() = Some(StorageError::Protected);
        }
        opened.set_aside.push(SetAside {
            keys: vec![if moved { slot } else { key.to_string() }],
            in_the_way: !moved,
            reason,
            raw,
        });
    }

    /// Data of a format this version cannot read (a newer one): left exactly as it
    /// is, offered for download as one JSON object of its keys, and saving waits.
    fn keep_in_the_way(&self, all_keys: &[String], reason: Unreadable, opened: &mut Opened) {
        let theirs: Vec<String> = all_keys
            .iter()
            .filter(|k| is_data_key(k))
            .cloned()
            .collect();
        let everything: std::collections::BTreeMap<&str, String> = theirs
            .iter()
            .filter_map(|key| Some((key.as_str(), self.storage.get(key).ok().flatten()?)))
            .collect();
        let raw = serde_json::to_string(&everything).expect("a map of strings serialises");
        *self.blocked.borrow_mut() = Some(StorageError::Protected);
        opened.set_aside.push(SetAside {
            keys: theirs,
            in_the_way: true,
            reason,
            raw,
        });
    }

    /// The data kept aside under set-aside keys now (another tab may have added some).
    pub fn kept_aside(&self) -> Vec<SetAside> {
        self.read_set_aside(&self.storage.keys().unwrap_or_default())
    }

    fn read_set_aside(&self, all_keys: &[String]) -> Vec<SetAside> {
        let mut found: Vec<(u32, SetAside)> = all_keys
            .iter()
            .filter(|k| keys::is_set_aside(k))
            .filter_map(|key| {
                let raw = self.storage.get(key).ok().flatten()?;
                let reason = match decode_document(&raw) {
                    Ok(_) => Unreadable::Superseded,
                    Err(Unreadable::Foreign) if revision_of(&raw).is_some() => {
                        Unreadable::Corrupt("a damaged record".into())
                    }
                    Err(reason) => reason,
                };
                let n = key
                    .rsplit(':')
                    .next()
                    .and_then(|n| n.parse().ok())
                    .unwrap_or(0);
                Some((
                    n,
                    SetAside {
                        keys: vec![key.clone()],
                        in_the_way: false,
                        reason,
                        raw,
                    },
                ))
            })
            .collect();
        crate::sort::sort_by_key(&mut found, |(n, _)| *n);
        found.into_iter().map(|(_, s)| s).collect()
    }

    fn free_set_aside_key(&self) -> String {
        let keys = self.storage.keys().unwrap_or_default();
        (1..)
            .map(|n| format!("{}:{n}", keys::SET_ASIDE))
            .find(|k| !keys.contains(k))
            .expect("a free number exists")
    }

    /// The user has downloaded (or given up) data kept aside.
    pub fn discard_set_aside(&self, item: &SetAside) -> Result<(), StorageError> {
        for key in &item.keys {
            self.storage.remove(key)?;
        }
        if item.in_the_way {
            *self.blocked.borrow_mut() = None;
            let head_gone = self.storage.get(keys::HEAD)?.is_none();
            if head_gone {
                self.revisions.borrow_mut().clear();
                self.generation.set(1);
                self.write_head(1)?;
            }
        }
        Ok(())
    }

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
                planned.push((key, id, old, new, revision));
            }
        }
        for (done, (key, _, _, new, _)) in planned.iter().enumerate() {
            let written = match new {
                Some(value) => self.storage.set(key, value),
                None => self.storage.remove(key),
            };
            if let Err(err) = written {
                // Put back what this commit already wrote: all or nothing.
                for (key, _, old, _, _) in &planned[..done] {
                    let _ = match old {
                        Some(old) => self.storage.set(key, old),
                        None => self.storage.remove(key),
                    };
                }
                return Err(err);
            }
        }
        let mut known = self.revisions.borrow_mut();
        for (_, id, _, new, revision) in planned {
            match new {
                Some(_) => known.insert(id, revision),
                None => known.remove(&id),
            };
        }
        Ok(())
    }

    /// UTF-16 units (what the quota counts) that the change from `before` to `after`
    /// adds to storage: its new records less the ones they replace. For explaining a
    /// refusal, so it encodes again.
    pub fn growth(&self, before: &Document, after: &Document) -> usize {
        let generation = self.generation.get();
        let units = |s: &str| s.encode_utf16().count();
        let (mut added, mut freed) = (0, 0);
        for (id, record) in changes_between(before, after) {
            let key = keys::record(generation, id);
            if let Ok(Some(old)) = self.storage.get(&key) {
                freed += units(&key) + units(&old);
            }
            if let Some(record) = record {
                added += units(&key) + units(&record.encode(1));
            }
        }
        added.saturating_sub(freed)
    }

    /// How many UTF-16 units one more value could take now, found by trying (a binary
    /// search with a key of its own, removed after): only after a refusal.
    pub fn free_space(&self) -> usize {
        const PROBE: &str = "wholesale-partner-hub-free-space-probe";
        let (mut fits, mut too_big) = (0usize, 16 << 20);
        while too_big - fits > 256 {
            let mid = fits + (too_big - fits) / 2;
            if self.storage.set(PROBE, &"x".repeat(mid)).is_ok() {
                fits = mid;
            } else {
                too_big = mid;
            }
        }
        let _ = self.storage.remove(PROBE);
        fits
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

    /// Replaces every record with `doc`'s, all or nothing (see the module comment).
    pub fn replace_all(&self, doc: &Document) -> Result<(), StorageError> {
        self.replace_all_from(doc, None)
    }

    fn replace_all_from(
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
    pub fn load<T: DeserializeOwned>(&self, key: &str) -> Draft<T> {
        match self.storage.get(key) {
            Ok(Some(raw)) => match decode_value(&raw) {
                Ok((_, value)) => Draft::Restored(value),
                Err(_) => match serde_json::from_str(&raw) {
                    Ok(value) => Draft::Restored(value),
                    Err(_) => Draft::Unreadable,
                },
            },
            _ => Draft::Absent,
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

/// Keys come in no particular order (nor did format 1 promise one): lists hold records
/// in the order they were made, as the domain inserts them.
fn in_creation_order(doc: &mut Document) {
    crate::sort::sort_by_key(&mut doc.templates, |t| (t.created_at, t.id));
    crate::sort::sort_by_key(&mut doc.customers, |c| (c.created_at, c.id));
}

/// Keys that hold the saved data (not drafts, preferences or kept-aside data).
fn is_data_key(key: &str) -> bool {
    key == keys::HEAD || key == keys::LEGACY_DOCUMENT || keys::parse_record(key).is_some()
}

/// The records `after` has that `before` has not (or has otherwise), and `None` for
/// the ones it no longer has.
fn changes_between(before: &Document, after: &Document) -> Vec<(RecordId, Option<Record>)> {
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
    use super::*;
    use crate::domain::country::DataRegion;
    use crate::domain::time::Timestamp;
    use crate::store::codec::encode_document;
    use crate::store::record::tests::fixture;
    use crate::store::MemoryStorage;
    use proptest::prelude::*;

    fn counter() -> impl FnMut() -> [u8; 16] {
        let mut n = 0xfeed_0000u128;
        move || {
            n += 0x1_0000_0001;
            n.to_le_bytes()
        }
    }

    /// Storage holding `doc` as format 1 saved it.
    fn format_1(doc: &Document) -> MemoryStorage {
        let storage = MemoryStorage::new();
        storage
            .set(keys::LEGACY_DOCUMENT, &encode_document(doc))
            .unwrap();
        storage
    }

    /// A tab of the browser: a repository over `storage` and the document it opened.
    fn tab(storage: &MemoryStorage) -> (Repository<&MemoryStorage>, Document) {
        let repo = Repository::new(storage);
        let doc = repo.open().document;
        (repo, doc)
    }

    /// What a new tab would open.
    fn reopened(storage: &MemoryStorage) -> Document {
        tab(storage).1
    }

    /// Every key and value, to compare storage before and after.
    fn snapshot(storage: &MemoryStorage) -> Vec<(String, String)> {
        storage
            .keys()
            .unwrap()
            .into_iter()
            .map(|k| {
                let v = storage.get(&k).unwrap().unwrap();
                (k, v)
            })
            .collect()
    }

    /// Runs `change` on a copy of `doc` and commits it, as the app does.
    fn commit<S: Storage>(
        repo: &Repository<S>,
        doc: &mut Document,
        change: impl FnOnce(&mut Document),
    ) -> Result<(), StorageError> {
        let mut after = doc.clone();
        change(&mut after);
        repo.commit(doc, &after)?;
        *doc = after;
        Ok(())
    }

    #[test]
    fn a_fresh_browser_starts_with_the_sample_and_a_head() {
        let storage = MemoryStorage::new();
        let opened = Repository::new(&storage).open();
        assert_eq!(opened.document, Document::sample());
        assert!(opened.set_aside.is_empty() && opened.unavailable.is_none());
        assert_eq!(
            storage.get(keys::HEAD).unwrap().as_deref(),
            Some(r#"{"format":2,"generation":1}"#)
        );
    }

    #[test]
    fn format_1_is_upgraded_with_nothing_lost() {
        let expected = fixture();
        let storage = format_1(&expected);
        let opened = Repository::new(&storage).open();
        assert_eq!(opened.document, expected);
        assert!(opened.set_aside.is_empty() && opened.save_error.is_none());
        assert_eq!(storage.get(keys::LEGACY_DOCUMENT).unwrap(), None);
        // One key per record, and the same document when opened again.
        assert_eq!(storage.keys().unwrap().len(), 1 + 1 + 3 + 2);
        assert_eq!(reopened(&storage), expected);
    }

    #[test]
    fn an_upgrade_interrupted_at_any_write_is_done_again_on_the_next_start() {
        let expected = fixture();
        for n in 0..10 {
            let storage = format_1(&expected);
            storage.fail_after_writes(n);
            let first = Repository::new(&storage).open();
            assert_eq!(first.document, expected, "crash after {n} writes");
            storage.recover();
            let opened = Repository::new(&storage).open();
            assert_eq!(opened.document, expected, "after a crash after {n} writes");
            assert!(opened.set_aside.is_empty());
            assert_eq!(storage.get(keys::LEGACY_DOCUMENT).unwrap(), None);
            assert_eq!(storage.keys().unwrap().len(), 7, "no leftovers after {n}");
        }
    }

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
    fn a_change_that_does_not_fit_leaves_what_was_saved() {
        // The fixture, upgraded, in a storage with 200 units to spare.
        let doc = fixture();
        let storage = format_1(&doc);
        let mut saved = reopened(&storage);
        let tight = MemoryStorage::with_quota(storage.used() + 200);
        for (k, v) in snapshot(&storage) {
            tight.set(&k, &v).unwrap();
        }
        let repo = Repository::new(&tight);
        assert_eq!(repo.open().document, saved);
        let before = snapshot(&tight);
        let refused = commit(&repo, &mut saved, |d| {
            let mut rng = counter();
            for _ in 0..20 {
                let id = d.templates[0].id;
                d.duplicate_template(id, &mut rng, Timestamp(5)).unwrap();
            }
        });
        assert_eq!(refused, Err(StorageError::QuotaExceeded));
        assert_eq!(snapshot(&tight), before, "a refused commit writes nothing");
        assert_eq!(reopened(&tight), doc);
    }

    #[test]
    fn a_refusal_can_say_how_much_room_the_change_needed() {
        let storage = format_1(&fixture());
        let (repo, doc) = tab(&storage);
        let mut after = doc.clone();
        let id = after.customers[1].id;
        after.delete_customer(id).unwrap();
        assert_eq!(repo.growth(&doc, &after), 0, "a deletion needs no room");
        let grown = customer_with_users(200);
        let needed = repo.growth(&doc, &grown);
        assert!((200 * 10..200 * 60).contains(&needed), "{needed}");

        let tight = MemoryStorage::with_quota(storage.used() + 1_000);
        for (k, v) in snapshot(&storage) {
            tight.set(&k, &v).unwrap();
        }
        let repo = Repository::new(&tight);
        repo.open();
        let free = repo.free_space();
        assert!((1_000 - 300..=1_000).contains(&free), "{free}");
        assert_eq!(
            snapshot(&tight).len(),
            snapshot(&storage).len(),
            "the probe is gone"
        );
    }

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

    #[test]
    fn a_newer_format_is_kept_in_place_until_discarded() {
        let storage = MemoryStorage::new();
        storage
            .set(keys::HEAD, r#"{"format":3,"generation":7}"#)
            .unwrap();
        storage
            .set("wholesale-partner-hub:7:partner", "future")
            .unwrap();
        let repo = Repository::new(&storage);
        let opened = repo.open();
        let aside = &opened.set_aside[0];
        assert_eq!(aside.reason, Unreadable::FutureVersion(3));
        assert!(aside.in_the_way && aside.raw.contains("future"));
        let mut doc = opened.document;
        let refused = commit(&repo, &mut doc, |d| {
            d.set_region_served(DataRegion::Europe, false).unwrap()
        });
        assert_eq!(refused, Err(StorageError::Protected));
        assert_eq!(
            storage
                .get("wholesale-partner-hub:7:partner")
                .unwrap()
                .as_deref(),
            Some("future")
        );
        repo.discard_set_aside(aside).unwrap();
        commit(&repo, &mut doc, |d| {
            d.set_region_served(DataRegion::Europe, false).unwrap()
        })
        .unwrap();
        assert_eq!(reopened(&storage), doc);
    }

    #[test]
    fn every_unreadable_find_is_kept_beside_the_earlier_ones() {
        let storage = MemoryStorage::new();
        storage
            .set(keys::SET_ASIDE, "first, from format 1")
            .unwrap();
        storage.set(keys::LEGACY_DOCUMENT, "{{second").unwrap();
        let opened = Repository::new(&storage).open();
        let raws: Vec<_> = opened.set_aside.iter().map(|s| s.raw.as_str()).collect();
        assert_eq!(raws, ["first, from format 1", "{{second"]);
        // A damaged record later is a third, and all three survive a reload.
        let repo = Repository::new(&storage);
        let mut doc = repo.open().document;
        commit(&repo, &mut doc, |d| {
            d.set_region_served(DataRegion::Europe, false).unwrap()
        })
        .unwrap();
        storage
            .set(&keys::record(1, RecordId::Partner), "1~5~damaged")
            .unwrap();
        let opened = Repository::new(&storage).open();
        assert_eq!(opened.set_aside.len(), 3);
        assert!(matches!(opened.set_aside[2].reason, Unreadable::Corrupt(_)));
        assert!(matches!(opened.set_aside[1].reason, Unreadable::Foreign));
        assert_eq!(opened.document, Document::sample());
        let again = Repository::new(&storage).open();
        let raws = |o: &Opened| {
            o.set_aside
                .iter()
                .map(|s| s.raw.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(raws(&again), raws(&opened));
        assert!(matches!(again.set_aside[2].reason, Unreadable::Corrupt(_)));
    }

    #[test]
    fn unreadable_data_that_cannot_be_moved_blocks_saving_instead() {
        let big = format!("{{\"version\":1,\"partner\":\"{}\"}}", "x".repeat(3_000));
        let storage = MemoryStorage::with_quota(keys::LEGACY_DOCUMENT.len() + big.len() + 10);
        storage.set(keys::LEGACY_DOCUMENT, &big).unwrap();
        let repo = Repository::new(&storage);
        let opened = repo.open();
        let aside = &opened.set_aside[0];
        assert!(aside.in_the_way && matches!(aside.reason, Unreadable::Corrupt(_)));
        let mut doc = opened.document;
        let refused = commit(&repo, &mut doc, |d| {
            d.set_region_served(DataRegion::Europe, false).unwrap()
        });
        assert_eq!(refused, Err(StorageError::Protected));
        assert_eq!(
            storage.get(keys::LEGACY_DOCUMENT).unwrap().as_deref(),
            Some(big.as_str())
        );
        repo.discard_set_aside(aside).unwrap();
        commit(&repo, &mut doc, |d| {
            d.set_region_served(DataRegion::Europe, false).unwrap()
        })
        .unwrap();
    }

    #[test]
    fn a_browser_that_refuses_every_write_is_unavailable() {
        let storage = MemoryStorage::new();
        storage.fail_after_writes(0);
        let opened = Repository::new(&storage).open();
        assert!(matches!(
            opened.unavailable,
            Some(StorageError::Unavailable(StorageFault::WritesRefused))
        ));
    }

    #[test]
    fn a_full_browser_is_not_mistaken_for_one_that_refuses_writes() {
        let storage = MemoryStorage::with_quota(100);
        storage.set("filler", &"x".repeat(90)).unwrap();
        let opened = Repository::new(&storage).open();
        assert_eq!(opened.unavailable, None);
        assert_eq!(opened.save_error, Some(StorageError::QuotaExceeded));
    }

    #[test]
    fn drafts_that_cannot_be_read_are_reported() {
        let storage = MemoryStorage::new();
        let repo = Repository::new(&storage);
        assert_eq!(repo.load::<Vec<u32>>("draft"), Draft::Absent);
        storage.set("draft", "[1, oops").unwrap();
        assert_eq!(repo.load::<Vec<u32>>("draft"), Draft::Unreadable);
        repo.store("draft", &vec![1u32, 2]).unwrap();
        assert_eq!(repo.load("draft"), Draft::Restored(vec![1u32, 2]));
        // Drafts saved as plain JSON by format 1 still resume.
        storage.set("draft", "[3, 4]").unwrap();
        assert_eq!(repo.load("draft"), Draft::Restored(vec![3u32, 4]));
    }

    /// The fixture's customer with `n` users like a partner's (names from a list,
    /// e-mails at the company's domain, numbers in a range), as format 1 saved them.
    pub fn customer_with_users(n: usize) -> Document {
        let firsts = [
            "James", "Mary", "Minjun", "Seoyeon", "Robert", "Patricia", "Jiho", "Haeun", "Michael",
            "Jennifer", "David", "Linda", "Daniel", "Sophia", "Oliver", "Emma",
        ];
        let lasts = [
            "Smith", "Johnson", "Kim", "Lee", "Park", "Williams", "Brown", "Garcia", "Miller",
            "Davis", "Choi", "Jung", "Kang", "Martinez", "Wilson", "Anderson", "Taylor",
        ];
        let mut value = serde_json::to_value(fixture()).unwrap();
        let customer = &mut value["customers"][0];
        let location = customer["headquarters"]["id"].clone();
        let users = customer["users"].as_array_mut().unwrap();
        let mut rng = counter();
        for i in 0..n {
            let (first, last) = (firsts[i * 7 % firsts.len()], lasts[i * 11 % lasts.len()]);
            let id = crate::domain::ids::UserId::from_random(rng());
            users.push(serde_json::json!({
                "id": id.to_string(), "first_name": first, "last_name": last,
                "email": format!("{}.{}{i}@acme-dental.example", first.to_lowercase(), last.to_lowercase()),
                "package": "webex_calling", "location": location,
                "phone": format!("+8223100{:04}", i), "extension": format!("{}", 2000 + i),
                "role": "user", "created_at": 1_795_430_000_000i64 + i as i64,
            }));
        }
        serde_json::from_value(value).unwrap()
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
                        d.duplicate_template(id, &mut rng, Timestamp(n as i64));
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
