//! The app's reactive state and its one link to storage.

use crate::domain::Document;
use crate::store::{
    decode_document, encode_document, keys, BrowserStorage, Repository, SetAside, StorageError,
};
use crate::ui::components::toast::Toasts;
use crate::ui::i18n::use_i18n;
use leptos::prelude::*;
use serde::de::DeserializeOwned;
use serde::Serialize;

#[derive(Clone, Copy)]
pub struct AppState {
    pub doc: RwSignal<Document>,
    /// Unreadable data kept aside for the user to download.
    pub set_aside: RwSignal<Option<SetAside>>,
    /// Why the latest change could not be saved, if it could not.
    pub storage_error: RwSignal<Option<StorageError>>,
    repo: StoredValue<Repository<BrowserStorage>, LocalStorage>,
}

pub fn use_app() -> AppState {
    expect_context::<AppState>()
}

impl AppState {
    /// Opens storage and keeps it in step with the document from then on.
    pub fn start() -> Self {
        let repo = Repository::new(BrowserStorage);
        let opened = repo.open();
        // What storage holds now, so that a reload writes nothing and another tab's
        // change is not echoed back.
        let in_storage = StoredValue::new(opened.stored.unwrap_or_default());
        let state = Self {
            doc: RwSignal::new(opened.document),
            set_aside: RwSignal::new(opened.set_aside),
            storage_error: RwSignal::new(opened.unavailable),
            repo: StoredValue::new_local(repo),
        };

        // The one place the document is saved: after every committed change.
        Effect::new(move |_| {
            let encoded = state.doc.with(encode_document);
            if in_storage.with_value(|saved| *saved == encoded) {
                return;
            }
            match state.repo.with_value(|r| r.save_encoded(&encoded)) {
                Ok(()) => {
                    in_storage.set_value(encoded);
                    state.storage_error.set(None);
                    crate::ui::browser::mark("document-saved");
                }
                Err(err) => state.storage_error.set(Some(err)),
            }
        });

        // Another tab saved: show its version rather than overwrite it later.
        let toasts = expect_context::<Toasts>();
        let i18n = use_i18n();
        let handle = window_event_listener(leptos::ev::storage, move |ev| {
            if ev.key().as_deref() != Some(keys::DOCUMENT) {
                return;
            }
            let Some(raw) = ev.new_value() else { return };
            if let Ok(document) = decode_document(&raw) {
                in_storage.set_value(raw);
                state.doc.set(document);
                toasts.push(
                    i18n.0
                        .get_untracked()
                        .messages()
                        .updated_elsewhere
                        .to_string(),
                );
            }
        });
        on_cleanup(move || handle.remove());
        state
    }

    /// Applies one change to the document (which saves it) and returns what the
    /// operation answered, e.g. why the domain refused it.
    pub fn change<R>(&self, operation: impl FnOnce(&mut Document) -> R) -> R {
        let mut answer = None;
        self.doc.update(|d| answer = Some(operation(d)));
        answer.expect("the document signal lives as long as the app")
    }

    pub fn load<T: DeserializeOwned>(&self, key: &str) -> Option<T> {
        self.repo.with_value(|r| r.load(key))
    }

    /// Saves a side record (draft, preference); a failure shows like any other.
    pub fn store<T: Serialize>(&self, key: &str, value: &T) {
        if let Err(err) = self.repo.with_value(|r| r.store(key, value)) {
            self.storage_error.set(Some(err));
        }
    }

    pub fn remove(&self, key: &str) {
        let _ = self.repo.with_value(|r| r.remove(key));
    }

    pub fn discard_set_aside(&self) {
        match self.repo.with_value(|r| r.discard_set_aside()) {
            Ok(()) => {
                self.set_aside.set(None);
                // Saving may have waited for this: write the current document now.
                let encoded = self.doc.with_untracked(encode_document);
                let saved = self.repo.with_value(|r| r.save_encoded(&encoded));
                self.storage_error.set(saved.err());
            }
            Err(err) => self.storage_error.set(Some(err)),
        }
    }
}
