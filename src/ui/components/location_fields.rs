//! The address block of a location form: name, address lines, city, state or province,
//! postal code, country, time zone (offered for the country) and language.

use super::field::{Choice, SelectField, TextField};
use crate::domain::country::{self, COUNTRIES};
use crate::domain::language::EMAIL_LANGUAGES;
use crate::domain::location::LocationDraft;
use crate::domain::Field;
use crate::ui::i18n::use_i18n;
use leptos::prelude::*;

/// Country choices in the current language, sorted by their shown name.
pub fn country_choices() -> Signal<Vec<Choice>> {
    let i18n = use_i18n();
    Signal::derive(move || {
        let t = i18n.t();
        let mut list: Vec<Choice> = COUNTRIES
            .iter()
            .map(|c| (c.code.into(), t.country_name(c).into()))
            .collect();
        list.sort_by(|a, b| a.1.cmp(&b.1));
        list
    })
}

pub fn language_choices() -> Signal<Vec<Choice>> {
    Signal::derive(|| {
        EMAIL_LANGUAGES
            .iter()
            .map(|(tag, name)| (tag.to_string(), name.to_string()))
            .collect()
    })
}

/// Edits the `LocationDraft` that `read`/`write` pick out of the signal's value.
#[component]
pub fn LocationFields<W: Send + Sync + 'static>(
    form: RwSignal<W>,
    read: fn(&W) -> &LocationDraft,
    write: fn(&mut W) -> &mut LocationDraft,
) -> impl IntoView {
    macro_rules! bind {
        ($field:ident) => {
            (
                Signal::derive(move || form.with(|w| read(w).$field.clone())),
                Callback::new(move |value: String| form.update(|w| write(w).$field = value)),
            )
        };
    }
    let (name, set_name) = bind!(name);
    let (line1, set_line1) = bind!(line1);
    let (line2, set_line2) = bind!(line2);
    let (city, set_city) = bind!(city);
    let (state, set_state) = bind!(state);
    let (postal_code, set_postal_code) = bind!(postal_code);
    let (time_zone, set_time_zone) = bind!(time_zone);
    let (language, set_language) = bind!(language);
    let country = Signal::derive(move || form.with(|w| read(w).country.clone()));
    let set_country =
        Callback::new(move |code: String| form.update(|w| write(w).set_country(code)));
    let time_zones = Signal::derive(move || {
        country
            .with(|code| country::find(code).map(|c| c.time_zones).unwrap_or(&[]))
            .iter()
            .map(|z| (z.to_string(), z.replace('_', " ")))
            .collect()
    });
    view! {
        <TextField field=Field::LocationName value=name on_input=set_name/>
        <TextField field=Field::AddressLine1 value=line1 on_input=set_line1 autocomplete="address-line1"/>
        <TextField field=Field::AddressLine2 value=line2 on_input=set_line2 autocomplete="address-line2"/>
        <TextField field=Field::City value=city on_input=set_city autocomplete="address-level2"/>
        <TextField field=Field::State value=state on_input=set_state autocomplete="address-level1"/>
        <TextField field=Field::PostalCode value=postal_code on_input=set_postal_code autocomplete="postal-code"/>
        <SelectField field=Field::LocationCountry value=country on_change=set_country options=country_choices()/>
        <SelectField field=Field::TimeZone value=time_zone on_change=set_time_zone options=time_zones/>
        <SelectField field=Field::LocationLanguage value=language on_change=set_language options=language_choices()/>
    }
}
