//! The customers list: search as you type, sort by any column, 50 rows a page.
//! Rows and their search keys are computed once per change of the data or the
//! language; a keystroke only filters and slices (see the filtering benchmark).

use super::export::{export_customers_csv, export_requests, RequestsExport};
use super::NeedTemplateText;
use crate::domain::changes;
use crate::domain::country::DataRegion;
use crate::domain::customer::CustomerStatus;
use crate::domain::ids::CustomerId;
use crate::domain::provisioning::Badge;
use crate::ui::browser::href;
use crate::ui::components::field::Choice;
use crate::ui::components::pager::{page_range, Pager};
use crate::ui::components::table::ScrollTable;
use crate::ui::components::toast::use_toasts;
use crate::ui::components::{tr, PageTitle, Text};
use crate::ui::i18n::use_i18n;
use crate::ui::provisioning::panel::StatusBadge;
use crate::ui::provisioning::refresh::ListRefreshTools;
use crate::ui::state::use_app;
use crate::ui::templates::country_label;
use leptos::prelude::*;
use leptos_router::components::A;
use std::collections::HashMap;

const PAGE_SIZE: usize = 50;

#[derive(Clone, Debug, PartialEq)]
struct CustomerRow {
    id: String,
    company: String,
    admin_email: String,
    template: String,
    template_id: String,
    packages: String,
    headquarters: String,
    region: DataRegion,
    status: CustomerStatus,
    badge: Badge,
    /// Edits Webex does not have yet ("Changes pending").
    pending: bool,
    users: usize,
    locations: usize,
    created: String,
    created_at: i64,
    /// Lower-cased company, admin e-mail and template, for the search box.
    search: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Column {
    Company,
    AdminEmail,
    Template,
    Headquarters,
    Region,
    Users,
    Locations,
    Created,
}

impl Column {
    fn compare(self, a: &CustomerRow, b: &CustomerRow) -> std::cmp::Ordering {
        let by_text = |x: &str, y: &str| x.to_lowercase().cmp(&y.to_lowercase());
        match self {
            Column::Company => by_text(&a.company, &b.company),
            Column::AdminEmail => by_text(&a.admin_email, &b.admin_email),
            Column::Template => by_text(&a.template, &b.template),
            Column::Headquarters => by_text(&a.headquarters, &b.headquarters),
            Column::Region => a.region.cmp(&b.region),
            Column::Users => a.users.cmp(&b.users),
            Column::Locations => a.locations.cmp(&b.locations),
            Column::Created => a.created_at.cmp(&b.created_at),
        }
    }
}

#[component]
pub fn CustomersPage() -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();

    let rows = Memo::new(move |_| {
        let t = i18n.t();
        state.doc.with(|d| {
            let templates: HashMap<_, _> = d
                .templates
                .iter()
                .map(|tpl| (tpl.id, tpl.settings.name.as_ref()))
                .collect();
            d.customers
                .iter()
                .map(|c| {
                    let template = templates
                        .get(&c.template_id)
                        .copied()
                        .unwrap_or(t.unknown)
                        .to_string();
                    CustomerRow {
                        id: c.id.to_string(),
                        search: format!("{}\n{}\n{}", c.company_name, c.admin_email, template)
                            .to_lowercase(),
                        company: c.company_name.to_string(),
                        admin_email: c.admin_email.to_string(),
                        template,
                        template_id: c.template_id.to_string(),
                        packages: c
                            .packages
                            .iter()
                            .map(|p| p.name())
                            .collect::<Vec<_>>()
                            .join(", "),
                        headquarters: country_label(
                            t,
                            c.headquarters.details.address.country.as_ref(),
                        ),
                        region: c.region,
                        status: c.status(),
                        badge: c.provisioning.badge(),
                        pending: changes::any_pending(c),
                        users: c.users.len(),
                        locations: c.all_locations().count(),
                        created: c.created_at.iso_date(),
                        created_at: c.created_at.0,
                    }
                })
                .collect::<Vec<_>>()
        })
    });
    let sort = RwSignal::new((Column::Company, true));
    // Row indices in the chosen order; re-sorted only when the data or the order changes.
    let sorted = Memo::new(move |_| {
        let (column, ascending) = sort.get();
        rows.with(|rows| {
            let mut order: Vec<usize> = (0..rows.len()).collect();
            crate::sort::sort_positions(&mut order, &|a, b| {
                let ord = column.compare(&rows[a], &rows[b]);
                if ascending {
                    ord
                } else {
                    ord.reverse()
                }
            });
            order
        })
    });
    let query = RwSignal::new(String::new());
    // The filters beside the search: "" shows all; otherwise a status and a region by
    // their position in `Badge::ALL` and `DataRegion::ALL`, a template by its id.
    let status = RwSignal::new(String::new());
    let template = RwSignal::new(String::new());
    let region = RwSignal::new(String::new());
    let matching = Memo::new(move |_| {
        let q = query.with(|q| q.trim().to_lowercase());
        let chosen = |filter: RwSignal<String>| filter.with(|f| f.parse::<usize>().ok());
        // After the badges, "Changes pending".
        let status = chosen(status);
        let pending = status == Some(Badge::ALL.len());
        let status = status.and_then(|i| Badge::ALL.get(i).copied());
        let region = chosen(region).and_then(|i| DataRegion::ALL.get(i).copied());
        let template = template.get();
        rows.with(|rows| {
            sorted.with(|order| {
                order
                    .iter()
                    .copied()
                    .filter(|&i| {
                        let row = &rows[i];
                        row.search.contains(&q)
                            && status.is_none_or(|b| row.badge == b)
                            && (!pending || row.pending)
                            && region.is_none_or(|r| row.region == r)
                            && (template.is_empty() || row.template_id == template)
                    })
                    .collect::<Vec<_>>()
            })
        })
    });
    let page = RwSignal::new(0usize);
    let status_choices = Signal::derive(move || {
        let t = i18n.t();
        let mut choices = indexed(&Badge::ALL, |b| t.badge(b));
        choices.push((Badge::ALL.len().to_string(), t.changes_pending.to_string()));
        choices
    });
    let region_choices = Signal::derive(move || indexed(&DataRegion::ALL, |r| i18n.t().region(r)));
    let template_choices = Signal::derive(move || {
        state.doc.with(|d| {
            d.templates
                .iter()
                .map(|t| (t.id.to_string(), t.settings.name.to_string()))
                .collect::<Vec<Choice>>()
        })
    });

    // The customers the search shows, every page, in the shown order.
    let toasts = use_toasts();
    let export_note = RwSignal::new(None::<String>);
    let export = move |_| {
        let ids: Vec<CustomerId> = rows.with_untracked(|rows| {
            matching.with_untracked(|m| {
                m.iter()
                    .filter_map(|&i| CustomerId::parse(&rows[i].id))
                    .collect()
            })
        });
        let t = i18n.t();
        if ids.is_empty() {
            export_note.set(Some(t.nothing_to_export.to_string()));
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
                toasts.push(t.export_load_failed.into());
                return;
            };
            if done.written > 0 {
                toasts.push((t.requests_exported)(done.written));
            }
            export_note
                .set((!done.left_out.is_empty()).then(|| {
                    (t.requests_left_out)(done.left_out.len(), &done.left_out.join(", "))
                }));
        });
    };
    let shown = move || {
        rows.with(|rows| {
            matching.with(|m| {
                m[page_range(page.get(), PAGE_SIZE, m.len())]
                    .iter()
                    .map(|&i| rows[i].clone())
                    .collect::<Vec<_>>()
            })
        })
    };

    let header = move |column: Column, label: Text| {
        let aria_sort = move || {
            let (c, ascending) = sort.get();
            (c == column).then_some(if ascending { "ascending" } else { "descending" })
        };
        view! {
            <th scope="col" aria-sort=aria_sort>
                <button
                    type="button"
                    class="sort"
                    title=move || (i18n.t().sort_by)(label(i18n.t()))
                    on:click=move |_| {
                        sort.update(|(c, ascending)| {
                            if *c == column {
                                *ascending = !*ascending;
                            } else {
                                *c = column;
                                *ascending = true;
                            }
                        });
                        page.set(0);
                    }
                >
                    {tr(label)}
                </button>
            </th>
        }
    };

    let table = move || {
        view! {
            <div class="list-tools">
                <label for="customer-search">{tr(|t| t.search_customers)}</label>
                <input
                    id="customer-search"
                    type="search"
                    autocomplete="off"
                    prop:value=move || query.get()
                    on:input=move |ev| {
                        query.set(event_target_value(&ev));
                        page.set(0);
                    }
                />
                <FilterSelect id="status-filter" label=|t| t.status_filter all=|t| t.all_statuses choices=status_choices value=status page/>
                <FilterSelect id="template-filter" label=|t| t.template_filter all=|t| t.all_templates_option choices=template_choices value=template page/>
                <FilterSelect id="region-filter" label=|t| t.region_filter all=|t| t.all_regions choices=region_choices value=region page/>
                <div class="tool-buttons">
                <button type="button" class="secondary" on:click=export>{tr(|t| t.export_api_requests)}</button>
                <button type="button" class="secondary" on:click=move |_| {
                    let ids: Vec<CustomerId> = rows.with_untracked(|rows| {
                        matching.with_untracked(|m| m.iter().filter_map(|&i| CustomerId::parse(&rows[i].id)).collect())
                    });
                    state.doc.with_untracked(|d| export_customers_csv(d, &ids));
                }>
                    {tr(|t| t.export_customers_csv)}
                </button>
                </div>
            </div>
            <ListRefreshTools/>
            {move || export_note.get().map(|note| view! { <p class="notice" role="status">{note}</p> })}
            <div class="table-wrap">
                <ScrollTable label=|t| t.customers_title>
                <table>
                    <thead>
                        <tr>
                            {header(Column::Company, |t| t.col_company)}
                            {header(Column::AdminEmail, |t| t.customer_admin_email)}
                            {header(Column::Template, |t| t.template)}
                            <th scope="col">{tr(|t| t.packages)}</th>
                            {header(Column::Headquarters, |t| t.col_headquarters)}
                            {header(Column::Region, |t| t.data_region)}
                            <th scope="col">{tr(|t| t.col_status)}</th>
                            {header(Column::Users, |t| t.col_users)}
                            {header(Column::Locations, |t| t.col_locations)}
                            {header(Column::Created, |t| t.col_created)}
                        </tr>
                    </thead>
                    <tbody>
                        <For each=shown key=|row| row.id.clone() let:row>
                            <tr>
                                <th scope="row">
                                    <A href=href(&format!("/customers/{}", row.id))>{row.company.clone()}</A>
                                </th>
                                <td>{row.admin_email.clone()}</td>
                                <td>{row.template.clone()}</td>
                                <td class="packages">{row.packages.clone()}</td>
                                <td>{row.headquarters.clone()}</td>
                                <td>{move || i18n.t().region(row.region)}</td>
                                <td>
                                    <StatusBadge badge=row.badge/>
                                    {row.pending.then(|| view! { <span class="badge status-warn">{tr(|t| t.changes_pending)}</span> })}
                                    <span class="substatus">{move || i18n.t().status(row.status)}</span>
                                </td>
                                <td class="number">{row.users}</td>
                                <td class="number">{row.locations}</td>
                                <td class="nowrap">{row.created.clone()}</td>
                            </tr>
                        </For>
                    </tbody>
                </table>
                </ScrollTable>
                <Show when=move || matching.with(Vec::is_empty)>
                    <p class="table-empty" role="status">{tr(|t| t.no_matching_customers)}</p>
                </Show>
            </div>
            <Pager page total=Signal::derive(move || matching.with(Vec::len)) page_size=PAGE_SIZE label=|t| t.showing_label/>
        }
    };

    view! {
        <PageTitle text=tr(|t| t.customers_title)/>
        <div class="page-header">
            <h1>{tr(|t| t.customers_title)}</h1>
            // An empty list has its one action in the empty state.
            <Show when=move || rows.with(|r| !r.is_empty())>
                <A href=href("/customers/new") attr:class="button primary">{tr(|t| t.create_customer)}</A>
            </Show>
        </div>
        <Show when=move || rows.with(|r| !r.is_empty()) fallback=EmptyCustomers>
            {table}
        </Show>
    }
}

#[component]
fn EmptyCustomers() -> impl IntoView {
    let state = use_app();
    let has_templates = move || state.doc.with(|d| !d.templates.is_empty());
    view! {
        <section class="empty-state">
            <h2>{tr(|t| t.customers_empty_title)}</h2>
            <Show when=has_templates fallback=NeedTemplateText>
                <p>{tr(|t| t.customers_empty_body)}</p>
                <A href=href("/customers/new") attr:class="button primary">{tr(|t| t.create_customer)}</A>
            </Show>
        </section>
    }
}

/// Choices whose values are their positions in `items` (how the filters keep them).
fn indexed<T: Copy>(items: &[T], label: impl Fn(T) -> &'static str) -> Vec<Choice> {
    items
        .iter()
        .enumerate()
        .map(|(i, &item)| (i.to_string(), label(item).to_string()))
        .collect()
}

/// A filter beside the search: "all" (the empty value) or one of `choices`; a change
/// goes back to the first page.
#[component]
fn FilterSelect(
    id: &'static str,
    label: Text,
    all: Text,
    choices: Signal<Vec<Choice>>,
    value: RwSignal<String>,
    page: RwSignal<usize>,
) -> impl IntoView {
    view! {
        <label for=id>{tr(label)}</label>
        <select
            id=id
            on:change=move |ev| {
                value.set(event_target_value(&ev));
                page.set(0);
            }
        >
            <option value="" selected=move || value.with(String::is_empty)>{tr(all)}</option>
            {move || choices.get().into_iter().map(|(key, shown)| {
                let selected = key.clone();
                view! { <option value=key selected=move || value.with(|v| *v == selected)>{shown}</option> }
            }).collect_view()}
        </select>
    }
}
