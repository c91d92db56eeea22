//! Pure business model of Webex for Wholesale provisioning: no browser, no framework.
//!
//! Every rule lives here once. A form draft of plain strings is parsed into a valid
//! entity or into field-keyed [`FieldError`]s that the UI translates and shows.

// Four parts, each a folder: values, the saved document, the forms that make it, and
// what Webex has. Re-exported here so that a path names the module, not its part.
pub mod forms;
pub mod remote;
pub mod saved;
pub mod values;

pub use forms::{
    customer_edit, customer_wizard, numbering, setup, spreadsheet, template_wizard, user_rules,
    wizard,
};
pub use remote::{changes, check, paging, provisioning, readiness, refresh, status, timeline};
pub use saved::{customer, demo, document, limits, location, partner, restore, template, user};
pub use values::{
    address, api_base_url, country, email, error, ids, language, package, partner_hub, phone, pstn,
    subdivision, text, time, time_zone,
};

pub use document::Document;
pub use error::{
    CustomerField, Field, FieldError, LocationField, NumberField, PartnerField, Problem, RowRef,
    TemplateField, UserField,
};
