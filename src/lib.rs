//! Wholesale Partner Hub: Webex for Wholesale provisioning in the browser.
//!
//! Layers depend one way: `ui` → `i18n`, `store`, `webex` → `domain`. All but the UI
//! build natively, so their tests run with a plain `cargo test`.

// A long function is split by job (the bound is in clippy.toml). Views (`ui`) and
// tests, which read as one page or one story, are exempt.
#![cfg_attr(not(test), warn(clippy::too_many_lines))]

pub mod domain;
pub mod i18n;
pub mod sort;
pub mod store;
pub mod webex;

#[cfg(target_arch = "wasm32")]
pub mod ui;
