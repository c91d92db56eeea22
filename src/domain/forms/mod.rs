//! Forms: the wizards' drafts of plain strings, parsed into the saved document or into
//! field problems; the setup's users table, its numbering, spreadsheets, and the edits
//! of a created customer.

pub mod customer_edit;
pub mod customer_wizard;
pub mod numbering;
pub mod setup;
pub mod spreadsheet;
pub mod template_wizard;
pub mod user_rules;
pub mod wizard;
