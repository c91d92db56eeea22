use super::Text;
use crate::ui::i18n::use_i18n;
use leptos::prelude::*;

/// An on/off setting: a checkbox with the `switch` role, styled as a toggle.
#[component]
pub fn Switch(
    id: &'static str,
    label: Text,
    #[prop(optional)] hint: Option<Text>,
    checked: Signal<bool>,
    on_change: Callback<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="field switch-field">
            <input
                type="checkbox"
                role="switch"
                id=id
                prop:checked=move || checked.get()
                on:change=move |ev| on_change.run(event_target_checked(&ev))
                aria-describedby=hint.map(|_| format!("{id}-hint"))
            />
            <label for=id>{move || label(i18n.t())}</label>
            {hint
                .map(|hint| {
                    view! {
                        <p class="hint" id=format!("{id}-hint")>
                            {move || hint(i18n.t())}
                        </p>
                    }
                })}
        </div>
    }
}
