//! The app's reactive state and its one link to storage.
//!
//! A change is applied to a copy of the document and saved first; the screen shows it
//! (the signal is set) only once storage has it. What the screen says is saved is saved.

use crate::domain::Document;
use crate::store::{
    keys, Backend, BrowserStorage, External, MemoryStorage, Opened, Record, Repository, SetAside,
    SideRecord, StorageError, StorageFault,
};
use crate::ui::components::toast::Toasts;
use crate::ui::i18n::use_i18n;
use leptos::prelude::*;
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::convert::Infallible;

#[derive(Clone, Copy)]
pub struct AppState {
    pub doc: RwSignal<Document>,
    /// Unreadable data kept aside for the user to download.
    pub set_aside: RwSignal<Vec<SetAside>>,
    /// Why the latest change could not be saved, if it could not.
    pub storage_error: RwSignal<Option<StorageError>>,
    /// For a change refused as too big: the room it needed and the room that was free.
    pub refused_size: RwSignal<Option<(usize, usize)>>,
    /// Why the browser does not let the app save at all, if it does not: it works in
    /// memory.
    pub storage_off: Option<StorageFault>,
    repo: StoredValue<Repository<Backend>, LocalStorage>,
}

/// Why a change did not happen.
#[derive(Clone, Debug, PartialEq)]
pub enum Refusal<E> {
    /// A rule of the domain refused it.
    Rule(E),
    /// It could not be saved (the reason shows in the storage alert).
    NotSaved(StorageError),
}

impl<E> Refusal<E> {
    /// The domain's refusal, if that was why (a storage failure shows in the alert).
    pub fn rule(self) -> Option<E> {
        match self {
            Refusal::Rule(e) => Some(e),
            Refusal::NotSaved(_) => None,
        }
    }
}

pub fn use_app() -> AppState {
    expect_context::<AppState>()
}

/// Opens the browser's storage, or memory when the browser does not let the app save
/// (what it had saved, if it can still be read, is where the app starts).
fn open_storage() -> (Repository<Backend>, Opened, Option<StorageFault>) {
    let browser = match BrowserStorage::open() {
        Ok(browser) => browser,
        Err(fault) => {
            let memory = Repository::new(Backend::Memory(MemoryStorage::new()));
            let opened = memory.open();
            return (memory, opened, Some(fault));
        }
    };
    let repo = Repository::new(Backend::Browser(browser));
    let opened = repo.open();
    let Some(fault) = opened.unavailable else {
        return (repo, opened, None);
    };
    let memory = Repository::new(Backend::Memory(MemoryStorage::new()));
    let mut in_memory = memory.open();
    if memory.replace_all(&opened.document).is_ok() {
        in_memory.document = opened.document;
    }
    (memory, in_memory, Some(fault))
}

impl AppState {
    /// Opens storage and follows what other tabs save from then on.
    pub fn start() -> Self {
        let (repo, opened, storage_off) = open_storage();
        let state = Self {
            doc: RwSignal::new(opened.document),
            set_aside: RwSignal::new(opened.set_aside),
            storage_error: RwSignal::new(opened.save_error),
            refused_size: RwSignal::new(None),
            storage_off,
            repo: StoredValue::new_local(repo),
        };

        // Another tab's writes arrive as one `storage` event per key (thousands when it
        // upgrades or replaces everything): they are taken in one batch per task, so
        // the page updates once.
        let toasts = expect_context::<Toasts>();
        let i18n = use_i18n();
        let pending = StoredValue::new_local(Vec::<(Option<String>, Option<String>)>::new());
        let take_batch = move || {
            let mut batch = Vec::new();
            pending.update_value(|p| batch = std::mem::take(p));
            if state.follow_other_tabs(batch) {
                let t = i18n.0.get_untracked().messages();
                toasts.push(t.storage.updated_elsewhere.to_string());
            }
        };
        let handle = window_event_listener(leptos::ev::storage, move |ev| {
            let first = pending.with_value(Vec::is_empty);
            pending.update_value(|p| p.push((ev.key(), ev.new_value())));
            if first {
                set_timeout(take_batch, std::time::Duration::ZERO);
            }
        });
        on_cleanup(move || handle.remove());
        state
    }

    /// Takes what other tabs saved (key and new value, in order); answers whether the
    /// page changed.
    fn follow_other_tabs(&self, batch: Vec<(Option<String>, Option<String>)>) -> bool {
        let mut records = Vec::new();
        let mut reopen = false;
        let mut set_aside = false;
        for (key, new_value) in batch {
            let external = match key {
                Some(key) => self
                    .repo
                    .with_value(|r| r.external(&key, new_value.as_deref())),
                // `localStorage.clear()` in another tab.
                None => External::Reopen,
            };
            match external {
                External::Nothing => {}
                External::Record(id, record) => records.push((id, record)),
                External::Reopen => reopen = true,
                External::NewerVersion(format) => self
                    .storage_error
                    .set(Some(StorageError::NewerVersion(format))),
                External::SetAside => set_aside = true,
            }
        }
        if set_aside {
            let kept = self.repo.with_value(|r| r.kept_aside());
            self.set_aside.update(|list| {
                list.retain(|s| s.in_the_way);
                list.extend(kept);
            });
        }
        if reopen {
            self.reopen();
        } else if !records.is_empty() {
            self.doc.update(|d| {
                for (id, record) in records {
                    Record::apply(d, id, record);
                }
            });
        } else {
            return false;
        }
        true
    }

    /// Reads everything again (another tab replaced it, or this tab's copy is stale).
    fn reopen(&self) {
        let opened = self.repo.with_value(|r| r.open());
        self.doc.set(opened.document);
        self.set_aside.set(opened.set_aside);
    }

    /// Applies a change that the domain may refuse, saves it, and only then shows it.
    /// Refused or not saved, nothing changes on screen; a storage failure is shown
    /// in the storage alert, with what to do.
    pub fn try_commit<R, E>(
        &self,
        change: impl FnOnce(&mut Document) -> Result<R, E>,
    ) -> Result<R, Refusal<E>> {
        let mut after = self.doc.with_untracked(Document::clone);
        let answer = change(&mut after).map_err(Refusal::Rule)?;
        let saved = self
            .doc
            .with_untracked(|before| self.repo.with_value(|r| r.commit(before, &after)));
        match saved {
            Ok(()) => {
                crate::ui::browser::mark("document-saved");
                self.doc.set(after);
                self.storage_error.set(None);
                self.refused_size.set(None);
                Ok(answer)
            }
            Err(err) => {
                if err == StorageError::Conflict {
                    // Show what the other tab saved; the user decides again.
                    self.reopen();
                }
                self.refused_size
                    .set((err == StorageError::QuotaExceeded).then(|| {
                        self.doc.with_untracked(|before| {
                            self.repo
                                .with_value(|r| (r.growth(before, &after), r.free_space()))
                        })
                    }));
                self.storage_error.set(Some(err.clone()));
                Err(Refusal::NotSaved(err))
            }
        }
    }

    /// Replaces all the saved data with `doc` (restore, demo data, reset), all or
    /// nothing: a failure leaves what was saved, and the screen, as they were. The
    /// unfinished wizards of the data replaced go with it.
    pub fn replace_document(&self, doc: Document) -> Result<(), StorageError> {
        match self.repo.with_value(|r| r.replace_all(&doc)) {
            Ok(()) => {
                let old = self
                    .doc
                    .with_untracked(|d| d.customers.iter().map(|c| c.id).collect::<Vec<_>>());
                self.remove(keys::TEMPLATE_WIZARD);
                self.remove(keys::CUSTOMER_WIZARD);
                for id in old {
                    self.remove(&keys::setup_wizard(id));
                }
                self.doc.set(doc);
                self.storage_error.set(None);
                self.refused_size.set(None);
                Ok(())
            }
            Err(err) => {
                self.storage_error.set(Some(err.clone()));
                Err(err)
            }
        }
    }

    /// Which book is saved: every replacement (reset, restore, demo data) makes a new one.
    pub fn book(&self) -> u32 {
        self.repo.with_value(Repository::generation)
    }

    /// [`Self::try_commit`] for a change no rule refuses.
    pub fn commit<R>(&self, change: impl FnOnce(&mut Document) -> R) -> Result<R, StorageError> {
        self.try_commit(|d| Ok::<R, Infallible>(change(d)))
            .map_err(|refusal| match refusal {
                Refusal::NotSaved(err) => err,
                Refusal::Rule(never) => match never {},
            })
    }

    /// Whether replacing the data would lose anything: work in the document, or a new
    /// template or customer half-way through its wizard.
    pub fn holds_work(&self) -> bool {
        self.doc.with_untracked(Document::holds_work)
            || [keys::TEMPLATE_WIZARD, keys::CUSTOMER_WIZARD]
                .iter()
                .any(|key| self.load_text(key).is_some())
    }

    pub fn load<T: DeserializeOwned>(&self, key: &str) -> SideRecord<T> {
        self.repo.with_value(|r| r.load(key))
    }

    /// Saves a side record (draft, preference); a failure shows like any other.
    pub fn store<T: Serialize>(&self, key: &str, value: &T) -> Result<(), StorageError> {
        self.shown(self.repo.with_value(|r| r.store(key, value)))
    }

    pub fn load_text(&self, key: &str) -> Option<String> {
        self.repo.with_value(|r| r.load_text(key))
    }

    /// Saves a value as plain text; a failure shows like any other.
    pub fn store_text(&self, key: &str, text: &str) -> Result<(), StorageError> {
        self.shown(self.repo.with_value(|r| r.store_text(key, text)))
    }

    /// A side write's failure shows in the storage alert, like a change's.
    fn shown(&self, stored: Result<(), StorageError>) -> Result<(), StorageError> {
        if let Err(err) = &stored {
            self.storage_error.set(Some(err.clone()));
            self.refused_size.set(None);
        }
        stored
    }

    pub fn remove(&self, key: &str) {
        let _ = self.repo.with_value(|r| r.remove(key));
    }

    pub fn discard_set_aside(&self, item: &SetAside) {
        match self.repo.with_value(|r| r.discard_set_aside(item)) {
            Ok(()) => {
                self.set_aside.update(|list| list.retain(|s| s != item));
                if self.storage_error.get_untracked() == Some(StorageError::Protected) {
                    self.storage_error.set(None);
                }
            }
            Err(err) => self.storage_error.set(Some(err)),
        }
    }
}
