//! The timeline of a customer's requests and answers, with Webex's tracking ids: drawn
//! only while it is open, one row per event kept across saves (an apply of 1,000
//! changes saves after every answer).

use crate::domain::provisioning::{Event, Provisioning};
use crate::domain::text::{short_id, short_path};
use crate::ui::components::copy_button::CopyButton;
use crate::ui::components::table::ScrollTable;
use crate::ui::components::tr;
use crate::ui::i18n::use_i18n;
use leptos::prelude::*;

#[component]
pub(super) fn Timeline(progress: Memo<Provisioning>) -> impl IntoView {
    let i18n = use_i18n();
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
