use super::link::PartnerHubLink;
use super::TemplateSections;
use crate::domain::ids::TemplateId;
use crate::store::keys;
use crate::ui::browser::{focus_heading_next, href, now, random_bytes, route_id};
use crate::ui::components::confirm::{use_confirm, ConfirmRequest};
use crate::ui::components::toast::use_toasts;
use crate::ui::components::tr;
use crate::ui::components::RecordHeader;
use crate::ui::i18n::use_i18n;
use crate::ui::not_found::NotFoundView;
use crate::ui::state::{use_app, Refusal};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

/// Shown for a template id that does not (or no longer) exist.
#[component]
pub fn TemplateMissing() -> impl IntoView {
    view! {
        <NotFoundView
            body=|t| t.templates.template_not_found
            back_to="/templates"
            back_label=|t| t.templates.all_templates
        />
    }
}

#[component]
pub fn TemplateDetailPage() -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();
    let toasts = use_toasts();
    let confirm = use_confirm();
    let navigate = use_navigate();
    let id = route_id(TemplateId::parse);
    let found = Memo::new(move |_| {
        id.get()
            .and_then(|id| state.doc.with(|d| d.template(id).cloned()))
    });
    let customers = Memo::new(move |_| {
        id.get()
            .map(|id| state.doc.with(|d| d.customers_using(id)))
            .unwrap_or(0)
    });
    // Why "Delete" was refused, shown until the page changes.
    let refusal = RwSignal::new(None::<String>);

    // Another template's page (after "Duplicate") starts without this one's refusal.
    Effect::new(move |_| {
        id.track();
        refusal.set(None);
    });

    let duplicate = {
        let navigate = navigate.clone();
        move |id: TemplateId| {
            let mut rng = random_bytes;
            // Saved first: the message and the copy's page come only after the write.
            let Ok(Ok(copy)) = state.commit(|d| d.duplicate_template(id, &mut rng, now())) else {
                return;
            };
            let name = state
                .doc
                .with_untracked(|d| d.template(copy).map(|t| t.settings.name.to_string()));
            toasts.push((i18n.t().templates.template_duplicated)(
                &name.unwrap_or_default(),
            ));
            focus_heading_next();
            navigate(&format!("/templates/{copy}"), Default::default());
        }
    };

    let delete = move |id: TemplateId, name: String| {
        let t = i18n.t();
        let in_use = state.doc.with_untracked(|d| d.customers_using(id));
        if in_use > 0 {
            refusal.set(Some((t.templates.template_in_use)(in_use)));
            return;
        }
        let navigate = navigate.clone();
        confirm.ask(ConfirmRequest {
            title: (t.templates.delete_template_title)(&name),
            body: t.templates.delete_template_body.into(),
            confirm_label: t.common.delete.into(),
            cancel_label: None,
            on_confirm: Callback::new(move |_| match state.try_commit(|d| d.delete_template(id)) {
                Ok(()) => {
                    state.remove(&keys::template_edit_wizard(id));
                    toasts.push((i18n.t().templates.template_deleted)(&name));
                    navigate("/templates", Default::default());
                }
                Err(Refusal::Rule(refused)) => refusal.set(Some(i18n.t().refused(refused))),
                Err(Refusal::NotSaved(_)) => {}
            }),
            choice: None,
        });
    };

    move || {
        let Some(template) = found.get() else {
            return view! { <TemplateMissing /> }.into_any();
        };
        let id = template.id;
        let name = template.settings.name.to_string();
        let duplicate = duplicate.clone();
        let delete = delete.clone();
        let delete_name = name.clone();
        view! {
            <RecordHeader name back_to="/templates" back_label=|t| t.templates.all_templates>
                <A href=href(&format!("/customers/new?template={id}")) attr:class="button primary">
                    {tr(|t| t.templates.create_customer_from_template)}
                </A>
                <A href=href(&format!("/templates/{id}/edit")) attr:class="button secondary">
                    {tr(|t| t.common.edit)}
                </A>
                <button type="button" class="secondary" on:click=move |_| duplicate(id)>
                    {tr(|t| t.common.duplicate)}
                </button>
                <button
                    type="button"
                    class="danger"
                    on:click=move |_| delete(id, delete_name.clone())
                >
                    {tr(|t| t.common.delete)}
                </button>
            </RecordHeader>
            {move || {
                refusal
                    .get()
                    .map(|text| {
                        view! {
                            <div class="banner warning" role="alert">
                                <p>{text}</p>
                            </div>
                        }
                    })
            }}
            <PartnerHubLink
                template=id
                linked=Signal::derive(move || {
                    found.with(|t| t.as_ref().and_then(|t| t.settings.partner_hub_id.clone()))
                })
            />
            <p class="meta">
                {move || (i18n.t().templates.customers_using)(customers.get())} " · "
                {tr(|t| t.templates.created_on)}" "{template.created_at.iso_date()} " · "
                {tr(|t| t.templates.changed_on)}" "{template.updated_at.iso_date()}
            </p>
            <TemplateSections settings=Signal::derive(move || found.get().map(|t| t.settings)) />
        }
        .into_any()
    }
}
