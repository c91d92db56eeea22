//! Pure business model of Webex for Wholesale provisioning: no browser, no framework.
//!
//! Every rule lives here once. A form draft of plain strings is parsed into a valid
//! entity or into field-keyed [`FieldError`]s that the UI translates and shows.

pub mod address;
pub mod api_base_url;
pub mod changes;
pub mod country;
pub mod customer;
pub mod customer_edit;
pub mod demo;
pub mod document;
pub mod email;
pub mod error;
pub mod ids;
pub mod language;
pub mod limits;
pub mod location;
pub mod numbering;
pub mod package;
pub mod partner;
pub mod partner_hub;
pub mod phone;
pub mod provisioning;
pub mod pstn;
pub mod readiness;
pub mod refresh;
pub mod restore;
pub mod setup;
pub mod spreadsheet;
pub mod subdivision;
pub mod template;
pub mod text;
pub mod time;
pub mod time_zone;
pub mod timeline;
pub mod user;
pub mod user_rules;
pub mod wizard;

pub use document::Document;
pub use error::{
    CustomerField, Field, FieldError, LocationField, NumberField, PartnerField, Problem, RowRef,
    TemplateField, UserField,
};
