//! The Leptos app: shell, routes, and one folder per workflow.

// Components are views: their length is their markup (see `too_many_lines` in lib.rs).
#![allow(clippy::too_many_lines)]

mod browser;
mod components;
mod customers;
mod i18n;
mod lazy;
mod not_found;
mod offline;
mod provisioning;
mod settings;
mod setup;
mod shell;
mod state;
mod templates;

use components::confirm::{Confirm, ConfirmHost};
use components::storage_alert::StorageAlerts;
use components::toast::{ToastHost, Toasts};
use i18n::{browser_language, I18n, Lang};
use lazy::lazy_page;
use leptos::prelude::*;
use leptos_router::components::{Redirect, Route, Router, Routes};
use leptos_router::{path, Lazy};

// Every page but the first screen (the customers list) is fetched when first opened.
lazy_page!(
    NewCustomerRoute,
    new_customer,
    customers::wizard::NewCustomerPage
);
lazy_page!(
    CustomerRoute,
    customer,
    customers::detail::CustomerDetailPage
);
lazy_page!(SetupRoute, setup, setup::SetupPage);
lazy_page!(TemplatesRoute, templates, templates::list::TemplateListPage);
lazy_page!(
    NewTemplateRoute,
    new_template,
    templates::wizard::NewTemplatePage
);
lazy_page!(
    TemplateRoute,
    template,
    templates::detail::TemplateDetailPage
);
lazy_page!(
    EditTemplateRoute,
    edit_template,
    templates::wizard::EditTemplatePage
);
lazy_page!(SettingsRoute, settings, settings::SettingsPage);

pub fn mount() {
    console_error_panic_hook_lite();
    // The page's static shell (index.html) showed the layout while the app loaded; the
    // app takes its place in the same task, so nothing on screen moves.
    if let Some(shell) = document().get_element_by_id("app-shell") {
        shell.remove();
    }
    leptos::mount::mount_to_body(App);
}

/// The language chosen in this browser. It is kept as its tag ("ko"), plain, because the
/// page's own script reads it to draw the shell in that language before the app has
/// loaded (web/index.html); earlier releases kept it encoded like a draft, and such a
/// choice is rewritten as a tag.
fn remembered_language(state: state::AppState) -> Option<Lang> {
    use crate::store::{keys::LANGUAGE, SideRecord};
    let text = state.load_text(LANGUAGE)?;
    if let Some(lang) = Lang::ALL.into_iter().find(|lang| lang.tag() == text) {
        return Some(lang);
    }
    let SideRecord::Restored(lang) = state.load::<Lang>(LANGUAGE) else {
        return None;
    };
    let _ = state.store_text(LANGUAGE, lang.tag());
    Some(lang)
}

/// Panics (bugs) are reported in the console rather than failing silently.
fn console_error_panic_hook_lite() {
    std::panic::set_hook(Box::new(|info| leptos::logging::error!("{info}")));
}

#[component]
pub fn App() -> impl IntoView {
    let i18n = I18n(RwSignal::new(Lang::En));
    provide_context(i18n);
    provide_context(Toasts::new());
    provide_context(Confirm::new());
    let state = state::AppState::start();
    provide_context(state);
    provisioning::provide_webex(state);

    // Language: the remembered choice, else the browser's; remembered when changed.
    i18n.0
        .set(remembered_language(state).unwrap_or_else(browser_language));
    Effect::new(move |previous: Option<Lang>| {
        let lang = i18n.0.get();
        if let Some(html) = document().document_element() {
            let _ = html.set_attribute("lang", lang.tag());
        }
        if previous.is_some_and(|p| p != lang) {
            let _ = state.store_text(crate::store::keys::LANGUAGE, lang.tag());
        }
        lang
    });

    view! {
        <Router base=browser::base_path()>
            <shell::Header />
            <main id="main" tabindex="-1">
                <StorageAlerts />
                <offline::UpdateBanner />
                <Routes fallback=not_found::NotFound>
                    <Route path=path!("/") view=|| view! { <Redirect path="/customers" /> } />
                    <Route path=path!("/customers") view=customers::list::CustomersPage />
                    <Route path=path!("/customers/new") view={Lazy::<NewCustomerRoute>::new()} />
                    <Route path=path!("/customers/:id") view={Lazy::<CustomerRoute>::new()} />
                    <Route path=path!("/customers/:id/setup") view={Lazy::<SetupRoute>::new()} />
                    <Route path=path!("/templates") view={Lazy::<TemplatesRoute>::new()} />
                    <Route path=path!("/templates/new") view={Lazy::<NewTemplateRoute>::new()} />
                    <Route path=path!("/templates/:id") view={Lazy::<TemplateRoute>::new()} />
                    <Route
                        path=path!("/templates/:id/edit")
                        view={Lazy::<EditTemplateRoute>::new()}
                    />
                    <Route path=path!("/settings") view={Lazy::<SettingsRoute>::new()} />
                </Routes>
            </main>
            <ToastHost />
            <ConfirmHost />
        </Router>
    }
}
