//! The address block of a location form: name, address lines, city, state or province,
//! postal code, country, time zone (offered for the country), language, how its phone
//! numbers reach Webex, and its routing prefix.

use super::field::{bind_text, Choice, SelectField, TextField};
use crate::domain::country::{self, COUNTRIES};
use crate::domain::language::EMAIL_LANGUAGES;
use crate::domain::location::LocationDraft;
use crate::domain::pstn::NumberSource;
use crate::domain::subdivision;
use crate::domain::time_zone;
use crate::domain::{Field, LocationField};
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
        crate::sort::sort_by(&mut list, |a, b| a.1.cmp(&b.1));
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

/// Picks a location form out of a wizard's value: the one on row `key` of a repeated
/// group, or the only one (the key is then ignored). `None` once the row is gone.
pub type Pick<W> = fn(&W, u32) -> Option<&LocationDraft>;
pub type PickMut<W> = fn(&mut W, u32) -> Option<&mut LocationDraft>;

/// Edits the `LocationDraft` that `read`/`write` pick out of the signal's value.
#[component]
pub fn LocationFields<W: Send + Sync + 'static>(
    form: RwSignal<W>,
    read: Pick<W>,
    write: PickMut<W>,
    /// The row of a repeated group these fields are on.
    #[prop(default = None)]
    row: Option<u32>,
    /// A saved location keeps its country: shown (by this name), not chosen.
    #[prop(optional, into)]
    country_fixed: Option<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let key = row.unwrap_or(0);
    // One text of the row's draft: "" and no change once the row is gone.
    let bind = move |get: fn(&LocationDraft) -> &String,
                     put: fn(&mut LocationDraft) -> &mut String| {
        bind_text(
            form,
            move |w| read(w, key).map(|d| get(d).clone()).unwrap_or_default(),
            move |w, value| {
                if let Some(d) = write(w, key) {
                    *put(d) = value;
                }
            },
        )
    };
    let (name, set_name) = bind(|d| &d.name, |d| &mut d.name);
    let (line1, set_line1) = bind(|d| &d.line1, |d| &mut d.line1);
    let (line2, set_line2) = bind(|d| &d.line2, |d| &mut d.line2);
    let (city, set_city) = bind(|d| &d.city, |d| &mut d.city);
    let (state, _) = bind(|d| &d.state, |d| &mut d.state);
    let (postal_code, set_postal_code) = bind(|d| &d.postal_code, |d| &mut d.postal_code);
    let (time_zone, set_time_zone) = bind(|d| &d.time_zone, |d| &mut d.time_zone);
    let (language, set_language) = bind(|d| &d.language, |d| &mut d.language);
    let (country, _) = bind(|d| &d.country, |d| &mut d.country);
    let (routing_prefix, set_routing_prefix) =
        bind(|d| &d.routing_prefix, |d| &mut d.routing_prefix);
    let numbers = Signal::derive(move || {
        form.with(|w| {
            read(w, key)
                .map(|d| d.numbers.key().to_string())
                .unwrap_or_default()
        })
    });
    let label = move |field: Field| {
        Some(Signal::derive(move || {
            country.with(|c| i18n.t().address_label(field, c))
        }))
    };
    // Country and state also move what follows from them (time zone, language).
    let update = move |change: &dyn Fn(&mut LocationDraft)| {
        form.update(|w| {
            if let Some(d) = write(w, key) {
                change(d)
            }
        })
    };
    let set_country = Callback::new(move |code: String| update(&|d| d.set_country(code.clone())));
    let set_state = Callback::new(move |value: String| update(&|d| d.set_state(value.clone())));
    let set_numbers =
        Callback::new(move |key: String| update(&|d| d.numbers = NumberSource::from_key(&key)));
    let number_sources = Signal::derive(move || {
        let t = i18n.t();
        NumberSource::CHOICES
            .iter()
            .map(|&c| (c.key().to_string(), t.number_source(c).to_string()))
            .collect()
    });
    // West to east, each with its offset and the names people know it by.
    let time_zones = Signal::derive(move || {
        let t = i18n.t();
        let zones = country.with(|code| country::find(code).map(|c| c.time_zones).unwrap_or(&[]));
        time_zone::by_offset(zones)
            .into_iter()
            .map(|z| (z.to_string(), t.zone_label(z)))
            .collect()
    });
    // Where Webex wants a state or province it is picked from the country's list (names
    // shown, ISO codes kept); a name saved earlier shows as its entry.
    let subdivisions = Memo::new(move |_| country.with(|code| subdivision::of(code)));
    let state_field = move || match subdivisions.get() {
        Some(list) => {
            let code = Signal::derive(move || {
                let (c, s) = (country.get(), state.get());
                subdivision::parse(&c, &s).unwrap_or_default().to_string()
            });
            let options = Signal::derive(move || {
                list.iter()
                    .map(|(code, name)| (code.to_string(), name.to_string()))
                    .collect()
            });
            view! {
                <SelectField
                    field=Field::Location(LocationField::State)
                    value=code
                    on_change=set_state
                    options
                    row
                    label=label(Field::Location(LocationField::State))
                />
            }
            .into_any()
        }
        None => view! {
            <TextField
                field=Field::Location(LocationField::State)
                value=state
                on_input=set_state
                autocomplete="address-level1"
                row
                label=label(Field::Location(LocationField::State))
            />
        }
        .into_any(),
    };
    view! {
        <TextField field=Field::Location(LocationField::Name) value=name on_input=set_name row />
        <TextField
            field=Field::Location(LocationField::AddressLine1)
            value=line1
            on_input=set_line1
            autocomplete="address-line1"
            row
        />
        <TextField
            field=Field::Location(LocationField::AddressLine2)
            value=line2
            on_input=set_line2
            autocomplete="address-line2"
            row
        />
        <TextField
            field=Field::Location(LocationField::City)
            value=city
            on_input=set_city
            autocomplete="address-level2"
            row
            label=label(Field::Location(LocationField::City))
        />
        {state_field}
        <TextField
            field=Field::Location(LocationField::PostalCode)
            value=postal_code
            on_input=set_postal_code
            autocomplete="postal-code"
            row
        />
        {match country_fixed {
            Some(name) => {
                view! {
                    <TextField
                        field=Field::Location(LocationField::Country)
                        value=Signal::derive(move || name.clone())
                        on_input=Callback::new(|_| ())
                        hint=|t| t.exports.location_keeps_country
                        readonly=true
                        row
                    />
                }
                    .into_any()
            }
            None => {
                view! {
                    <SelectField
                        field=Field::Location(LocationField::Country)
                        value=country
                        on_change=set_country
                        options=country_choices()
                        row
                    />
                }
                    .into_any()
            }
        }}
        <SelectField
            field=Field::Location(LocationField::TimeZone)
            value=time_zone
            on_change=set_time_zone
            options=time_zones
            row
        />
        <SelectField
            field=Field::Location(LocationField::Language)
            value=language
            on_change=set_language
            options=language_choices()
            row
        />
        <SelectField
            field=Field::Location(LocationField::PstnConnection)
            value=numbers
            on_change=set_numbers
            options=number_sources
            empty=|t| t.customers.number_source_not_chosen
            hint=|t| t.customers.pstn_connection_hint
            row
        />
        <TextField
            field=Field::Location(LocationField::RoutingPrefix)
            value=routing_prefix
            on_input=set_routing_prefix
            hint=|t| t.customers.routing_prefix_hint
            input_type="text"
            row
        />
    }
}
