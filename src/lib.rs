//! Wholesale Partner Hub: Webex for Wholesale provisioning in the browser.
//!
//! Layers depend one way: `ui` → `i18n`, `store`, `webex` → `domain`. All but the UI
//! build natively, so their tests run with a plain `cargo test`.

pub mod domain;
pub mod i18n;
pub mod sort;
pub mod store;
pub mod webex;

#[cfg(target_arch = "wasm32")]
pub mod ui;
