//! "Showing 1–50 of 5000" with Previous / Next, for long tables.

use crate::ui::components::{tr, Text};
use crate::ui::i18n::{use_i18n, Counted};
use leptos::prelude::*;

/// The slice of `total` rows that page `page` shows.
pub fn page_range(page: usize, page_size: usize, total: usize) -> std::ops::Range<usize> {
    let start = (page * page_size).min(total);
    start..(start + page_size).min(total)
}

#[component]
pub fn Pager(
    page: RwSignal<usize>,
    #[prop(into)] total: Signal<usize>,
    page_size: usize,
    /// Names the pager for screen readers ("Customers shown").
    label: Text,
    /// What the rows are, for the count ("전체 120곳 중 1–50").
    counted: Counted,
) -> impl IntoView {
    let i18n = use_i18n();
    let pages = move || total.get().div_ceil(page_size).max(1);
    // Fewer rows than before (a search, a removal): stay on a page that exists.
    Effect::new(move |_| {
        if page.get() >= pages() {
            page.set(pages() - 1);
        }
    });
    // Nothing to page through: the table says why it is empty.
    view! {
        <nav class="pager" aria-label=move || label(i18n.t()) hidden=move || total.get() == 0>
            <p role="status">
                {move || {
                    let total = total.get();
                    let range = page_range(page.get(), page_size, total);
                    (i18n
                        .t()
                        .customers
                        .showing)((range.start + 1).min(total), range.end, total, counted)
                }}
            </p>
            <button
                type="button"
                class="secondary"
                disabled={move || page.get() == 0}
                on:click=move |_| page.update(|p| *p = p.saturating_sub(1))
            >
                {tr(|t| t.customers.previous_page)}
            </button>
            <button
                type="button"
                class="secondary"
                disabled={move || page.get() + 1 >= pages()}
                on:click=move |_| page.update(|p| *p += 1)
            >
                {tr(|t| t.customers.next_page)}
            </button>
        </nav>
    }
}
