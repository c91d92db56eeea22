//! Values: small types parsed once and valid after (an e-mail, a phone number, a
//! country, an id, a text cleaned from outside), and the field problems every form
//! speaks.

pub mod address;
pub mod api_base_url;
pub mod country;
pub mod email;
pub mod error;
pub mod ids;
pub mod language;
pub mod package;
pub mod partner_hub;
pub mod phone;
pub mod pstn;
pub mod subdivision;
pub mod text;
pub mod time;
pub mod time_zone;
