//! Step 3: a phone number and/or an extension for each user whose package includes
//! calling; the others are listed as not needing one.

use super::{location_country, user_binding, user_position, PagedUsers, SetupForm};
use crate::domain::package::Package;
use crate::domain::phone::PhoneNumber;
use crate::domain::user::person_name;
use crate::domain::Field;
use crate::ui::components::field::TextField;
use crate::ui::components::tr;
use crate::ui::i18n::use_i18n;
use leptos::prelude::*;

#[component]
pub(super) fn NumbersStep(setup: SetupForm) -> impl IntoView {
    let wizard = setup.wizard();
    let page = RwSignal::new(0usize);
    let any_calling = move || wizard.with(|w| w.draft.users.iter().any(|u| u.needs_number()));
    view! {
        <Show when=move || !any_calling()>
            <p class="hint">{tr(|t| t.no_calling_users)}</p>
        </Show>
        <PagedUsers setup page row=|setup, key| view! { <UserNumbers setup key/> }.into_any()/>
    }
}

#[component]
fn UserNumbers(setup: SetupForm, key: u32) -> impl IntoView {
    let i18n = use_i18n();
    let wizard = setup.wizard();
    let position = user_position(setup, key);
    let user = Memo::new(move |_| {
        wizard.with(|w| {
            w.draft.users.iter().find(|u| u.key == key).map(|u| {
                let name = person_name(&u.first_name, &u.last_name);
                let package = Package::from_text(&u.package);
                (name, u.email.trim().to_string(), package, u.needs_number())
            })
        })
    });
    let calling = move || user.with(|u| u.as_ref().is_some_and(|u| u.3));
    // An example number of the country of the user's location.
    let example = Signal::derive(move || {
        let t = i18n.t();
        let location = wizard.with(|w| {
            w.draft
                .users
                .iter()
                .find(|u| u.key == key)
                .map(|u| u.location.clone())
        });
        location
            .and_then(|l| location_country(setup, &l))
            .and_then(|c| PhoneNumber::example(c).map(|e| (t.phone_example)(t.country_name(c), &e)))
            .unwrap_or_default()
    });
    let (phone, set_phone) = user_binding(setup, key, |u| &u.phone, |u| &mut u.phone);
    let (extension, set_extension) =
        user_binding(setup, key, |u| &u.extension, |u| &mut u.extension);
    view! {
        <fieldset class="row-group">
            <legend>{move || (i18n.t().user_n)(position.get() + 1)}</legend>
            <p class="row-summary">
                {move || user.with(|u| u.as_ref().map(|(name, email, package, _)| {
                    let package = package.map(|p| p.name()).unwrap_or_default();
                    format!("{name} · {email} · {package}")
                }))}
            </p>
            <Show
                when=calling
                fallback=|| view! { <p class="hint">{tr(|t| t.no_number_needed)}</p> }
            >
                <div class="row-fields">
                    <TextField field=Field::PhoneNumber value=phone on_input=set_phone input_type="tel" hint=|t| t.phone_number_hint more_hint=example row=Some(key)/>
                    <TextField field=Field::Extension value=extension on_input=set_extension hint=|t| t.extension_hint row=Some(key)/>
                </div>
            </Show>
        </fieldset>
    }
}
