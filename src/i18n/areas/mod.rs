//! The catalogue's areas: one struct of words each, so that a page reads its own
//! (`t.setup().add_user`) and a reviewer sees a page's text in one place.

mod check;
mod common;
mod customers;
mod exports;
mod provisioning;
mod restore;
mod settings;
mod setup;
mod storage;
mod templates;

pub use check::CheckWords;
pub use common::CommonWords;
pub use customers::CustomerWords;
pub use exports::ExportWords;
pub use provisioning::ProvisioningWords;
pub use restore::RestoreWords;
pub use settings::SettingsWords;
pub use setup::SetupWords;
pub use storage::StorageWords;
pub use templates::TemplateWords;
