//! Recording what Webex answered: [`apply`] hands each answer to the file of the
//! resource its step is about, which reads the body as the spec shapes it
//! (`webex::wire`) and records what it says in the run's [`Provisioning`].

mod calling;
mod customer;
mod locations;
mod numbers;
mod people;
mod removal;
mod users;

use super::{next_steps, Answer, NextPage, Step};
use crate::domain::changes::InWebex;
use crate::domain::customer::Customer;
use crate::domain::paging::Page;
use crate::domain::provisioning::{Answered, ApiProblem, Provisioning, Stop};
use crate::domain::timeline::Note;
use crate::webex::wire::{self, excerpt, problems_of};
use serde::de::DeserializeOwned;

/// Records Webex's answer to `step` (one [`classify`](super::classify) let through) in
/// the run's record `p` and its working copy `w` of what Webex has of the changes made
/// here. Returns what the timeline says of it.
pub fn apply(
    customer: &Customer,
    p: &mut Provisioning,
    w: &mut InWebex,
    step: Step,
    answer: &Answer,
) -> Note {
    let reply = Reply {
        customer,
        step,
        answer,
    };
    let note = match step {
        Step::PrecheckCustomer => customer::prechecked(&reply, p),
        Step::FindCustomer => customer::looked_up(&reply, p),
        Step::CreateCustomer => customer::created(&reply, p),
        Step::AwaitCustomer => customer::awaited(&reply, p),
        Step::UpdateCustomer => customer::updated(&reply, p, w),
        Step::UpdatePackages => customer::packages_updated(&reply, p, w),
        Step::FindLocations => locations::listed(&reply, p, w),
        Step::CreateLocation(id) => locations::created(&reply, p, id),
        Step::UpdateLocation(id) => locations::updated(&reply, w, id),
        Step::ReadRoutingPrefix(id) => locations::prefix_read(&reply, p, w, id),
        Step::SetRoutingPrefix(id) => locations::prefix_set(&reply, p, w, id),
        Step::FindCallingLocations => calling::listed(&reply, p, w),
        Step::AnnouncementLanguages => calling::languages(&reply, p),
        Step::EnableCalling(id) => calling::enabled(&reply, p, id),
        Step::ReadPstn(id) => numbers::connection(&reply, p, id),
        Step::PstnOptions(id) => numbers::options(&reply, p, id),
        Step::SetPstn(id) => numbers::connection_set(&reply, p, id),
        Step::ListNumbers(id) => numbers::listed(&reply, p, w, id),
        Step::ValidateNumbers(id) => numbers::validated(&reply, p, w, id),
        Step::AddNumbers(id) => numbers::added(&reply, p, w, id),
        Step::ActivateNumbers(id) => numbers::activated(&reply, p, w, id),
        Step::PrecheckUser(id) => users::prechecked(&reply, p, id),
        Step::ProvisionUser(id) => users::provisioned(&reply, p, id),
        Step::FindUser(id) => users::looked_up(&reply, p, id),
        Step::UpdateUser(id) => users::updated(&reply, p, w, id),
        Step::ReadSubscriber(id) => people::subscriber_read(&reply, p, w, id),
        Step::ReadPerson(id) => people::person_read(&reply, p, w, id),
        Step::UpdatePerson(id) => people::person_updated(&reply, p, w, id),
        Step::MoveUser(id) => people::move_started(&reply, p, w, id),
        Step::AwaitMove(id) => people::move_awaited(&reply, p, w, id),
        Step::MoveErrors(id) => people::move_errors(&reply, p, w, id),
        Step::RemoveUser(id) => users::removed(&reply, p, w, id),
        Step::RemoveCustomer => removal::accepted(&reply, p),
        Step::AwaitRemoval => removal::awaited(&reply, p),
    };
    finish(customer, p, w, note)
}

/// An answer, with the step it answers and the customer the run is for.
struct Reply<'a> {
    customer: &'a Customer,
    step: Step,
    answer: &'a Answer,
}

impl Reply<'_> {
    /// A 2xx: carried out, its body to be read.
    fn ok(&self) -> bool {
        (200..300).contains(&self.answer.http)
    }

    fn http(&self) -> u16 {
        self.answer.http
    }

    /// The body as the spec shapes it; `None` when it is not that shape.
    fn read<T: DeserializeOwned>(&self) -> Option<T> {
        wire::read(&self.answer.body)
    }

    /// `PUT /wholesale/customers/{id}` was accepted: `202` with the customer's URL in
    /// the body, or (as the spec has it) in `Location`, with no body at all.
    fn update_accepted(&self) -> bool {
        self.ok()
            && (self.answer.body.trim().is_empty() && self.http() == 202
                || self.read::<wire::ResourceUrl>().is_some())
    }

    /// A refusal: its status and the problems Webex named.
    fn refusal(&self) -> (u16, Vec<ApiProblem>) {
        (self.answer.http, problems_of(&self.answer.body))
    }

    /// Stops the run on an answer that is not what the spec describes.
    fn unexpected(&self, p: &mut Provisioning) -> Note {
        let excerpt = excerpt(&self.answer.body);
        let note = Note::Unexpected(excerpt.clone());
        p.stopped = Some(Stop::Unexpected(Answered {
            request: self.step.label().to_string(),
            http: self.answer.http,
            text: excerpt,
        }));
        p.running = false;
        note
    }

    /// Where the list this answers continues, if Webex linked a next page: `Err` when
    /// the link leads outside the base URL or to another list.
    fn next_page(&self, list: &str) -> Result<Option<String>, ()> {
        match &self.answer.next {
            None => Ok(None),
            Some(NextPage::Path(path))
                if path.strip_prefix(list).is_some_and(|q| q.starts_with('?')) =>
            {
                Ok(Some(path.clone()))
            }
            Some(_) => Err(()),
        }
    }

    /// What a page said of its list: on [`Page::TooLong`] the run stops, saying so.
    fn paged(&self, p: &mut Provisioning, page: Page) -> Page {
        if page == Page::TooLong {
            self.stop_unread(p);
        }
        page
    }

    /// Stops the run on a list it could not read to its end.
    fn stop_unread(&self, p: &mut Provisioning) {
        p.stopped = Some(Stop::ListUnread(self.step.label().to_string()));
        p.running = false;
    }

    /// Stops the run on a refusal it cannot go past.
    fn stop_refused(&self, p: &mut Provisioning) -> Note {
        let (http, problems) = self.refusal();
        p.stopped = Some(Stop::Refused { http, problems });
        p.running = false;
        Note::Refused
    }
}

/// Ends the run when nothing is left to do.
fn finish(customer: &Customer, p: &mut Provisioning, w: &InWebex, note: Note) -> Note {
    if p.running && next_steps(customer, p, w, &[], 1).is_empty() && p.stopped.is_none() {
        p.running = false;
    }
    note
}
