//! What "Refresh from Webex" found of a customer, on its page: the refresh itself, a
//! customer Webex no longer has ("Provision again", "Remove here"), packages that
//! differ, users waiting for their consent ("Resend consent e-mail"), and subscribers
//! Webex has that the app does not ("In Webex only").

use super::refresh::{resend_consent, RefreshControl};
use super::{provision, use_webex};
use crate::domain::ids::CustomerId;
use crate::domain::package::Package;
use crate::domain::provisioning::{Provisioning, UserState};
use crate::domain::refresh::{self, AWAITING_CONSENT};
use crate::ui::browser::time_of_day;
use crate::ui::components::table::ScrollTable;
use crate::ui::components::tr;
use crate::ui::i18n::{fill, use_i18n};
use crate::ui::state::use_app;
use leptos::prelude::*;

/// Package keys as partners read them (a key the app does not know, as Webex wrote it).
fn package_names(keys: &[String]) -> String {
    keys.iter()
        .map(|k| match Package::from_key(k) {
            Some(p) => p.name(),
            None => k.as_str(),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

#[component]
pub fn WebexView(customer: CustomerId, on_remove_here: Callback<()>) -> impl IntoView {
    let state = use_app();
    let webex = use_webex();
    let i18n = use_i18n();
    // Read from the saved customer where shown (no copy of it: a run saves it after
    // every answer).
    let not_in_webex = move || {
        state.doc.with(|d| {
            d.customer(customer)
                .is_some_and(|c| c.provisioning.not_in_webex)
        })
    };
    let provision_again = move |_| {
        let reset = state.try_commit(|d| d.set_provisioning(customer, Provisioning::default()));
        if reset.is_ok() {
            provision(state, webex, customer, true);
        }
    };
    let differences = move || {
        let t = i18n.t();
        let (there, here) = state
            .doc
            .with(|d| d.customer(customer).map(refresh::package_differences))?;
        let mut lines = Vec::new();
        if !there.is_empty() {
            lines.push(fill(
                t.provisioning.packages_only_in_webex,
                &[("list", &package_names(&there))],
            ));
        }
        if !here.is_empty() {
            lines.push(fill(
                t.provisioning.packages_not_in_webex,
                &[("list", &package_names(&here))],
            ));
        }
        (!lines.is_empty()).then(|| {
            lines
                .into_iter()
                .map(|line| view! { <p class="notice">{line}</p> })
                .collect_view()
        })
    };
    // Users waiting for their consent: name, e-mail, subscriber id.
    let waiting = move || {
        state.doc.with(|d| {
            let Some(c) = d.customer(customer) else {
                return vec![];
            };
            c.users
                .iter()
                .filter_map(|u| match c.provisioning.users.get(&u.id) {
                    Some(UserState::Provisioned { id, status }) if status == AWAITING_CONSENT => {
                        Some((
                            u.details.full_name(),
                            u.details.email.to_string(),
                            id.clone(),
                        ))
                    }
                    _ => None,
                })
                .collect::<Vec<_>>()
        })
    };
    let only = move || {
        state.doc.with(|d| {
            d.customer(customer)
                .map(|c| refresh::webex_only(&c.provisioning))
                .unwrap_or_default()
        })
    };
    let refreshed = move || {
        let at = webex.refresh.with(|r| r.at(customer))?;
        Some(fill(
            i18n.t().provisioning.refreshed_at,
            &[("time", &time_of_day(at))],
        ))
    };
    view! {
        <div class="webex-view">
            <RefreshControl only=Some(customer) />
            {move || refreshed().map(|text| view! { <p class="hint">{text}</p> })}
            <Show when=not_in_webex>
                <p class="notice error" role="alert">
                    {tr(|t| t.provisioning.not_in_webex_notice)}
                </p>
                <div class="form-actions start">
                    <button type="button" class="primary" on:click=provision_again>
                        {tr(|t| t.provisioning.provision_again)}
                    </button>
                    <button type="button" class="danger" on:click=move |_| on_remove_here.run(())>
                        {tr(|t| t.provisioning.remove_here)}
                    </button>
                </div>
            </Show>
            {differences}
            {move || {
                let list = waiting();
                (!list.is_empty())
                    .then(|| {
                        view! {
                            <ul class="plain-list consent">
                                {list
                                    .into_iter()
                                    .map(|(name, email, id)| {
                                        let label = name.clone();
                                        view! {
                                            <li>
                                                {format!("{name} — ")}
                                                {tr(|t| t.provisioning.awaiting_consent)}" "
                                                <button
                                                    type="button"
                                                    class="link-button"
                                                    on:click=move |_| resend_consent(
                                                        webex,
                                                        id.clone(),
                                                        email.clone(),
                                                    )
                                                >
                                                    {move || fill(
                                                        i18n.t().provisioning.resend_consent,
                                                        &[("name", &label)],
                                                    )}
                                                </button>
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                        }
                    })
            }}
            {move || {
                let list = only();
                (!list.is_empty())
                    .then(|| {
                        view! {
                            <h3 id="webex-only-heading">
                                {tr(|t| t.provisioning.webex_only_heading)}
                            </h3>
                            <p class="hint">{tr(|t| t.provisioning.webex_only_hint)}</p>
                            <ScrollTable labelled_by="webex-only-heading">
                                <table>
                                    <thead>
                                        <tr>
                                            <th scope="col">{tr(|t| t.setup().email)}</th>
                                            <th scope="col">{tr(|t| t.customers.packages)}</th>
                                            <th scope="col">{tr(|t| t.customers.col_status)}</th>
                                        </tr>
                                    </thead>
                                    <tbody>
                                        {list
                                            .into_iter()
                                            .map(|s| {
                                                view! {
                                                    <tr>
                                                        <th scope="row">{s.email}</th>
                                                        <td>{package_names(std::slice::from_ref(&s.package))}</td>
                                                        <td>{s.status}</td>
                                                    </tr>
                                                }
                                            })
                                            .collect_view()}
                                    </tbody>
                                </table>
                            </ScrollTable>
                        }
                    })
            }}
        </div>
    }
}
