//! Widgets shared by every workflow.

pub mod confirm;
pub mod copy_button;
pub mod field;
pub mod storage_alert;
pub mod summary;
pub mod switch;
pub mod toast;
pub mod wizard;

use crate::ui::i18n::Messages;

/// A piece of text from the catalogue, picked by a function so that it follows the language.
pub type Text = fn(&'static Messages) -> &'static str;
