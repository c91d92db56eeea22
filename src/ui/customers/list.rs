//! The customers list: search as you type, sort by any column, 50 rows a page.
//! Rows and their search keys are computed once per change of the data or the
//! language; a keystroke only filters and slices (see the filtering benchmark).

use super::demo::use_load_demo;
use super::export::{export_customers_csv, export_requests, RequestsExport};
use super::NeedTemplateText;
use crate::domain::changes;
use crate::domain::country::DataRegion;
use crate::domain::customer::CustomerStatus;
use crate::domain::ids::CustomerId;
use crate::domain::package;
use crate::domain::provisioning::Badge;
use crate::ui::browser::href;
use crate::ui::components::field::Choice;
use crate::ui::components::pager::{page_range, Pager};
use crate::ui::components::table::ScrollTable;
use crate::ui::components::toast::use_toasts;
use crate::ui::components::{tr, PageTitle, Text};
use crate::ui::i18n::{use_i18n, Counted};
use crate::ui::provisioning::panel::StatusBadge;
use crate::ui::provisioning::refresh::ListRefreshTools;
use crate::ui::state::use_app;
use crate::ui::templates::country_label;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;
use leptos_router::location::Url;
use leptos_router::params::ParamsMap;
use std::collections::HashMap;
use wasm_bindgen::JsValue;

const PAGE_SIZE: usize = 50;

#[derive(Clone, Debug, PartialEq)]
struct CustomerRow {
    id: String,
    company: String,
    admin_email: String,
    template: String,
    template_id: String,
    /// The package the customer is built on (else its first), and the others.
    main_package: &'static str,
    more_packages: Vec<&'static str>,
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
    const ALL: [Column; 8] = [
        Column::Company,
        Column::AdminEmail,
        Column::Template,
        Column::Headquarters,
        Column::Region,
        Column::Users,
        Column::Locations,
        Column::Created,
    ];

    /// How the address names it (`?sort=users`, `?sort=-users` for descending).
    fn key(self) -> &'static str {
        match self {
            Column::Company => "company",
            Column::AdminEmail => "admin",
            Column::Template => "template",
            Column::Headquarters => "headquarters",
            Column::Region => "region",
            Column::Users => "users",
            Column::Locations => "locations",
            Column::Created => "created",
        }
    }

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

/// The status filter's choice after the badges.
const CHANGES_PENDING: &str = "changes-pending";
const DEFAULT_SORT: (Column, bool) = (Column::Company, true);

/// What the list shows — search, filters, order and page — as its address keeps it
/// (`?q=acme&status=error&sort=-users&page=2`), so that Back returns to the same list
/// and a link shares it. A filter is "" for all, else a status's or region's key or a
/// template's id; unknown values read as "all". The page reads its address when it opens.
#[derive(Clone, Debug, PartialEq)]
struct Shown {
    query: String,
    status: String,
    template: String,
    region: String,
    sort: (Column, bool),
    /// From 0 (the address counts from 1).
    page: usize,
}

impl Shown {
    fn read(params: &ParamsMap) -> Self {
        let text = |key| params.get(key).unwrap_or_default();
        let known = |key, valid: &dyn Fn(&str) -> bool| {
            let value = text(key);
            if valid(&value) {
                value
            } else {
                String::new()
            }
        };
        let sort = text("sort");
        let (name, ascending) = match sort.strip_prefix('-') {
            Some(name) => (name, false),
            None => (sort.as_str(), true),
        };
        Self {
            query: text("q"),
            status: known("status", &|v| {
                v == CHANGES_PENDING || Badge::from_key(v).is_some()
            }),
            template: text("template"),
            region: known("region", &|v| DataRegion::from_key(v).is_some()),
            sort: Column::ALL
                .into_iter()
                .find(|c| c.key() == name)
                .map_or(DEFAULT_SORT, |c| (c, ascending)),
            page: text("page")
                .parse::<usize>()
                .map_or(0, |p| p.saturating_sub(1)),
        }
    }

    /// The address's query, "" when it shows everything in the first order.
    fn search(&self) -> String {
        let (column, ascending) = self.sort;
        let sort = (self.sort != DEFAULT_SORT)
            .then(|| format!("{}{}", if ascending { "" } else { "-" }, column.key()));
        let page = (self.page > 0).then(|| (self.page + 1).to_string());
        let pairs = [
            ("q", Some(self.query.clone())),
            ("status", Some(self.status.clone())),
            ("template", Some(self.template.clone())),
            ("region", Some(self.region.clone())),
            ("sort", sort),
            ("page", page),
        ];
        let kept: Vec<String> = pairs
            .into_iter()
            .filter_map(|(key, value)| {
                value
                    .filter(|v| !v.is_empty())
                    .map(|v| format!("{key}={}", Url::escape(&v)))
            })
            .collect();
        if kept.is_empty() {
            String::new()
        } else {
            format!("?{}", kept.join("&"))
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
                    let main = package::customer_level(&c.packages).or(c.packages.first().copied());
                    let template = templates
                        .get(&c.template_id)
                        .copied()
                        .unwrap_or(t.common.unknown)
                        .to_string();
                    CustomerRow {
                        id: c.id.to_string(),
                        search: format!("{}\n{}\n{}", c.company_name, c.admin_email, template)
                            .to_lowercase(),
                        company: c.company_name.to_string(),
                        admin_email: c.admin_email.to_string(),
                        template,
                        template_id: c.template_id.to_string(),
                        main_package: main.map_or("", |p| p.name()),
                        more_packages: c
                            .packages
                            .iter()
                            .filter(|p| Some(**p) != main)
                            .map(|p| p.name())
                            .collect(),
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
    let params = use_query_map();
    let start = params.with_untracked(Shown::read);
    let sort = RwSignal::new(start.sort);
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
    let query = RwSignal::new(start.query);
    // The filters beside the search (see `Shown`).
    let status = RwSignal::new(start.status);
    let template = RwSignal::new(start.template);
    let region = RwSignal::new(start.region);
    let matching = Memo::new(move |_| {
        let q = query.with(|q| q.trim().to_lowercase());
        let pending = status.with(|s| s == CHANGES_PENDING);
        let status = status.with(|s| Badge::from_key(s));
        let region = region.with(|r| DataRegion::from_key(r));
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
    let page = RwSignal::new(start.page);
    let shown_now = move || Shown {
        query: query.get(),
        status: status.get(),
        template: template.get(),
        region: region.get(),
        sort: sort.get(),
        page: page.get(),
    };
    // The address follows the list. Its history entry is renamed, not added to (Back
    // leaves the list), and the router is not told: the page stays as it is. Back to
    // this entry opens the page again, from the address.
    Effect::new(move |_| {
        let to = href(&format!("/customers{}", shown_now().search()));
        if let Ok(history) = window().history() {
            let state = history.state().unwrap_or(JsValue::NULL);
            let _ = history.replace_state_with_url(&state, "", Some(&to));
        }
    });
    let clear_filters = move |_: leptos::ev::MouseEvent| {
        query.set(String::new());
        status.set(String::new());
        template.set(String::new());
        region.set(String::new());
        page.set(0);
    };
    let status_choices = Signal::derive(move || {
        let t = i18n.t();
        let mut choices = keyed(&Badge::ALL, Badge::key, |b| t.badge(b));
        choices.push((
            CHANGES_PENDING.to_string(),
            t.customers.changes_pending.to_string(),
        ));
        choices
    });
    let region_choices =
        Signal::derive(move || keyed(&DataRegion::ALL, DataRegion::key, |r| i18n.t().region(r)));
    let template_choices = Signal::derive(move || {
        state.doc.with(|d| {
            d.templates
                .iter()
                .map(|t| (t.id.to_string(), t.settings.name.to_string()))
                .collect::<Vec<Choice>>()
        })
    });

    // "No customers match the search “acme”, Status: Error." — each active filter named.
    let no_match = move || {
        let t = i18n.t();
        let chosen = |value: RwSignal<String>, choices: Signal<Vec<Choice>>, label: &str| {
            let value = value.get();
            // A template gone since the link was made is named by its id.
            (!value.is_empty()).then(|| {
                let shown = choices.with(|list| {
                    list.iter()
                        .find(|(key, _)| *key == value)
                        .map(|(_, shown)| shown.clone())
                });
                format!("{label}: {}", shown.unwrap_or(value))
            })
        };
        let mut active = Vec::new();
        active.extend(
            query.with(|q| (!q.trim().is_empty()).then(|| (t.customers.search_term)(q.trim()))),
        );
        active.extend(chosen(status, status_choices, t.customers.status_filter));
        active.extend(chosen(
            template,
            template_choices,
            t.customers.template_filter,
        ));
        active.extend(chosen(region, region_choices, t.customers.region_filter));
        (t.customers.no_matching_customers)(&active.join(", "))
    };
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
                    title=move || (i18n.t().customers.sort_by)(label(i18n.t()))
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
                <label for="customer-search">{tr(|t| t.customers.search_customers)}</label>
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
                <FilterSelect
                    id="status-filter"
                    label=|t| t.customers.status_filter
                    all=|t| t.customers.all_statuses
                    choices=status_choices
                    value=status
                    page
                />
                <FilterSelect
                    id="template-filter"
                    label=|t| t.customers.template_filter
                    all=|t| t.customers.all_templates_option
                    choices=template_choices
                    value=template
                    page
                />
                <FilterSelect
                    id="region-filter"
                    label=|t| t.customers.region_filter
                    all=|t| t.customers.all_regions
                    choices=region_choices
                    value=region
                    page
                />
            </div>
            <div class="list-actions">
                <button type="button" class="secondary" on:click=export>
                    {tr(|t| t.exports.export_api_requests)}
                </button>
                <button
                    type="button"
                    class="secondary"
                    on:click=move |_| {
                        let ids: Vec<CustomerId> = rows
                            .with_untracked(|rows| {
                                matching
                                    .with_untracked(|m| {
                                        m.iter()
                                            .filter_map(|&i| CustomerId::parse(&rows[i].id))
                                            .collect()
                                    })
                            });
                        state.doc.with_untracked(|d| export_customers_csv(d, &ids));
                    }
                >
                    {tr(|t| t.exports.export_customers_csv)}
                </button>
                <ListRefreshTools />
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
            <div class="table-wrap">
                <ScrollTable label=|t| t.customers.customers_title>
                    <table class="customers">
                        <thead>
                            <tr>
                                {header(Column::Company, |t| t.customers.col_company)}
                                <th scope="col">{tr(|t| t.customers.col_status)}</th>
                                {header(Column::AdminEmail, |t| t.customers.customer_admin_email)}
                                {header(Column::Template, |t| t.customers.template)}
                                <th scope="col">{tr(|t| t.customers.packages)}</th>
                                {header(Column::Headquarters, |t| t.customers.col_headquarters)}
                                {header(Column::Region, |t| t.customers.data_region)}
                                {header(Column::Users, |t| t.customers.col_users)}
                                {header(Column::Locations, |t| t.customers.col_locations)}
                                {header(Column::Created, |t| t.templates.col_created)}
                            </tr>
                        </thead>
                        <tbody>
                            <For each=shown key=|row| row.id.clone() let:row>
                                <tr>
                                    <th scope="row">
                                        <A href=href(
                                            &format!("/customers/{}", row.id),
                                        )>{row.company.clone()}</A>
                                    </th>
                                    <td class="status">
                                        <StatusBadge badge=row.badge />
                                        {row
                                            .pending
                                            .then(|| {
                                                view! {
                                                    <span class="badge status-warn">
                                                        {tr(|t| t.customers.changes_pending)}
                                                    </span>
                                                }
                                            })}
                                        <span class="substatus">
                                            {move || i18n.t().status(row.status)}
                                        </span>
                                    </td>
                                    <td class="clip email" title=row.admin_email.clone()>
                                        {row.admin_email.clone()}
                                    </td>
                                    <td class="clip" title=row.template.clone()>
                                        {row.template.clone()}
                                    </td>
                                    <td class="packages">
                                        <span class="clip" title=row.main_package>
                                            {row.main_package}
                                        </span>
                                        <MorePackages names=row.more_packages.clone() />
                                    </td>
                                    <td>{row.headquarters.clone()}</td>
                                    <td>{move || i18n.t().region(row.region)}</td>
                                    <td class="number">{row.users}</td>
                                    <td class="number">{row.locations}</td>
                                    <td class="nowrap">{row.created.clone()}</td>
                                </tr>
                            </For>
                        </tbody>
                    </table>
                </ScrollTable>
                <Show when=move || matching.with(Vec::is_empty)>
                    <div class="table-empty" role="status">
                        <p>{no_match}</p>
                        // Only a filter empties a list that has customers: there is one to clear.
                        <button type="button" class="secondary" on:click=clear_filters>
                            {tr(|t| t.customers.clear_filters)}
                        </button>
                    </div>
                </Show>
            </div>
            <Pager
                page
                total=Signal::derive(move || matching.with(Vec::len))
                page_size=PAGE_SIZE
                label=|t| t.customers.showing_label
                counted=Counted::Places
            />
        }
    };

    view! {
        <PageTitle text=tr(|t| t.customers.customers_title) />
        <div class="page-header">
            <h1>{tr(|t| t.customers.customers_title)}</h1>
            // An empty list has its one action in the empty state.
            <Show when=move || rows.with(|r| !r.is_empty())>
                <A href=href("/customers/new") attr:class="button primary">
                    {tr(|t| t.customers.create_customer)}
                </A>
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
    let load_demo = use_load_demo();
    view! {
        <section class="empty-state" aria-labelledby="customers-empty-title">
            <h2 id="customers-empty-title">{tr(|t| t.customers.customers_empty_title)}</h2>
            <Show when=has_templates fallback=NeedTemplateText>
                <p>{tr(|t| t.customers.customers_empty_body)}</p>
                <A href=href("/customers/new") attr:class="button primary">
                    {tr(|t| t.customers.create_customer)}
                </A>
            </Show>
            <p class="empty-demo">
                {tr(|t| t.customers.customers_empty_demo)}" "
                <button type="button" class="secondary" on:click=move |_| load_demo()>
                    {tr(|t| t.restore.load_demo)}
                </button>
            </p>
        </section>
    }
}

/// The packages after the main one, as "+2": opened (by click, Enter or Space) it lists
/// them; hovered, its title does.
#[component]
fn MorePackages(names: Vec<&'static str>) -> impl IntoView {
    (!names.is_empty()).then(|| {
        let all = names.join(", ");
        view! {
            <details class="more">
                <summary title=all
                    .clone()>
                    {format!("+{}", names.len())}
                    <span class="visually-hidden">{tr(|t| t.customers.more_packages)}</span>
                </summary>
                {all}
            </details>
        }
    })
}

/// Choices whose values are the items' keys (how the filters and the address keep them).
fn keyed<T: Copy>(
    items: &[T],
    key: fn(T) -> &'static str,
    label: impl Fn(T) -> &'static str,
) -> Vec<Choice> {
    items
        .iter()
        .map(|&item| (key(item).to_string(), label(item).to_string()))
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
            <option value="" selected=move || value.with(String::is_empty)>
                {tr(all)}
            </option>
            {move || {
                choices
                    .get()
                    .into_iter()
                    .map(|(key, shown)| {
                        let selected = key.clone();
                        view! {
                            <option value=key selected=move || value.with(|v| *v == selected)>
                                {shown}
                            </option>
                        }
                    })
                    .collect_view()
            }}
        </select>
    }
}
