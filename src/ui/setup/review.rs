//! Step 4: everything this setup adds, grouped by location, with "Edit" per section.

use super::SetupForm;
use crate::domain::ids::LocationId;
use crate::domain::location::Location;
use crate::domain::setup::{Setup, SetupDraft, SetupStep};
use crate::domain::user::UserDetails;
use crate::domain::wizard::Form;
use crate::ui::components::summary::{Row, SummarySection};
use crate::ui::components::table::ScrollTable;
use crate::ui::components::tr;
use crate::ui::customers::{location_line, UserTableHead};
use crate::ui::i18n::use_i18n;
use crate::ui::state::use_app;
use leptos::prelude::*;

#[component]
pub(super) fn ReviewStep(setup: SetupForm) -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();
    let parsed = Memo::new(move |_| {
        state.doc.with(|d| {
            setup
                .wizard()
                .with(|w| w.draft.parse(SetupDraft::context(d)).ok())
        })
    });
    let edit = move |step: SetupStep| Some(Callback::new(move |_| setup.form.go_to(step)));
    // Every location of the customer after this setup, each with its new users.
    let groups = move || {
        let Some(Setup {
            locations, users, ..
        }) = parsed.get()
        else {
            return Vec::new();
        };
        let all: Vec<Location> = setup
            .with_customer(|c| c.all_locations().cloned().collect::<Vec<_>>())
            .into_iter()
            .chain(locations)
            .collect();
        all.into_iter()
            .map(|l| {
                let here: Vec<UserDetails> = users
                    .iter()
                    .filter(|u| u.location == l.id)
                    .cloned()
                    .collect();
                (l, here)
            })
            .filter(|(_, here)| !here.is_empty())
            .collect::<Vec<_>>()
    };
    let new_locations =
        move || parsed.with(|p| p.as_ref().map(|s| s.locations.clone()).unwrap_or_default());
    let counts = move || {
        parsed.with(|p| {
            p.as_ref().map(|s| {
                let numbers = s.users.iter().filter(|u| u.phone.is_some()).count();
                let extensions = s.users.iter().filter(|u| u.extension.is_some()).count();
                (numbers, extensions)
            })
        })
    };
    view! {
        <SummarySection
            id="review-locations"
            title=|t| t.setup().new_locations
            on_edit=edit(SetupStep::Locations)
        >
            {move || {
                let list = new_locations();
                if list.is_empty() {
                    view! {
                        <div class="row">
                            <dd class="wide">{tr(|t| t.setup().review_no_new_locations)}</dd>
                        </div>
                    }
                        .into_any()
                } else {
                    list.into_iter()
                        .map(|l| {
                            view! {
                                <div class="row">
                                    <dt>{l.details.name.to_string()}</dt>
                                    <dd>{move || location_line(i18n.t(), &l.details)}</dd>
                                </div>
                            }
                        })
                        .collect_view()
                        .into_any()
                }
            }}
        </SummarySection>
        {move || {
            groups()
                .into_iter()
                .map(|(location, users)| {
                    view! {
                        <LocationUsers
                            location
                            users
                            on_edit=Callback::new(move |_| setup.form.go_to(SetupStep::Users))
                        />
                    }
                })
                .collect_view()
        }}
        <SummarySection
            id="review-numbers"
            title=|t| t.setup().step_phone_numbers
            on_edit=edit(SetupStep::PhoneNumbers)
        >
            <Row
                label=|t| t.setup().users_with_number
                value=Signal::derive(move || counts().map(|c| c.0.to_string()).unwrap_or_default())
            />
            <Row
                label=|t| t.setup().users_with_extension
                value=Signal::derive(move || counts().map(|c| c.1.to_string()).unwrap_or_default())
            />
        </SummarySection>
    }
}

/// The new users of one location, as a table.
#[component]
fn LocationUsers(
    location: Location,
    users: Vec<UserDetails>,
    on_edit: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let heading_id = format!("review-users-{}", short(location.id));
    let labelled_by = heading_id.clone();
    let name = location.details.name.to_string();
    view! {
        <section class="summary-section" aria-labelledby=labelled_by>
            <header>
                <h3 id=heading_id>{move || (i18n.t().setup().users_at)(&name)}</h3>
                <button type="button" class="link-button" on:click=move |_| on_edit.run(())>
                    {tr(|t| t.common.edit)}
                </button>
            </header>
            <ScrollTable>
                <UserTable users />
            </ScrollTable>
        </section>
    }
}

fn short(id: LocationId) -> String {
    id.to_string()[..8].to_string()
}

/// Users as a table: name, e-mail, package, number, extension, role.
#[component]
pub fn UserTable(users: Vec<UserDetails>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <table>
            <UserTableHead location=false actions=false />
            <tbody>
                {users
                    .into_iter()
                    .map(|u| {
                        view! {
                            <tr>
                                <th scope="row">{u.full_name()}</th>
                                <td>{u.email.to_string()}</td>
                                <td>{u.package.name()}</td>
                                <td>{u.phone.map(|p| p.grouped()).unwrap_or_default()}</td>
                                <td>{u.extension.map(|x| x.to_string()).unwrap_or_default()}</td>
                                <td>{move || i18n.t().role(u.role)}</td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}
