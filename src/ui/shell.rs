//! The top bar: product name, main navigation, language switch.

use crate::ui::browser::href;
use crate::ui::components::tr;
use crate::ui::i18n::{use_i18n, Lang};
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn Header() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <header class="top-bar">
            <a class="skip-link" href="#main">
                {tr(|t| t.common.skip_to_content)}
            </a>
            <span class="brand">{tr(|t| t.common.app_name)}</span>
            <nav aria-label=tr(|t| t.common.nav_label)>
                <A href=href("/customers")>{tr(|t| t.common.nav_customers)}</A>
                <A href=href("/templates")>{tr(|t| t.common.nav_templates)}</A>
                <A href=href("/settings")>{tr(|t| t.common.nav_settings)}</A>
            </nav>
            <div class="language">
                <label for="ui-language">{tr(|t| t.common.language)}</label>
                <select
                    id="ui-language"
                    on:change=move |ev| {
                        if let Some(lang) = Lang::from_tag(&event_target_value(&ev)) {
                            i18n.0.set(lang);
                        }
                    }
                >
                    {Lang::ALL
                        .into_iter()
                        .map(|lang| {
                            view! {
                                <option value=lang.tag() selected=move || i18n.0.get() == lang>
                                    {lang.native_name()}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
        </header>
    }
}
