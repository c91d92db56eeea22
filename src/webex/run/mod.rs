//! Provisioning a customer, as a pure state machine over its saved [`Provisioning`]:
//! [`next_steps`] says what to ask Webex next, [`before_send`] records what is about to
//! be created (so a lost answer is looked up, not created again), [`classify`] decides
//! what an answer means for the transport (go on, wait and retry, look a create up,
//! ask for a new token, give up), and [`apply`] records what Webex answered.
//!
//! Everything a run knows is in the saved record, so a run resumes after a reload from
//! where it stopped ([`resume`]).
//!
//! Bounded whatever Webex answers: a create is sent again only after
//! [`LOOKUPS_TO_PROVE_ABSENT`](crate::domain::provisioning::LOOKUPS_TO_PROVE_ABSENT)
//! lookups, spread over about 20 s, found nothing, and at most
//! [`MAX_CREATES`](crate::domain::provisioning::MAX_CREATES) times a run; an answer in a
//! shape the spec does not describe stops the run; retries and waits are counted and
//! capped.
//!
//! By job: the request vocabulary (`step`), planning (`plan`), what an answer means
//! before it is read (`classify`), and recording it (`apply`, one file a resource).

mod apply;
mod classify;
mod plan;
mod step;

pub use apply::apply;
pub use classify::{
    backoff_ms, classify, next_page, retry_after_seconds, Answer, NextPage, RequestKind, Verdict,
    MAX_RATE_LIMITED, MAX_RETRIES, MAX_WAIT_S,
};
pub use plan::{
    before_send, calling_branches, delay_before, lost, missing_numbers, needed_locations,
    next_batch, next_steps, numbered_locations, poll_delay_ms, review_delay_ms, to_validate,
    LOCATIONS_PER_PAGE, LOOKUP_DELAYS_MS, MAX_LOCATION_PAGES, MAX_NUMBER_PAGES, MAX_POLLS,
    NUMBERS_PER_PAGE, NUMBERS_PER_REQUEST,
};
pub use step::Step;

use crate::domain::changes;
use crate::domain::paging::Paging;
use crate::domain::provisioning::{Provisioning, RemoteStatus, Stop, UserState};

/// Starts a run (the partner pressed "Provision in Webex"): what was refused before is
/// tried again; what Webex has is kept.
pub fn start(p: &mut Provisioning) {
    p.running = true;
    p.stopped = None;
    // What Webex has changes from here: an earlier check no longer says how it stands.
    p.check.clear();
    if p.customer_id.is_none() {
        p.prechecked = false;
    }
    // Ended in error: once the partner mended it, Webex is asked to update it.
    if p.status == Some(RemoteStatus::Error) && p.customer_id.is_some() {
        p.update_asked = true;
    }
    p.users
        .retain(|_, u| !matches!(u, UserState::Refused { .. }));
    // Changes Webex refused are sent again, as they are now.
    let mut w = changes::InWebex::read(&p.changes);
    w.refused.clear();
    p.changes = w.write();
    // Asked again: a connection may have been set up, numbers may have come since.
    for numbers in p.numbers.values_mut() {
        numbers.unconnected = false;
    }
    // A new run counts its own creates; what may exist is looked up first. A person is
    // read afresh before it is sent back; a move job is asked about again.
    p.attempts.clear();
    p.people.clear();
    p.move_polls.clear();
    p.prefixes_read.clear();
    p.prefixes_to_set.clear();
    for user in p.users.values_mut() {
        if matches!(user, UserState::Unconfirmed) {
            *user = UserState::Sent;
        }
    }
    resume(p);
}

/// Continues a run after a reload or a new token: locations are listed again, since a
/// branch may have been created by a request whose answer was lost.
pub fn resume(p: &mut Provisioning) {
    p.load_people();
    if matches!(p.stopped, Some(Stop::TokenRefused)) {
        p.stopped = None;
    }
    plan::list_again(p, plan::Listing::Locations);
    plan::list_again(p, plan::Listing::Calling);
    for numbers in p.numbers.values_mut() {
        numbers.listed = false;
        numbers.page = Paging::default();
        numbers.refused.clear();
        numbers.validated.clear();
        numbers.added.clear();
        numbers.inactive.clear();
    }
    p.waiting_until = None;
}
