//! The saved document: the partner, its templates and customers with their locations
//! and users, the limits they keep, restoring a backup and the demo data.

pub mod customer;
pub mod demo;
pub mod document;
pub mod limits;
pub mod location;
pub mod partner;
pub mod restore;
pub mod template;
pub mod user;
