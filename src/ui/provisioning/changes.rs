//! "Changes not yet in Webex" on a customer's page: each edit Webex does not have yet,
//! in words (what Webex said beside one it refused), and "Apply changes in Webex",
//! which starts the customer's run (`webex::run` sends them).

use super::start_refused::StartRefused;
use crate::domain::changes::{self, Change};
use crate::domain::customer::Customer;
use crate::domain::ids::CustomerId;
use crate::ui::components::tr;
use crate::ui::i18n::{fill, use_i18n, ChangeWords};
use crate::ui::state::use_app;
use leptos::prelude::*;

/// One line: its words (kind, who or what, new value) and why Webex refused it.
type Line = (ChangeWords, String, String, Option<String>);

/// Changes listed at most; the rest are counted (a bulk edit can make thousands).
const LISTED: usize = 50;

/// The customer's pending changes as lines to word.
fn lines(c: &Customer) -> Vec<Line> {
    let user = |id| c.user(id).map(|u| (u.details.full_name(), &u.details));
    let place = |id| {
        c.location(id)
            .map(|l| l.details.name.to_string())
            .unwrap_or_default()
    };
    let w = changes::InWebex::read(&c.provisioning.changes);
    changes::pending(c, &w)
        .into_iter()
        .filter_map(|change| {
            let (words, who, what) = match &change {
                Change::AddPackage(p) => (ChangeWords::AddPackage, p.name().into(), String::new()),
                Change::RemovePackage(p) => {
                    (ChangeWords::RemovePackage, p.name().into(), String::new())
                }
                Change::UserPackage(u, p) => {
                    (ChangeWords::UserPackage, user(*u)?.0, p.name().into())
                }
                Change::UserNumber(u) => match &user(*u)?.1.phone {
                    Some(n) => (ChangeWords::UserNumber, user(*u)?.0, n.grouped()),
                    None => (ChangeWords::NoNumber, user(*u)?.0, String::new()),
                },
                Change::UserExtension(u) => match &user(*u)?.1.extension {
                    Some(e) => (ChangeWords::UserExtension, user(*u)?.0, e.to_string()),
                    None => (ChangeWords::NoExtension, user(*u)?.0, String::new()),
                },
                Change::UserLocation(u, l) => (ChangeWords::UserLocation, user(*u)?.0, place(*l)),
                Change::UserMoving(u, l) => (ChangeWords::UserMoving, user(*u)?.0, place(*l)),
                Change::UserName(u) => {
                    let was = w.users.get(u)?.full_name();
                    (ChangeWords::UserName, was, user(*u)?.0)
                }
                Change::RemoveUser(_, was) => {
                    (ChangeWords::RemoveUser, was.full_name(), String::new())
                }
                Change::RenameLocation(l) => {
                    let was = w.locations.get(l)?;
                    (ChangeWords::RenameLocation, was.name.to_string(), place(*l))
                }
                Change::LocationAddress(l) => {
                    (ChangeWords::LocationAddress, place(*l), String::new())
                }
                Change::LocationTimeZone(l) => {
                    (ChangeWords::LocationTimeZone, place(*l), String::new())
                }
                Change::LocationRoutingPrefix(l) => {
                    let prefix = c.location(*l)?.details.routing_prefix.clone()?;
                    (
                        ChangeWords::LocationRoutingPrefix,
                        place(*l),
                        prefix.as_str().into(),
                    )
                }
                Change::AddUser(u) => (ChangeWords::AddUser, user(*u)?.0, String::new()),
                Change::AddLocation(l) => (ChangeWords::AddLocation, place(*l), String::new()),
            };
            let refused = w.refusal(change.key()).map(|r| match r.problems.first() {
                Some(p) => match p.code {
                    Some(code) => format!("{code}: {}", p.description),
                    None => p.description.clone(),
                },
                None => format!("HTTP {}", r.http),
            });
            Some((words, who, what, refused))
        })
        .collect()
}

#[component]
pub fn PendingChanges(
    customer: CustomerId,
    #[prop(into)] running: Signal<bool>,
    on_apply: Callback<()>,
    /// "Apply" was refused: the customer has values to fix first (listed on the page).
    refused: Signal<bool>,
    /// The run waits for a token.
    needs_token: Signal<bool>,
) -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();
    let pending = Memo::new(move |_| {
        state
            .doc
            .with(|d| d.customer(customer).map(lines).unwrap_or_default())
    });
    let items = move || {
        let t = i18n.t();
        let lines = pending.get();
        let more = lines.len().saturating_sub(LISTED);
        let listed = lines
            .into_iter()
            .take(LISTED)
            .map(|(words, who, what, refused)| {
                view! {
                    <li>
                        {fill(
                            t.provisioning.change[words as usize],
                            &[("who", &who), ("what", &what)],
                        )}
                        {refused
                            .map(|why| {
                                view! {
                                    <span class="refused">
                                        " — "
                                        {fill(t.provisioning.change_refused, &[("why", &why)])}
                                    </span>
                                }
                            })}
                    </li>
                }
            })
            .collect_view();
        let more = (more > 0).then(|| {
            view! { <li class="more">{fill(t.provisioning.changes_more, &[("n", &more.to_string())])}</li> }
        });
        (listed, more)
    };
    view! {
        <Show when=move || pending.with(|p| !p.is_empty())>
            <section class="summary-section pending-changes" aria-labelledby="changes-heading">
                <header>
                    <h2 id="changes-heading">{tr(|t| t.provisioning.changes_heading)}</h2>
                </header>
                <p class="hint">{tr(|t| t.provisioning.changes_hint)}</p>
                <ul class="change-list">{items}</ul>
                // Said beside the button too: the panel that also says it may be far below.
                <StartRefused blocked=refused needs_token />
                <div class="form-actions start">
                    <button
                        type="button"
                        class="primary"
                        disabled=move || running.get()
                        on:click=move |_| on_apply.run(())
                    >
                        {tr(|t| t.provisioning.apply_changes)}
                    </button>
                </div>
            </section>
        </Show>
    }
}
