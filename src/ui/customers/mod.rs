//! Customers: the list (the app's landing page), the create-customer wizard and the
//! customer's page with its locations and users.

pub mod demo;
pub mod detail;
mod export;
mod fixes;
pub mod list;
pub mod users;
pub mod wizard;

use crate::domain::customer::Customer;
use crate::domain::location::{Address, LocationDetails};
use crate::domain::package::{self, Package};
use crate::domain::user::UserRole;
use crate::domain::{CustomerField, Field};
use crate::ui::browser::href;
use crate::ui::components::field::{Choice, ErrorText, FormErrors};
use crate::ui::components::summary::Row;
use crate::ui::components::toast::Toasts;
use crate::ui::components::{tr, Text};
use crate::ui::i18n::{use_i18n, I18n, Messages};
use crate::ui::state::{AppState, Refusal};
use crate::ui::templates::country_label;
use leptos::prelude::*;
use leptos_router::components::A;
use std::sync::Arc;

/// After a removal (a customer, a user, a location), its toast offers "Undo" for a few
/// seconds: the customer is put back as it was before (saved first, like any change),
/// unless it changed since. `before` is the customer taken before the removal; without
/// it (gone already) the toast only says what was done.
pub fn offer_undo(
    state: AppState,
    toasts: Toasts,
    i18n: I18n,
    text: String,
    before: Option<Arc<Customer>>,
) {
    let Some(before) = before else {
        toasts.push(text);
        return;
    };
    let removal = state.doc.with_untracked(|d| d.removal(before));
    toasts.push_action(text, i18n.t().customers.undo, move || {
        match state.try_commit(|d| d.undo_removal(&removal)) {
            Ok(()) => toasts.push(i18n.t().customers.undone.into()),
            Err(Refusal::Rule(refused)) => toasts.push(i18n.t().refused(refused)),
            // The storage alert says why and what to do.
            Err(Refusal::NotSaved(_)) => {}
        }
    });
}

/// An address on one line: "110 Sejong-daero, Seoul 04524, South Korea".
pub fn address_line(t: &'static Messages, a: &Address) -> String {
    let mut parts: Vec<String> = vec![a.line1.to_string()];
    parts.extend(a.line2.as_ref().map(|l| l.to_string()));
    let locality = [
        Some(a.city.to_string()),
        a.state.as_ref().map(|s| s.to_string()),
        a.postal_code.clone(),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");
    parts.push(locality);
    parts.push(country_label(t, a.country.as_ref()));
    parts.join(", ")
}

/// A location in one line: its address, and how its numbers reach Webex.
pub fn location_line(t: &'static Messages, d: &LocationDetails) -> String {
    format!(
        "{} · {}: {}",
        address_line(t, &d.address),
        t.customers.pstn_connection,
        t.number_source(d.numbers)
    )
}

/// The rows that describe a location in a summary or on a detail page.
pub fn location_summary(details: LocationDetails) -> impl IntoView {
    let i18n = use_i18n();
    let details = StoredValue::new(details);
    let value = move |describe: fn(&'static Messages, &LocationDetails) -> String| {
        Signal::derive(move || details.with_value(|d| describe(i18n.t(), d)))
    };
    view! {
        <Row label=|t| t.customers.location_name value=value(|_, d| d.name.to_string()) />
        <Row label=|t| t.customers.address value=value(|t, d| address_line(t, &d.address)) />
        <Row label=|t| t.customers.time_zone value=value(|t, d| t.zone_label(&d.time_zone)) />
        <Row
            label=|t| t.customers.location_language
            value=value(|_, d| d.language.display_name().to_string())
        />
    }
}

/// The packages of a customer that a user can have, as choices.
pub fn user_package_choices(packages: Vec<Package>) -> Signal<Vec<Choice>> {
    let list: Vec<Choice> = package::user_packages(&packages)
        .map(|p| (p.key().to_string(), p.name().to_string()))
        .collect();
    Signal::derive(move || list.clone())
}

/// A customer's saved locations (headquarters first), as choices.
pub fn saved_location_choices(customer: &Customer) -> Vec<Choice> {
    customer
        .all_locations()
        .map(|l| (l.id.to_string(), l.details.name.to_string()))
        .collect()
}

/// Control Hub roles, in the current language.
pub fn role_choices() -> Signal<Vec<Choice>> {
    let i18n = use_i18n();
    Signal::derive(move || {
        let t = i18n.t();
        UserRole::ALL
            .into_iter()
            .map(|r| (r.key().to_string(), t.role(r).to_string()))
            .collect()
    })
}

/// The header of a users table; the location and actions columns are optional, and so
/// are a first column numbering the rows and a last one listing their problems.
#[component]
pub fn UserTableHead(
    location: bool,
    actions: bool,
    #[prop(optional)] numbered: bool,
    #[prop(optional)] problems: bool,
) -> impl IntoView {
    view! {
        <thead>
            <tr>
                {numbered.then(|| view! { <th scope="col">{tr(|t| t.customers.col_row)}</th> })}
                <th scope="col">{tr(|t| t.templates.col_name)}</th>
                <th scope="col">{tr(|t| t.customers.col_email)}</th>
                <th scope="col">{tr(|t| t.setup().col_package)}</th>
                {location
                    .then(|| view! { <th scope="col">{tr(|t| t.customers.col_location)}</th> })}
                <th scope="col">{tr(|t| t.setup().col_number)}</th>
                <th scope="col">{tr(|t| t.setup().col_extension)}</th>
                <th scope="col">{tr(|t| t.customers.col_role)}</th>
                {actions.then(|| view! { <th scope="col">{tr(|t| t.setup().col_actions)}</th> })}
                {problems
                    .then(|| view! { <th scope="col">{tr(|t| t.customers.col_problems)}</th> })}
            </tr>
        </thead>
    }
}

/// Why no customer can be created yet, and the way on: creating a template.
#[component]
pub fn NeedTemplateText() -> impl IntoView {
    view! {
        <p>{tr(|t| t.customers.customers_need_template)}</p>
        <A href=href("/templates/new") attr:class="button primary">
            {tr(|t| t.templates.create_template)}
        </A>
    }
}

/// "Create customer" before any template exists.
#[component]
pub fn NeedTemplate() -> impl IntoView {
    view! {
        <section class="empty-state">
            <h2>{tr(|t| t.customers.template_needed_title)}</h2>
            <NeedTemplateText />
        </section>
    }
}

/// One package's checkbox, its description and what it needs.
fn package_choice(
    package: Package,
    selected: Signal<Vec<Package>>,
    on_toggle: Callback<(Package, bool)>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = format!("package-{}", package.key());
    let hint_id = format!("{id}-hint");
    let needs = package.requires_one_of();
    view! {
        <div class="radio">
            <input
                type="checkbox"
                id=id.clone()
                aria-describedby=hint_id.clone()
                prop:checked=move || selected.with(|s| s.contains(&package))
                on:change=move |ev| on_toggle.run((package, event_target_checked(&ev)))
            />
            <label for=id>{package.name()}</label>
            <p class="hint" id=hint_id>
                {move || (i18n.t().customers.package_description)(package)}
                {(!needs.is_empty())
                    .then(|| {
                        let names = needs.iter().map(|p| p.name()).collect::<Vec<_>>().join(", ");
                        move || format!(" {}", (i18n.t().customers.package_needs_one_of)(&names))
                    })}
            </p>
        </div>
    }
}

/// Every package as a checkbox with its description; the form's package problem shows
/// under the list.
#[component]
pub fn PackageChecklist(
    selected: Signal<Vec<Package>>,
    on_toggle: Callback<(Package, bool)>,
) -> impl IntoView {
    let i18n = use_i18n();
    let errors = expect_context::<FormErrors>();
    let error = Signal::derive(move || {
        errors.0.with(|list| {
            list.iter()
                .find(|e| e.field == Field::Customer(CustomerField::Packages))
                .map(|e| i18n.t().problem(e.field, &e.problem))
        })
    });
    view! {
        <fieldset
            class="field package-list"
            class:invalid=move || error.with(Option::is_some)
            aria-describedby=move || error.with(Option::is_some).then_some("packages-error")
        >
            <legend>{tr(|t| t.customers.packages)}</legend>
            // The packages users have (a customer is built on at least one), then the
            // add-ons, each with what it needs.
            {[
                (true, (|t| t.customers.packages_for_users) as Text),
                (false, |t| t.customers.packages_add_ons),
            ]
                .into_iter()
                .map(|(for_users, legend)| {
                    view! {
                        <fieldset class="package-group">
                            <legend>{tr(legend)}</legend>
                            {Package::ALL
                                .into_iter()
                                .filter(|p| p.is_user_package() == for_users)
                                .map(|package| package_choice(package, selected, on_toggle))
                                .collect_view()}
                        </fieldset>
                    }
                })
                .collect_view()}
            <ErrorText id="packages" error />
        </fieldset>
    }
}
