//! Step 3: a phone number and/or an extension for each user whose package includes
//! calling, as a table; the others are listed as not needing one.

use super::{
    location_country, row_header_id, user_binding, user_position, user_value, GridEnter, OnlyRows,
    RowHeader, SetupForm, UserGrid,
};
use crate::domain::numbering::ExtensionRule;
use crate::domain::package::Package;
use crate::domain::phone::PhoneNumber;
use crate::domain::user::{person_name, UserDraft};
use crate::domain::{Field, FieldError, NumberField, Problem};
use crate::ui::components::field::{provide_form_errors, TextField};
use crate::ui::components::{tr, Text};
use crate::ui::i18n::use_i18n;
use crate::ui::state::use_app;
use leptos::prelude::*;

#[component]
pub(super) fn NumbersStep(setup: SetupForm) -> impl IntoView {
    let wizard = setup.wizard();
    let page = RwSignal::new(0usize);
    let only: OnlyRows = RwSignal::new(None);
    let any_calling = move || wizard.with(|w| w.draft.users.iter().any(|u| u.needs_number()));
    // Down the column to the next user who needs a number; after the last, Next.
    let enter = GridEnter {
        has_cells: UserDraft::needs_number,
        past_last: None,
    };
    view! {
        <Show
            when=any_calling
            fallback=|| view! { <p class="hint">{tr(|t| t.setup().no_calling_users)}</p> }
        >
            <dl class="column-hints">
                <dt>{tr(|t| t.setup().col_number)}</dt>
                <dd>{tr(|t| t.setup().phone_number_hint)}</dd>
                <dt>{tr(|t| t.setup().col_extension)}</dt>
                <dd>{tr(|t| t.setup().extension_hint)}</dd>
            </dl>
        </Show>
        <Show when=any_calling>
            <BulkNumbers setup only />
        </Show>
        <UserGrid
            setup
            page
            enter
            only
            head=|| view! { <NumbersHead /> }.into_any()
            row=|setup, key| view! { <UserNumbers setup key /> }.into_any()
        />
    }
}

#[component]
fn NumbersHead() -> impl IntoView {
    view! {
        <tr>
            <th scope="col">{tr(|t| t.setup().col_user_number)}</th>
            <th scope="col">{tr(|t| t.setup().col_user)}</th>
            <th scope="col">{tr(|t| t.setup().col_package)}</th>
            <th scope="col">{tr(|t| t.setup().col_number)}</th>
            <th scope="col">{tr(|t| t.setup().col_extension)}</th>
        </tr>
    }
}

#[component]
fn UserNumbers(setup: SetupForm, key: u32) -> impl IntoView {
    let i18n = use_i18n();
    let position = user_position(setup, key);
    let user = user_value(setup, key, |u| {
        let name = person_name(&u.first_name, &u.last_name);
        let package = Package::from_text(&u.package);
        Some((name, u.email.trim().to_string(), package, u.needs_number()))
    });
    let location = user_value(setup, key, |u| u.location.clone());
    let calling = move || user.with(|u| u.as_ref().is_some_and(|u| u.3));
    // An example number of the country of the user's location: shown in the empty
    // cell, and read out with the field's hint.
    let example = Memo::new(move |_| {
        location
            .with(|l| location_country(setup, l))
            .and_then(|c| PhoneNumber::example(c).map(|e| (c, e)))
    });
    let example_hint = Signal::derive(move || {
        let t = i18n.t();
        example.with(|e| {
            e.as_ref()
                .map(|(c, e)| (t.setup().phone_example)(t.country_name(c), e))
                .unwrap_or_default()
        })
    });
    let placeholder = Signal::derive(move || {
        example.with(|e| e.as_ref().map(|e| e.1.clone()).unwrap_or_default())
    });
    let (phone, set_phone) = user_binding(setup, key, |u| &u.phone, |u| &mut u.phone);
    let (extension, set_extension) =
        user_binding(setup, key, |u| &u.extension, |u| &mut u.extension);
    view! {
        <tr data-key=key aria-labelledby=row_header_id(key)>
            <RowHeader key position />
            <td class="user-cell">
                {move || {
                    user.with(|u| {
                        u.as_ref()
                            .map(|(name, email, _, _)| {
                                view! {
                                    <span class="cell-text">{name.clone()}</span>
                                    <span class="cell-text muted">{email.clone()}</span>
                                }
                            })
                    })
                }}
            </td>
            <td>
                <span class="cell-text">
                    {move || user.with(|u| u.as_ref().and_then(|u| u.2).map(|p| p.name()))}
                </span>
            </td>
            <Show
                when=calling
                fallback=|| {
                    view! {
                        <td colspan="2">
                            <span class="cell-text muted">
                                {tr(|t| t.setup().no_number_needed)}
                            </span>
                        </td>
                    }
                }
            >
                <td>
                    <TextField
                        field=Field::Number(NumberField::Phone)
                        value=phone
                        on_input=set_phone
                        input_type="tel"
                        hint=|t| t.setup().phone_number_hint
                        more_hint=example_hint
                        placeholder=Some(placeholder)
                        row=Some(key)
                        in_cell=true
                    />
                </td>
                <td>
                    <TextField
                        field=Field::Number(NumberField::Extension)
                        value=extension
                        on_input=set_extension
                        hint=|t| t.setup().extension_hint
                        row=Some(key)
                        in_cell=true
                    />
                </td>
            </Show>
        </tr>
    }
}

/// "Assign numbers" (consecutive free numbers from a first one, extensions by a rule) and
/// a pasted column of numbers, for the calling users without a number — those shown,
/// when the table shows only rows with problems.
#[component]
fn BulkNumbers(setup: SetupForm, only: OnlyRows) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let wizard = setup.wizard();
    let first = RwSignal::new(String::new());
    let rule = RwSignal::new(String::from("last4"));
    let from = RwSignal::new(String::new());
    // Why the first number (or the first extension) cannot be used.
    let problem = RwSignal::new(None::<(Field, Problem)>);
    let result = RwSignal::new(None::<String>);
    let column = RwSignal::new(String::new());
    let waiting =
        Memo::new(move |_| only.with(|o| wizard.with(|w| w.draft.unnumbered_count(o.as_ref()))));
    let assign = move |_| {
        let rule = match rule.get_untracked().as_str() {
            "keep" => Ok(ExtensionRule::Keep),
            "from" => ExtensionRule::from_start(&from.get_untracked())
                .map_err(|p| (Field::Number(NumberField::Extension), p)),
            _ => Ok(ExtensionRule::LastDigits(4)),
        };
        let first = first.get_untracked();
        let done = rule.and_then(|rule| {
            let only = only.get_untracked();
            state.doc.with_untracked(|d| {
                let mut draft = wizard.with_untracked(|w| w.draft.clone());
                let done = draft.assign_numbers(d, only.as_ref(), &first, rule);
                if done.is_ok() {
                    wizard.update(|w| w.draft = draft);
                }
                done.map_err(|p| (Field::Number(NumberField::Phone), p))
            })
        });
        match done {
            Ok(done) => {
                problem.set(None);
                result.set(Some((i18n.t().setup().numbers_assigned)(
                    done.numbers,
                    done.extensions,
                    done.other_country + done.ran_out,
                )));
            }
            Err(p) => {
                result.set(None);
                problem.set(Some(p));
            }
        }
    };
    let fill = move |_| {
        let text = column.get_untracked();
        let only = only.get_untracked();
        let filled = wizard
            .try_update(|w| w.draft.fill_numbers(only.as_ref(), &text))
            .unwrap_or(0);
        result.set(Some((i18n.t().setup().numbers_filled)(filled)));
        if filled > 0 {
            column.set(String::new());
        }
    };
    // The first number's and first extension's problems, for their fields only.
    provide_form_errors(Signal::derive(move || {
        problem.with(|p| {
            p.iter()
                .map(|(f, p)| FieldError::new(*f, p.clone()))
                .collect()
        })
    }));
    let label = move |text: Text| Some(Signal::derive(move || text(i18n.t())));
    view! {
        <details class="bulk-numbers">
            <summary>{move || (i18n.t().setup().bulk_numbers_title)(waiting.get())}</summary>
            <div class="bulk-row">
                <TextField
                    field=Field::Number(NumberField::Phone)
                    value=first.into()
                    on_input=Callback::new(move |v| first.set(v))
                    input_type="tel"
                    hint=|t| t.setup().first_number_hint
                    label=label(|t| t.setup().first_number)
                />
                <div class="field">
                    <label for="extension-rule">{tr(|t| t.setup().extension_rule)}</label>
                    <select
                        id="extension-rule"
                        on:change=move |ev| rule.set(event_target_value(&ev))
                    >
                        <option value="last4" selected=move || rule.with(|r| r == "last4")>
                            {tr(|t| t.setup().extension_last4)}
                        </option>
                        <option value="from" selected=move || rule.with(|r| r == "from")>
                            {tr(|t| t.setup().extension_from)}
                        </option>
                        <option value="keep" selected=move || rule.with(|r| r == "keep")>
                            {tr(|t| t.setup().extension_keep)}
                        </option>
                    </select>
                </div>
                <Show when=move || rule.with(|r| r == "from")>
                    <TextField
                        field=Field::Number(NumberField::Extension)
                        value=from.into()
                        on_input=Callback::new(move |v| from.set(v))
                        label=label(|t| t.setup().first_extension)
                    />
                </Show>
                <button
                    type="button"
                    class="secondary"
                    on:click=assign
                    disabled=move || waiting.get() == 0
                >
                    {move || (i18n.t().setup().assign_numbers)(waiting.get())}
                </button>
            </div>
            <div class="field paste-numbers">
                <label for="paste-numbers">{tr(|t| t.setup().paste_numbers)}</label>
                <p class="hint" id="paste-numbers-hint">
                    {tr(|t| t.setup().paste_numbers_hint)}
                </p>
                <textarea
                    id="paste-numbers"
                    rows="3"
                    aria-describedby="paste-numbers-hint"
                    prop:value=move || column.get()
                    on:input=move |ev| column.set(event_target_value(&ev))
                ></textarea>
                <button
                    type="button"
                    class="secondary"
                    on:click=fill
                    disabled=move || waiting.get() == 0
                >
                    {tr(|t| t.setup().fill_numbers)}
                </button>
            </div>
            <p class="hint" role="status">
                {move || result.get()}
            </p>
        </details>
    }
}
