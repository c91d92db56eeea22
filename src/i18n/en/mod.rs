//! The catalogue in English: one file per area.

mod check;
mod common;
mod customers;
mod exports;
mod problems;
mod provisioning;
mod restore;
mod settings;
mod setup;
mod storage;
mod templates;
mod timeline;

use super::{Lang, Messages};

pub use check::CHECK;
pub use setup::SETUP;

pub(super) use problems::problem;
pub(super) use timeline::note;

pub static EN: Messages = Messages {
    lang: Lang::En,
    address_abroad: None,
    common: common::WORDS,
    templates: templates::WORDS,
    customers: customers::WORDS,
    settings: settings::WORDS,
    storage: storage::WORDS,
    exports: exports::WORDS,
    provisioning: provisioning::WORDS,
    restore: restore::WORDS,
};
