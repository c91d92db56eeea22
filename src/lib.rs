//! Wholesale Partner Hub: Webex for Wholesale provisioning in the browser.
//!
//! Layers depend one way: `ui` → `store`, `webex` → `domain`. The domain and the store
//! build natively, so their tests run with a plain `cargo test`.

pub mod domain;
pub mod sort;
pub mod store;
pub mod webex;

#[cfg(target_arch = "wasm32")]
pub mod ui;
