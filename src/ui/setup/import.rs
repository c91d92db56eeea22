//! "Import users from a CSV file" on the Users step: a Control Hub export or a plain
//! file, chosen or dropped, shown row by row with what the setup's rules say of each,
//! then added (all, or only the rows ready).

use super::webex_check::{CheckRows, Webex};
use super::{SetupForm, ROWS_PER_PAGE};
use crate::domain::package::Package;
use crate::domain::setup::ImportedRow;
use crate::domain::spreadsheet::{parse_users, users_template, MAX_IMPORT_ROWS};
use crate::domain::user::{person_name, UserDraft};
use crate::domain::{Field, UserField};
use crate::ui::browser::{download, mark};
use crate::ui::components::file_drop::{decode, DropSection, FileField, FileRead, FileText};
use crate::ui::components::pager::{page_range, Pager};
use crate::ui::components::table::ScrollTable;
use crate::ui::components::tr;
use crate::ui::customers::UserTableHead;
use crate::ui::i18n::{use_i18n, Counted};
use crate::ui::state::use_app;
use leptos::prelude::*;
use std::collections::HashMap;
use std::sync::Arc;

/// Rows of a file, checked, waiting to be added.
#[derive(Clone)]
struct Preview {
    file: String,
    rows: Vec<ImportedRow>,
}

impl Preview {
    fn ready(&self) -> usize {
        self.rows.iter().filter(|r| r.problems.is_empty()).count()
    }
}

/// Rows of the preview table per page.
const PREVIEW_PAGE: usize = 25;

#[component]
pub(super) fn ImportUsers(setup: SetupForm, page: RwSignal<usize>) -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();
    let preview = RwSignal::new(None::<Preview>);
    let problem = RwSignal::new(None::<String>);
    let result = RwSignal::new(None::<String>);
    // A file that is not UTF-8, kept until the partner names its encoding.
    let undecoded = RwSignal::new(None::<(String, Arc<[u8]>)>);

    let on_read = Callback::new(move |(file, text): FileRead| {
        mark("csv-read");
        let t = i18n.t();
        preview.set(None);
        result.set(None);
        undecoded.set(None);
        let text = match text {
            FileText::Text(text) => text,
            FileText::NotUtf8(bytes) => {
                problem.set(Some(t.setup().csv_not_utf8.into()));
                undecoded.set(Some((file, bytes)));
                return;
            }
            FileText::Unreadable => {
                problem.set(Some(t.setup().csv_unreadable.into()));
                return;
            }
        };
        let rows = parse_users(&text);
        if rows.is_empty() {
            problem.set(Some(t.setup().csv_no_users.into()));
            return;
        }
        if rows.len() > MAX_IMPORT_ROWS {
            problem.set(Some((t.setup().csv_too_many)(rows.len(), MAX_IMPORT_ROWS)));
            return;
        }
        let rows = state.doc.with_untracked(|d| {
            setup
                .wizard()
                .with_untracked(|w| w.draft.preview_import(d, &rows))
        });
        // Benchmarks measure parsing and checking between these marks.
        mark("csv-checked");
        problem.set(None);
        preview.set(Some(Preview { file, rows }));
    });
    let add = move |only_ready: bool| {
        // Taken, not cloned: a preview may hold 20,000 rows.
        let Some(Preview { rows, .. }) = preview.try_update(Option::take).flatten() else {
            return;
        };
        let users: Vec<UserDraft> = rows
            .into_iter()
            .filter(|r| !only_ready || r.problems.is_empty())
            .map(|r| r.user)
            .collect();
        let new_rows = users.iter().filter(|u| !u.customer_admin).count();
        let (added, now) = setup
            .wizard()
            .try_update(|w| (w.draft.add_imported(users), w.draft.users.len()))
            .unwrap_or_default();
        result.set(Some((i18n.t().setup().pasted_users_added)(added)));
        // Show the first row added.
        page.set(now.saturating_sub(new_rows.max(1)) / ROWS_PER_PAGE);
    };
    let template = move |_| {
        download("users-template.csv", &users_template(), "text/csv");
    };

    view! {
        <DropSection labelledby="import-users-heading" on_read>
            <h3 id="import-users-heading">{tr(|t| t.setup().import_users_title)}</h3>
            <p class="hint">{tr(|t| t.setup().import_users_hint)}</p>
            <FileField
                id="csv-file"
                label=|t| t.setup().csv_file
                accept=".csv,text/csv,.txt,text/plain"
                problem
                on_read
            />
            {move || {
                undecoded
                    .get()
                    .map(|(file, bytes)| {
                        let read_as = move |label: &'static str| {
                            let (file, bytes) = (file.clone(), bytes.clone());
                            move |_| match decode(&bytes, label) {
                                Some(text) => on_read.run((file.clone(), FileText::Text(text))),
                                None => {
                                    problem.set(Some((i18n.t().setup().csv_not_in_encoding)(label)))
                                }
                            }
                        };
                        view! {
                            <div class="form-actions start encodings">
                                <button type="button" class="secondary" on:click=read_as("euc-kr")>
                                    {tr(|t| t.setup().read_as_korean)}
                                </button>
                                <button
                                    type="button"
                                    class="secondary"
                                    on:click=read_as("windows-1252")
                                >
                                    {tr(|t| t.setup().read_as_western)}
                                </button>
                                <button
                                    type="button"
                                    class="secondary"
                                    on:click=read_as("shift_jis")
                                >
                                    {tr(|t| t.setup().read_as_japanese)}
                                </button>
                            </div>
                        }
                    })
            }}
            <button type="button" class="link-button" on:click=template>
                {tr(|t| t.setup().download_csv_template)}
            </button>
            <p role="status" class="hint">
                {move || result.get()}
            </p>
            {move || {
                preview
                    .get()
                    .map(|p| {
                        view! {
                            <PreviewTable
                                setup
                                preview=p
                                on_add=Callback::new(add)
                                on_cancel=Callback::new(move |_| preview.set(None))
                            />
                        }
                    })
            }}
        </DropSection>
    }
}

/// The rows of a file as they would be added, a page at a time, with their problems.
#[component]
fn PreviewTable(
    setup: SetupForm,
    preview: Preview,
    on_add: Callback<bool>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let said = RwSignal::new(HashMap::<u32, Webex>::new());
    let total = preview.rows.len();
    let ready = preview.ready();
    let title = preview.file.clone();
    let rows = StoredValue::new(preview.rows);
    let only_problems = RwSignal::new(false);
    let page = RwSignal::new(0usize);
    // Positions (in the file) of the rows the table lists.
    let listed = Memo::new(move |_| {
        let only = only_problems.get();
        rows.with_value(|rows| {
            rows.iter()
                .enumerate()
                .filter(|(_, r)| !only || !r.problems.is_empty())
                .map(|(i, _)| i)
                .collect::<Vec<_>>()
        })
    });
    let count = Signal::derive(move || listed.with(Vec::len));
    // The page's rows the setup's rules pass: those a check with Webex asks about.
    let page_rows = Signal::derive(move || {
        let range = page_range(page.get(), PREVIEW_PAGE, count.get());
        let positions = listed.with(|l| l[range].to_vec());
        rows.with_value(|rows| {
            positions
                .into_iter()
                .filter(|i| rows[*i].problems.is_empty())
                .map(|i| rows[i].user.clone())
                .collect::<Vec<_>>()
        })
    });
    let locations: Signal<Vec<crate::ui::components::field::Choice>> = setup.locations.into();
    let shown = move || {
        let range = page_range(page.get(), PREVIEW_PAGE, count.get());
        let positions = listed.with(|l| l[range].to_vec());
        rows.with_value(|rows| {
            positions
                .into_iter()
                .map(|i| (i, rows[i].clone()))
                .collect::<Vec<_>>()
        })
    };
    view! {
        <div class="import-preview" role="group" aria-labelledby="import-preview-title">
            <h4 id="import-preview-title">
                {move || (i18n.t().setup().import_preview_title)(&title, total)}
            </h4>
            <p>{move || (i18n.t().setup().import_preview_counts)(ready, total - ready)}</p>
            {(ready < total)
                .then(|| {
                    view! {
                        <label class="checkbox">
                            <input
                                type="checkbox"
                                prop:checked=move || only_problems.get()
                                on:change=move |ev| {
                                    only_problems.set(event_target_checked(&ev));
                                    page.set(0);
                                }
                            />
                            {tr(|t| t.setup().only_rows_with_problems)}
                        </label>
                    }
                })}
            <CheckRows setup rows=page_rows said label=|w| w.check_page />
            <ScrollTable labelled_by="import-preview-title">
                <table>
                    <UserTableHead location=true actions=false numbered=true problems=true />
                    <tbody>
                        {move || {
                            shown()
                                .into_iter()
                                .map(|(i, row)| {
                                    let key = row.user.key;
                                    let webex = Signal::derive(move || {
                                        said.with(|s| s.get(&key).cloned())
                                    });
                                    view! { <PreviewRow number=i + 1 row locations webex /> }
                                })
                                .collect_view()
                        }}
                    </tbody>
                </table>
            </ScrollTable>
            <Show when=move || { count.get() > PREVIEW_PAGE }>
                <Pager
                    page
                    total=count
                    page_size=PREVIEW_PAGE
                    label=|t| t.customers.users_title
                    counted=Counted::People
                />
            </Show>
            <div class="form-actions start">
                <button type="button" class="primary" on:click=move |_| on_add.run(false)>
                    {move || (i18n.t().setup().add_all_imported)(total)}
                </button>
                {(ready > 0 && ready < total)
                    .then(|| {
                        view! {
                            <button
                                type="button"
                                class="secondary"
                                on:click=move |_| on_add.run(true)
                            >
                                {move || (i18n.t().setup().add_ready_imported)(ready)}
                            </button>
                        }
                    })}
                <button type="button" class="secondary" on:click=move |_| on_cancel.run(())>
                    {tr(|t| t.common.cancel)}
                </button>
            </div>
        </div>
    }
}

/// One row of the preview: the values as the setup will hold them (names of packages,
/// locations and roles; what matches none as written) and its problems.
#[component]
fn PreviewRow(
    number: usize,
    row: ImportedRow,
    locations: Signal<Vec<crate::ui::components::field::Choice>>,
    /// What Webex said of the row, once checked.
    webex: Signal<Option<Webex>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let ImportedRow { user, problems } = row;
    let package = Package::from_key(&user.package)
        .map(|p| p.name().to_string())
        .unwrap_or_else(|| user.package.clone());
    let location = {
        let id = user.location.clone();
        move || {
            locations.with(|list| {
                list.iter()
                    .find(|(key, _)| *key == id)
                    .map(|(_, name)| name.clone())
                    .unwrap_or_else(|| id.clone())
            })
        }
    };
    // A role that matched none is not the default the row holds: leave it blank.
    let role_known = !problems
        .iter()
        .any(|e| e.field == Field::User(UserField::Role));
    let role = user.role;
    let ready = problems.is_empty();
    view! {
        <tr class:has-problems=!ready>
            <td>{number}</td>
            <th scope="row">{person_name(&user.first_name, &user.last_name)}</th>
            <td>{user.email.clone()}</td>
            <td>{package}</td>
            <td>{location}</td>
            <td>{user.phone.clone()}</td>
            <td>{user.extension.clone()}</td>
            <td>{move || role_known.then(|| i18n.t().role(role))}</td>
            <td>
                {move || {
                    let t = i18n.t();
                    if ready {
                        let said = match webex.get() {
                            Some(Webex::Takes) => {
                                Some(
                                    view! {
                                        " "
                                        <span class="badge status-done">
                                            {t.lang.check().webex_takes_row}
                                        </span>
                                    }
                                        .into_any(),
                                )
                            }
                            Some(Webex::Refuses(why, _)) => {
                                Some(
                                    view! {
                                        <ul class="row-problems">
                                            <li>{why}</li>
                                        </ul>
                                    }
                                        .into_any(),
                                )
                            }
                            None => None,
                        };
                        view! {
                            <span class="badge status-done">{t.setup().import_ready}</span>
                            {said}
                        }
                            .into_any()
                    } else {
                        view! {
                            <ul class="row-problems">
                                {problems
                                    .iter()
                                    .map(|e| {
                                        view! {
                                            <li>
                                                {format!(
                                                    "{}: {}",
                                                    t.field_label(e.field),
                                                    t.problem(e.field, &e.problem),
                                                )}
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                        }
                            .into_any()
                    }
                }}
            </td>
        </tr>
    }
}
