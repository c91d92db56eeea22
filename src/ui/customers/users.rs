//! The users of a customer on its page: a table (50 a page), an editor for one user,
//! and removal with confirmation. The same rules as the setup wizard apply.

use super::fixes::EditorActions;
use super::{
    offer_undo, role_choices, saved_location_choices, user_package_choices, UserTableHead,
};
use crate::domain::customer::Customer;
use crate::domain::document::Refused;
use crate::domain::ids::{CustomerId, UserId};
use crate::domain::user::{User, UserDraft, UserRole};
use crate::domain::user_rules::check_edit;
use crate::domain::user_rules::fixed_in_webex;
use crate::domain::{Field, NumberField, UserField};
use crate::ui::browser::focus_id;
use crate::ui::components::confirm::{use_confirm, ConfirmRequest};
use crate::ui::components::field::{
    bind_text, control_id, error_control_id, provide_form_errors, SelectField, TextField,
};
use crate::ui::components::pager::{page_range, Pager};
use crate::ui::components::table::ScrollTable;
use crate::ui::components::toast::use_toasts;
use crate::ui::components::tr;
use crate::ui::i18n::{use_i18n, Counted};
use crate::ui::state::{use_app, Refusal};
use leptos::prelude::*;

const PAGE_SIZE: usize = 50;

/// The key of the one row the editor shows (its errors are tied to it).
const EDIT_ROW: u32 = 0;

/// The user whose editor is open on the customer page, shared so that other sections
/// (the check's report) can open it.
#[derive(Clone, Copy)]
pub struct EditingUser(pub RwSignal<Option<UserId>>);

impl EditingUser {
    /// Opens `user`'s editor with `field` focused (its first name when none).
    pub fn open(self, user: UserId, field: Option<Field>) {
        self.0.set(Some(user));
        if let Some(field) = field {
            // After the editor's own focus on its first field.
            set_timeout(
                move || focus_id(control_id(field, Some(EDIT_ROW))),
                std::time::Duration::from_millis(50),
            );
        }
    }
}

#[component]
pub fn CustomerUsers(customer: Customer) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let toasts = use_toasts();
    let confirm = use_confirm();
    let id = customer.id;
    let customer = StoredValue::new(customer);
    let page = RwSignal::new(0usize);
    let editing = match use_context::<EditingUser>() {
        Some(shared) => shared.0,
        None => RwSignal::new(None::<UserId>),
    };
    let total = customer.with_value(|c| c.users.len());

    let remove = move |user: UserId, name: String| {
        let t = i18n.t();
        confirm.ask(ConfirmRequest {
            title: (t.customers.remove_user_title)(&name),
            body: t.customers.remove_user_body.into(),
            confirm_label: t.common.remove.into(),
            cancel_label: None,
            on_confirm: Callback::new(move |_| {
                let t = i18n.t();
                let before = state.doc.with_untracked(|d| d.shared_customer(id));
                match state.try_commit(|d| d.remove_user(id, user)) {
                    Ok(()) => offer_undo(
                        state,
                        toasts,
                        i18n,
                        (t.customers.user_removed)(&name),
                        before,
                    ),
                    // Removed in another tab meanwhile: gone all the same.
                    Err(Refusal::Rule(Refused::NotFound)) => {
                        toasts.push((t.customers.user_removed)(&name))
                    }
                    Err(Refusal::Rule(refused)) => toasts.push(t.refused(refused)),
                    // The storage alert says why and what to do.
                    Err(Refusal::NotSaved(_)) => {}
                }
            }),
            choice: None,
        });
    };

    let rows = move || {
        customer.with_value(|c| {
            let range = page_range(page.get(), PAGE_SIZE, c.users.len());
            c.users[range]
                .iter()
                .map(|u| {
                    let is_admin = c.is_admin(&u.details);
                    let location = c
                        .location(u.details.location)
                        .map(|l| l.details.name.to_string())
                        .unwrap_or_default();
                    (u.clone(), is_admin, location)
                })
                .collect::<Vec<_>>()
        })
    };

    view! {
        <Show when=move || {
            editing.get().is_some()
        }>
            {move || {
                editing
                    .get()
                    .and_then(|user| {
                        let found = customer
                            .with_value(|c| c.users.iter().find(|u| u.id == user).cloned());
                        found
                            .map(|user| {
                                view! {
                                    <UserEditor
                                        customer=customer.get_value()
                                        user
                                        on_done=Callback::new(move |_| editing.set(None))
                                    />
                                }
                            })
                    })
            }}
        </Show>
        <Show
            when=move || { total > 0 }
            fallback=|| view! { <p class="hint">{tr(|t| t.customers.no_users_yet)}</p> }
        >
            <ScrollTable>
                <table>
                    <UserTableHead location=true actions=true />
                    <tbody>
                        {move || {
                            rows()
                                .into_iter()
                                .map(|(user, is_admin, location)| {
                                    let User { id: user_id, details, .. } = user;
                                    let name = details.full_name();
                                    let edit_label = (i18n.t().customers.edit_user_n)(&name);
                                    let remove_label = (i18n
                                        .t()
                                        .customers
                                        .remove_user_named)(&name);
                                    let remove_name = name.clone();
                                    view! {
                                        <tr>
                                            <th scope="row">{name}</th>
                                            <td>{details.email.to_string()}</td>
                                            <td>{details.package.name()}</td>
                                            <td>{location}</td>
                                            <td>
                                                {details.phone.map(|p| p.grouped()).unwrap_or_default()}
                                            </td>
                                            <td>
                                                {details
                                                    .extension
                                                    .map(|x| x.to_string())
                                                    .unwrap_or_default()}
                                            </td>
                                            <td>
                                                {move || i18n.t().role(details.role)}
                                                {is_admin
                                                    .then(|| {
                                                        view! {
                                                            " "
                                                            <span class="badge">
                                                                {tr(|t| t.setup().customer_admin)}
                                                            </span>
                                                        }
                                                    })}
                                            </td>
                                            <td class="actions">
                                                <button
                                                    type="button"
                                                    class="link-button"
                                                    aria-label=edit_label
                                                    on:click=move |_| editing.set(Some(user_id))
                                                >
                                                    {tr(|t| t.common.edit)}
                                                </button>
                                                {(!is_admin)
                                                    .then(|| {
                                                        view! {
                                                            <button
                                                                type="button"
                                                                class="link-button danger"
                                                                aria-label=remove_label
                                                                on:click=move |_| remove(user_id, remove_name.clone())
                                                            >
                                                                {tr(|t| t.common.remove)}
                                                            </button>
                                                        }
                                                    })}
                                            </td>
                                        </tr>
                                    }
                                })
                                .collect_view()
                        }}
                    </tbody>
                </table>
            </ScrollTable>
            <Show when=move || { total > PAGE_SIZE }>
                <Pager
                    page
                    total=total
                    page_size=PAGE_SIZE
                    label=|t| t.customers.users_title
                    counted=Counted::People
                />
            </Show>
        </Show>
    }
}

/// Edits one saved user; its errors show once "Save" was tried.
#[component]
fn UserEditor(customer: Customer, user: User, on_done: Callback<()>) -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();
    let toasts = use_toasts();
    let is_admin = customer.is_admin(&user.details);
    // Webex has the user: the e-mail and the role are shown read-only with their
    // reason (`user_rules::fixed_in_webex`; the domain refuses a Meetings user's new
    // location too). Asked of the saved record: the page's copy has no provisioning.
    let in_webex = state.doc.with_untracked(|d| {
        d.customer(customer.id)
            .is_some_and(|c| fixed_in_webex(c, user.id))
    });
    let draft = RwSignal::new(UserDraft::from_user(EDIT_ROW, &user.details, is_admin));
    let attempted = RwSignal::new(false);
    let customer_id: CustomerId = customer.id;
    let user_id = user.id;
    let errors = Memo::new(move |_| {
        if !attempted.get() {
            return Vec::new();
        }
        state.doc.with(|d| {
            let Some(c) = d.customer(customer_id) else {
                return Vec::new();
            };
            draft.with(|u| check_edit(d, c, user_id, u).err().unwrap_or_default())
        })
    });
    provide_form_errors(errors.into());

    let (first, set_first) = bind_text(draft, |u| u.first_name.clone(), |u, v| u.first_name = v);
    let (last, set_last) = bind_text(draft, |u| u.last_name.clone(), |u, v| u.last_name = v);
    let (email, set_email) = bind_text(draft, |u| u.email.clone(), |u, v| u.email = v);
    let (package, set_package) = bind_text(draft, |u| u.package.clone(), |u, v| u.package = v);
    let (location, set_location) = bind_text(draft, |u| u.location.clone(), |u, v| u.location = v);
    let (phone, set_phone) = bind_text(draft, |u| u.phone.clone(), |u, v| u.phone = v);
    let (extension, set_extension) =
        bind_text(draft, |u| u.extension.clone(), |u, v| u.extension = v);
    let role = Signal::derive(move || draft.with(|u| u.role.key().to_string()));
    let set_role = Callback::new(move |value: String| {
        if let Some(role) = UserRole::from_key(&value) {
            draft.update(|u| u.role = role)
        }
    });
    let locations = saved_location_choices(&customer);
    let locations = Signal::derive(move || locations.clone());
    let packages = user_package_choices(customer.packages.clone());
    let name = user.details.full_name();

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let checked = state.doc.with_untracked(|d| {
            let c = d.customer(customer_id)?;
            Some(draft.with_untracked(|u| check_edit(d, c, user_id, u)))
        });
        match checked {
            Some(Ok(details)) => {
                let saved = details.full_name();
                match state.try_commit(|d| d.update_user(customer_id, user_id, details)) {
                    Ok(()) => {
                        toasts.push((i18n.t().customers.user_saved)(&saved));
                        on_done.run(());
                    }
                    Err(Refusal::Rule(refused)) => {
                        toasts.push(i18n.t().refused(refused));
                        on_done.run(());
                    }
                    // The storage alert says why and what to do.
                    Err(Refusal::NotSaved(_)) => {}
                }
            }
            Some(Err(errors)) => {
                attempted.set(true);
                focus_id(error_control_id(&errors[0]));
            }
            None => on_done.run(()),
        }
    };
    focus_id(control_id(
        Field::User(UserField::FirstName),
        Some(EDIT_ROW),
    ));
    let row = Some(EDIT_ROW);
    view! {
        <form class="record-editor" novalidate on:submit=save aria-labelledby="user-editor-title">
            <h3 id="user-editor-title">{move || (i18n.t().customers.edit_user_title)(&name)}</h3>
            <div class="row-fields">
                <TextField
                    field=Field::User(UserField::FirstName)
                    value=first
                    on_input=set_first
                    row
                />
                <TextField
                    field=Field::User(UserField::LastName)
                    value=last
                    on_input=set_last
                    row
                />
                {if in_webex {
                    view! {
                        <TextField
                            field=Field::User(UserField::Email)
                            value=email
                            on_input=set_email
                            input_type="email"
                            row
                            readonly=true
                            hint=|t| t.customers.email_in_webex
                        />
                    }
                        .into_any()
                } else {
                    view! {
                        <TextField
                            field=Field::User(UserField::Email)
                            value=email
                            on_input=set_email
                            input_type="email"
                            row
                            readonly=is_admin
                        />
                    }
                        .into_any()
                }}
                <SelectField
                    field=Field::User(UserField::Package)
                    value=package
                    on_change=set_package
                    options=packages
                    row
                />
                <SelectField
                    field=Field::User(UserField::Location)
                    value=location
                    on_change=set_location
                    options=locations
                    row
                />
                {match (is_admin, in_webex) {
                    (true, _) => None,
                    (false, true) => {
                        let role_name = Signal::derive(move || {
                            draft.with(|u| i18n.t().role(u.role).to_string())
                        });
                        Some(
                            view! {
                                <TextField
                                    field=Field::User(UserField::Role)
                                    value=role_name
                                    on_input=Callback::new(|_| {})
                                    row
                                    readonly=true
                                    hint=|t| t.customers.role_in_webex
                                />
                            }
                                .into_any(),
                        )
                    }
                    (false, false) => {
                        Some(
                            view! {
                                <SelectField
                                    field=Field::User(UserField::Role)
                                    value=role
                                    on_change=set_role
                                    options=role_choices()
                                    row
                                />
                            }
                                .into_any(),
                        )
                    }
                }}
                <TextField
                    field=Field::Number(NumberField::Phone)
                    value=phone
                    on_input=set_phone
                    input_type="tel"
                    hint=|t| t.setup().phone_number_hint
                    row
                />
                <TextField
                    field=Field::Number(NumberField::Extension)
                    value=extension
                    on_input=set_extension
                    hint=|t| t.setup().extension_hint
                    row
                />
            </div>
            {is_admin
                .then(|| view! { <p class="hint">{tr(|t| t.setup().customer_admin_note)}</p> })}
            <EditorActions on_done />
        </form>
    }
}
