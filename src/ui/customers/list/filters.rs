//! The search box and the filters beside it (status, template, region).

use super::List;
use crate::ui::components::field::Choice;
use crate::ui::components::{tr, Text};
use leptos::prelude::*;

/// The search and the filters; each change goes back to the first page.
#[component]
pub(super) fn ListTools(list: List) -> impl IntoView {
    let List {
        query,
        status,
        template,
        region,
        page,
        ..
    } = list;
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
                choices=list.status_choices
                value=status
                page
            />
            <FilterSelect
                id="template-filter"
                label=|t| t.customers.template_filter
                all=|t| t.customers.all_templates_option
                choices=list.template_choices
                value=template
                page
            />
            <FilterSelect
                id="region-filter"
                label=|t| t.customers.region_filter
                all=|t| t.customers.all_regions
                choices=list.region_choices
                value=region
                page
            />
        </div>
    }
}

/// Choices whose values are the items' keys (how the filters and the address keep them).
pub(super) fn keyed<T: Copy>(
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
        // The value as a property too: Back and Forward set it after the partner chose
        // one (an option's `selected` no longer moves a select once it was changed).
        <select
            id=id
            prop:value=move || value.get()
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
