//! The run's buttons — Provision (or continue, or check again), Stop, Keep in Webex —
//! and the countdown while a retry waits.

use crate::domain::ids::CustomerId;
use crate::domain::provisioning::{Badge, Provisioning};
use crate::ui::components::toast::use_toasts;
use crate::ui::components::tr;
use crate::ui::i18n::use_i18n;
use crate::ui::provisioning::use_webex;
use crate::ui::state::use_app;
use crate::webex::summary::{start_action, StartAction};
use leptos::prelude::*;

#[component]
pub(super) fn RunActions(
    customer: CustomerId,
    progress: Memo<Provisioning>,
    running: Signal<bool>,
    needs_token: Signal<bool>,
    on_start: Callback<()>,
) -> impl IntoView {
    let state = use_app();
    let webex = use_webex();
    let i18n = use_i18n();
    let toasts = use_toasts();
    let keep = move |_| {
        let kept = state.try_commit(|d| {
            d.change_provisioning(customer, |p| {
                p.removal = None;
                p.stopped = None;
                p.running = false;
            })
        });
        if kept.is_ok() {
            toasts.push(i18n.t().provisioning.removal_cancelled.to_string());
        }
    };
    let label = move || {
        let t = i18n.t();
        match progress.with(|p| start_action(p, needs_token.get())) {
            StartAction::ContinueRemoval => t.provisioning.continue_removal,
            StartAction::ContinueProvisioning => t.provisioning.continue_provisioning,
            StartAction::CheckAgain => t.provisioning.check_again,
            StartAction::Provision => t.provisioning.provision_in_webex,
        }
    };
    view! {
        // There while a run goes, so that the wait is announced when it starts.
        <Show when=move || running.get()>
            <RetryCountdown progress running />
        </Show>
        <div class="form-actions start">
            // The primary action while something is left to do; on a customer Webex
            // has whole, provisioning again only checks, so it steps back.
            <button
                type="button"
                class=move || {
                    if progress.with(|p| p.badge() == Badge::Provisioned) {
                        "secondary"
                    } else {
                        "primary"
                    }
                }
                on:click=move |_| on_start.run(())
                disabled=move || running.get()
            >
                {label}
            </button>
            <Show when=move || running.get()>
                <button type="button" class="secondary" on:click=move |_| webex.stop_run(customer)>
                    {tr(|t| t.provisioning.stop_run)}
                </button>
            </Show>
            // A removal that stopped (Webex refused it, or the partner stopped it) can
            // be given up: the customer is back as it was.
            <Show when=move || {
                !running.get() && progress.with(|p| p.removal.is_some() && p.stopped.is_some())
            }>
                <button type="button" class="secondary" on:click=keep>
                    {tr(|t| t.provisioning.keep_in_webex)}
                </button>
            </Show>
        </div>
    }
}

/// "Trying again in 4 min 32 s", counting down each second while a retry waits.
#[component]
fn RetryCountdown(progress: Memo<Provisioning>, running: Signal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    // The clock the countdown reads, ticking while a retry waits.
    let clock = RwSignal::new(crate::ui::browser::now().0);
    let ticking = leptos::prelude::set_interval_with_handle(
        move || {
            if progress.with_untracked(|p| p.waiting_until.is_some()) {
                clock.set(crate::ui::browser::now().0);
            }
        },
        std::time::Duration::from_secs(1),
    )
    .ok();
    on_cleanup(move || {
        if let Some(handle) = ticking {
            handle.clear();
        }
    });
    let waiting = move || {
        let until = progress.with(|p| p.waiting_until)?;
        running
            .get()
            .then(|| (i18n.t().provisioning.waiting_retry)(&countdown(until.0 - clock.get())))
    };
    view! {
        <p class="waiting" role="status">
            {waiting}
        </p>
    }
}

/// "4 min 32 s", "45 s".
fn countdown(ms: i64) -> String {
    let seconds = ms.max(0).div_euclid(1000) + i64::from(ms.rem_euclid(1000) > 0);
    match (seconds / 60, seconds % 60) {
        (0, s) => format!("{s} s"),
        (m, s) => format!("{m} min {s} s"),
    }
}
