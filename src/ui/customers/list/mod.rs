//! The customers list: search as you type, sort by any column, 50 rows a page.
//! Rows and their search keys are computed once per change of the data or the
//! language; a keystroke only filters and slices (see the filtering benchmark).
//!
//! The page makes the list's state ([`List`]) and each section reads it: the search
//! and filters (`filters`), the exports and refresh (`actions`), the table and its
//! pager (`table`), or the empty state (`empty`).

mod actions;
mod address;
mod check;
mod empty;
mod filters;
mod rows;
mod table;

use crate::domain::country::DataRegion;
use crate::domain::ids::{CustomerId, TemplateId};
use crate::domain::provisioning::Badge;
use crate::ui::browser::href;
use crate::ui::components::field::Choice;
use crate::ui::components::{tr, PageTitle};
use crate::ui::i18n::use_i18n;
use crate::ui::state::use_app;
use actions::ListActions;
use address::{Shown, CHANGES_PENDING};
use empty::EmptyCustomers;
use filters::{keyed, ListTools};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;
use leptos_router::location::Url;
use leptos_router::params::ParamsMap;
use rows::{customer_rows, Column, CustomerRow};
use table::CustomersTable;
use wasm_bindgen::JsValue;

/// The list's state, shared by its sections: its rows, what the search, filters, order
/// and page keep (as the address does, see [`Shown`]), the rows that match in the
/// shown order, and the filters' choices.
#[derive(Clone, Copy)]
struct List {
    rows: Memo<Vec<CustomerRow>>,
    /// Indices into `rows`, in the shown order.
    matching: Memo<Vec<usize>>,
    query: RwSignal<String>,
    status: RwSignal<String>,
    template: RwSignal<String>,
    region: RwSignal<String>,
    sort: RwSignal<(Column, bool)>,
    /// From 0.
    page: RwSignal<usize>,
    status_choices: Signal<Vec<Choice>>,
    template_choices: Signal<Vec<Choice>>,
    region_choices: Signal<Vec<Choice>>,
}

impl List {
    /// The customers the search shows, every page, in the shown order.
    fn matching_ids(&self) -> Vec<CustomerId> {
        self.rows.with_untracked(|rows| {
            self.matching.with_untracked(|m| {
                m.iter()
                    .filter_map(|&i| CustomerId::parse(&rows[i].id))
                    .collect()
            })
        })
    }

    fn clear_filters(&self) {
        self.query.set(String::new());
        self.status.set(String::new());
        self.template.set(String::new());
        self.region.set(String::new());
        self.page.set(0);
    }
}

#[component]
pub fn CustomersPage() -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();
    let rows = Memo::new(move |_| state.doc.with(|d| customer_rows(d, i18n.t())));
    let start = use_query_map().with_untracked(Shown::read);
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
    // A template the address names that no longer exists is dropped (as an unknown
    // status, region or sort is): a filter the select cannot show would hide every row.
    let known = state.doc.with_untracked(|d| {
        TemplateId::parse(&start.template).is_some_and(|id| d.template(id).is_some())
    });
    let template = RwSignal::new(if known { start.template } else { String::new() });
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
    let list = List {
        rows,
        matching,
        query,
        status,
        template,
        region,
        sort,
        page,
        status_choices,
        template_choices,
        region_choices,
    };
    // The address follows the list, and the router is not told: the page stays as it
    // is. A filter, order or page chosen is a history entry of its own (Back returns to
    // the list before it); typing in the search renames the entry it is on.
    Effect::new(move |before: Option<Shown>| {
        let shown = Shown {
            query: query.get(),
            status: status.get(),
            template: template.get(),
            region: region.get(),
            sort: sort.get(),
            page: page.get(),
        };
        let to = href(&format!("/customers{}", shown.search()));
        let location = window().location();
        let here = location.pathname().unwrap_or_default() + &location.search().unwrap_or_default();
        if let (Ok(history), true) = (window().history(), here != to) {
            let chosen = before.is_some_and(|b| {
                Shown {
                    query: shown.query.clone(),
                    ..b
                } != shown
            });
            let state = history.state().unwrap_or(JsValue::NULL);
            let _ = if chosen {
                history.push_state_with_url(&state, "", Some(&to))
            } else {
                history.replace_state_with_url(&state, "", Some(&to))
            };
        }
        shown
    });
    // Back and Forward between the list's own entries: the address says what to show.
    let handle = window_event_listener(leptos::ev::popstate, move |_| {
        let search = window().location().search().unwrap_or_default();
        let params: ParamsMap = search
            .trim_start_matches('?')
            .split('&')
            .filter_map(|pair| pair.split_once('='))
            .map(|(key, value)| (key.to_string(), Url::unescape(value)))
            .collect();
        let wanted = Shown::read(&params);
        query.set(wanted.query);
        status.set(wanted.status);
        template.set(wanted.template);
        region.set(wanted.region);
        sort.set(wanted.sort);
        page.set(wanted.page);
    });
    on_cleanup(move || handle.remove());
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
            <ListTools list />
            <ListActions list />
            <CustomersTable list />
        </Show>
    }
}
