//! `/customers/:id/setup`: the setup wizard. Locations (branches), users, phone
//! numbers, review, then "Create users". Run again later to add more.

mod locations;
mod numbers;
mod review;
mod users;

use crate::domain::customer::Customer;
use crate::domain::ids::CustomerId;
use crate::domain::setup::{Setup, SetupDraft, SetupStep, SetupWizard};
use crate::domain::wizard::Step;
use crate::store::keys;
use crate::ui::browser::{href, mark, now, random_bytes};
use crate::ui::components::toast::use_toasts;
use crate::ui::components::wizard::{confirm_discard, use_wizard, WizardFrame, WizardState};
use crate::ui::components::{tr, PageTitle, Text};
use crate::ui::i18n::use_i18n;
use crate::ui::not_found::NotFoundView;
use crate::ui::state::use_app;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map};

const STEP_TITLES: [Text; 4] = [
    |t| t.step_locations,
    |t| t.step_users,
    |t| t.step_phone_numbers,
    |t| t.step_review,
];

/// Rows per page in the users and phone-numbers steps: a page stays quick to edit
/// however many users a paste brings.
const ROWS_PER_PAGE: usize = 25;

/// What every step works on: the wizard and the customer it sets up.
#[derive(Clone, Copy)]
struct SetupForm {
    form: WizardState<SetupDraft>,
    customer: Memo<Option<Customer>>,
}

impl SetupForm {
    fn wizard(self) -> RwSignal<SetupWizard> {
        self.form.wizard
    }

    /// Runs `f` with the customer, if it still exists.
    fn with_customer<R: Default>(self, f: impl FnOnce(&Customer) -> R) -> R {
        self.customer
            .with(|c| c.as_ref().map(f).unwrap_or_default())
    }
}

#[component]
pub fn SetupPage() -> impl IntoView {
    let state = use_app();
    let params = use_params_map();
    // Only whether the customer exists: the wizard must not restart on every change.
    let id = Memo::new(move |_| {
        params
            .with(|p| p.get("id").and_then(|raw| CustomerId::parse(&raw)))
            .filter(|id| state.doc.with(|d| d.customer(*id).is_some()))
    });
    move || {
        match id.get() {
        Some(id) => view! { <SetupWizardPage id/> }.into_any(),
        None => view! {
            <NotFoundView body=|t| t.customer_not_found back_to="/customers" back_label=|t| t.all_customers/>
        }
        .into_any(),
    }
    }
}

#[component]
fn SetupWizardPage(id: CustomerId) -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();
    let toasts = use_toasts();
    let navigate = use_navigate();
    let customer = Memo::new(move |_| state.doc.with(|d| d.customer(id).cloned()));
    let company = customer.with_untracked(|c| {
        c.as_ref()
            .map(|c| c.company_name.to_string())
            .unwrap_or_default()
    });
    let fresh = customer.with_untracked(|c| {
        SetupWizard::new(SetupDraft::new(c.as_ref().expect("checked by SetupPage")))
    });
    let key = keys::setup_wizard(id);
    let stored = state
        .load::<SetupWizard>(&key)
        .filter(|w| w.draft.customer == id);
    let resumed = stored.as_ref().is_some_and(|w| *w != fresh);
    let form = use_wizard(key, stored.unwrap_or_else(|| fresh.clone()));
    let setup = SetupForm { form, customer };
    let step = form.step;
    let detail = format!("/customers/{id}");

    let forward = {
        let navigate = navigate.clone();
        let detail = detail.clone();
        let company = company.clone();
        Callback::new(move |_| {
            // The benchmark measures from here to the saved document.
            if step.get_untracked().is_last() {
                mark("create-users");
            }
            form.forward(|setup: Setup| {
                let mut rng = random_bytes;
                let count = state.change(|d| d.apply_setup(setup, &mut rng, now()));
                toasts.push((i18n.t().users_created)(count, &company));
                navigate(&detail, Default::default());
            })
        })
    };
    let cancel = Callback::new(move |_| {
        let navigate = navigate.clone();
        let detail = detail.clone();
        let pristine = form.wizard.with_untracked(|w| w.draft == fresh.draft);
        confirm_discard(
            |t| t.discard_setup_title,
            pristine,
            move || {
                form.discard();
                navigate(&detail, Default::default());
            },
        );
    });
    let forward_label = Signal::derive(move || {
        let t = i18n.t();
        if step.get().is_last() {
            t.create_users
        } else {
            t.next
        }
    });

    let breadcrumb = company.clone();
    view! {
        <PageTitle text=tr(|t| t.set_up_customer)/>
        <nav class="breadcrumb">
            <A href=href(&format!("/customers/{id}"))>{breadcrumb}</A>
        </nav>
        <div class="page-header">
            <h1>{tr(|t| t.set_up_customer)}</h1>
            <p class="subtitle">{company}</p>
        </div>
        <WizardFrame
            steps=&STEP_TITLES
            current=form.index()
            resumed
            forward_label
            on_forward=forward
            on_back=Callback::new(move |_| form.back())
            on_cancel=cancel
        >
            {move || match step.get() {
                SetupStep::Locations => view! { <locations::LocationsStep setup/> }.into_any(),
                SetupStep::Users => view! { <users::UsersStep setup/> }.into_any(),
                SetupStep::PhoneNumbers => view! { <numbers::NumbersStep setup/> }.into_any(),
                SetupStep::Review => view! { <review::ReviewStep setup/> }.into_any(),
            }}
        </WizardFrame>
    }
}

/// The keys of the user rows on the current page of a paged step.
fn page_of_users(
    setup: SetupForm,
    page: RwSignal<usize>,
    keep: fn(&SetupDraft, &crate::domain::user::UserDraft) -> bool,
) -> Memo<Vec<u32>> {
    Memo::new(move |_| {
        setup.wizard().with(|w| {
            let keys: Vec<u32> = w
                .draft
                .users
                .iter()
                .filter(|u| keep(&w.draft, u))
                .map(|u| u.key)
                .collect();
            let range =
                crate::ui::components::pager::page_range(page.get(), ROWS_PER_PAGE, keys.len());
            keys[range].to_vec()
        })
    })
}

/// A user row's value, and a way to change it.
fn user_binding(
    setup: SetupForm,
    key: u32,
    get: fn(&crate::domain::user::UserDraft) -> &String,
    put: fn(&mut crate::domain::user::UserDraft) -> &mut String,
) -> (Signal<String>, Callback<String>) {
    let wizard = setup.wizard();
    (
        Signal::derive(move || {
            wizard.with(|w| {
                w.draft
                    .users
                    .iter()
                    .find(|u| u.key == key)
                    .map(|u| get(u).clone())
                    .unwrap_or_default()
            })
        }),
        Callback::new(move |value: String| {
            wizard.update(|w| {
                if let Some(u) = w.draft.user_mut(key) {
                    *put(u) = value;
                }
            })
        }),
    )
}

/// The position (0-based) of a user row, following additions and removals.
fn user_position(setup: SetupForm, key: u32) -> Memo<usize> {
    Memo::new(move |_| {
        setup
            .wizard()
            .with(|w| w.draft.users.iter().position(|u| u.key == key).unwrap_or(0))
    })
}
