//! The Webex for Wholesale API as this app speaks it: saved customers mapped to the
//! exact requests of Cisco's published spec (`../shared/webex-api/`), in the order they
//! must run. Pure Rust over the domain; the UI exports the plan, and sends it over
//! [`runner::Connection`]: `http` (the browser's `fetch`) or the `simulator`.

pub mod check;
pub mod demo_book;
// The browser's `fetch`, as `store::browser` is the browser's storage: wasm only.
#[cfg(target_arch = "wasm32")]
pub mod http;
pub mod refresh;
pub mod requests;
pub mod run;
pub mod runner;
pub mod simulator;
pub mod summary;
pub mod wire;

/// Where the real service lives; paths in a plan are relative to it.
pub const DEFAULT_BASE_URL: &str = "https://webexapis.com/v1";

#[cfg(test)]
mod run_tests;
#[cfg(test)]
mod spec_check;
#[cfg(test)]
mod tests;
