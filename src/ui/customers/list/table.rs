//! The customers table: sortable headers, one line a customer, what to do when nothing
//! matches, and the pager.

use super::rows::Column;
use super::List;
use crate::ui::browser::href;
use crate::ui::components::field::Choice;
use crate::ui::components::pager::{page_range, Pager};
use crate::ui::components::table::ScrollTable;
use crate::ui::components::{tr, Text};
use crate::ui::i18n::{use_i18n, Counted};
use crate::ui::provisioning::panel::StatusBadge;
use leptos::prelude::*;
use leptos_router::components::A;

const PAGE_SIZE: usize = 50;

#[component]
pub(super) fn CustomersTable(list: List) -> impl IntoView {
    let i18n = use_i18n();
    let List {
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
    } = list;
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

    view! {
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
                    <button type="button" class="secondary" on:click=move |_| list.clear_filters()>
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
