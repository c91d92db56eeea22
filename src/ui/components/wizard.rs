//! The frame every wizard shares: step list, error summary, Back/Next buttons.

use super::confirm::{use_confirm, ConfirmRequest};
use super::field::{error_control_id, provide_form_errors, FormErrors};
use super::Text;
use crate::domain::wizard::{Form, Wizard, WizardStep};
use crate::domain::FieldError;
use crate::store::SideRecord;
use crate::ui::browser::focus_id;
use crate::ui::components::tr;
use crate::ui::i18n::use_i18n;
use crate::ui::state::use_app;
use crate::ui::state::AppState;
use leptos::prelude::*;
use serde::de::DeserializeOwned;
use std::time::Duration;

/// The list of steps with the current one marked; a finished step is a link back to it.
#[component]
fn Stepper(steps: Vec<Text>, current: Signal<usize>, go_to: Callback<usize>) -> impl IntoView {
    let i18n = use_i18n();
    let total = steps.len();
    view! {
        <ol class="stepper" aria-label=tr(|t| t.common.progress)>
            {steps
                .into_iter()
                .enumerate()
                .map(|(i, label)| {
                    let done = move || i < current.get();
                    let inner = move || {
                        // A finished step shows a check mark, and says "done" to screen readers.
                        view! {
                            <span class="step-number" aria-hidden="true">
                                {move || {
                                    if done() { "✓".to_string() } else { (i + 1).to_string() }
                                }}
                            </span>
                            <span class="step-label">{move || label(i18n.t())}</span>
                            {move || {
                                done()
                                    .then(|| {
                                        view! {
                                            <span class="visually-hidden">
                                                {tr(|t| t.common.step_done)}
                                            </span>
                                        }
                                    })
                            }}
                        }
                    };
                    view! {
                        <li
                            class:done=done
                            class:current=move || i == current.get()
                            aria-current=move || (i == current.get()).then_some("step")
                        >
                            {move || {
                                if done() {
                                    view! {
                                        <a
                                            href=format!("?step={}", i + 1)
                                            on:click=move |ev| {
                                                ev.prevent_default();
                                                go_to.run(i);
                                            }
                                        >
                                            {inner()}
                                        </a>
                                    }
                                        .into_any()
                                } else {
                                    inner().into_any()
                                }
                            }}
                        </li>
                    }
                })
                .collect_view()}
        </ol>
        <p class="step-count">{move || (i18n.t().common.step_of)(current.get() + 1, total)}</p>
    }
}

/// Each step is a browser history entry (`?step=2`): the browser's Back goes to the
/// previous step, as on any other site. "Next" adds an entry; going back in the page
/// ("Back", a finished step's link) goes back through those entries, so that the
/// history stays the wizard's path. The router is not told: the page stays as it is,
/// and a wizard opened at a later step's address starts where its draft is. Forward to
/// a step ahead goes back at once (that is "Next", with its checks).
fn step_history(current: Signal<usize>, go_to: Callback<usize>) {
    // The step of each entry this page added, by its index (kept in the entry's state).
    let entries = StoredValue::new(Vec::<usize>::new());
    let at = StoredValue::new(0usize);
    let write = move |step: usize, index: usize, add: bool| {
        let path = window().location().pathname().unwrap_or_default();
        let to = if step == 0 {
            path
        } else {
            format!("{path}?step={}", step + 1)
        };
        if let Ok(history) = window().history() {
            let state = wasm_bindgen::JsValue::from(index as u32);
            let _ = if add {
                history.push_state_with_url(&state, "", Some(&to))
            } else {
                history.replace_state_with_url(&state, "", Some(&to))
            };
        }
    };
    Effect::new(move |first: Option<()>| {
        let step = current.get();
        if first.is_none() {
            // The entry is marked at the first step forward: by then the router has
            // finished adding it (it does so after the page is drawn).
            entries.set_value(vec![step]);
            at.set_value(0);
            return;
        }
        let here = at.get_value();
        let shown = entries.with_value(|e| e[here]);
        if step > shown {
            entries.update_value(|e| {
                e.truncate(here + 1);
                e.push(step);
            });
            at.set_value(here + 1);
            if here == 0 {
                write(shown, 0, false);
            }
            write(step, here + 1, true);
        } else if step < shown {
            match entries.with_value(|e| e[..here].iter().rposition(|s| *s == step)) {
                // Back through the entries; the browser's answer finds the step shown.
                Some(earlier) => {
                    at.set_value(earlier);
                    if let Ok(history) = window().history() {
                        let _ = history.go_with_delta(earlier as i32 - here as i32);
                    }
                }
                None => {
                    entries.update_value(|e| e[here] = step);
                    write(step, here, false);
                }
            }
        }
    });
    let on_pop = window_event_listener(leptos::ev::popstate, move |_| {
        let index = window()
            .history()
            .ok()
            .and_then(|h| h.state().ok())
            .and_then(|s| s.as_f64())
            .map(|i| i as usize);
        let Some(index) = index.filter(|i| entries.with_value(|e| *i < e.len())) else {
            return;
        };
        let wanted = entries.with_value(|e| e[index]);
        let step = current.get_untracked();
        if wanted > step {
            // Forward past the step shown: back to its entry.
            if let Ok(history) = window().history() {
                let _ = history.go_with_delta(at.get_value() as i32 - index as i32);
            }
            return;
        }
        at.set_value(index);
        if wanted < step {
            go_to.run(wanted);
        }
    });
    on_cleanup(move || on_pop.remove());
}

/// The row an error summary's link asks for: the table that shows it turns to its page
/// (and shows it) before its field takes focus.
#[derive(Clone, Copy)]
pub struct WantedRow(pub RwSignal<Option<u32>>);

/// Names a row of the form by what it holds ("Jane Doe"), so that the error summary
/// points to a row a person can find in their spreadsheet, not only to its number.
#[derive(Clone, Copy)]
pub struct RowNames(pub Callback<(crate::domain::Field, u32), Option<String>>);

/// Rows a table is asked to show alone (the summary's "Show them" for a problem many
/// rows share).
#[derive(Clone, Copy)]
pub struct RowsWanted(pub RwSignal<Option<Vec<u32>>>);

/// From this many rows with the same problem, the summary lists them as one item.
const GROUP_FROM: usize = 3;

/// Everything wrong on this step, in one alert; each item moves focus to its field, on
/// whichever page of a table its row is. A problem many rows share is one item ("134
/// users · Phone number: …") with "Show them".
#[component]
fn ErrorSummary() -> impl IntoView {
    let errors = expect_context::<FormErrors>();
    let wanted = use_context::<WantedRow>();
    let rows_wanted = use_context::<RowsWanted>();
    let names = use_context::<RowNames>();
    move || {
        let list = errors.0.get();
        (!list.is_empty()).then(|| {
            let mut groups: Vec<Vec<FieldError>> = Vec::new();
            for e in list {
                let same = groups.iter_mut().find(|g| {
                    e.row.is_some()
                        && g[0].row.is_some()
                        && g[0].field == e.field
                        && g[0].problem == e.problem
                });
                match same {
                    Some(group) => group.push(e),
                    None => groups.push(vec![e]),
                }
            }
            let items = groups.into_iter().flat_map(|group| {
                if group.len() >= GROUP_FROM {
                    vec![group_item(group, wanted, rows_wanted)]
                } else {
                    group
                        .into_iter()
                        .map(|e| error_item(e, wanted, names))
                        .collect()
                }
            });
            view! {
                <div class="error-summary" role="alert">
                    <h3>{tr(|t| t.common.error_summary_title)}</h3>
                    <ul>{items.collect_view()}</ul>
                </div>
            }
        })
    }
}

/// One problem of the summary: a link to its field.
fn error_item(e: FieldError, wanted: Option<WantedRow>, names: Option<RowNames>) -> AnyView {
    let t = use_i18n().t();
    let field = match e.row {
        Some(row) => {
            let mut label = t.row_label(e.field, row.position);
            if let Some(name) = names.and_then(|n| n.0.run((e.field, row.key))) {
                label = format!("{label} ({name})");
            }
            format!("{label} · {}", t.field_label(e.field))
        }
        None => t.field_label(e.field).to_string(),
    };
    let text = format!("{field}: {}", t.problem(e.field, &e.problem));
    view! { <li>{error_link(&e, wanted, text)}</li> }.into_any()
}

/// A summary's link to a problem's field: the table showing its row turns to that row's
/// page first (`WantedRow`), then the field takes focus.
fn error_link(e: &FieldError, wanted: Option<WantedRow>, text: String) -> impl IntoView {
    let id = error_control_id(e);
    let row = e.row.map(|r| r.key);
    view! {
        <a
            href=format!("#{id}")
            on:click=move |ev| {
                ev.prevent_default();
                if let (Some(wanted), Some(row)) = (wanted, row) {
                    wanted.0.set(Some(row));
                }
                crate::ui::browser::focus_id(id.clone());
            }
        >
            {text}
        </a>
    }
}

/// A problem many rows share: a link to the first, and "Show them" (only those rows).
fn group_item(
    group: Vec<FieldError>,
    wanted: Option<WantedRow>,
    rows: Option<RowsWanted>,
) -> AnyView {
    let t = use_i18n().t();
    let first = &group[0];
    let keys: Vec<u32> = group.iter().filter_map(|e| e.row.map(|r| r.key)).collect();
    let text = format!(
        "{} · {}: {}",
        t.rows_count(first.field, group.len()),
        t.field_label(first.field),
        t.problem(first.field, &first.problem)
    );
    let focus = error_control_id(first);
    view! {
        <li>
            {error_link(first, wanted, text)}
            {rows
                .map(|rows| {
                    view! {
                        " "
                        <button
                            type="button"
                            class="link-button"
                            on:click=move |_| {
                                rows.0.set(Some(keys.clone()));
                                crate::ui::browser::focus_id(focus.clone());
                            }
                        >
                            {tr(|t| t.setup().show_them)}
                        </button>
                    }
                })}
        </li>
    }
    .into_any()
}

/// How a wizard page began: afresh, from its saved draft, or afresh because the
/// saved draft could not be read (the user is told).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Resume {
    Fresh,
    Resumed,
    Lost,
}

/// Reads a wizard's draft from `key`: the stored one when `keep` accepts it, and how
/// the page begins (`differs` tells a real draft from an untouched one).
pub fn restore<W: DeserializeOwned>(
    key: &str,
    keep: impl Fn(&W) -> bool,
    differs: impl Fn(&W) -> bool,
) -> (Option<W>, Resume) {
    match use_app().load::<W>(key) {
        SideRecord::Restored(w) if keep(&w) => {
            let resume = if differs(&w) {
                Resume::Resumed
            } else {
                Resume::Fresh
            };
            (Some(w), resume)
        }
        SideRecord::Unreadable => (None, Resume::Lost),
        _ => (None, Resume::Fresh),
    }
}

/// A wizard page's state and actions, for any [`Form`].
pub struct WizardState<F: Form> {
    pub wizard: RwSignal<Wizard<F>>,
    pub step: Memo<F::Step>,
    attempted: RwSignal<bool>,
    storage_key: StoredValue<String>,
    /// The final action was saved, or the draft discarded: the draft is gone and stays
    /// gone (a second click of the final button in the same moment does nothing).
    finished: StoredValue<bool>,
    app: AppState,
}

impl<F: Form> Clone for WizardState<F> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<F: Form> Copy for WizardState<F> {}

/// A pause in typing after which the draft is saved.
const DRAFT_PAUSE: Duration = Duration::from_millis(400);

/// Sets a wizard page up: the draft is saved under `key` (so that a reload or a closed
/// tab resumes it) at once when the step changes, otherwise after a pause in typing,
/// and always before the page goes away or the wizard is left: a keystroke in a draft
/// of 1,000 users does not encode and write all of it. Each field's errors show once
/// the user has tried to move on (then follow every keystroke).
pub fn use_wizard<F: Form>(key: String, initial: Wizard<F>) -> WizardState<F> {
    let app = use_app();
    let wizard = RwSignal::new(initial);
    let storage_key = StoredValue::new(key);
    let finished = StoredValue::new(false);
    let pending = StoredValue::new_local(None::<TimeoutHandle>);
    // Also from cleanup, when the page's values may be going: every read is a `try_`.
    let cancel_waiting = move || {
        if let Some(Some(waiting)) = pending.try_update_value(Option::take) {
            waiting.clear();
        }
    };
    let save_now = move || {
        cancel_waiting();
        if finished.try_get_value() == Some(false) {
            let _ =
                wizard.try_with_untracked(|w| storage_key.try_with_value(|key| app.store(key, w)));
        }
    };
    Effect::new(move |last: Option<F::Step>| {
        let step = wizard.with(|w| w.step);
        if last != Some(step) {
            save_now();
        } else {
            cancel_waiting();
            pending.set_value(set_timeout_with_handle(save_now, DRAFT_PAUSE).ok());
        }
        step
    });
    let save_waiting = move || {
        if pending.try_with_value(Option::is_some) == Some(true) {
            save_now();
        }
    };
    let on_hide = window_event_listener_untyped("pagehide", move |_| save_waiting());
    on_cleanup(move || {
        on_hide.remove();
        save_waiting();
    });
    let attempted = RwSignal::new(false);
    let errors = Memo::new(move |_| {
        if !attempted.get() {
            return Vec::new();
        }
        app.doc
            .with(|d| wizard.with(|w| w.draft.step_errors(w.step, F::context(d))))
    });
    provide_form_errors(errors.into());
    provide_context(WantedRow(RwSignal::new(None)));
    provide_context(RowsWanted(RwSignal::new(None)));
    let step = Memo::new(move |_| wizard.with(|w| w.step));
    WizardState {
        wizard,
        step,
        attempted,
        storage_key,
        finished,
        app,
    }
}

impl<F: Form> WizardState<F> {
    /// "Next"; on the last step the final action: `save` gets the parsed form and
    /// answers what it saved, or `None` when saving failed (the wizard then stays as
    /// it is, everything entered, and the storage alert says why). Only once saved is
    /// the draft dropped and `then` run (the success message, leaving the wizard).
    /// When something no longer holds (another tab changed the data), it goes back to
    /// the first step with a problem and shows it.
    pub fn forward<T>(self, save: impl FnOnce(F::Parsed) -> Option<T>, then: impl FnOnce(T)) {
        let app = self.app;
        if self.finished.get_value() {
            return;
        }
        if self.step.get_untracked().is_last() {
            // Benchmarks measure from here to the saved change ("document-saved").
            crate::ui::browser::mark("wizard-finish");
            let parsed = app
                .doc
                .with_untracked(|d| self.wizard.with_untracked(|w| w.draft.parse(F::context(d))));
            match parsed {
                Ok(parsed) => {
                    // Every rule has passed: from here on it is the save.
                    crate::ui::browser::mark("wizard-checked");
                    if let Some(saved) = save(parsed) {
                        self.discard();
                        then(saved);
                    }
                }
                Err(errors) => {
                    if let Some(step) = F::Step::of_field(errors[0].field) {
                        self.wizard.update(|w| w.step = step);
                    }
                    self.show_errors_from(&errors[0]);
                }
            }
            return;
        }
        let mut next = self.wizard.get_untracked();
        match app.doc.with_untracked(|d| next.next(F::context(d))) {
            Ok(()) => {
                self.attempted.set(false);
                self.wizard.set(next);
            }
            Err(errors) => self.show_errors_from(&errors[0]),
        }
    }

    /// Shows each field's problems now, as "Next" would, without moving on.
    pub fn show_errors(self) {
        self.attempted.set(true);
    }

    fn show_errors_from(self, first: &FieldError) {
        self.attempted.set(true);
        focus_id(error_control_id(first));
    }

    pub fn back(self) {
        self.attempted.set(false);
        self.wizard.update(Wizard::back);
    }

    /// "Edit" on the summary.
    pub fn go_to(self, step: F::Step) {
        self.attempted.set(false);
        self.wizard.update(|w| w.step = step);
    }

    /// Forgets the saved draft (after finishing, or when the user discards it); nothing
    /// saves it again.
    pub fn discard(self) {
        self.finished.set_value(true);
        self.storage_key.with_value(|key| self.app.remove(key));
    }

    pub fn index(self) -> Signal<usize> {
        Signal::derive(move || self.step.get().index())
    }
}

/// Asks before throwing away what the user typed (unless nothing was typed).
pub fn confirm_discard(title: Text, pristine: bool, leave: impl Fn() + Send + Sync + 'static) {
    if pristine {
        leave();
        return;
    }
    let t = use_i18n().t();
    use_confirm().ask(ConfirmRequest {
        title: title(t).into(),
        body: t.templates.discard_draft_body.into(),
        confirm_label: t.templates.discard.into(),
        cancel_label: Some(t.templates.keep_editing.into()),
        on_confirm: Callback::new(move |_| leave()),
        choice: None,
    });
}

/// The frame of every wizard: the step list, the step's heading (focused when the
/// step changes), the error summary, the step's fields, and the navigation buttons
/// ("Back", "Next", and `final_label` on the last step). The form submits on Enter,
/// which moves forward like the forward button.
#[component]
pub fn WizardFrame<F: Form>(
    form: WizardState<F>,
    /// Each step's title (an exhaustive `match`: a new step cannot miss its title).
    title: fn(F::Step) -> Text,
    /// How the page began: a resumed or lost draft is said so.
    resume: Resume,
    final_label: Text,
    on_forward: Callback<()>,
    on_cancel: Callback<()>,
    /// Steps with wide tables: the step list goes above them, not beside.
    #[prop(optional)]
    wide: bool,
    children: Children,
) -> impl IntoView {
    let i18n = use_i18n();
    let current = form.index();
    let forward_label = Signal::derive(move || {
        let t = i18n.t();
        if form.step.get().is_last() {
            final_label(t)
        } else {
            t.common.next
        }
    });
    let on_back = Callback::new(move |_| form.back());
    let go_to = Callback::new(move |i: usize| {
        if let Some(step) = F::Step::ALL.get(i) {
            form.go_to(*step);
        }
    });
    step_history(current, go_to);
    let heading = NodeRef::<leptos::html::H2>::new();
    // Said on the step the page began at, not on the steps the partner goes to next.
    let began = RwSignal::new(resume);
    // Keyboard and screen-reader users start each new step at its heading.
    Effect::new(move |previous: Option<usize>| {
        let step = current.get();
        if previous.is_some_and(|p| p != step) {
            began.set(Resume::Fresh);
            if let Some(h) = heading.get() {
                let _ = h.focus();
            }
        }
        step
    });
    view! {
        <div class="wizard" class:wide=wide>
            <Stepper steps=F::Step::ALL.iter().map(|s| title(*s)).collect() current go_to />
            <form
                class="wizard-body"
                novalidate
                on:submit=move |ev| {
                    ev.prevent_default();
                    on_forward.run(());
                }
            >
                {move || match began.get() {
                    Resume::Fresh => None,
                    Resume::Resumed => {
                        Some(
                            view! {
                                <p class="notice" role="status">
                                    {tr(|t| t.templates.draft_resumed)}
                                </p>
                            },
                        )
                    }
                    Resume::Lost => {
                        Some(
                            view! {
                                <p class="notice warning" role="status">
                                    {tr(|t| t.storage.draft_lost)}
                                </p>
                            },
                        )
                    }
                }}
                <h2 class="step-title" tabindex="-1" node_ref=heading>
                    {move || title(form.step.get())(i18n.t())}
                </h2>
                <ErrorSummary />
                {children()}
                <WizardNav
                    show_back=Signal::derive(move || current.get() > 0)
                    on_back
                    on_cancel
                    forward_label
                />
            </form>
        </div>
    }
}

/// Back / Cancel / forward buttons. The forward button submits the step's form,
/// so Enter in a field moves on as well. It comes first in the keyboard's order (Tab
/// from the last field reaches it before "Back" and "Cancel"); on screen it is last.
#[component]
fn WizardNav(
    show_back: Signal<bool>,
    on_back: Callback<()>,
    on_cancel: Callback<()>,
    forward_label: Signal<&'static str>,
) -> impl IntoView {
    view! {
        <div class="wizard-nav">
            <button type="submit" class="primary">
                {move || forward_label.get()}
            </button>
            <Show when=move || show_back.get()>
                <button type="button" class="secondary back" on:click=move |_| on_back.run(())>
                    {tr(|t| t.common.back)}
                </button>
            </Show>
            <span class="spacer"></span>
            <button type="button" class="secondary cancel" on:click=move |_| on_cancel.run(())>
                {tr(|t| t.common.cancel)}
            </button>
        </div>
    }
}
