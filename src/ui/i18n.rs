//! The current language, shared by every component, over the catalogue
//! ([`crate::i18n`]).

pub use crate::i18n::*;
use leptos::prelude::*;

/// The current language, shared by every component.
#[derive(Clone, Copy)]
pub struct I18n(pub RwSignal<Lang>);

impl I18n {
    /// The messages of the current language (tracked: views re-render on a switch).
    pub fn t(&self) -> &'static Messages {
        self.0.get().messages()
    }
}

pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}

/// The browser's preferred language when we have it, else English.
pub fn browser_language() -> Lang {
    let preferred = window().navigator().language().unwrap_or_default();
    Lang::from_tag(&preferred).unwrap_or(Lang::En)
}
