//! "Check with Webex" on the panel: the button, how far a check got (with Cancel), and
//! the last check's report — each failure on its user's row with the field Webex named,
//! its code and words, and a way to that field.

use crate::domain::check::{CheckReport, Failure};
use crate::domain::customer::Customer;
use crate::domain::ids::{CustomerId, UserId};
use crate::domain::time::Timestamp;
use crate::domain::{Field, NumberField, UserField};
use crate::i18n::{fill, problems_text, CheckWords, Messages};
use crate::ui::browser::time_of_day;
use crate::ui::components::table::ScrollTable;
use crate::ui::components::tr;
use crate::ui::customers::users::EditingUser;
use crate::ui::i18n::use_i18n;
use crate::ui::provisioning::use_webex;
use crate::ui::state::use_app;
use leptos::prelude::*;

/// A word of the check in the current language, as `tr` gives the catalogue's.
fn tw(word: fn(&'static CheckWords) -> &'static str) -> impl Fn() -> &'static str + Copy {
    let i18n = use_i18n();
    move || word(i18n.0.get().check())
}

#[component]
pub(super) fn CheckWithWebex(
    customer: CustomerId,
    running: Signal<bool>,
    on_check: Callback<()>,
    /// "Provision the N users that pass".
    on_go_ahead: Callback<()>,
) -> impl IntoView {
    let webex = use_webex();
    let i18n = use_i18n();
    let checking =
        Signal::derive(move || crate::ui::provisioning::check::progress(webex, customer));
    let progress = move || {
        checking.get().map(|(done, of)| {
            let (done, of) = (done.to_string(), of.to_string());
            fill(
                i18n.0.get().check().check_progress,
                &[("done", &done), ("of", &of)],
            )
        })
    };
    view! {
        <div class="form-actions start">
            <button
                type="button"
                class="secondary"
                on:click=move |_| on_check.run(())
                disabled=move || running.get() || checking.get().is_some()
            >
                {tw(|w| w.check_with_webex)}
            </button>
            <Show when=move || checking.get().is_some()>
                <button type="button" class="secondary" on:click=move |_| webex.stop_run(customer)>
                    {tw(|w| w.cancel_check)}
                </button>
            </Show>
        </div>
        <p class="hint">{tw(|w| w.check_hint)}</p>
        <p aria-live="polite">{progress}</p>
        <Report
            customer
            busy=Signal::derive(move || running.get() || checking.get().is_some())
            on_go_ahead
        />
    }
}

/// A failure as the report's table shows it.
#[derive(Clone, PartialEq)]
struct Row {
    user: Option<UserId>,
    who: String,
    field: Option<Field>,
    field_name: String,
    said: String,
}

/// The last check's report, as shown.
#[derive(Clone, PartialEq)]
struct Shown {
    at: String,
    stale: bool,
    ended: Option<String>,
    rows: Vec<Row>,
    warnings: Vec<String>,
    locations: Vec<String>,
    /// Users that pass, when provisioning them alone is offered: the check came to its
    /// end, the customer passed, and something else failed.
    passing: Option<usize>,
}

fn shown(t: &Messages, c: &Customer, report: &CheckReport) -> Shown {
    let w = t.lang.check();
    let name = |user: Option<UserId>| match user.and_then(|u| c.user(u)) {
        Some(u) => format!("{} <{}>", u.details.full_name(), u.details.email),
        None => w.check_customer.to_string(),
    };
    let rows: Vec<Row> = report
        .failures(c)
        .into_iter()
        .map(
            |Failure {
                 user,
                 field,
                 http,
                 problems,
             }| Row {
                user,
                who: name(user),
                field,
                field_name: field.map(|f| field_name(t, f)).unwrap_or_default(),
                said: match http {
                    200 => problems_text(&problems),
                    http => format!("HTTP {http} — {}", problems_text(&problems)),
                },
            },
        )
        .collect();
    let warnings = report
        .warnings()
        .map(|(user, w)| format!("{}: {}", name(user), problems_text(std::slice::from_ref(w))))
        .collect();
    let locations = c
        .all_locations()
        .filter_map(|l| {
            let found = report.locations.get(&l.id)?;
            let calling = found.calling?;
            let words = match (calling, found.pstn.as_str()) {
                (false, _) => w.check_location_no_calling,
                (true, "") => w.check_location_no_pstn,
                (true, _) => w.check_location_pstn,
            };
            Some(fill(
                words,
                &[("name", l.details.name.as_ref()), ("pstn", &found.pstn)],
            ))
        })
        .collect();
    let passing = report.passing(c).count();
    let customer_failed = report.customer.as_ref().is_some_and(|f| f.failed());
    let offer = report.complete() && !customer_failed && !rows.is_empty() && passing > 0;
    let at = Timestamp(report.at);
    let location = |id| {
        c.location(id)
            .map(|l| l.details.name.to_string())
            .unwrap_or_default()
    };
    Shown {
        at: format!("{} {}", at.iso_date(), time_of_day(at)),
        stale: !report.current(c),
        ended: report.ended.as_ref().map(|stop| {
            let why = t.stop(stop, &c.provisioning, location, |_| String::new());
            fill(w.check_incomplete, &[("why", &why)])
        }),
        rows,
        warnings,
        locations,
        passing: offer.then_some(passing),
    }
}

/// The column a field is in on the users' table.
fn field_name(t: &Messages, field: Field) -> String {
    match field {
        Field::User(UserField::Email) => t.customers.col_email,
        Field::User(UserField::Package) => t.setup().col_package,
        Field::Number(NumberField::Extension) => t.setup().col_extension,
        _ => t.setup().col_number,
    }
    .to_string()
}

#[component]
fn Report(customer: CustomerId, busy: Signal<bool>, on_go_ahead: Callback<()>) -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();
    let editing = use_context::<EditingUser>();
    let report = Memo::new(move |_| {
        let t = i18n.t();
        state.doc.with(|d| {
            let c = d.customer(customer)?;
            let report = CheckReport::read(&c.provisioning.check)?;
            Some(shown(t, c, &report))
        })
    });
    move || {
        report.get().map(|r| {
            let count = r.rows.len();
            let summary = if count == 0 {
                i18n.0.get().check().check_passed.to_string()
            } else {
                fill(
                    i18n.0.get().check().check_failed,
                    &[("n", &count.to_string())],
                )
            };
            let go_ahead = r.passing.map(|n| {
                view! {
                    <div class="form-actions start">
                        <button
                            type="button"
                            class="secondary"
                            on:click=move |_| on_go_ahead.run(())
                            disabled=move || busy.get()
                        >
                            {move || {
                                fill(
                                    i18n.0.get().check().provision_passing,
                                    &[("n", &n.to_string())],
                                )
                            }}
                        </button>
                    </div>
                }
            });
            let rows = r
                .rows
                .into_iter()
                .map(|row| {
                    let edit = row.user.zip(editing).map(|(user, editing)| {
                        let label = (i18n.t().customers.edit_user_n)(&row.who);
                        let field = row.field;
                        view! {
                            <button
                                type="button"
                                class="link-button"
                                aria-label=label
                                on:click=move |_| editing.open(user, field)
                            >
                                {tr(|t| t.common.edit)}
                            </button>
                        }
                    });
                    view! {
                        <tr>
                            <td>{row.who}</td>
                            <td>{row.field_name}</td>
                            <td>{row.said}</td>
                            <td>{edit}</td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <section class="check-report" aria-labelledby="check-heading">
                    <h3 id="check-heading">{tw(|w| w.check_with_webex)}</h3>
                    <p class="hint">{fill(i18n.0.get().check().checked_at, &[("at", &r.at)])}</p>
                    {r
                        .stale
                        .then(|| {
                            view! { <p class="notice">{tw(|w| w.check_stale)}</p> }
                        })}
                    {r.ended.map(|why| view! { <p class="notice error">{why}</p> })}
                    <p>{summary}</p>
                    {(count > 0)
                        .then(|| {
                            view! {
                                <ScrollTable>
                                    <table>
                                        <thead>
                                            <tr>
                                                <th scope="col">{tw(|w| w.col_who)}</th>
                                                <th scope="col">{tw(|w| w.col_field)}</th>
                                                <th scope="col">{tw(|w| w.col_webex_says)}</th>
                                                <th scope="col">{tr(|t| t.setup().col_actions)}</th>
                                            </tr>
                                        </thead>
                                        <tbody>{rows}</tbody>
                                    </table>
                                </ScrollTable>
                            }
                        })}
                    {go_ahead}
                    {(!r.warnings.is_empty())
                        .then(|| {
                            view! {
                                <h4>{tw(|w| w.check_warning)}</h4>
                                <ul>
                                    {r
                                        .warnings
                                        .into_iter()
                                        .map(|w| view! { <li>{w}</li> })
                                        .collect_view()}
                                </ul>
                            }
                        })}
                    {(!r.locations.is_empty())
                        .then(|| {
                            view! {
                                <ul>
                                    {r
                                        .locations
                                        .into_iter()
                                        .map(|l| view! { <li>{l}</li> })
                                        .collect_view()}
                                </ul>
                            }
                        })}
                </section>
            }
        })
    }
}
