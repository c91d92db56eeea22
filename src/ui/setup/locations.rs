//! Step 1: the customer's saved locations, and new branches with the same address
//! fields and country rules as the headquarters.

use super::{RemoveRow, SetupForm};
use crate::domain::ids::LocationId;
use crate::domain::setup::SetupWizard;
use crate::domain::{Field, LocationField};
use crate::ui::browser::{focus_id, random_bytes};
use crate::ui::components::field::control_id;
use crate::ui::components::location_fields::LocationFields;
use crate::ui::components::tr;
use crate::ui::customers::location_line;
use crate::ui::i18n::use_i18n;
use leptos::prelude::*;

#[component]
pub(super) fn LocationsStep(setup: SetupForm) -> impl IntoView {
    let i18n = use_i18n();
    let wizard = setup.wizard();
    let saved = move || {
        setup.with_customer(|c| {
            c.all_locations()
                .map(|l| {
                    (
                        l.details.name.to_string(),
                        location_line(i18n.t(), &l.details),
                    )
                })
                .collect::<Vec<_>>()
        })
    };
    let rows = Memo::new(move |_| {
        wizard.with(|w| w.draft.locations.iter().map(|l| l.key).collect::<Vec<_>>())
    });
    let add = move |_| {
        let key = setup.with_customer(|c| {
            let id = LocationId::from_random(random_bytes());
            wizard.try_update(|w| w.draft.add_location(c, id))
        });
        if let Some(key) = key {
            focus_id(control_id(Field::Location(LocationField::Name), Some(key)));
        }
    };
    view! {
        <section aria-labelledby="saved-locations">
            <h3 id="saved-locations">{tr(|t| t.setup().saved_locations)}</h3>
            <ul class="plain-list">
                {move || {
                    saved()
                        .into_iter()
                        .map(|(name, address)| {
                            view! {
                                <li>
                                    <strong>{name}</strong>
                                    " — "
                                    {address}
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
        </section>
        <section aria-labelledby="new-locations">
            <h3 id="new-locations">{tr(|t| t.setup().new_locations)}</h3>
            <Show when=move || rows.with(Vec::is_empty)>
                <p class="hint">{tr(|t| t.setup().no_new_locations)}</p>
            </Show>
            <For each=move || rows.get() key=|k| *k let:key>
                <NewLocation wizard key />
            </For>
            <button type="button" id="add-location" class="secondary" on:click=add>
                {tr(|t| t.setup().add_location)}
            </button>
        </section>
    }
}

#[component]
fn NewLocation(wizard: RwSignal<SetupWizard>, key: u32) -> impl IntoView {
    let i18n = use_i18n();
    let position = Memo::new(move |_| {
        wizard.with(|w| {
            w.draft
                .locations
                .iter()
                .position(|l| l.key == key)
                .unwrap_or(0)
        })
    });
    view! {
        <fieldset class="row-group">
            <legend>{move || (i18n.t().setup().new_location_n)(position.get() + 1)}</legend>
            <LocationFields
                form=wizard
                read=|w, key| w.draft.locations.iter().find(|l| l.key == key).map(|l| &l.draft)
                write=|w, key| {
                    w.draft.locations.iter_mut().find(|l| l.key == key).map(|l| &mut l.draft)
                }
                row=Some(key)
            />
            <RemoveRow
                label=|t| t.setup().remove_location_n
                position
                on_remove=Callback::new(move |_| wizard.update(|w| w.draft.remove_location(key)))
                then_focus="add-location"
            />
        </fieldset>
    }
}
