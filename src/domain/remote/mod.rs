//! What Webex has: a customer's provisioning record and its timeline, the changes not
//! yet in Webex, a refresh's merge, and whether a customer is ready to send.

pub mod changes;
pub mod check;
pub mod paging;
pub mod provisioning;
pub mod readiness;
pub mod refresh;
pub mod status;
pub mod timeline;
