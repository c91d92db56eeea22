//! Step 2: users with their package and location, as an editable table. Rows are
//! added one by one (the new row's first cell takes focus; Enter in the last row
//! adds one too), pasted from a spreadsheet or imported from a CSV file, 25 a page.

use super::import::ImportUsers;
use super::webex_check::{CheckRows, Webex};
use super::{
    row_header_id, rows_with_problems, user_binding, user_position, user_value, GridEnter,
    OnlyRows, RemoveRow, RowHeader, RowsWanted, SetupForm, UserGrid, ROWS_PER_PAGE,
};
use crate::domain::user::{person_name, UserDraft, UserRole};
use crate::domain::{Field, UserField};
use crate::i18n::fill;
use crate::ui::browser::focus_id;
use crate::ui::components::field::{
    control_id, error_of, field_id, Choice, ErrorText, SelectField, TextField,
};
use crate::ui::components::tr;
use crate::ui::customers::{role_choices, user_package_choices};
use crate::ui::i18n::use_i18n;
use leptos::prelude::*;
use std::collections::HashMap;

#[component]
pub(super) fn UsersStep(setup: SetupForm) -> impl IntoView {
    let i18n = use_i18n();
    let wizard = setup.wizard();
    let page = RwSignal::new(0usize);
    let only: OnlyRows = RwSignal::new(None);
    let total = Signal::derive(move || wizard.with(|w| w.draft.users.len()));

    let add = Callback::new(move |_: ()| {
        // A new row shows every row again: it goes at the end of the whole list.
        only.set(None);
        let key = setup.with_customer(|c| wizard.try_update(|w| w.draft.add_user(c)));
        page.set(total.get_untracked().saturating_sub(1) / ROWS_PER_PAGE);
        if let Some(key) = key {
            focus_id(control_id(Field::User(UserField::FirstName), Some(key)));
        }
    });
    let existing = move || setup.with_customer(|c| c.users.len());
    let enter = GridEnter {
        has_cells: |_| true,
        past_last: Some(add),
    };
    view! {
        <p class="hint">
            {move || {
                let n = existing();
                if n > 0 {
                    (i18n.t().setup().users_already)(n)
                } else {
                    i18n.t().setup().customer_admin_note.to_string()
                }
            }}
        </p>
        <Show when=move || total.get() == 0>
            <p class="hint">{tr(|t| t.setup().no_new_users)}</p>
        </Show>
        <UserGrid
            setup
            page
            enter
            only
            head=|| view! { <UsersHead /> }.into_any()
            row=|setup, key| view! { <UserRow setup key /> }.into_any()
        />
        <div class="row-actions">
            <button
                type="button"
                id=field_id(Field::User(UserField::Table))
                class="secondary"
                on:click=move |_| add.run(())
            >
                {tr(|t| t.setup().add_user)}
            </button>
            <span class="hint">{tr(|t| t.setup().enter_adds_user)}</span>
            <ErrorText
                id=field_id(Field::User(UserField::Table))
                error=error_of(Field::User(UserField::Table), None)
            />
        </div>
        <PasteUsers setup page only />
        <ImportUsers setup page />
    }
}

#[component]
fn UsersHead() -> impl IntoView {
    let i18n = use_i18n();
    let column =
        move |field: Field| view! { <th scope="col">{move || i18n.t().field_label(field)}</th> };
    view! {
        <tr>
            <th scope="col">{tr(|t| t.setup().col_user_number)}</th>
            {column(Field::User(UserField::FirstName))}
            {column(Field::User(UserField::LastName))}
            {column(Field::User(UserField::Email))}
            {column(Field::User(UserField::Package))}
            {column(Field::User(UserField::Location))}
            {column(Field::User(UserField::Role))}
            <th scope="col">
                <span class="visually-hidden">{tr(|t| t.setup().col_actions)}</span>
            </th>
        </tr>
    }
}

#[component]
fn UserRow(setup: SetupForm, key: u32) -> impl IntoView {
    let i18n = use_i18n();
    let wizard = setup.wizard();
    let position = user_position(setup, key);
    let is_admin = wizard.with_untracked(|w| {
        w.draft
            .users
            .iter()
            .any(|u| u.key == key && u.customer_admin)
    });
    let (first, set_first) = user_binding(setup, key, |u| &u.first_name, |u| &mut u.first_name);
    let (last, set_last) = user_binding(setup, key, |u| &u.last_name, |u| &mut u.last_name);
    let (email, set_email) = user_binding(setup, key, |u| &u.email, |u| &mut u.email);
    let (package, set_package) = user_binding(setup, key, |u| &u.package, |u| &mut u.package);
    let (location, set_location) = user_binding(setup, key, |u| &u.location, |u| &mut u.location);
    let role: Signal<String> = user_value(setup, key, |u| u.role.key().to_string()).into();
    let set_role = Callback::new(move |value: String| {
        wizard.update(|w| {
            if let (Some(u), Some(role)) = (w.draft.user_mut(key), UserRole::from_key(&value)) {
                u.role = role;
            }
        })
    });
    view! {
        <tr data-key=key aria-labelledby=row_header_id(key)>
            <RowHeader key position>
                {is_admin
                    .then(|| {
                        view! {
                            " "
                            <span class="badge">{tr(|t| t.setup().customer_admin)}</span>
                        }
                    })}
            </RowHeader>
            <td>
                <TextField
                    field=Field::User(UserField::FirstName)
                    value=first
                    on_input=set_first
                    autocomplete="off"
                    row=Some(key)
                    in_cell=true
                />
            </td>
            <td>
                <TextField
                    field=Field::User(UserField::LastName)
                    value=last
                    on_input=set_last
                    row=Some(key)
                    in_cell=true
                />
            </td>
            <td class="email-cell">
                <TextField
                    field=Field::User(UserField::Email)
                    value=email
                    on_input=set_email
                    input_type="email"
                    row=Some(key)
                    readonly=is_admin
                    in_cell=true
                />
            </td>
            <td>
                <SelectField
                    field=Field::User(UserField::Package)
                    value=package
                    on_change=set_package
                    options=package_choices(setup)
                    row=Some(key)
                    in_cell=true
                />
            </td>
            <td>
                <SelectField
                    field=Field::User(UserField::Location)
                    value=location
                    on_change=set_location
                    options=setup.locations.into()
                    row=Some(key)
                    in_cell=true
                />
            </td>
            <td>
                {if is_admin {
                    let shown = move || {
                        role.with(|r| UserRole::from_key(r).map(|r| i18n.t().role(r)))
                    };
                    view! { <span class="cell-text">{shown}</span> }.into_any()
                } else {
                    view! {
                        <SelectField
                            field=Field::User(UserField::Role)
                            value=role
                            on_change=set_role
                            options=role_choices()
                            row=Some(key)
                            in_cell=true
                        />
                    }
                        .into_any()
                }}
            </td>
            <td class="actions">
                {(!is_admin)
                    .then(|| {
                        view! {
                            <RemoveRow
                                label=|t| t.setup().remove_user_n
                                position
                                on_remove=Callback::new(move |_| {
                                    wizard.update(|w| w.draft.remove_user(key))
                                })
                                then_focus=field_id(Field::User(UserField::Table))
                            />
                        }
                    })}
            </td>
        </tr>
    }
}
/// The customer's packages a user can have.
fn package_choices(setup: SetupForm) -> Signal<Vec<Choice>> {
    user_package_choices(setup.with_customer(|c| c.packages.clone()))
}

/// A text area for many users at once, one per line. What it added is said, with how
/// many of those rows need a fix and a way to see only them.
#[component]
fn PasteUsers(setup: SetupForm, page: RwSignal<usize>, only: OnlyRows) -> impl IntoView {
    let i18n = use_i18n();
    let text = RwSignal::new(String::new());
    // How many rows the paste added, and which of them have problems.
    let result = RwSignal::new(None::<(usize, Vec<u32>)>);
    // The rows the last paste put in (by key), and what Webex said of them when checked.
    let pasted_keys = RwSignal::new(Vec::<u32>::new());
    let said = RwSignal::new(HashMap::<u32, Webex>::new());
    let rows_wanted = expect_context::<RowsWanted>();
    let add = move |_| {
        let pasted = text.get_untracked();
        let wizard = setup.wizard();
        // The rows the paste put in or filled (the admin's row is filled in place, and
        // blank rows go), told from the rows before it by key and value.
        let earlier: HashMap<u32, UserDraft> =
            wizard.with_untracked(|w| w.draft.users.iter().map(|u| (u.key, u.clone())).collect());
        let added = setup.with_customer(|c| {
            wizard
                .try_update(|w| w.draft.paste_users(c, &pasted))
                .unwrap_or(0)
        });
        let problems = rows_with_problems(setup);
        let (first, to_fix, keys) = wizard.with_untracked(|w| {
            let pasted = || {
                w.draft
                    .users
                    .iter()
                    .enumerate()
                    .filter(|(_, u)| earlier.get(&u.key) != Some(*u))
            };
            let first = pasted().next().map(|(position, _)| position);
            let to_fix = pasted()
                .map(|(_, u)| u.key)
                .filter(|k| problems.contains(k))
                .collect();
            (first, to_fix, pasted().map(|(_, u)| u.key).collect())
        });
        pasted_keys.set(keys);
        said.set(HashMap::new());
        result.set(Some((added, to_fix)));
        if added > 0 {
            text.set(String::new());
            only.set(None);
            // Show the first pasted user.
            page.set(first.unwrap_or(0) / ROWS_PER_PAGE);
        }
    };
    let show_them = move |_| {
        if let Some(rows) = result.with_untracked(|r| r.as_ref().map(|(_, rows)| rows.clone())) {
            setup.form.show_errors();
            if let Some(&first) = rows.first() {
                focus_id(control_id(Field::User(UserField::FirstName), Some(first)));
            }
            rows_wanted.0.set(Some(rows));
        }
    };
    let pasted_rows = Signal::derive(move || {
        let keys = pasted_keys.get();
        setup.wizard().with(|w| {
            w.draft
                .users
                .iter()
                .filter(|u| keys.contains(&u.key))
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    view! {
        <div class="field paste-users">
            <label for="paste-users">{tr(|t| t.setup().paste_users)}</label>
            <p class="hint" id="paste-users-hint">
                {tr(|t| t.setup().paste_users_hint)}
            </p>
            <textarea
                id="paste-users"
                rows="4"
                aria-describedby="paste-users-hint"
                prop:value=move || text.get()
                on:input=move |ev| text.set(event_target_value(&ev))
            ></textarea>
            <button type="button" class="secondary" on:click=add>
                {tr(|t| t.setup().add_pasted_users)}
            </button>
            <p role="status" class="hint">
                {move || {
                    result
                        .with(|r| {
                            r.as_ref()
                                .map(|(added, problems)| {
                                    let t = i18n.t();
                                    let mut said = (t.setup().pasted_users_added)(*added);
                                    if !problems.is_empty() {
                                        said = format!(
                                            "{said} {}",
                                            (t.setup().pasted_rows_to_fix)(problems.len()),
                                        );
                                    }
                                    said
                                })
                        })
                }}
            </p>
            {move || {
                result
                    .with(|r| r.as_ref().is_some_and(|(_, p)| !p.is_empty()))
                    .then(|| {
                        view! {
                            <button type="button" class="secondary" on:click=show_them>
                                {tr(|t| t.setup().show_only_those)}
                            </button>
                        }
                    })
            }}
            <Show when=move || !pasted_keys.with(Vec::is_empty)>
                <CheckRows setup rows=pasted_rows said label=|w| w.check_pasted />
                <PastedSaid setup page said />
            </Show>
        </div>
    }
}

/// What Webex said of the pasted rows it would refuse, each a way to its row's field.
#[component]
fn PastedSaid(
    setup: SetupForm,
    page: RwSignal<usize>,
    said: RwSignal<HashMap<u32, Webex>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let go = move |key: u32, field: Option<Field>| {
        let position = setup
            .wizard()
            .with_untracked(|w| w.draft.users.iter().position(|u| u.key == key));
        if let Some(position) = position {
            page.set(position / ROWS_PER_PAGE);
            let field = field.unwrap_or(Field::User(UserField::FirstName));
            focus_id(control_id(field, Some(key)));
        }
    };
    move || {
        if said.with(HashMap::is_empty) {
            return None;
        }
        let refused: Vec<(u32, String, Option<Field>, String)> = said.with(|s| {
            setup.wizard().with(|w| {
                w.draft
                    .users
                    .iter()
                    .filter_map(|u| match s.get(&u.key) {
                        Some(Webex::Refuses(why, field)) => {
                            let who = format!(
                                "{} <{}>",
                                person_name(&u.first_name, &u.last_name),
                                u.email
                            );
                            Some((u.key, who, *field, why.clone()))
                        }
                        _ => None,
                    })
                    .collect()
            })
        });
        let t = i18n.0.get().check();
        if refused.is_empty() {
            return Some(view! { <p>{t.check_passed}</p> }.into_any());
        }
        let count = refused.len().to_string();
        Some(
            view! {
                <p>{fill(t.check_failed, &[("n", &count)])}</p>
                <ul class="row-problems">
                    {refused
                        .into_iter()
                        .map(|(key, who, field, why)| {
                            view! {
                                <li>
                                    <button
                                        type="button"
                                        class="link-button"
                                        on:click=move |_| go(key, field)
                                    >
                                        {who}
                                    </button>
                                    " — "
                                    {why}
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            }
            .into_any(),
        )
    }
}
