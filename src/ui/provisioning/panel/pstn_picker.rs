//! The PSTN connections Webex offered a location that has none, to pick one from.

use crate::domain::ids::{CustomerId, LocationId};
use crate::ui::components::tr;
use crate::ui::i18n::use_i18n;
use crate::ui::provisioning::{provision, use_webex};
use crate::ui::state::use_app;
use leptos::prelude::*;

/// The PSTN connections Webex offered a location that has none: the partner picks one,
/// which is saved, and the run starts again to set it.
#[component]
pub(super) fn PstnPicker(customer: CustomerId, location: LocationId) -> impl IntoView {
    let state = use_app();
    let webex = use_webex();
    let i18n = use_i18n();
    let found = state.doc.with_untracked(|d| {
        let c = d.customer(customer)?;
        let name = c.location(location)?.details.name.to_string();
        let options = c.provisioning.numbers.get(&location)?.options.clone();
        Some((name, options))
    });
    let Some((name, options)) = found.filter(|(_, o)| !o.is_empty()) else {
        return ().into_any();
    };
    let picked = RwSignal::new(options[0].id.clone());
    let choices = options
        .into_iter()
        .enumerate()
        .map(|(i, o)| {
            let id = format!("pstn-option-{i}");
            let value = o.id.clone();
            view! {
                <div class="radio">
                    <input
                        type="radio"
                        name="pstn-option"
                        id=id.clone()
                        prop:checked=move || picked.with(|p| *p == value)
                        on:change={
                            let value = o.id.clone();
                            move |_| picked.set(value.clone())
                        }
                    />
                    <label for=id>{o.name}</label>
                </div>
            }
        })
        .collect_view();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let choice = picked.get_untracked();
        let saved = state.try_commit(|d| {
            d.change_provisioning(customer, |p| {
                p.numbers.get_or_default(location).picked = Some(choice);
            })
        });
        if saved.is_ok() {
            provision(state, webex, customer, true);
        }
    };
    view! {
        <form class="pstn-picker" on:submit=submit>
            <fieldset class="field radio-group">
                <legend>{move || (i18n.t().provisioning.pstn_options_legend)(&name)}</legend>
                {choices}
            </fieldset>
            <button type="submit" class="primary">
                {tr(|t| t.provisioning.set_pstn_and_continue)}
            </button>
        </form>
    }
    .into_any()
}
