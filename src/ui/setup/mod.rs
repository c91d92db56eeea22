//! `/customers/:id/setup`: the setup wizard. Locations (branches), users, phone
//! numbers, review, then "Create users". Run again later to add more.

mod import;
mod locations;
mod numbers;
mod review;
mod users;
mod webex_check;

use crate::domain::changes;
use crate::domain::country::{self, Country};
use crate::domain::customer::Customer;
use crate::domain::ids::CustomerId;
use crate::domain::setup::{Setup, SetupDraft, SetupStep, SetupWizard};
use crate::domain::user::UserDraft;
use crate::domain::wizard::WizardStep;
use crate::store::keys;
use crate::ui::browser::{focus_heading_next, focus_id, href, now, random_bytes, route_id};
use crate::ui::components::field::{Choice, FormErrors};
use crate::ui::components::pager::{page_range, Pager};
use crate::ui::components::table::ScrollTable;
use crate::ui::components::toast::use_toasts;
use crate::ui::components::wizard::{
    confirm_discard, restore, use_wizard, RowNames, RowsWanted, WantedRow, WizardFrame, WizardState,
};
use crate::ui::components::{tr, PageTitle, Text};
use crate::ui::customers::saved_location_choices;
use crate::ui::i18n::{use_i18n, Counted, Messages};
use crate::ui::not_found::NotFoundView;
use crate::ui::state::{use_app, Refusal};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use std::collections::HashSet;

fn step_title(step: SetupStep) -> Text {
    match step {
        SetupStep::Locations => |t| t.setup().step_locations,
        SetupStep::Users => |t| t.setup().step_users,
        SetupStep::PhoneNumbers => |t| t.setup().step_phone_numbers,
        SetupStep::Review => |t| t.setup().step_review,
    }
}

/// Rows per page in the users and phone-numbers steps: a page stays quick to edit
/// however many users a paste brings.
const ROWS_PER_PAGE: usize = 25;

/// What every step works on: the wizard, the customer it sets up, and the locations a
/// user can be in.
#[derive(Clone, Copy)]
struct SetupForm {
    form: WizardState<SetupDraft>,
    customer: Memo<Option<Customer>>,
    /// The customer's saved locations and the ones this setup adds, as choices: one
    /// memo for every row's select, recomputed as the draft changes but redrawing the
    /// selects only when a location's name does.
    locations: Memo<Vec<Choice>>,
}

impl SetupForm {
    fn new(form: WizardState<SetupDraft>, customer: Memo<Option<Customer>>) -> Self {
        let i18n = use_i18n();
        let locations = Memo::new(move |_| {
            let mut list: Vec<Choice> = customer
                .with(|c| c.as_ref().map(saved_location_choices))
                .unwrap_or_default();
            form.wizard.with(|w| {
                list.extend(w.draft.locations.iter().enumerate().map(|(i, l)| {
                    let name = l.draft.name.trim();
                    let shown = if name.is_empty() {
                        (i18n.t().setup().new_location_n)(i + 1)
                    } else {
                        name.to_string()
                    };
                    (l.id.to_string(), shown)
                }))
            });
            list
        });
        Self {
            form,
            customer,
            locations,
        }
    }

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
    let param = route_id(CustomerId::parse);
    // Only whether the customer exists: the wizard must not restart on every change.
    let id = Memo::new(move |_| {
        param
            .get()
            .filter(|id| state.doc.with(|d| d.customer(*id).is_some()))
    });
    move || match id.get() {
        Some(id) => view! { <SetupWizardPage id /> }.into_any(),
        None => view! {
            <NotFoundView
                body=|t| t.customers.customer_not_found
                back_to="/customers"
                back_label=|t| t.customers.all_customers
            />
        }
        .into_any(),
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
    let (stored, resume) =
        restore::<SetupWizard>(&key, |w| w.draft.customer == id, |w| *w != fresh);
    let stored = stored.map(|mut w| {
        customer.with_untracked(|c| c.as_ref().map(|c| w.draft.catch_up(c)));
        w
    });
    let form = use_wizard(key, stored.unwrap_or_else(|| fresh.clone()));
    let setup = SetupForm::new(form, customer);
    provide_context(RowNames(Callback::new(move |(field, key)| {
        (SetupStep::of_field(field) != Some(SetupStep::Locations))
            .then(|| form.wizard.with_untracked(|w| w.draft.user_label(key)))
            .flatten()
    })));
    let step = form.step;
    let detail = format!("/customers/{id}");

    let forward = {
        let navigate = navigate.clone();
        let detail = detail.clone();
        let company = company.clone();
        Callback::new(move |_| {
            let (navigate, detail, company) = (navigate.clone(), detail.clone(), company.clone());
            form.forward(
                |setup: Setup| {
                    let mut rng = random_bytes;
                    match state.try_commit(|d| d.apply_setup(setup, &mut rng, now())) {
                        Ok(count) => Some(count),
                        Err(Refusal::Rule(refused)) => {
                            toasts.push(i18n.t().refused(refused));
                            None
                        }
                        // The storage alert says why and what to do.
                        Err(Refusal::NotSaved(_)) => None,
                    }
                },
                move |count| {
                    let t = i18n.t();
                    // Nothing reached Webex yet: said so where Webex has the customer.
                    let pending = state.doc.with_untracked(|d| {
                        d.customer(id)
                            .is_some_and(|c| changes::in_webex(&c.provisioning))
                    });
                    let said = if pending {
                        t.setup().users_added_pending
                    } else {
                        t.setup().users_created
                    };
                    toasts.push(said(count, &company));
                    focus_heading_next();
                    navigate(&detail, Default::default());
                },
            )
        })
    };
    let cancel = Callback::new(move |_| {
        let navigate = navigate.clone();
        let detail = detail.clone();
        let pristine = form.wizard.with_untracked(|w| w.draft == fresh.draft);
        confirm_discard(
            |t| t.setup().discard_setup_title,
            pristine,
            move || {
                form.discard();
                navigate(&detail, Default::default());
            },
        );
    });

    let breadcrumb = company.clone();
    view! {
        <PageTitle text=tr(|t| t.customers.set_up_customer) />
        <nav class="breadcrumb">
            <A href=href(&format!("/customers/{id}"))>{breadcrumb}</A>
        </nav>
        <div class="page-header">
            <h1>{tr(|t| t.customers.set_up_customer)}</h1>
            <p class="subtitle">{company}</p>
        </div>
        <WizardFrame
            form
            title=step_title
            resume
            final_label=|t| t.setup().create_users
            on_forward=forward
            on_cancel=cancel
            wide=true
        >
            {move || match step.get() {
                SetupStep::Locations => view! { <locations::LocationsStep setup /> }.into_any(),
                SetupStep::Users => view! { <users::UsersStep setup /> }.into_any(),
                SetupStep::PhoneNumbers => view! { <numbers::NumbersStep setup /> }.into_any(),
                SetupStep::Review => view! { <review::ReviewStep setup /> }.into_any(),
            }}
        </WizardFrame>
    }
}

/// Where Enter in a grid's cell goes: down its column, to the next user whose row
/// has that cell (`has_cells`), on the next page if need be; past the last row,
/// `past_last` (the users grid adds a row), or without it the form's own Enter (Next).
#[derive(Clone, Copy)]
struct GridEnter {
    has_cells: fn(&UserDraft) -> bool,
    past_last: Option<Callback<()>>,
}

/// Rows a table shows when "Show only rows with problems" is on: those that had one
/// when it was chosen. A row fixed meanwhile stays until it is turned off, so that it
/// does not vanish under the cursor.
type OnlyRows = RwSignal<Option<HashSet<u32>>>;

/// The users of the current page as an editable table (each row drawn by `row`, the
/// column headers by `head`), "Show only rows with problems", and a pager when there
/// are more than fit on one. After "Next" with problems, it shows the page of the
/// first one (so that it can be focused), unless the page on screen has some; an
/// error summary's link shows its row's page.
#[component]
fn UserGrid(
    setup: SetupForm,
    page: RwSignal<usize>,
    head: fn() -> AnyView,
    row: fn(SetupForm, u32) -> AnyView,
    enter: GridEnter,
    only: OnlyRows,
) -> impl IntoView {
    let wizard = setup.wizard();
    // The rows shown, in order: every user, or those with problems.
    let shown = Memo::new(move |_| {
        only.with(|only| {
            wizard.with(|w| {
                w.draft
                    .users
                    .iter()
                    .map(|u| u.key)
                    .filter(|k| only.as_ref().is_none_or(|o| o.contains(k)))
                    .collect::<Vec<_>>()
            })
        })
    });
    let total = Signal::derive(move || shown.with(Vec::len));
    let keys = Memo::new(move |_| {
        shown.with(|shown| shown[page_range(page.get(), ROWS_PER_PAGE, shown.len())].to_vec())
    });
    let show_row = move |key: u32| {
        if !shown.with_untracked(|s| s.contains(&key)) {
            only.set(None);
        }
        if let Some(position) = shown.with_untracked(|s| s.iter().position(|k| *k == key)) {
            page.set(position / ROWS_PER_PAGE);
        }
    };
    // While the page on screen has problems of its own, it stays.
    let errors = expect_context::<FormErrors>();
    Effect::new(move |_| {
        let rows: Vec<u32> = errors
            .0
            .with(|list| list.iter().filter_map(|e| e.row).map(|r| r.key).collect());
        let here = keys.with_untracked(|on_page| rows.iter().any(|k| on_page.contains(k)));
        if let Some(first) = rows.first().filter(|_| !here) {
            show_row(*first);
        }
    });
    let wanted = expect_context::<WantedRow>();
    Effect::new(move |_| {
        if let Some(key) = wanted.0.get() {
            show_row(key);
        }
    });
    let rows_wanted = expect_context::<RowsWanted>();
    Effect::new(move |_| {
        if let Some(rows) = rows_wanted.0.get() {
            only.set(Some(rows.into_iter().collect()));
            page.set(0);
        }
    });
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        let Some((column, key)) = grid_cell(&ev) else {
            return;
        };
        let next = shown.with_untracked(|shown| {
            wizard.with_untracked(|w| {
                let at = shown.iter().position(|k| *k == key)? + 1;
                shown[at..].iter().enumerate().find_map(|(offset, k)| {
                    let user = w.draft.users.iter().find(|u| u.key == *k)?;
                    (enter.has_cells)(user).then_some((at + offset, *k))
                })
            })
        });
        match (next, enter.past_last) {
            (Some((position, next)), _) => {
                ev.prevent_default();
                page.set(position / ROWS_PER_PAGE);
                focus_id(format!("{column}-{next}"));
            }
            (None, Some(past_last)) => {
                ev.prevent_default();
                past_last.run(());
            }
            (None, None) => {}
        }
    };
    view! {
        <ProblemRowsToggle setup only page />
        <ScrollTable label=|t| t.customers.users_title>
            <table class="grid" on:keydown=on_keydown>
                <thead>{head()}</thead>
                <tbody>
                    <For each=move || keys.get() key=|k| *k let:key>
                        {row(setup, key)}
                    </For>
                </tbody>
            </table>
        </ScrollTable>
        <Show when=move || { total.get() > ROWS_PER_PAGE }>
            <Pager
                page
                total
                page_size=ROWS_PER_PAGE
                label=|t| t.customers.users_title
                counted=Counted::People
            />
        </Show>
    }
}

/// The rows of the step on screen that have a problem now.
fn rows_with_problems(setup: SetupForm) -> HashSet<u32> {
    use_app().doc.with_untracked(|d| {
        setup
            .wizard()
            .with_untracked(|w| w.draft.rows_with_problems(w.step, d))
    })
}

/// Shows only the rows with problems (and each one's problems), or every row again.
fn show_only_problems(setup: SetupForm, only: OnlyRows, page: RwSignal<usize>, on: bool) {
    only.set(on.then(|| rows_with_problems(setup)));
    page.set(0);
    if on {
        setup.form.show_errors();
    }
}

/// "Show only rows with problems (6)", above a users table.
#[component]
fn ProblemRowsToggle(setup: SetupForm, only: OnlyRows, page: RwSignal<usize>) -> impl IntoView {
    let i18n = use_i18n();
    let count = move || only.with(|o| o.as_ref().map(HashSet::len));
    view! {
        <div class="field checkbox grid-filter">
            <input
                type="checkbox"
                id="only-problem-rows"
                prop:checked=move || only.with(Option::is_some)
                on:change=move |ev| show_only_problems(setup, only, page, event_target_checked(&ev))
            />
            <label for="only-problem-rows">{tr(|t| t.setup().only_problem_rows)}</label>
            <span class="hint" role="status">
                {move || count().map(|n| (i18n.t().setup().problem_rows_shown)(n))}
            </span>
        </div>
    }
}

/// A plain Enter (not one that ends an IME composition, as Korean typing does) in a
/// grid cell's input or select: the cell's column (its id without the row) and row.
fn grid_cell(ev: &leptos::ev::KeyboardEvent) -> Option<(String, u32)> {
    use wasm_bindgen::JsCast;
    let plain = !(ev.shift_key() || ev.ctrl_key() || ev.alt_key() || ev.meta_key());
    if ev.key() != "Enter" || !plain || ev.is_composing() {
        return None;
    }
    let target = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
    if !matches!(target.tag_name().as_str(), "INPUT" | "SELECT") {
        return None;
    }
    let key: u32 = target
        .closest("tr[data-key]")
        .ok()??
        .get_attribute("data-key")?
        .parse()
        .ok()?;
    let column = target.id().strip_suffix(&format!("-{key}"))?.to_string();
    Some((column, key))
}

/// A grid row's header: "User 3" for assistive technology (it names the row), the
/// number on screen.
#[component]
fn RowHeader(
    key: u32,
    position: Memo<usize>,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <th scope="row" id=row_header_id(key)>
            <span class="visually-hidden">
                {move || (i18n.t().setup().user_n)(position.get() + 1)}
            </span>
            <span aria-hidden="true">{move || position.get() + 1}</span>
            {children.map(|c| c())}
        </th>
    }
}

fn row_header_id(key: u32) -> String {
    format!("user-{key}")
}

/// "Remove" on a row the setup adds (a user, a new location), named for its row
/// ("Remove user 3"); as the row goes, focus goes to `then_focus` (its "Add" button).
#[component]
fn RemoveRow(
    label: fn(&'static Messages) -> fn(usize) -> String,
    position: Memo<usize>,
    on_remove: Callback<()>,
    then_focus: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <button
            type="button"
            class="link-button danger"
            aria-label=move || label(i18n.t())(position.get() + 1)
            on:click=move |_| {
                on_remove.run(());
                focus_id(then_focus.into());
            }
        >
            {tr(|t| t.common.remove)}
        </button>
    }
}

/// What `get` reads from a user row (the default once the row is gone), as a memo: a
/// keystroke in one cell changes the draft, and only what depends on a value that
/// changed redraws.
fn user_value<T>(
    setup: SetupForm,
    key: u32,
    get: impl Fn(&UserDraft) -> T + Send + Sync + 'static,
) -> Memo<T>
where
    T: Default + PartialEq + Send + Sync + 'static,
{
    let wizard = setup.wizard();
    Memo::new(move |_| {
        wizard.with(|w| {
            w.draft
                .users
                .iter()
                .find(|u| u.key == key)
                .map(&get)
                .unwrap_or_default()
        })
    })
}

/// A user row's text value, and a way to change it.
fn user_binding(
    setup: SetupForm,
    key: u32,
    get: fn(&UserDraft) -> &String,
    put: fn(&mut UserDraft) -> &mut String,
) -> (Signal<String>, Callback<String>) {
    let wizard = setup.wizard();
    (
        user_value(setup, key, move |u| get(u).clone()).into(),
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

/// The country of a location of the setup's customer, saved or added here, by its id.
fn location_country(setup: SetupForm, id: &str) -> Option<&'static Country> {
    let saved = setup.with_customer(|c| {
        c.all_locations()
            .find(|l| l.id.to_string() == id)
            .map(|l| l.details.address.country.country())
    });
    saved.or_else(|| {
        setup.wizard().with(|w| {
            w.draft
                .locations
                .iter()
                .find(|l| l.id.to_string() == id)
                .and_then(|l| country::find(&l.draft.country))
        })
    })
}
