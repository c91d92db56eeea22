//! The customer page's header: its name and actions (set up, export its requests or
//! its users, delete), and why the export was refused while values need fixing.

use crate::domain::ids::CustomerId;
use crate::domain::readiness::Blocker;
use crate::ui::browser::{focus_id, href};
use crate::ui::components::toast::use_toasts;
use crate::ui::components::{tr, RecordHeader};
use crate::ui::customers::export::{export_requests, export_users_csv, file_slug, RequestsExport};
use crate::ui::customers::fixes::BLOCKERS_HEADING;
use crate::ui::i18n::use_i18n;
use crate::ui::state::use_app;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub(super) fn DetailHeader(
    id: CustomerId,
    name: String,
    blockers: Memo<Vec<Blocker>>,
    /// "Export" was refused while values need fixing (kept by the page, which draws
    /// this header again as the customer changes).
    export_refused: RwSignal<bool>,
    /// "Delete customer" (asks first), the same as the panel's "Delete here".
    on_delete: Callback<()>,
) -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();
    let toasts = use_toasts();
    let slug = file_slug(&name);
    let export = move |_| {
        if !blockers.with_untracked(Vec::is_empty) {
            export_refused.set(true);
            focus_id(BLOCKERS_HEADING.to_string());
            return;
        }
        let export = RequestsExport {
            doc: state.doc.get_untracked(),
            ids: vec![id],
            prefix: format!("webex-requests-{slug}"),
        };
        leptos::task::spawn_local(async move {
            match export_requests(export).await {
                Some(done) if done.written > 0 => {
                    toasts.push((i18n.t().exports.requests_exported)(done.written))
                }
                Some(_) => {}
                None => toasts.push(i18n.t().customers.export_load_failed.into()),
            }
        });
    };
    view! {
        <RecordHeader name back_to="/customers" back_label=|t| t.customers.all_customers>
            <A href=href(&format!("/customers/{id}/setup")) attr:class="button primary">
                {tr(|t| t.customers.set_up_customer)}
            </A>
            <button type="button" class="secondary" on:click=export>
                {tr(|t| t.exports.export_api_requests)}
            </button>
            <button
                type="button"
                class="secondary"
                on:click=move |_| state.doc.with_untracked(|d| export_users_csv(d, id))
            >
                {tr(|t| t.exports.export_users_csv)}
            </button>
            <button type="button" class="danger" on:click=move |_| on_delete.run(())>
                {tr(|t| t.customers.delete_customer)}
            </button>
        </RecordHeader>
        <Show when=move || export_refused.get()>
            <p class="notice" role="alert">
                {tr(|t| t.exports.blockers_export_first)}
            </p>
        </Show>
    }
}
