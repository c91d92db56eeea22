//! The catalogue in Korean: one file per area.

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

use super::{AddressAbroad, Lang, Messages};

pub use check::CHECK;
pub use setup::SETUP;

pub(super) use problems::problem;
pub(super) use timeline::note;

pub static KO: Messages = Messages {
    lang: Lang::Ko,
    address_abroad: Some(AddressAbroad {
        home: "KR",
        city: "도시",
        state: "주/도",
    }),
    common: common::WORDS,
    templates: templates::WORDS,
    customers: customers::WORDS,
    settings: settings::WORDS,
    storage: storage::WORDS,
    exports: exports::WORDS,
    provisioning: provisioning::WORDS,
    restore: restore::WORDS,
};
