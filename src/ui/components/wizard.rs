//! The frame every wizard shares: step list, error summary, Back/Next buttons.

use super::field::{field_id, FormErrors};
use super::Text;
use crate::ui::components::tr;
use crate::ui::i18n::use_i18n;
use leptos::prelude::*;

/// The list of steps with the current one marked.
#[component]
pub fn Stepper(steps: Vec<Text>, current: Signal<usize>) -> impl IntoView {
    let i18n = use_i18n();
    let total = steps.len();
    view! {
        <ol class="stepper" aria-label=tr(|t| t.progress)>
            {steps
                .into_iter()
                .enumerate()
                .map(|(i, label)| {
                    view! {
                        <li
                            class:done=move || i < current.get()
                            class:current=move || i == current.get()
                            aria-current=move || (i == current.get()).then_some("step")
                        >
                            <span class="step-number" aria-hidden="true">{i + 1}</span>
                            <span class="step-label">{move || label(i18n.t())}</span>
                        </li>
                    }
                })
                .collect_view()}
        </ol>
        <p class="step-count">{move || (i18n.t().step_of)(current.get() + 1, total)}</p>
    }
}

/// Everything wrong on this step, in one alert; each item moves focus to its field.
#[component]
pub fn ErrorSummary() -> impl IntoView {
    let i18n = use_i18n();
    let errors = expect_context::<FormErrors>();
    move || {
        let list = errors.0.get();
        (!list.is_empty()).then(|| {
            view! {
                <div class="error-summary" role="alert">
                    <h3>{tr(|t| t.error_summary_title)}</h3>
                    <ul>
                        {list
                            .into_iter()
                            .map(|e| {
                                let t = i18n.t();
                                let id = field_id(e.field);
                                view! {
                                    <li>
                                        <a
                                            href=format!("#{id}")
                                            on:click=move |ev| {
                                                ev.prevent_default();
                                                crate::ui::browser::focus_id(id.to_string());
                                            }
                                        >
                                            {format!("{}: {}", t.field_label(e.field), (t.problem)(e.field, &e.problem))}
                                        </a>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                </div>
            }
        })
    }
}

/// Back / Cancel / forward buttons. The forward button submits the step's form,
/// so Enter in a field moves on as well.
#[component]
pub fn WizardNav(
    show_back: Signal<bool>,
    on_back: Callback<()>,
    on_cancel: Callback<()>,
    forward_label: Signal<&'static str>,
) -> impl IntoView {
    view! {
        <div class="wizard-nav">
            <button type="button" class="secondary" on:click=move |_| on_cancel.run(())>
                {tr(|t| t.cancel)}
            </button>
            <span class="spacer"></span>
            <Show when=move || show_back.get()>
                <button type="button" class="secondary" on:click=move |_| on_back.run(())>
                    {tr(|t| t.back)}
                </button>
            </Show>
            <button type="submit" class="primary">{move || forward_label.get()}</button>
        </div>
    }
}
