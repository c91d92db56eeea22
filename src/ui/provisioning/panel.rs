//! The customer page's "Webex provisioning" panel: the badge, each step's status while a
//! run goes on, what Webex refused (codes and descriptions as it sent them), and the
//! timeline of requests and answers with Webex's tracking ids.

use super::changes::PendingChanges;
use super::webex_view::WebexView;
use super::{provision, use_webex, Mode};
use crate::domain::api_base_url::ApiBaseUrl;
use crate::domain::customer::Customer;
use crate::domain::ids::{CustomerId, LocationId};
use crate::domain::package::Package;
use crate::domain::provisioning::{Badge, Event, Provisioning, RemoteStatus, Stop, UserState};
use crate::domain::text::{short_id, short_path};
use crate::ui::browser::href;
use crate::ui::components::copy_button::CopyButton;
use crate::ui::components::table::ScrollTable;
use crate::ui::components::toast::use_toasts;
use crate::ui::components::tr;
use crate::ui::i18n::{problems_text, use_i18n, Counted, Messages};
use crate::ui::state::use_app;
use crate::webex::run;
use leptos::prelude::*;
use leptos_router::components::A;

/// The badge of a customer's provisioning, in the current language.
#[component]
pub fn StatusBadge(#[prop(into)] badge: Signal<Badge>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <span class=move || {
            format!("badge status-{}", badge_class(badge.get()))
        }>{move || i18n.t().badge(badge.get())}</span>
    }
}

fn badge_class(b: Badge) -> &'static str {
    match b {
        Badge::NotProvisioned => "none",
        Badge::Provisioning => "busy",
        Badge::Provisioned => "done",
        Badge::ProvisionedWithErrors => "warn",
        Badge::Error => "error",
        Badge::Removing => "busy",
        Badge::NotInWebex => "error",
    }
}

/// Why "Provision in Webex" or "Apply changes in Webex" did not start a run: values to
/// fix first (`blocked`), or no token (`needs_token`), with where to give one.
#[component]
pub(super) fn StartRefused(blocked: Signal<bool>, needs_token: Signal<bool>) -> impl IntoView {
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

/// The PSTN connections Webex offered a location that has none: the partner picks one,
/// which is saved, and the run starts again to set it.
#[component]
fn PstnPicker(customer: CustomerId, location: LocationId) -> impl IntoView {
    let state = use_app();
    let webex = use_webex();
    let i18n = use_i18n();
    let found = state.doc.with_untracked(|d| {
        let c = d.customer(customer)?;
        let name = c.location(location)?.details.name.to_string();
        let options = c.provisioning.numbers.get(&location)?.options.clone();
        Some((name, options))
    });
    let Some((name, options)) = found.filter(|(_, o)| !o.is_empty()) else {
        return ().into_any();
    };
    let picked = RwSignal::new(options[0].id.clone());
    let choices = options
        .into_iter()
        .enumerate()
        .map(|(i, o)| {
            let id = format!("pstn-option-{i}");
            let value = o.id.clone();
            view! {
                <div class="radio">
                    <input
                        type="radio"
                        name="pstn-option"
                        id=id.clone()
                        prop:checked=move || picked.with(|p| *p == value)
                        on:change={
                            let value = o.id.clone();
                            move |_| picked.set(value.clone())
                        }
                    />
                    <label for=id>{o.name}</label>
                </div>
            }
        })
        .collect_view();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let choice = picked.get_untracked();
        let saved = state.try_commit(|d| {
            d.change_provisioning(customer, |p| {
                p.numbers.get_or_default(location).picked = Some(choice);
            })
        });
        if saved.is_ok() {
            provision(state, webex, customer, true);
        }
    };
    view! {
        <form class="pstn-picker" on:submit=submit>
            <fieldset class="field radio-group">
                <legend>{move || (i18n.t().provisioning.pstn_options_legend)(&name)}</legend>
                {choices}
            </fieldset>
            <button type="submit" class="primary">
                {tr(|t| t.provisioning.set_pstn_and_continue)}
            </button>
        </form>
    }
    .into_any()
}

/// "4 min 32 s", "45 s".
fn countdown(ms: i64) -> String {
    let seconds = ms.max(0).div_euclid(1000) + i64::from(ms.rem_euclid(1000) > 0);
    match (seconds / 60, seconds % 60) {
        (0, s) => format!("{s} s"),
        (m, s) => format!("{m} min {s} s"),
    }
}

fn customer_status_text(t: &'static Messages, p: &Provisioning) -> String {
    match p.status {
        None if p.customer_id.is_none() => t.provisioning.not_yet.into(),
        None => t.provisioning.remote_status_provisioning.into(),
        Some(RemoteStatus::PendingRplReview) => t.provisioning.remote_status_review.into(),
        Some(s) => t.remote_status(s).to_string(),
    }
}

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
    let i18n = use_i18n();
    let toasts = use_toasts();
    let progress = Memo::new(move |_| {
        state
            .doc
            .with(|d| d.customer(customer).map(|c| c.provisioning.clone()))
            .unwrap_or_default()
    });
    // The counts the steps show; the customer's users and locations as saved.
    let counts = Memo::new(move |_| {
        state.doc.with(|d| {
            d.customer(customer).map(|c: &Customer| {
                let p = &c.provisioning;
                let users = c.users.len();
                let done = p.users_provisioned(c.users.iter().map(|u| &u.id));
                let refused: Vec<(String, Option<String>)> = c
                    .users
                    .iter()
                    .filter_map(|u| match p.users.get(&u.id) {
                        Some(UserState::Refused { problems, .. }) => {
                            Some((u.details.email.to_string(), Some(problems_text(problems))))
                        }
                        // Worded in the view, in the current language.
                        Some(UserState::Unconfirmed) => Some((u.details.email.to_string(), None)),
                        _ => None,
                    })
                    .collect();
                let locations = c.all_locations().count();
                let located = c
                    .all_locations()
                    .filter(|l| p.locations.contains_key(&l.id))
                    .count();
                // The users' numbers, and those in their location's inventory in Webex.
                let numbered = run::numbered_locations(c);
                let numbers: usize = numbered.iter().map(|(_, _, wanted)| wanted.len()).sum();
                let missing: usize = numbered
                    .iter()
                    .map(|(l, _, _)| run::missing_numbers(c, p, *l).len())
                    .sum();
                (
                    users,
                    done,
                    refused,
                    locations,
                    located,
                    numbers,
                    numbers - missing,
                )
            })
        })
    });
    let running = Signal::derive(move || webex.running.with(|r| r.contains(&customer)));
    let needs_token = Signal::derive(move || webex.needs_token.with(|n| n.contains(&customer)));
    let refused_start = RwSignal::new(false);
    let start = move || {
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
    };
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
    let badge = Signal::derive(move || {
        if progress.with(|p| p.removal.is_some()) {
            Badge::Removing
        } else if running.get() {
            Badge::Provisioning
        } else {
            progress.with(Provisioning::badge)
        }
    });
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
    let location_name = move |id: LocationId| {
        state.doc.with_untracked(|d| {
            d.customer(customer)
                .and_then(|c| c.location(id))
                .map(|l| l.details.name.to_string())
                .unwrap_or_default()
        })
    };
    let missing_numbers = move |id: LocationId| {
        state.doc.with_untracked(|d| {
            d.customer(customer)
                .map(|c| run::missing_numbers(c, &c.provisioning, id).join(", "))
                .unwrap_or_default()
        })
    };
    let step_rows = move || {
        let t = i18n.t();
        let p = progress.get();
        let (users, done, refused, locations, located, numbers, placed) =
            counts.get().unwrap_or_default();
        let precheck = if p.prechecked || p.customer_id.is_some() {
            t.provisioning.passed.to_string()
        } else {
            match &p.stopped {
                Some(Stop::PrecheckRefused { .. }) => t.provisioning.refused.to_string(),
                _ => t.provisioning.not_yet.to_string(),
            }
        };
        let packages = p
            .packages
            .iter()
            .map(|pkg| {
                // In the app's language where the package and the status are known.
                let package =
                    Package::from_key(&pkg.package).map_or(pkg.package.as_str(), |p| p.name());
                let status = RemoteStatus::from_api(&pkg.status)
                    .map_or(pkg.status.as_str(), |s| t.remote_status(s));
                let mut text = format!("{package}: {status}");
                if !pkg.errors.is_empty() {
                    text.push_str(&format!(" — {}", problems_text(&pkg.errors)));
                }
                if !pkg.warnings.is_empty() {
                    text.push_str(&format!(" — {}", problems_text(&pkg.warnings)));
                }
                view! { <li>{text}</li> }
            })
            .collect_view();
        let refused_users = refused
            .into_iter()
            .map(|(email, why)| {
                let why = why.unwrap_or_else(|| t.provisioning.user_unconfirmed.to_string());
                view! { <li>{format!("{email} — {why}")}</li> }
            })
            .collect_view();
        view! {
            <div class="row">
                <dt>{t.provisioning.step_precheck}</dt>
                <dd>{precheck}</dd>
            </div>
            <div class="row">
                <dt>{t.provisioning.step_customer}</dt>
                <dd>
                    {customer_status_text(t, &p)}
                    {p
                        .customer_id
                        .clone()
                        .map(|id| {
                            view! {
                                " "
                                <span class="remote-id" id="webex-customer-id" title=id.clone()>
                                    {short_id(&id)}
                                </span>
                                " "
                                <CopyButton
                                    text=id
                                    select_id="webex-customer-id"
                                    announce=|t| t.provisioning.copied_webex_id
                                    label=|t| t.provisioning.copy_webex_id
                                />
                            }
                        })} <ul class="plain-list">{packages}</ul>
                </dd>
            </div>
            <div class="row">
                <dt>{t.setup.step_locations}</dt>
                <dd>{(t.common.n_of_m)(located, locations, Counted::Places)}</dd>
            </div>
            {(numbers > 0)
                .then(|| {
                    view! {
                        <div class="row">
                            <dt>{t.provisioning.step_numbers}</dt>
                            <dd>{(t.common.n_of_m)(placed, numbers, Counted::Things)}</dd>
                        </div>
                    }
                })}
            <div class="row">
                <dt>{t.setup.step_users}</dt>
                <dd>
                    {(t.common.n_of_m)(done, users, Counted::People)}
                    <ul class="plain-list">{refused_users}</ul>
                </dd>
            </div>
        }
    };
    // Drawn only while it is open, one row per event kept across saves: an apply of
    // 1,000 changes saves after every answer.
    let timeline_open = RwSignal::new(false);
    let events = move || progress.with(|p| p.timeline.iter().rev().cloned().collect::<Vec<_>>());
    let event_row = move |e: Event| {
        let time = crate::ui::browser::time_of_day(e.at);
        let http = move || {
            e.http
                .map(|h| h.to_string())
                .unwrap_or_else(|| i18n.t().provisioning.no_answer.to_string())
        };
        view! {
            <tr>
                <td class="nowrap">{time}</td>
                <td class="request">
                    <RequestCell method=e.method.clone() path=e.path.clone() />
                </td>
                <td class="number">{http}</td>
                <td>
                    {
                        let note = e.note();
                        move || i18n.t().note(&note)
                    }
                </td>
                <td class="tracking">
                    {e
                        .tracking_id
                        .clone()
                        .map(|id| {
                            let select = format!(
                                "tracking-{}",
                                id.replace(|c: char| !c.is_ascii_alphanumeric(), "-"),
                            );
                            view! {
                                <span id=select.clone() title=id.clone()>
                                    {short_id(&id)}
                                </span>
                                " "
                                <CopyButton
                                    text=id
                                    select_id=select
                                    announce=|t| t.provisioning.copied_tracking_id
                                    label=|t| t.provisioning.copy_tracking_id
                                />
                            }
                        })}
                </td>
            </tr>
        }
    };
    let timeline = move || {
        timeline_open.get().then(|| {
            view! {
                <ScrollTable labelled_by="timeline-summary">
                    <table>
                        <thead>
                            <tr>
                                <th scope="col">{tr(|t| t.provisioning.col_time)}</th>
                                <th scope="col">{tr(|t| t.provisioning.col_request)}</th>
                                <th scope="col">{tr(|t| t.provisioning.col_answer)}</th>
                                <th scope="col">{tr(|t| t.provisioning.col_summary)}</th>
                                <th scope="col">{tr(|t| t.provisioning.col_tracking)}</th>
                            </tr>
                        </thead>
                        <tbody>
                            <For
                                each=events
                                key=|e| (
                                    e.at.0,
                                    e.method.clone(),
                                    e.path.clone(),
                                    e.http,
                                    e.tracking_id.clone(),
                                    e.summary.clone(),
                                )
                                children=event_row
                            />
                        </tbody>
                    </table>
                </ScrollTable>
            }
        })
    };
    view! {
        <PendingChanges
            customer
            running
            on_apply=Callback::new(move |_| start())
            refused=Signal::derive(move || refused_start.get() && blocked.get())
            needs_token
        />
        <section class="summary-section provisioning" aria-labelledby="provisioning-heading">
            <header>
                <h2 id="provisioning-heading">{tr(|t| t.provisioning.webex_provisioning)}</h2>
                <StatusBadge badge />
            </header>
            <p class="hint">{target}</p>
            {move || not_webex().map(|warning| view! { <p class="notice">{warning}</p> })}
            <Show when=move || needs_token.get() && webex.token_for_other_url()>
                <p class="notice" role="alert">
                    {tr(|t| t.provisioning.token_for_other_url)}
                </p>
            </Show>
            <StartRefused
                blocked=Signal::derive(move || refused_start.get() && blocked.get())
                needs_token
            />
            {move || {
                progress
                    .with(|p| p.stopped.clone())
                    .filter(|s| *s != Stop::TokenRefused)
                    .map(|stop| {
                        let class = if matches!(stop, Stop::Paused | Stop::AwaitingReview) {
                            "notice"
                        } else {
                            "notice error"
                        };
                        let picker = match stop {
                            Stop::NoPstnConnection(location) => {
                                Some(
                                    // Waiting on the partner or on Cisco is no failure.
                                    view! { <PstnPicker customer location /> },
                                )
                            }
                            _ => None,
                        };
                        view! {
                            <p class=class role="alert">
                                {move || {
                                    progress
                                        .with(|p| {
                                            i18n.t().stop(&stop, p, location_name, missing_numbers)
                                        })
                                }}
                            </p>
                            {picker}
                        }
                    })
            }}
            // Webex's address check failed (6100): the fix is on this page.
            <Show when=move || {
                progress
                    .with(|p| {
                        p.status == Some(RemoteStatus::Error)
                            && p
                                .packages
                                .iter()
                                .any(|pkg| pkg.errors.iter().any(|e| e.code == Some(6100)))
                    })
            }>
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
            <dl>{step_rows}</dl>
            // There while a run goes, so that the wait is announced when it starts.
            <Show when=move || running.get()>
                <p class="waiting" role="status">
                    {waiting}
                </p>
            </Show>
            <div class="form-actions start">
                <button
                    type="button"
                    class="primary"
                    on:click=move |_| start()
                    disabled=move || running.get()
                >
                    {move || {
                        let t = i18n.t();
                        if progress.with(|p| p.removal.is_some()) {
                            t.provisioning.continue_removal
                        } else if needs_token.get() {
                            t.provisioning.continue_provisioning
                        } else if progress.with(|p| p.stopped == Some(Stop::AwaitingReview)) {
                            t.provisioning.check_again
                        } else {
                            t.provisioning.provision_in_webex
                        }
                    }}
                </button>
                <Show when=move || running.get()>
                    <button
                        type="button"
                        class="secondary"
                        on:click=move |_| webex.stop_run(customer)
                    >
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
            <WebexView customer on_remove_here />
            <Show when=move || progress.with(|p| !p.timeline.is_empty())>
                <details
                    class="timeline"
                    on:toggle=move |ev| {
                        use wasm_bindgen::JsCast;
                        let open = ev
                            .target()
                            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                            .is_some_and(|d| d.has_attribute("open"));
                        timeline_open.set(open);
                    }
                >
                    <summary id="timeline-summary">
                        {move || (i18n
                            .t()
                            .provisioning
                            .timeline_n)(progress.with(|p| p.timeline.len()))}
                    </summary>
                    {timeline}
                </details>
            </Show>
        </section>
    }
}

/// A request on one line, its ids cut to their ends; the whole path on demand (a click,
/// Enter or Space shows it, and again hides it).
#[component]
fn RequestCell(method: String, path: String) -> impl IntoView {
    let whole = RwSignal::new(false);
    let short = short_path(&path);
    let cut = short != path;
    let full = format!("{method} {path}");
    let shown = move || {
        if whole.get() {
            full.clone()
        } else {
            format!("{method} {short}")
        }
    };
    if cut {
        view! {
            <button
                type="button"
                class="link-button request-path"
                aria-expanded=move || whole.get().to_string()
                on:click=move |_| whole.update(|w| *w = !*w)
            >
                {shown}
            </button>
        }
        .into_any()
    } else {
        view! { <span>{shown}</span> }.into_any()
    }
}
