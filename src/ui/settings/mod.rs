//! The partner's own organization: name, administrators, subscriptions, regions, backup.

mod restore;

use crate::domain::country::DataRegion;
use crate::domain::document::Refused;
use crate::domain::ids::{AdminId, SubscriptionId};
use crate::domain::partner::{parse_subscription, AdminDraft, PartnerName};
use crate::domain::{Field, FieldError, PartnerField};
use crate::ui::browser::random_bytes;
use crate::ui::components::confirm::{use_confirm, ConfirmRequest};
use crate::ui::components::field::{provide_form_errors, TextField};
use crate::ui::components::storage_alert::download_backup;
use crate::ui::components::table::ScrollTable;
use crate::ui::components::toast::use_toasts;
use crate::ui::components::tr;
use crate::ui::components::PageTitle;
use crate::ui::i18n::{use_i18n, Messages};
use crate::ui::state::{use_app, Refusal};
use leptos::prelude::*;

#[component]
pub fn SettingsPage() -> impl IntoView {
    view! {
        <PageTitle text=tr(|t| t.common.nav_settings) />
        <div class="page-header">
            <h1>{tr(|t| t.settings.settings_title)}</h1>
        </div>
        <div class="settings">
            <PartnerNameForm />
            <AdminsSection />
            <SubscriptionsSection />
            <RegionsSection />
            <crate::ui::provisioning::settings::WebexConnectionSection />
            <BackupSection />
            <restore::RestoreSection />
            <restore::DemoDataSection />
        </div>
    }
}

/// "Remove" for one record of the partner organization: asks first, then removes;
/// a refusal from the domain (still in use, or the last one) shows in `refusal`.
#[component]
fn RemoveButton(
    name: String,
    title: fn(&'static Messages) -> fn(&str) -> String,
    refusal: RwSignal<Option<Refused>>,
    /// Removes the item; answers the domain's refusal, if it refused.
    remove: Callback<(), Option<Refused>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let confirm = use_confirm();
    let label = name.clone();
    let ask = move |_| {
        let t = i18n.t();
        confirm.ask(ConfirmRequest {
            title: title(t)(&name),
            body: t.settings.remove_body.into(),
            confirm_label: t.common.remove.into(),
            cancel_label: None,
            on_confirm: Callback::new(move |_| refusal.set(remove.run(()))),
            choice: None,
        });
    };
    view! {
        <button
            type="button"
            class="link-button"
            aria-label=move || format!("{} {}", i18n.t().common.remove, label)
            on:click=ask
        >
            {tr(|t| t.common.remove)}
        </button>
    }
}

/// A message for an operation the domain refused, shown next to its list.
fn refusal_view(refusal: RwSignal<Option<Refused>>) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        refusal.get().map(|refused| {
            view! {
                <p class="field-error" role="alert">
                    {i18n.t().refused(refused)}
                </p>
            }
        })
    }
}

#[component]
fn PartnerNameForm() -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();
    let toasts = use_toasts();
    let name = RwSignal::new(state.doc.with_untracked(|d| d.partner.name.to_string()));
    let errors = RwSignal::new(Vec::<FieldError>::new());
    provide_form_errors(errors.into());
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match PartnerName::parse(&name.get_untracked()) {
            Ok(valid) => {
                errors.set(Vec::new());
                if state.commit(|d| d.rename_partner(valid)).is_ok() {
                    toasts.push(i18n.t().settings.saved.into());
                }
            }
            Err(problem) => errors.set(vec![FieldError::new(
                Field::Partner(PartnerField::Name),
                problem,
            )]),
        }
    };
    view! {
        <form class="card inline-form" novalidate on:submit=save>
            <TextField
                field=Field::Partner(PartnerField::Name)
                value=name.into()
                on_input=Callback::new(move |v| name.set(v))
            />
            <button type="submit" class="primary">
                {tr(|t| t.common.save)}
            </button>
        </form>
    }
}

#[component]
fn AdminsSection() -> impl IntoView {
    let state = use_app();
    let refusal = RwSignal::new(None::<Refused>);
    view! {
        <section class="card" aria-labelledby="admins-heading">
            <h2 id="admins-heading">{tr(|t| t.settings.admins_title)}</h2>
            <ScrollTable>
                <table>
                    <thead>
                        <tr>
                            <th scope="col">{tr(|t| t.settings.admin_name)}</th>
                            <th scope="col">{tr(|t| t.settings.admin_email)}</th>
                            <th scope="col">
                                <span class="visually-hidden">{tr(|t| t.common.remove)}</span>
                            </th>
                        </tr>
                    </thead>
                    <tbody>
                        <For
                            each=move || state.doc.with(|d| d.partner.admins.clone())
                            key=|a| (a.id, a.name.to_string(), a.email.to_string())
                            let:admin
                        >
                            <tr>
                                <td>{admin.name.to_string()}</td>
                                <td>{admin.email.to_string()}</td>
                                <td>
                                    <RemoveButton
                                        name=admin.name.to_string()
                                        title=|t| t.settings.remove_admin_title
                                        refusal
                                        remove=Callback::new(move |_| {
                                            state
                                                .try_commit(|d| d.remove_admin(admin.id))
                                                .err()
                                                .and_then(Refusal::rule)
                                        })
                                    />
                                </td>
                            </tr>
                        </For>
                    </tbody>
                </table>
            </ScrollTable>
            {refusal_view(refusal)}
            <AddAdminForm />
        </section>
    }
}

#[component]
fn AddAdminForm() -> impl IntoView {
    let state = use_app();
    let draft = RwSignal::new(AdminDraft::default());
    let errors = RwSignal::new(Vec::<FieldError>::new());
    provide_form_errors(errors.into());
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let parsed = state.doc.with_untracked(|d| {
            draft.with_untracked(|a| a.parse(&d.partner, AdminId::from_random(random_bytes())))
        });
        match parsed {
            Ok(admin) => {
                errors.set(Vec::new());
                if state.commit(|d| d.add_admin(admin)).is_ok() {
                    draft.set(AdminDraft::default());
                }
            }
            Err(list) => errors.set(list),
        }
    };
    view! {
        <form class="inline-form" novalidate on:submit=add>
            <TextField
                field=Field::Partner(PartnerField::AdminName)
                value=Signal::derive(move || draft.with(|a| a.name.clone()))
                on_input=Callback::new(move |v| draft.update(|a| a.name = v))
                autocomplete="name"
            />
            <TextField
                field=Field::Partner(PartnerField::AdminEmail)
                value=Signal::derive(move || draft.with(|a| a.email.clone()))
                on_input=Callback::new(move |v| draft.update(|a| a.email = v))
                input_type="email"
                autocomplete="email"
            />
            <button type="submit" class="secondary">
                {tr(|t| t.settings.add_admin)}
            </button>
        </form>
    }
}

#[component]
fn SubscriptionsSection() -> impl IntoView {
    let state = use_app();
    let refusal = RwSignal::new(None::<Refused>);
    let new_name = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<FieldError>::new());
    provide_form_errors(errors.into());
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let parsed = state.doc.with_untracked(|d| {
            parse_subscription(
                &d.partner,
                &new_name.get_untracked(),
                SubscriptionId::from_random(random_bytes()),
            )
        });
        match parsed {
            Ok(subscription) => {
                errors.set(Vec::new());
                if state.commit(|d| d.add_subscription(subscription)).is_ok() {
                    new_name.set(String::new());
                }
            }
            Err(error) => errors.set(vec![error]),
        }
    };
    view! {
        <section class="card" aria-labelledby="subscriptions-heading">
            <h2 id="subscriptions-heading">{tr(|t| t.settings.subscriptions_title)}</h2>
            <ul class="plain-list">
                <For
                    each=move || state.doc.with(|d| d.partner.subscriptions.clone())
                    key=|s| (s.id, s.name.to_string())
                    let:subscription
                >
                    <li>
                        <span>{subscription.name.to_string()}</span>
                        <RemoveButton
                            name=subscription.name.to_string()
                            title=|t| t.settings.remove_subscription_title
                            refusal
                            remove=Callback::new(move |_| {
                                state
                                    .try_commit(|d| d.remove_subscription(subscription.id))
                                    .err()
                                    .and_then(Refusal::rule)
                            })
                        />
                    </li>
                </For>
            </ul>
            {refusal_view(refusal)}
            <form class="inline-form" novalidate on:submit=add>
                <TextField
                    field=Field::Partner(PartnerField::SubscriptionName)
                    value=new_name.into()
                    on_input=Callback::new(move |v| new_name.set(v))
                />
                <button type="submit" class="secondary">
                    {tr(|t| t.settings.add_subscription)}
                </button>
            </form>
        </section>
    }
}

#[component]
fn RegionsSection() -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();
    let refusal = RwSignal::new(None::<Refused>);
    view! {
        <section class="card">
            <fieldset class="field" aria-describedby="regions-hint">
                <legend>{tr(|t| t.settings.regions_title)}</legend>
                <p class="hint" id="regions-hint">
                    {tr(|t| t.settings.regions_hint)}
                </p>
                {DataRegion::ALL
                    .into_iter()
                    .map(|region| {
                        let id = format!("region-{region:?}");
                        view! {
                            <div class="checkbox">
                                <input
                                    type="checkbox"
                                    id=id.clone()
                                    prop:checked=move || {
                                        state.doc.with(|d| d.partner.serves(region))
                                    }
                                    on:change=move |ev| {
                                        let served = event_target_checked(&ev);
                                        let refused = state
                                            .try_commit(|d| d.set_region_served(region, served))
                                            .err();
                                        if refused.is_some() {
                                            event_target::<web_sys::HtmlInputElement>(&ev)
                                                .set_checked(!served);
                                        }
                                        refusal.set(refused.and_then(Refusal::rule));
                                    }
                                />
                                <label for=id>{move || i18n.t().region(region)}</label>
                            </div>
                        }
                    })
                    .collect_view()}
            </fieldset>
            {refusal_view(refusal)}
        </section>
    }
}

#[component]
fn BackupSection() -> impl IntoView {
    let state = use_app();
    let download = move |_| download_backup(state);
    view! {
        <section class="card" aria-labelledby="backup-heading">
            <h2 id="backup-heading">{tr(|t| t.settings.backup_title)}</h2>
            <p class="hint">{tr(|t| t.settings.backup_hint)}</p>
            <button type="button" class="secondary" on:click=download>
                {tr(|t| t.settings.download_backup)}
            </button>
        </section>
    }
}
