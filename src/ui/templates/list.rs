use super::{auth_label, country_label, subscription_label};
use crate::ui::browser::href;
use crate::ui::components::table::ScrollTable;
use crate::ui::components::tr;
use crate::ui::components::PageTitle;
use crate::ui::i18n::use_i18n;
use crate::ui::state::use_app;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn TemplateListPage() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let rows = move || {
        let t = i18n.t();
        state.doc.with(|d| {
            let mut templates: Vec<_> = d.templates.iter().collect();
            crate::sort::sort_by_key(&mut templates, |tpl| {
                tpl.settings.name.as_ref().to_lowercase()
            });
            templates
                .into_iter()
                .map(|tpl| {
                    let s = &tpl.settings;
                    let name = s.name.to_string();
                    view! {
                        <tr>
                            <th scope="row">
                                <A href=href(&format!("/templates/{}", tpl.id))>{name}</A>
                            </th>
                            <td>{country_label(t, s.country.as_ref())}</td>
                            <td>{subscription_label(t, &d.partner, s)}</td>
                            <td>{auth_label(t, s.auth.kind())}</td>
                            <td class="number">{d.customers_using(tpl.id)}</td>
                            <td class="nowrap">{tpl.created_at.iso_date()}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <PageTitle text=tr(|t| t.templates.templates_title) />
        <div class="page-header">
            <h1>{tr(|t| t.templates.templates_title)}</h1>
            <A href=href("/templates/new") attr:class="button primary">
                {tr(|t| t.templates.create_template)}
            </A>
        </div>
        <Show
            when=move || state.doc.with(|d| !d.templates.is_empty())
            fallback=move || {
                view! {
                    <section class="empty-state">
                        <h2>{tr(|t| t.templates.templates_empty_title)}</h2>
                        <p>{tr(|t| t.templates.templates_empty_body)}</p>
                    </section>
                }
            }
        >
            <div class="table-wrap">
                <ScrollTable label=|t| t.templates.templates_title>
                    <table>
                        <thead>
                            <tr>
                                <th scope="col">{tr(|t| t.templates.col_name)}</th>
                                <th scope="col">{tr(|t| t.templates.country_or_region)}</th>
                                <th scope="col">{tr(|t| t.templates.wholesale_subscription)}</th>
                                <th scope="col">{tr(|t| t.templates.col_authentication)}</th>
                                <th scope="col" class="number">
                                    {tr(|t| t.templates.col_customers)}
                                </th>
                                <th scope="col">{tr(|t| t.templates.col_created)}</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </ScrollTable>
            </div>
        </Show>
    }
}
