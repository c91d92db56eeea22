//! Step 3: a phone number and/or an extension for each user whose package includes
//! calling, as a table; the others are listed as not needing one.

use super::{
    location_country, row_header_id, user_binding, user_position, user_value, GridEnter, OnlyRows,
    RowHeader, SetupForm, UserGrid,
};
use crate::domain::package::Package;
use crate::domain::phone::PhoneNumber;
use crate::domain::user::{person_name, UserDraft};
use crate::domain::Field;
use crate::ui::components::field::TextField;
use crate::ui::components::tr;
use crate::ui::i18n::use_i18n;
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
            fallback=|| view! { <p class="hint">{tr(|t| t.no_calling_users)}</p> }
        >
            <dl class="column-hints">
                <dt>{tr(|t| t.col_number)}</dt>
                <dd>{tr(|t| t.phone_number_hint)}</dd>
                <dt>{tr(|t| t.col_extension)}</dt>
                <dd>{tr(|t| t.extension_hint)}</dd>
            </dl>
        </Show>
        <UserGrid setup page enter only head=|| view! { <NumbersHead/> }.into_any() row=|setup, key| view! { <UserNumbers setup key/> }.into_any()/>
    }
}

#[component]
fn NumbersHead() -> impl IntoView {
    view! {
        <tr>
            <th scope="col">{tr(|t| t.col_user_number)}</th>
            <th scope="col">{tr(|t| t.col_user)}</th>
            <th scope="col">{tr(|t| t.col_package)}</th>
            <th scope="col">{tr(|t| t.col_number)}</th>
            <th scope="col">{tr(|t| t.col_extension)}</th>
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
                .map(|(c, e)| (t.phone_example)(t.country_name(c), e))
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
            <RowHeader key position/>
            <td class="user-cell">
                {move || user.with(|u| u.as_ref().map(|(name, email, _, _)| view! {
                    <span class="cell-text">{name.clone()}</span>
                    <span class="cell-text muted">{email.clone()}</span>
                }))}
            </td>
            <td>
                <span class="cell-text">{move || user.with(|u| u.as_ref().and_then(|u| u.2).map(|p| p.name()))}</span>
            </td>
            <Show
                when=calling
                fallback=|| view! { <td colspan="2"><span class="cell-text muted">{tr(|t| t.no_number_needed)}</span></td> }
            >
                <td><TextField field=Field::PhoneNumber value=phone on_input=set_phone input_type="tel" hint=|t| t.phone_number_hint more_hint=example_hint placeholder=Some(placeholder) row=Some(key) in_cell=true/></td>
                <td><TextField field=Field::Extension value=extension on_input=set_extension hint=|t| t.extension_hint row=Some(key) in_cell=true/></td>
            </Show>
        </tr>
    }
}
