use super::Text;
use crate::ui::components::tr;
use crate::ui::i18n::use_i18n;
use leptos::prelude::*;

/// One section of a wizard's summary, with "Edit" leading back to its step.
#[component]
pub fn SummarySection(
    id: &'static str,
    title: Text,
    /// Without it the section is read-only.
    #[prop(default = None)]
    on_edit: Option<Callback<()>>,
    children: Children,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="summary-section" aria-labelledby=id>
            <header>
                <h3 id=id>{move || title(i18n.t())}</h3>
                {on_edit
                    .map(|edit| {
                        view! {
                            <button
                                type="button"
                                class="link-button"
                                on:click=move |_| edit.run(())
                            >
                                {tr(|t| t.common.edit)}
                            </button>
                        }
                    })}
            </header>
            <dl>{children()}</dl>
        </section>
    }
}

/// A label and its value in a description list.
#[component]
pub fn Row(label: Text, #[prop(into)] value: Signal<String>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="row">
            <dt>{move || label(i18n.t())}</dt>
            <dd>{move || value.get()}</dd>
        </div>
    }
}
