//! The template page's link to Partner Hub: whether the template is linked, the
//! provisioning ID Partner Hub issued (to copy), and the form that links it or changes
//! the ID (`domain::partner_hub`).

use crate::domain::ids::TemplateId;
use crate::domain::partner_hub::PartnerHubId;
use crate::domain::template_wizard::check_partner_hub_id;
use crate::domain::{Field, FieldError, Problem, TemplateField};
use crate::ui::browser::{focus_id, now};
use crate::ui::components::copy_button::CopyButton;
use crate::ui::components::field::{field_id, provide_form_errors, TextField};
use crate::ui::components::toast::use_toasts;
use crate::ui::components::tr;
use crate::ui::i18n::use_i18n;
use crate::ui::state::{use_app, Refusal};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// `?link` on a template's address opens it at this form (a customer's "Fix").
pub const LINK_QUERY: &str = "link";

#[component]
pub fn PartnerHubLink(template: TemplateId, linked: Signal<Option<PartnerHubId>>) -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();
    let toasts = use_toasts();
    // Open while the template is not linked (the one thing to do here), or after
    // "Change ID".
    let changing = RwSignal::new(false);
    let draft = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<FieldError>::new());
    provide_form_errors(errors.into());
    let form_open = Signal::derive(move || changing.get() || linked.with(Option::is_none));

    let asked = use_query_map().with_untracked(|q| q.get(LINK_QUERY).is_some());
    if asked {
        focus_id(field_id(Field::Template(TemplateField::PartnerHubId)).to_string());
    }

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let raw = draft.get_untracked();
        let saved = state.try_commit(|d| {
            let id = check_partner_hub_id(&d.templates, Some(template), &raw)?;
            d.link_template(template, id, now())
                .map_err(|_| Problem::UnknownChoice)?;
            Ok::<_, Problem>(d.template(template).map(|t| t.settings.name.to_string()))
        });
        match saved {
            Ok(name) => {
                errors.set(vec![]);
                draft.set(String::new());
                changing.set(false);
                toasts.push((i18n.t().templates.template_linked)(
                    &name.unwrap_or_default(),
                ));
                focus_id("partner-hub-heading".into());
            }
            Err(Refusal::Rule(problem)) => {
                errors.set(vec![FieldError::new(
                    Field::Template(TemplateField::PartnerHubId),
                    problem,
                )]);
                focus_id(field_id(Field::Template(TemplateField::PartnerHubId)).to_string());
            }
            // The storage alert says why and what to do.
            Err(Refusal::NotSaved(_)) => {}
        }
    };
    let on_input = Callback::new(move |value: String| {
        draft.set(value);
        errors.set(vec![]);
    });
    let cancel = move |_| {
        changing.set(false);
        draft.set(String::new());
        errors.set(vec![]);
    };

    view! {
        <section class="partner-hub" aria-labelledby="partner-hub-heading">
            <h2 id="partner-hub-heading" tabindex="-1">
                {tr(|t| t.templates.partner_hub_id)}
            </h2>
            <p class="hint">{tr(|t| t.templates.partner_hub_mirror)}</p>
            {move || match linked.get() {
                Some(id) => {
                    let text = id.to_string();
                    view! {
                        <p class="link-status linked">{tr(|t| t.templates.partner_hub_linked)}</p>
                        <div class="id-row">
                            <code id="partner-hub-id-value">{text.clone()}</code>
                            <CopyButton
                                text
                                select_id="partner-hub-id-value"
                                announce=|t| t.templates.copied_partner_hub_id
                            />
                            <Show when=move || !changing.get()>
                                <button
                                    type="button"
                                    class="secondary"
                                    on:click=move |_| {
                                        changing.set(true);
                                        focus_id(
                                            field_id(Field::Template(TemplateField::PartnerHubId))
                                                .to_string(),
                                        );
                                    }
                                >
                                    {tr(|t| t.templates.change_partner_hub_id)}
                                </button>
                            </Show>
                        </div>
                    }
                        .into_any()
                }
                None => {
                    view! {
                        <p class="link-status notice">
                            {tr(|t| t.templates.partner_hub_not_linked)}
                        </p>
                    }
                        .into_any()
                }
            }}
            <Show when=move || form_open.get()>
                <form class="link-form" novalidate on:submit=save>
                    <TextField
                        field=Field::Template(TemplateField::PartnerHubId)
                        value=Signal::derive(move || draft.get())
                        on_input
                        autocomplete="off"
                    />
                    <div class="form-actions start">
                        <button type="submit" class="primary">
                            {tr(|t| t.templates.link_template)}
                        </button>
                        <Show when=move || changing.get()>
                            <button type="button" class="secondary" on:click=cancel>
                                {tr(|t| t.common.cancel)}
                            </button>
                        </Show>
                    </div>
                </form>
            </Show>
        </section>
    }
}
