//! Why the run stopped, worded by the catalogue; for a location without a PSTN
//! connection, the options Webex offered to pick from.

use super::pstn_picker::PstnPicker;
use crate::domain::ids::{CustomerId, LocationId};
use crate::domain::provisioning::{Provisioning, Stop};
use crate::ui::i18n::use_i18n;
use crate::ui::state::use_app;
use crate::webex::{run, summary};
use leptos::prelude::*;

#[component]
pub(super) fn StopNotice(customer: CustomerId, progress: Memo<Provisioning>) -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();
    let location_name = move |id: LocationId| {
        state.doc.with_untracked(|d| {
            d.customer(customer)
                .and_then(|c| c.location(id))
                .map(|l| l.details.name.to_string())
                .unwrap_or_default()
        })
    };
    let missing_numbers = move |id: LocationId| {
        state.doc.with_untracked(|d| {
            d.customer(customer)
                .map(|c| run::missing_numbers(c, &c.provisioning, id).join(", "))
                .unwrap_or_default()
        })
    };
    move || {
        progress
            .with(|p| p.stopped.clone())
            .filter(|s| *s != Stop::TokenRefused)
            .map(|stop| {
                // Waiting on the partner or on Cisco is no failure.
                let class = if summary::is_waiting(&stop) {
                    "notice"
                } else {
                    "notice error"
                };
                let picker = match stop {
                    Stop::NoPstnConnection(location) => {
                        Some(view! { <PstnPicker customer location /> })
                    }
                    _ => None,
                };
                view! {
                    <p class=class role="alert">
                        {move || {
                            progress
                                .with(|p| i18n.t().stop(&stop, p, location_name, missing_numbers))
                        }}
                    </p>
                    {picker}
                }
            })
    }
}
