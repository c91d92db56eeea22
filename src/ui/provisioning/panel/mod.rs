//! The customer page's "Webex provisioning" panel: the badge, each step's status while a
//! run goes on, what Webex refused (codes and descriptions as it sent them), and the
//! timeline of requests and answers with Webex's tracking ids. What it shows is
//! computed by `webex::summary`; each section is a component of its own here.

mod actions;
mod badge;
mod check;
mod pstn_picker;
mod steps;
mod stop_notice;
mod timeline;

pub use badge::StatusBadge;

use super::changes::PendingChanges;
use super::start_refused::StartRefused;
use super::webex_view::WebexView;
use super::{provision, use_webex, Mode};
use crate::domain::api_base_url::ApiBaseUrl;
use crate::domain::check::CheckReport;
use crate::domain::ids::CustomerId;
use crate::ui::components::tr;
use crate::ui::i18n::use_i18n;
use crate::ui::state::use_app;
use crate::webex::summary::{self, summarize};
use actions::RunActions;
use check::CheckWithWebex;
use leptos::prelude::*;
use steps::Steps;
use stop_notice::StopNotice;
use timeline::Timeline;

#[component]
pub fn ProvisioningPanel(
    customer: CustomerId,
    blocked: Signal<bool>,
    /// Opens the headquarters' editor (Webex refused its address).
    on_fix_address: Callback<()>,
    /// Deletes the customer here (Webex no longer has it).
    on_remove_here: Callback<()>,
) -> impl IntoView {
    let state = use_app();
    let webex = use_webex();
    webex.check_saved_settings();
    let progress = Memo::new(move |_| {
        state
            .doc
            .with(|d| d.customer(customer).map(|c| c.provisioning.clone()))
            .unwrap_or_default()
    });
    let summary = Memo::new(move |_| {
        state
            .doc
            .with(|d| d.customer(customer).map(summarize))
            .unwrap_or_default()
    });
    let running = Signal::derive(move || webex.running.with(|r| r.contains(&customer)));
    let needs_token = Signal::derive(move || webex.needs_token.with(|n| n.contains(&customer)));
    let refused_start = RwSignal::new(false);
    let start = Callback::new(move |_| {
        // A removal goes on whatever the customer's data (Webex needs none of it).
        let removing = progress.with_untracked(|p| p.removal.is_some());
        if blocked.get_untracked() && !removing {
            refused_start.set(true);
            return;
        }
        refused_start.set(false);
        // A run the token stopped continues; one that never started for want of a token
        // starts now.
        let under_way = progress.with_untracked(|p| p.running);
        let fresh = !(needs_token.get_untracked() && under_way);
        provision(state, webex, customer, fresh);
    });
    // A check is refused as a run is, while the app knows the customer would fail.
    let check = Callback::new(move |_| {
        if blocked.get_untracked() {
            refused_start.set(true);
            return;
        }
        refused_start.set(false);
        super::check::start_check(customer);
    });
    // "Provision the N users that pass": the next run leaves out what the check refused.
    let go_ahead = Callback::new(move |_| {
        if blocked.get_untracked() {
            refused_start.set(true);
            return;
        }
        refused_start.set(false);
        let marked = state.try_commit(|d| {
            d.change_provisioning(customer, |p| {
                if let Some(report) = CheckReport::read(&p.check) {
                    p.check = CheckReport {
                        go_ahead: true,
                        ..report
                    }
                    .write();
                }
            })
        });
        if marked.is_ok() {
            provision(state, webex, customer, true);
        }
    });
    let refused = Signal::derive(move || refused_start.get() && blocked.get());
    let badge = Signal::derive(move || progress.with(|p| summary::badge(p, running.get())));
    view! {
        <PendingChanges customer running on_apply=start refused needs_token />
        <section class="summary-section provisioning" aria-labelledby="provisioning-heading">
            <header>
                <h2 id="provisioning-heading">{tr(|t| t.provisioning.webex_provisioning)}</h2>
                <StatusBadge badge />
            </header>
            <ConnectionNotes needs_token />
            <StartRefused blocked=refused needs_token />
            <StopNotice customer progress />
            // Webex's address check failed (6100): the fix is on this page.
            <Show when=move || summary.with(|s| s.address_refused)>
                <p class="notice">
                    {tr(|t| t.provisioning.address_error_hint)}" "
                    <button
                        type="button"
                        class="link-button"
                        on:click=move |_| on_fix_address.run(())
                    >
                        {tr(|t| t.provisioning.fix_headquarters_address)}
                    </button>
                </p>
            </Show>
            <Steps progress summary />
            <RunActions customer progress running needs_token on_start=start />
            <CheckWithWebex customer running on_check=check on_go_ahead=go_ahead />
            <WebexView customer on_remove_here />
            <Timeline progress />
        </section>
    }
}

/// Where the requests go (the simulator, or a base URL), a warning for a host that is
/// not Cisco's, and a token entered for another base URL.
#[component]
fn ConnectionNotes(needs_token: Signal<bool>) -> impl IntoView {
    let webex = use_webex();
    let i18n = use_i18n();
    let target = move || {
        let t = i18n.t();
        webex.settings.with(|s| match s.mode {
            Mode::Demo => t.provisioning.provisioning_target_demo.to_string(),
            Mode::Api => (t.provisioning.provisioning_target_api)(&s.base_url),
        })
    };
    // Any host but Cisco's own is said beside the button that sends the token there.
    let not_webex = move || {
        webex.settings.with(|s| {
            let url = ApiBaseUrl::parse(&s.base_url).ok()?;
            (s.mode == Mode::Api && !url.is_webex())
                .then(|| (i18n.t().provisioning.base_url_not_webex)(url.host()))
        })
    };
    view! {
        <p class="hint">{target}</p>
        {move || not_webex().map(|warning| view! { <p class="notice">{warning}</p> })}
        <Show when=move || needs_token.get() && webex.token_for_other_url()>
            <p class="notice" role="alert">
                {tr(|t| t.provisioning.token_for_other_url)}
            </p>
        </Show>
    }
}
