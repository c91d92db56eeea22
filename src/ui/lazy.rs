//! Pages whose code is loaded when they are first opened.
//!
//! The first screen (the customers list) is in the main WebAssembly module; every other
//! page's code is split off by the build (`.ci/wasm.mjs`, `wasm-split-cli`) into its own
//! file, fetched on the first visit to that page (and precached by the service worker for
//! offline use). A page whose file cannot be fetched says so and offers a reload instead
//! of stopping the app.

use crate::ui::components::{tr, PageTitle, ReloadButton};
use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;

/// Declares `$route`, a [`leptos_router::LazyRoute`] whose view is `$page`, split off into
/// the module `$module` (the name of its file: `split_$module.wasm`).
macro_rules! lazy_page {
    ($route:ident, $module:ident, $page:path) => {
        pub struct $route;

        impl ::leptos_router::LazyRoute for $route {
            fn data() -> Self {
                $route
            }

            async fn view(_: Self) -> ::leptos::prelude::AnyView {
                use ::leptos::prelude::{AnyView, IntoAny};
                use ::leptos::wasm_split::{wasm_split, SplitLoaderError};

                #[wasm_split($module, wasm_split_path = ::leptos::wasm_split, fallible)]
                fn page() -> Result<AnyView, SplitLoaderError> {
                    Ok($page().into_any())
                }
                $crate::ui::lazy::or_failure(page().await)
            }
        }
    };
}
pub(crate) use lazy_page;

/// The page, or what to do when its code could not be fetched.
pub fn or_failure(page: Result<AnyView, SplitLoaderError>) -> AnyView {
    page.unwrap_or_else(|error| {
        leptos::logging::error!("{error}");
        view! { <PageLoadFailed /> }.into_any()
    })
}

/// Shown when a page's code could not be fetched (offline before the first visit, or a
/// release replaced the files): nothing saved is affected, and a reload fetches it again.
#[component]
fn PageLoadFailed() -> impl IntoView {
    view! {
        <PageTitle text=tr(|t| t.common.page_load_failed_title) />
        <section class="empty-state" role="alert">
            <h1>{tr(|t| t.common.page_load_failed_title)}</h1>
            <p>{tr(|t| t.common.page_load_failed_body)}</p>
            <ReloadButton />
        </section>
    }
}
