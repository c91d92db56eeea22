//! The list's actions on the customers the search shows: export their API requests or
//! their CSV, and "Refresh from Webex".

use super::check::ListCheck;
use super::List;
use crate::ui::components::toast::use_toasts;
use crate::ui::components::tr;
use crate::ui::customers::export::{export_customers_csv, export_requests, RequestsExport};
use crate::ui::i18n::use_i18n;
use crate::ui::provisioning::refresh::ListRefreshTools;
use crate::ui::state::use_app;
use leptos::prelude::*;

#[component]
pub(super) fn ListActions(list: List) -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();
    let toasts = use_toasts();
    let export_note = RwSignal::new(None::<String>);
    let export = move |_| {
        let ids = list.matching_ids();
        let t = i18n.t();
        if ids.is_empty() {
            export_note.set(Some(t.exports.nothing_to_export.to_string()));
            return;
        }
        let doc = state.doc.get_untracked();
        leptos::task::spawn_local(async move {
            let export = RequestsExport {
                doc,
                ids,
                prefix: "webex-requests".into(),
            };
            let t = i18n.t();
            let Some(done) = export_requests(export).await else {
                toasts.push(t.customers.export_load_failed.into());
                return;
            };
            if done.written > 0 {
                toasts.push((t.exports.requests_exported)(done.written));
            }
            export_note.set((!done.left_out.is_empty()).then(|| {
                (t.exports.requests_left_out)(done.left_out.len(), &done.left_out.join(", "))
            }));
        });
    };
    let export_csv = move |_| {
        let ids = list.matching_ids();
        state.doc.with_untracked(|d| export_customers_csv(d, &ids));
    };
    view! {
        <div class="list-actions">
            <button type="button" class="secondary" on:click=export>
                {tr(|t| t.exports.export_api_requests)}
            </button>
            <button type="button" class="secondary" on:click=export_csv>
                {tr(|t| t.exports.export_customers_csv)}
            </button>
            <ListRefreshTools />
            <ListCheck list />
        </div>
        {move || {
            export_note
                .get()
                .map(|note| {
                    view! {
                        <p class="notice" role="status">
                            {note}
                        </p>
                    }
                })
        }}
    }
}
