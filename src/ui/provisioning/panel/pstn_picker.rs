//! The PSTN connections Webex offered a location that has none, to pick one from. Only
//! what the API can set is offered (`PstnKind`): a Local Gateway with the trunk or
//! route group its calls go through, a Cloud Connected PSTN provider; Cisco Calling
//! Plans are named, to be set in Control Hub.

use crate::domain::ids::{CustomerId, LocationId};
use crate::domain::provisioning::PstnOption;
use crate::domain::pstn::{PremiseRoute, PstnKind, RouteIdProblem, RouteKind};
use crate::ui::browser::focus_id;
use crate::ui::components::field::ErrorText;
use crate::ui::components::tr;
use crate::ui::i18n::use_i18n;
use crate::ui::provisioning::{provision, use_webex};
use crate::ui::state::use_app;
use leptos::prelude::*;

/// The PSTN connections Webex offered a location that has none: the partner picks one
/// the API can set (with its trunk or route group for a Local Gateway), which is saved,
/// and the run starts again to set it.
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
    let (settable, elsewhere): (Vec<PstnOption>, Vec<PstnOption>) = options
        .into_iter()
        .partition(|o| PstnKind::of_option(&o.name) != PstnKind::ControlHubOnly);
    let control_hub = elsewhere
        .into_iter()
        .map(|o| {
            let location = name.clone();
            view! {
                <p class="hint">
                    {move || (i18n.t().provisioning.pstn_in_control_hub)(&o.name, &location)}
                </p>
            }
        })
        .collect_view();
    let Some(first) = settable.first() else {
        return control_hub.into_any();
    };
    let picked = RwSignal::new(first.clone());
    let route_kind = RwSignal::new(RouteKind::Trunk);
    let route_id = RwSignal::new(String::new());
    let route_error = RwSignal::new(None::<RouteIdProblem>);
    let gateway =
        Memo::new(move |_| picked.with(|o| PstnKind::of_option(&o.name) == PstnKind::LocalGateway));
    let choices = settable
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
                        prop:checked=move || picked.with(|p| p.id == value)
                        on:change={
                            let o = o.clone();
                            move |_| picked.set(o.clone())
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
        let route = if gateway.get_untracked() {
            match PremiseRoute::parse(route_kind.get_untracked(), &route_id.get_untracked()) {
                Ok(route) => Some(route),
                Err(problem) => {
                    route_error.set(Some(problem));
                    focus_id("pstn-route-id".into());
                    return;
                }
            }
        } else {
            None
        };
        let saved = state.try_commit(|d| {
            d.change_provisioning(customer, |p| {
                let numbers = p.numbers.get_or_default(location);
                numbers.picked = Some(choice.id);
                numbers.route = route.map(|r| r.text()).unwrap_or_default();
            })
        });
        if saved.is_ok() {
            provision(state, webex, customer, true);
        }
    };
    view! {
        <form class="pstn-picker" on:submit=submit novalidate>
            <fieldset class="field radio-group">
                <legend>{move || (i18n.t().provisioning.pstn_options_legend)(&name)}</legend>
                {choices}
            </fieldset>
            <Show when=move || gateway.get()>
                <RouteFields kind=route_kind id=route_id error=route_error />
            </Show>
            {control_hub}
            <button type="submit" class="primary">
                {tr(|t| t.provisioning.set_pstn_and_continue)}
            </button>
        </form>
    }
    .into_any()
}

/// A Local Gateway's trunk or route group: which of the two, and its id.
#[component]
fn RouteFields(
    kind: RwSignal<RouteKind>,
    id: RwSignal<String>,
    error: RwSignal<Option<RouteIdProblem>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let kinds = [
        (RouteKind::Trunk, "pstn-route-trunk"),
        (RouteKind::RouteGroup, "pstn-route-group"),
    ]
    .map(|(value, control)| {
        view! {
            <div class="radio">
                <input
                    type="radio"
                    name="pstn-route-kind"
                    id=control
                    prop:checked=move || kind.get() == value
                    on:change=move |_| kind.set(value)
                />
                <label for=control>
                    {move || {
                        let t = &i18n.t().provisioning;
                        if value == RouteKind::Trunk { t.route_trunk } else { t.route_group }
                    }}
                </label>
            </div>
        }
    });
    let message = Signal::derive(move || {
        error.get().map(|problem| {
            let t = &i18n.t().provisioning;
            match problem {
                RouteIdProblem::Missing => t.route_id_missing.to_string(),
                RouteIdProblem::NotAnId => t.route_id_not_an_id.to_string(),
            }
        })
    });
    view! {
        <fieldset class="field radio-group">
            <legend>{tr(|t| t.provisioning.route_legend)}</legend>
            {kinds}
        </fieldset>
        <div class="field" class:invalid=move || error.with(Option::is_some)>
            <label for="pstn-route-id">{tr(|t| t.provisioning.route_id_label)}</label>
            <p class="hint" id="pstn-route-id-hint">
                {tr(|t| t.provisioning.route_id_hint)}
            </p>
            <input
                id="pstn-route-id"
                type="text"
                autocomplete="off"
                maxlength="500"
                prop:value=move || id.get()
                on:input=move |ev| {
                    id.set(event_target_value(&ev));
                    error.set(None);
                }
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                aria-describedby=move || {
                    if error.with(Option::is_some) {
                        "pstn-route-id-hint pstn-route-id-error"
                    } else {
                        "pstn-route-id-hint"
                    }
                }
            />
            <ErrorText id="pstn-route-id" error=message />
        </div>
    }
}
