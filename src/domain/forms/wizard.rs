//! What every wizard shares: ordered steps, a form (draft) parsed against the saved
//! document, and "Next" that refuses while the current step has problems.

use crate::domain::{Document, Field, FieldError};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

/// A wizard's steps, in order; the last one is the summary.
pub trait WizardStep:
    Copy + Eq + Default + Send + Sync + Serialize + DeserializeOwned + 'static
{
    const ALL: &'static [Self];

    /// The step on which a field is entered; `None` for a field this wizard does not
    /// have. Implementations name every field (no wildcard arm), so a new field must be
    /// placed in each wizard before it compiles.
    fn of_field(field: Field) -> Option<Self>;

    fn index(self) -> usize {
        Self::ALL.iter().position(|s| *s == self).unwrap_or(0)
    }

    fn next(self) -> Self {
        *Self::ALL.get(self.index() + 1).unwrap_or(&self)
    }

    fn previous(self) -> Self {
        self.index()
            .checked_sub(1)
            .map(|i| Self::ALL[i])
            .unwrap_or(self)
    }

    fn is_last(self) -> bool {
        self.index() + 1 == Self::ALL.len()
    }
}

/// A wizard's form: plain values as entered, parsed into something valid or into
/// field-keyed errors.
pub trait Form: Clone + PartialEq + Send + Sync + Serialize + DeserializeOwned + 'static {
    type Step: WizardStep;
    /// What the form is checked against (uniqueness, references).
    type Context<'a>: Copy;
    type Parsed;

    fn context(doc: &Document) -> Self::Context<'_>;

    fn parse(&self, ctx: Self::Context<'_>) -> Result<Self::Parsed, Vec<FieldError>>;

    /// The problems a step's "Next" must refuse on.
    fn step_errors(&self, step: Self::Step, ctx: Self::Context<'_>) -> Vec<FieldError> {
        match self.parse(ctx) {
            Ok(_) => Vec::new(),
            Err(errors) => errors
                .into_iter()
                .filter(|e| Self::Step::of_field(e.field) == Some(step))
                .collect(),
        }
    }
}

/// A wizard in progress: where the user is and what they entered. Saved on every
/// change so a reload resumes it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(bound = "F: Form")]
pub struct Wizard<F: Form> {
    pub step: F::Step,
    pub draft: F,
}

impl<F: Form> Wizard<F> {
    pub fn new(draft: F) -> Self {
        Self {
            step: F::Step::default(),
            draft,
        }
    }

    pub fn at(step: F::Step, draft: F) -> Self {
        Self { step, draft }
    }

    /// Moves on if the current step is valid; otherwise returns its problems.
    pub fn next(&mut self, ctx: F::Context<'_>) -> Result<(), Vec<FieldError>> {
        let errors = self.draft.step_errors(self.step, ctx);
        if errors.is_empty() {
            self.step = self.step.next();
            Ok(())
        } else {
            Err(errors)
        }
    }

    pub fn back(&mut self) {
        self.step = self.step.previous();
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use std::fmt::Debug;

    /// Every field is placed: the wizard's `own` fields on a step before its summary, every
    /// other field on none; and each problem the form `reported` is one of its own fields.
    pub fn assert_fields_placed<S: WizardStep + Debug>(own: &[Field], reported: &[FieldError]) {
        let summary = *S::ALL.last().expect("a wizard has steps");
        for field in Field::all() {
            match S::of_field(field) {
                Some(step) => {
                    assert!(
                        own.contains(&field),
                        "{field:?} is placed on {step:?} but is not this wizard's"
                    );
                    assert_ne!(step, summary, "{field:?} is placed on the summary");
                }
                None => assert!(!own.contains(&field), "{field:?} has no step"),
            }
        }
        assert!(
            !reported.is_empty(),
            "the form reported no problem to check"
        );
        for error in reported {
            assert!(
                own.contains(&error.field),
                "the form reported {:?}, not one of its fields",
                error.field
            );
        }
    }
}
