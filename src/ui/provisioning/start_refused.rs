//! Why "Provision in Webex" or "Apply changes in Webex" did not start: shown by the
//! provisioning panel and by the pending changes, which sit side by side.

use crate::ui::browser::href;
use crate::ui::components::tr;
use leptos::prelude::*;
use leptos_router::components::A;

/// Why "Provision in Webex" or "Apply changes in Webex" did not start a run: values to
/// fix first (`blocked`), or no token (`needs_token`), with where to give one.
#[component]
pub fn StartRefused(blocked: Signal<bool>, needs_token: Signal<bool>) -> impl IntoView {
    view! {
        <Show when=move || blocked.get()>
            <p class="notice" role="alert">
                {tr(|t| t.provisioning.blockers_provision_first)}
            </p>
        </Show>
        <Show when=move || needs_token.get()>
            <p class="notice" role="alert">
                {tr(|t| t.provisioning.needs_token)}
                " "
                <A href=href("/settings")>{tr(|t| t.provisioning.webex_connection)}</A>
            </p>
        </Show>
    }
}
