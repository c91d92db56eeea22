//! The demo book: the demo partner's customers provisioned by the runner itself against
//! the simulated Webex, so that what the records say is in Webex is what the simulator
//! holds. Every demo customer then takes day-two changes, a refresh and a removal
//! exactly as one provisioned during the demo does.

use super::run;
use super::runner::{self, Ended};
use super::simulator::{Failure, SimulatedConnection, Simulator};
use crate::domain::demo::{demo_document, demo_outcomes, Outcome};
use crate::domain::provisioning::Provisioning;
use crate::domain::time::Timestamp;
use crate::domain::Document;
use futures::FutureExt;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// How long after its creation a demo customer was provisioned.
const PROVISIONED_AFTER_MS: i64 = 60 * 60 * 1000;

/// The demo partner's book (see [`demo_document`]) with the customers of
/// [`demo_outcomes`] provisioned, and the simulated Webex that holds them.
pub fn demo_book(now: Timestamp) -> (Document, Simulator) {
    let mut doc = demo_document(now);
    let mut webex = Simulator::default();
    for (id, outcome) in demo_outcomes(&doc) {
        let Some(customer) = doc.customer(id).cloned() else {
            continue;
        };
        let email_of = |user| {
            customer
                .users
                .iter()
                .find(|u| u.id == user)
                .map(|u| u.details.email.as_ref().to_string())
        };
        match outcome {
            Outcome::UserRefused(user) => {
                if let Some(email) = email_of(user) {
                    webex.hold_elsewhere(&email);
                }
            }
            Outcome::AwaitingConsent(user) => {
                if let Some(email) = email_of(user) {
                    webex.hold_own_account(&email);
                }
            }
            Outcome::Provisioned | Outcome::CustomerError => {}
        }
        webex.set_failure(match outcome {
            Outcome::CustomerError => Failure::CustomerError,
            _ => Failure::None,
        });
        // A virtual clock, which the run's waits move on.
        let clock = Rc::new(Cell::new(customer.created_at.0 + PROVISIONED_AFTER_MS));
        let time = Rc::clone(&clock);
        let connection = SimulatedConnection {
            simulator: RefCell::new(webex),
            now: move || Timestamp(time.get()),
        };
        let mut progress = Provisioning::default();
        run::start(&mut progress);
        let saved = RefCell::new(None);
        // Every answer is ready at once: the run ends without ever waiting.
        let ended = runner::run(
            &connection,
            &doc,
            &customer,
            &mut progress,
            |ms| {
                clock.set(clock.get() + i64::from(ms));
                std::future::ready(())
            },
            || Timestamp(clock.get()),
            |p, w| {
                *saved.borrow_mut() = Some((p.clone(), w.clone()));
                true
            },
        )
        .now_or_never();
        debug_assert!(
            matches!(ended, Some(Ended::Finished | Ended::Stopped)),
            "{ended:?}"
        );
        webex = connection.simulator.into_inner();
        if let Some((p, w)) = saved.into_inner() {
            let _ = doc.save_run(id, p, &w);
        }
    }
    webex.set_failure(Failure::None);
    (doc, webex)
}
