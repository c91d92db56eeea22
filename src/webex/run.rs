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
//! [`LOOKUPS_TO_PROVE_ABSENT`] lookups, spread over about 20 s, found nothing, and at
//! most [`MAX_CREATES`] times a run; an answer in a shape the spec does not describe
//! stops the run; retries and waits are counted and capped.

use crate::domain::changes::{self, Key};
use crate::domain::customer::Customer;
use crate::domain::ids::{LocationId, UserId};
use crate::domain::provisioning::{
    Answered, ApiProblem, PackageState, Provisioning, PstnOption, RemoteStatus, Removal, Stop,
    Target, TransportError, UserState, LOOKUPS_TO_PROVE_ABSENT, MAX_CREATES,
};
use crate::domain::pstn::NumberSource;
use crate::domain::text::{outside_text, OUTSIDE_TEXT_MAX};
use crate::domain::timeline::Note;
use serde::de::DeserializeOwned;
use serde::Deserialize;
use std::collections::HashSet;

/// Something to ask Webex.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Step {
    PrecheckCustomer,
    /// `GET /wholesale/customers?externalId=`: does the customer exist already?
    FindCustomer,
    CreateCustomer,
    /// `GET /wholesale/customers/{id}`, repeated until its status is final.
    AwaitCustomer,
    /// `GET /locations?orgId=`: the headquarters' id, and branches made earlier.
    FindLocations,
    CreateLocation(LocationId),
    /// `GET /telephony/config/locations?orgId=`: the locations with Webex Calling.
    FindCallingLocations,
    /// `POST /telephony/config/locations?orgId=`: Webex Calling on a branch.
    EnableCalling(LocationId),
    /// `GET /telephony/pstn/locations/{id}/connection`: has the location a PSTN
    /// connection (and so numbers)?
    ReadPstn(LocationId),
    /// `GET /telephony/pstn/locations/{id}/connectionOptions`: what it could have.
    PstnOptions(LocationId),
    /// `PUT /telephony/pstn/locations/{id}/connection`: the option the partner picked.
    SetPstn(LocationId),
    /// `GET /telephony/config/numbers?locationId=`: the location's inventory, a page.
    ListNumbers(LocationId),
    /// `PUT /wholesale/customers/{id}`: a customer Webex ended in `error`, sent again
    /// as it is now (its address, packages and calling location mended).
    UpdateCustomer,
    /// `DELETE /wholesale/customers/{id}`: the partner removes the customer from Webex.
    RemoveCustomer,
    /// `GET /wholesale/customers/{id}`, repeated until Webex no longer has it (`404`).
    AwaitRemoval,
    /// `POST /telephony/config/locations/{id}/numbers`: the next batch of the users'
    /// numbers missing from the inventory (numbers already there are ignored by Webex,
    /// so this is safe to send again).
    AddNumbers(LocationId),
    /// `PUT /wholesale/customers/{id}`: the customer's packages as changed here (see
    /// `changes::packages_to_send`), then its status followed.
    UpdatePackages,
    /// `PUT /locations/{id}`: a location's name, address and time zone as changed here.
    UpdateLocation(LocationId),
    /// `PUT /wholesale/subscribers/{id}`: a user's package, number, extension, location.
    UpdateUser(UserId),
    /// `DELETE /wholesale/subscribers/{id}`: a user removed here.
    RemoveUser(UserId),
    /// `GET /wholesale/subscribers?customerId=&email=`: did a lost answer create it?
    FindUser(UserId),
    /// `GET /wholesale/customers?offset=&max=`: a page of the partner's customers, for a
    /// refresh (`webex::refresh`; a run never takes it).
    ReadCustomers,
    /// `GET /wholesale/subscribers?customerId=&offset=&max=`: a page of a customer's
    /// subscribers, for a refresh.
    ReadSubscribers,
    PrecheckUser(UserId),
    ProvisionUser(UserId),
}

impl Step {
    /// The user a step is about, if it is about one.
    pub fn user(self) -> Option<UserId> {
        match self {
            Step::FindUser(u)
            | Step::PrecheckUser(u)
            | Step::ProvisionUser(u)
            | Step::UpdateUser(u)
            | Step::RemoveUser(u) => Some(u),
            _ => None,
        }
    }

    /// What the step creates in Webex: such a request is never sent again blindly.
    pub fn creates(self) -> Option<Target> {
        match self {
            Step::CreateCustomer => Some(Target::Customer),
            Step::CreateLocation(l) => Some(Target::Location(l)),
            Step::EnableCalling(l) => Some(Target::Calling(l)),
            Step::ProvisionUser(u) => Some(Target::User(u)),
            _ => None,
        }
    }

    /// The request as method and path template, for messages (no ids, no data).
    pub fn label(self) -> &'static str {
        match self {
            Step::PrecheckCustomer => "POST /wholesale/customers/validate",
            Step::FindCustomer => "GET /wholesale/customers",
            Step::CreateCustomer => "POST /wholesale/customers",
            Step::AwaitCustomer => "GET /wholesale/customers/{id}",
            Step::FindLocations => "GET /locations",
            Step::CreateLocation(_) => "POST /locations",
            Step::FindCallingLocations => "GET /telephony/config/locations",
            Step::EnableCalling(_) => "POST /telephony/config/locations",
            Step::ReadPstn(_) => "GET /telephony/pstn/locations/{id}/connection",
            Step::PstnOptions(_) => "GET /telephony/pstn/locations/{id}/connectionOptions",
            Step::SetPstn(_) => "PUT /telephony/pstn/locations/{id}/connection",
            Step::ListNumbers(_) => "GET /telephony/config/numbers",
            Step::AddNumbers(_) => "POST /telephony/config/locations/{id}/numbers",
            Step::UpdateCustomer => "PUT /wholesale/customers/{id}",
            Step::RemoveCustomer => "DELETE /wholesale/customers/{id}",
            Step::AwaitRemoval => "GET /wholesale/customers/{id}",
            Step::UpdatePackages => "PUT /wholesale/customers/{id}",
            Step::UpdateLocation(_) => "PUT /locations/{id}",
            Step::UpdateUser(_) => "PUT /wholesale/subscribers/{id}",
            Step::RemoveUser(_) => "DELETE /wholesale/subscribers/{id}",
            Step::ReadCustomers => "GET /wholesale/customers",
            Step::ReadSubscribers => "GET /wholesale/subscribers",
            Step::FindUser(_) => "GET /wholesale/subscribers",
            Step::PrecheckUser(_) => "POST /wholesale/subscribers/validate",
            Step::ProvisionUser(_) => "POST /wholesale/subscribers",
        }
    }
}

/// Starts a run (the partner pressed "Provision in Webex"): what was refused before is
/// tried again; what Webex has is kept.
pub fn start(p: &mut Provisioning) {
    p.running = true;
    p.stopped = None;
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
    // A new run counts its own creates; what may exist is looked up first.
    p.attempts.clear();
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
    if matches!(p.stopped, Some(Stop::TokenRefused)) {
        p.stopped = None;
    }
    p.locations_listed = false;
    p.calling_listed = false;
    for numbers in p.numbers.values_mut() {
        numbers.listed = false;
        numbers.pages = 0;
    }
    p.waiting_until = None;
}

/// Numbers added in one request: Webex's spec allows 20 mobile numbers a request, and
/// the same bound keeps each request and its answer small.
pub const NUMBERS_PER_REQUEST: usize = 20;
/// Numbers read a page of a location's inventory, and pages read at most (a location
/// with more numbers than that is read in part: numbers beyond are added again, which
/// Webex ignores, or reported missing for an integrated provider).
pub const NUMBERS_PER_PAGE: usize = 1000;
pub const MAX_NUMBER_PAGES: u8 = 20;

/// The locations where calling users have numbers, how numbers come there, and those
/// numbers (in the users' order).
pub fn numbered_locations(customer: &Customer) -> Vec<(LocationId, NumberSource, Vec<String>)> {
    customer
        .all_locations()
        .filter_map(|l| {
            let wanted: Vec<String> = numbers_at(customer, l.id).map(str::to_string).collect();
            (!wanted.is_empty()).then_some((l.id, l.details.numbers, wanted))
        })
        .collect()
}

/// The numbers of the calling users at `location`, in the users' order.
fn numbers_at(customer: &Customer, location: LocationId) -> impl Iterator<Item = &str> {
    customer
        .users
        .iter()
        .filter(move |u| u.details.location == location && u.details.package.is_calling())
        .filter_map(|u| u.details.phone.as_ref().map(|n| n.as_str()))
}

/// The users' numbers at `location` Webex has not shown in its inventory yet. (Asked
/// after every answer of a run: a set, so 1,000 users at a location stay cheap.)
pub fn missing_numbers(customer: &Customer, p: &Provisioning, location: LocationId) -> Vec<String> {
    let present: HashSet<&str> = p
        .numbers
        .get(&location)
        .map(|n| n.present.iter().map(String::as_str).collect())
        .unwrap_or_default();
    numbers_at(customer, location)
        .filter(|n| !present.contains(n))
        .map(str::to_string)
        .collect()
}

/// The next numbers to add to `location`: at most [`NUMBERS_PER_REQUEST`].
pub fn next_batch(customer: &Customer, p: &Provisioning, location: LocationId) -> Vec<String> {
    let mut missing = missing_numbers(customer, p, location);
    missing.truncate(NUMBERS_PER_REQUEST);
    missing
}

/// Lookups of a create whose answer was lost wait this long first (2 s, then 6 s, then
/// 12 s: three lookups over about 20 s), so that a list that is eventually consistent
/// has caught up before a create is called lost.
pub const LOOKUP_DELAYS_MS: [u32; LOOKUPS_TO_PROVE_ABSENT as usize] = [2000, 6000, 12_000];

fn lookup_delay(absent: u8) -> u32 {
    LOOKUP_DELAYS_MS[usize::from(absent).min(LOOKUP_DELAYS_MS.len() - 1)]
}

/// The two lists of locations a run creates things in: the organization's locations
/// (branches it creates) and its calling locations (branches it enables).
#[derive(Clone, Copy)]
enum Listing {
    Locations,
    Calling,
}

impl Listing {
    fn target(self, location: LocationId) -> Target {
        match self {
            Listing::Locations => Target::Location(location),
            Listing::Calling => Target::Calling(location),
        }
    }

    /// Webex has shown it in this list.
    fn shown(self, p: &Provisioning, location: LocationId) -> bool {
        match self {
            Listing::Locations => p.locations.contains_key(&location),
            Listing::Calling => p.calling.contains(&location),
        }
    }
}

/// Locations a create of `listing` went out for that Webex has not shown yet.
fn unconfirmed(customer: &Customer, p: &Provisioning, listing: Listing) -> Vec<LocationId> {
    let candidates: Vec<LocationId> = match listing {
        Listing::Locations => needed_locations(customer, p).collect(),
        Listing::Calling => calling_branches(customer).collect(),
    };
    candidates
        .into_iter()
        .filter(|&id| {
            !listing.shown(p, id)
                && p.attempts
                    .get(&listing.target(id))
                    .is_some_and(|a| a.sent > 0)
        })
        .collect()
}

/// After `listing` was read: a create whose answer was lost and that the list does not
/// show counts one lookup more; the run stops when one may not go again. `true` once
/// every such create is proven absent (the list then counts as read).
fn settle_unconfirmed(customer: &Customer, p: &mut Provisioning, listing: Listing) -> bool {
    let mut proven = true;
    for id in unconfirmed(customer, p, listing) {
        let target = listing.target(id);
        if !not_found(p, target) {
            proven = false;
        } else if !may_create_again(p, target) {
            p.stopped = Some(Stop::LocationNotConfirmed(id));
            p.running = false;
        }
    }
    proven
}

/// The branches Webex Calling must be enabled on: those with a calling user. (The
/// headquarters comes enabled with the customer, as its calling location.)
pub fn calling_branches(customer: &Customer) -> impl Iterator<Item = LocationId> + '_ {
    customer
        .locations
        .iter()
        .filter(|l| {
            customer
                .users
                .iter()
                .any(|u| u.details.location == l.id && u.details.package.is_calling())
        })
        .map(|l| l.id)
}

/// How long to wait before `step`: a lookup of a create whose answer was lost waits
/// for Webex's lists to catch up; everything else goes at once.
pub fn delay_before(customer: &Customer, p: &Provisioning, step: Step) -> u32 {
    let absent = |t: Target| p.attempts.get(&t).map_or(0, |a| a.absent);
    match step {
        Step::FindCustomer if p.create_sent => lookup_delay(absent(Target::Customer)),
        Step::FindLocations | Step::FindCallingLocations => {
            let listing = if step == Step::FindLocations {
                Listing::Locations
            } else {
                Listing::Calling
            };
            unconfirmed(customer, p, listing)
                .into_iter()
                .map(|l| lookup_delay(absent(listing.target(l))))
                .max()
                .unwrap_or(0)
        }
        Step::FindUser(u) => lookup_delay(absent(Target::User(u))),
        _ => 0,
    }
}

/// Records that a create's answer was lost (no answer, or a server error): it is looked
/// up, never sent again blindly.
pub fn lost(p: &mut Provisioning, step: Step) {
    match step {
        Step::CreateLocation(_) => p.locations_listed = false,
        Step::EnableCalling(_) => p.calling_listed = false,
        _ => {}
    }
    // The customer (`create_sent`) and users (`Sent`) were marked before sending.
}

/// A lookup did not find `target`'s create. `true` once absence is proven; the run
/// stops when the target may not be created again this run.
fn not_found(p: &mut Provisioning, target: Target) -> bool {
    let attempts = p.attempts.get_or_default(target);
    attempts.absent = attempts.absent.saturating_add(1);
    attempts.absent >= LOOKUPS_TO_PROVE_ABSENT
}

fn may_create_again(p: &Provisioning, target: Target) -> bool {
    p.attempts.get(&target).map_or(0, |a| a.sent) < MAX_CREATES
}

/// The locations users need ids for: every branch (to create it) and the headquarters
/// when a user is there.
fn needed_locations<'a>(
    customer: &'a Customer,
    p: &Provisioning,
) -> impl Iterator<Item = LocationId> + 'a {
    let hq = customer.headquarters.id;
    let hq_needed = customer.users.iter().any(|u| u.details.location == hq)
        || p.in_webex.locations.contains_key(&hq);
    hq_needed
        .then_some(hq)
        .into_iter()
        .chain(customer.locations.iter().map(|l| l.id))
}

/// The steps that can go now, at most `limit`, skipping those in `busy` (already sent).
/// Empty when the run is over: done, or stopped (see `p.stopped`).
pub fn next_steps(customer: &Customer, p: &Provisioning, busy: &[Step], limit: usize) -> Vec<Step> {
    let free = |s: &Step| !busy.contains(s);
    let one = |s: Step| if free(&s) { vec![s] } else { vec![] };
    if !p.running || p.stopped.is_some() {
        return vec![];
    }
    match p.removal {
        Some(Removal::Asked) => return one(Step::RemoveCustomer),
        Some(Removal::Accepted) => return one(Step::AwaitRemoval),
        Some(Removal::Gone) => return vec![],
        None => {}
    }
    if p.customer_id.is_none() {
        return one(if p.create_sent && !p.looked_up {
            Step::FindCustomer
        } else if !p.prechecked {
            Step::PrecheckCustomer
        } else if !p.looked_up {
            Step::FindCustomer
        } else {
            Step::CreateCustomer
        });
    }
    match p.status {
        Some(RemoteStatus::Error) if p.update_asked => return one(Step::UpdateCustomer),
        Some(RemoteStatus::Error) => return vec![],
        Some(RemoteStatus::Provisioned | RemoteStatus::ProvisionedWithErrors)
            if p.org_id.is_some() => {}
        _ => return one(Step::AwaitCustomer),
    }
    let refused = |key: Key| p.in_webex.refusal(key).is_some();
    // Packages added here go first: the users that need them follow.
    if changes::packages_to_add(customer, &p.in_webex) && !refused(Key::Packages) {
        return one(Step::UpdatePackages);
    }
    let missing: Vec<LocationId> = needed_locations(customer, p)
        .filter(|id| !p.locations.contains_key(id))
        .collect();
    if !missing.is_empty() {
        if !p.locations_listed {
            return one(Step::FindLocations);
        }
        // One at a time: a handful per customer, and their names must stay unique.
        return one(Step::CreateLocation(missing[0]));
    }
    // Calling users are refused at a location without Webex Calling.
    let uncalled: Vec<LocationId> = calling_branches(customer)
        .filter(|id| !p.calling.contains(id))
        .collect();
    if !uncalled.is_empty() {
        if !p.calling_listed {
            return one(Step::FindCallingLocations);
        }
        return one(Step::EnableCalling(uncalled[0]));
    }
    // Each user's number must be in its location's inventory first.
    for (location, source, _) in numbered_locations(customer) {
        let extensions_only = source == NumberSource::ExtensionsOnly;
        if extensions_only || missing_numbers(customer, p, location).is_empty() {
            continue;
        }
        let state = p.numbers.get(&location).cloned().unwrap_or_default();
        if !state.connected {
            return one(if state.picked.is_some() {
                Step::SetPstn(location)
            } else if state.unconnected {
                Step::PstnOptions(location)
            } else {
                Step::ReadPstn(location)
            });
        }
        if !state.listed {
            return one(Step::ListNumbers(location));
        }
        if source != NumberSource::IntegratedProvider {
            return one(Step::AddNumbers(location));
        }
    }
    // Locations changed here, one at a time (their names must stay unique).
    let moved = changes::locations_to_update(customer, &p.in_webex)
        .find(|l| !refused(Key::Location(*l)) && p.locations.contains_key(l));
    if let Some(location) = moved {
        return one(Step::UpdateLocation(location));
    }
    // One request at a time for a user: its next step waits for the answer.
    let idle = |u: &UserId| !busy.iter().any(|s| s.user() == Some(*u));
    let open = |u: &UserId| !refused(Key::User(*u));
    let new = customer.users.iter().filter_map(|u| {
        Some(match p.users.get(&u.id) {
            None => Step::PrecheckUser(u.id),
            Some(UserState::Prechecked) => Step::ProvisionUser(u.id),
            Some(UserState::Sent | UserState::Conflict { .. }) => Step::FindUser(u.id),
            Some(
                UserState::Provisioned { .. } | UserState::Refused { .. } | UserState::Unconfirmed,
            ) => return None,
        })
    });
    let updated = changes::users_to_update(customer, &p.in_webex)
        .filter(open)
        .filter(|u| changes::user_in_webex(p, *u))
        .map(Step::UpdateUser);
    let removed = changes::users_to_remove(customer, &p.in_webex)
        .filter(open)
        .map(Step::RemoveUser);
    let steps: Vec<Step> = new
        .chain(removed)
        .chain(updated)
        .filter(|s| s.user().is_none_or(|u| idle(&u)) && free(s))
        .take(limit.saturating_sub(busy.len()))
        .collect();
    if !steps.is_empty() || busy.iter().any(|s| s.user().is_some()) {
        return steps;
    }
    // Packages removed here go last, once no user holds them in Webex.
    if changes::packages_to_remove(customer, &p.in_webex) && !refused(Key::Packages) {
        return one(Step::UpdatePackages);
    }
    vec![]
}

/// Records what is about to be created, before the request goes out; `true` when the
/// record changed (and must be saved before sending).
pub fn before_send(p: &mut Provisioning, step: Step) -> bool {
    let Some(target) = step.creates() else {
        return false;
    };
    let attempts = p.attempts.get_or_default(target);
    attempts.sent = attempts.sent.saturating_add(1);
    attempts.absent = 0;
    match step {
        // Until its answer is recorded, the customer may exist: look it up first.
        Step::CreateCustomer => {
            p.create_sent = true;
            p.looked_up = false;
        }
        Step::ProvisionUser(user) => p.users.insert(user, UserState::Sent),
        _ => {}
    }
    true
}

/// What an answer means before its body is read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Read it: [`apply`].
    Apply,
    /// Send the same request again after this many milliseconds.
    Retry { after_ms: u32 },
    /// A create's outcome is unknown: look it up ([`lost`]), never send it again blindly.
    Lost,
    /// The token was refused: stop until a new one is given.
    NeedToken,
    /// The partner stopped the run.
    Paused,
    /// Webex asked to wait longer than [`MAX_WAIT_S`].
    WaitTooLong { seconds: u32 },
    /// Still failing after the retries, or failing in a way retries do not mend: why.
    GiveUp(Stop),
}

/// Retries of a 5xx or network failure before a run stops.
pub const MAX_RETRIES: u32 = 4;
/// `429`s honoured for one request before a run stops.
pub const MAX_RATE_LIMITED: u32 = 10;
/// The longest `Retry-After` a run waits (5 minutes); a longer one stops it.
pub const MAX_WAIT_S: u32 = 300;
/// Times a run asks about a customer Webex is still provisioning (about 9 minutes at
/// [`poll_delay_ms`]) before it stops and says so.
pub const MAX_POLLS: u32 = 40;

/// Exponential backoff: 1 s, 2 s, 4 s, … at most 30 s.
pub fn backoff_ms(attempt: u32) -> u32 {
    1000u32.saturating_mul(1 << attempt.min(5)).min(30_000)
}

/// How long to wait before asking again about a customer Webex is still provisioning:
/// 2 s, then a little longer each time, at most 15 s (Cisco's reference client asks
/// every 5 s).
pub fn poll_delay_ms(polls: u32) -> u32 {
    2000u32
        .saturating_add(polls.saturating_mul(1000))
        .min(15_000)
}

/// How long to wait before asking again about a customer in Cisco's compliance review
/// (`pending_rpl_review`), by how often it was asked already: 5 s, 10 s, 20 s, then
/// 30 s, about 2 minutes in all; `None` once that is over (the run parks, and the
/// partner checks again later: a review can take days).
pub fn review_delay_ms(asked: u32) -> Option<u32> {
    const DELAYS_MS: [u32; 6] = [5000, 10_000, 20_000, 30_000, 30_000, 30_000];
    DELAYS_MS.get(asked as usize).copied()
}

/// An HTTP answer as the transport received it (its body already cut to what a run
/// reads).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Answer {
    pub http: u16,
    pub body: String,
    /// `Retry-After`, in seconds.
    pub retry_after: Option<u32>,
    pub tracking_id: Option<String>,
}

/// `Retry-After` in seconds; a number too large for a `u32` is as large as one (and so
/// over any wait a run accepts). Dates and negative numbers are not read (the run then
/// backs off as it would without the header).
pub fn retry_after_seconds(value: &str) -> Option<u32> {
    let digits = value.trim();
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(digits.parse::<u32>().unwrap_or(u32::MAX))
}

/// What `answer` to `step` means; `attempt` counts earlier tries of this request (0 for
/// the first).
pub fn classify(step: Step, answer: Result<&Answer, TransportError>, attempt: u32) -> Verdict {
    let answer = match answer {
        Ok(a) => a,
        Err(TransportError::Aborted) => return Verdict::Paused,
        // Not a passing failure: trying again would meet it again.
        Err(cause @ (TransportError::Redirect | TransportError::TooLarge)) => {
            return Verdict::GiveUp(Stop::Failed(cause))
        }
        Err(_) if step.creates().is_some() => return Verdict::Lost,
        Err(_) if attempt < MAX_RETRIES => {
            return Verdict::Retry {
                after_ms: backoff_ms(attempt),
            }
        }
        Err(cause) => return Verdict::GiveUp(Stop::Failed(cause)),
    };
    let http = answer.http;
    let wait = |fallback: u32| {
        answer
            .retry_after
            .map_or(fallback, |s| s.saturating_mul(1000))
    };
    match http {
        401 => Verdict::NeedToken,
        429 | 423 | 500..=599 if answer.retry_after.is_some_and(|s| s > MAX_WAIT_S) => {
            Verdict::WaitTooLong {
                seconds: answer.retry_after.unwrap_or_default(),
            }
        }
        // Refused before it was carried out: the same request may go again.
        429 | 423 if attempt < MAX_RATE_LIMITED => Verdict::Retry {
            after_ms: wait(backoff_ms(attempt)),
        },
        // A server error may come after the create was carried out.
        500..=599 if step.creates().is_some() => Verdict::Lost,
        500..=599 if attempt < MAX_RETRIES => Verdict::Retry {
            after_ms: wait(backoff_ms(attempt)),
        },
        429 | 423 | 500..=599 => Verdict::GiveUp(Stop::ServerError(Answered {
            request: step.label().to_string(),
            http,
            text: first_description(&answer.body),
        })),
        _ => Verdict::Apply,
    }
}

/// The first problem an error answer names, or nothing.
pub fn first_description(body: &str) -> String {
    problems_of(body)
        .into_iter()
        .next()
        .map(|p| p.description)
        .unwrap_or_default()
}

// ---- Answers, as the spec shapes them --------------------------------------------
//
// Error bodies are read leniently (a 4xx page in HTML is still a refusal); a 2xx body
// that lacks what the spec promises is an unexpected answer and stops the run. Every
// text kept from an answer is cleaned and cut ([`outside_text`]); every id checked.

#[derive(Deserialize, Default)]
#[serde(default)]
struct ErrorBody {
    message: Option<String>,
    errors: Vec<ErrorItem>,
}

#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
struct ErrorItem {
    error_code: Option<i64>,
    description: Option<String>,
}

/// Problems as Webex wrote them, cleaned and cut; at most this many are kept.
const MAX_PROBLEMS: usize = 20;

fn problems(items: &[ErrorItem]) -> Vec<ApiProblem> {
    items
        .iter()
        .filter_map(|e| {
            Some(ApiProblem {
                code: e.error_code,
                description: outside_text(e.description.as_deref()?, OUTSIDE_TEXT_MAX),
            })
        })
        .take(MAX_PROBLEMS)
        .collect()
}

/// The problems an error answer names (`errors[]`, else its `message`).
pub fn problems_of(body: &str) -> Vec<ApiProblem> {
    let parsed: ErrorBody = serde_json::from_str(body).unwrap_or_default();
    let mut found = problems(&parsed.errors);
    if found.is_empty() {
        if let Some(message) = parsed.message {
            found.push(ApiProblem {
                code: None,
                description: outside_text(&message, OUTSIDE_TEXT_MAX),
            });
        }
    }
    found
}

/// How much of an unexpected answer the timeline and the message show.
pub const EXCERPT_LENGTH: usize = 200;

/// The first characters of an answer, cleaned, for a person to recognise it.
pub fn excerpt(body: &str) -> String {
    // Cut by bytes first: a 1 MB body is never scanned whole for 200 characters.
    let mut end = body.len().min(EXCERPT_LENGTH * 4);
    while !body.is_char_boundary(end) {
        end -= 1;
    }
    outside_text(&body[..end], EXCERPT_LENGTH)
}

/// An id Webex gave: what later requests put in paths and queries, so it must look
/// like one (Webex's ids are base64 text of a few dozen characters).
pub fn remote_id(raw: &str) -> Option<String> {
    const MAX_ID: usize = 500;
    let ok = !raw.is_empty()
        && raw.len() <= MAX_ID
        && raw
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'=' | b'.' | b':'));
    ok.then(|| raw.to_string())
}

/// An id Webex may leave out (absent or empty): `Some(None)` then, `Some(Some(id))` when
/// it is an id, `None` when it gave something that is not one.
pub(super) fn optional_id(raw: Option<&str>) -> Option<Option<String>> {
    match raw {
        None | Some("") => Some(None),
        Some(raw) => remote_id(raw).map(Some),
    }
}

/// A 2xx body read as the spec shapes it; `None` when it is not that shape.
pub(super) fn read<T: DeserializeOwned>(body: &str) -> Option<T> {
    serde_json::from_str(body).ok()
}

/// A list as Webex answers one (`{"items": [...]}`), whatever its items: what "Test
/// connection" expects of `GET /wholesale/customers`.
pub fn is_item_list(body: &str) -> bool {
    read::<Items<serde::de::IgnoredAny>>(body).is_some()
}

/// Any JSON object (the prechecks' answers carry nothing a run needs).
#[derive(Deserialize)]
struct AnyObject {}

#[derive(Deserialize)]
struct ResourceUrl {
    url: String,
}

#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
pub(super) struct CustomerAnswer {
    pub(super) id: String,
    pub(super) org_id: Option<String>,
    pub(super) external_id: Option<String>,
    pub(super) status: String,
    resource_details: ResourceDetails,
    pub(super) address: AddressAnswer,
}

/// A customer's `address` (`Address`), as far as a list of customers shows it.
#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
pub(super) struct AddressAnswer {
    address_line1: String,
    city: String,
    country: String,
}

impl AddressAnswer {
    /// On one line, cleaned: "771 Alder Drive, Milpitas, US".
    pub(super) fn line(&self) -> String {
        let parts = [&self.address_line1, &self.city, &self.country];
        let line: Vec<&str> = parts
            .iter()
            .map(|p| p.trim())
            .filter(|p| !p.is_empty())
            .collect();
        outside_text(&line.join(", "), OUTSIDE_TEXT_MAX)
    }
}

impl CustomerAnswer {
    /// The package states Webex lists, cleaned and bounded.
    pub(super) fn package_states(&self) -> Vec<PackageState> {
        self.resource_details
            .packages
            .iter()
            .take(MAX_PROBLEMS)
            .map(|pkg| PackageState {
                package: outside_text(&pkg.name, OUTSIDE_TEXT_MAX),
                status: outside_text(&pkg.status, OUTSIDE_TEXT_MAX),
                warnings: problems(&pkg.warnings),
                errors: problems(&pkg.errors),
            })
            .collect()
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct ResourceDetails {
    packages: Vec<PackageAnswer>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct PackageAnswer {
    name: String,
    status: String,
    warnings: Vec<ErrorItem>,
    errors: Vec<ErrorItem>,
}

#[derive(Deserialize)]
pub(super) struct Items<T> {
    pub(super) items: Vec<T>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct NamedId {
    id: String,
    name: String,
}

/// `GET /telephony/pstn/locations/{id}/connection` (`ConnectionResponse`).
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct PstnConnection {
    id: String,
    pstn_connection_type: String,
}

#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
struct PstnOptionAnswer {
    id: String,
    display_name: String,
}

/// `GET /telephony/config/numbers` (`NumberListGetObject`).
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct NumberList {
    phone_numbers: Vec<NumberAnswer>,
}

#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
struct NumberAnswer {
    phone_number: Option<String>,
}

/// `GET /telephony/config/locations`: `{"locations": [...]}`.
#[derive(Deserialize)]
struct CallingLocations {
    locations: Vec<NamedId>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct SubscriberAnswer {
    pub(super) id: String,
    pub(super) email: String,
    pub(super) status: String,
    pub(super) package: String,
}

/// Records a customer as Webex described it; `false` when the description is not one
/// (no known status, or ids that are not ids).
fn read_customer(p: &mut Provisioning, c: &CustomerAnswer) -> bool {
    let Some(status) = RemoteStatus::from_api(&c.status) else {
        return false;
    };
    let (Some(id), Some(org)) = (optional_id(Some(&c.id)), optional_id(c.org_id.as_deref())) else {
        return false;
    };
    if let Some(id) = id {
        p.customer_id = Some(id);
    }
    p.org_id = org.or(p.org_id.take());
    p.status = Some(status);
    p.packages = c.package_states();
    if p.status == Some(RemoteStatus::Error) {
        p.stopped = Some(Stop::CustomerError);
        p.running = false;
    }
    true
}

/// Stops the run on an answer that is not what the spec describes.
fn unexpected(p: &mut Provisioning, step: Step, answer: &Answer) -> Note {
    let excerpt = excerpt(&answer.body);
    let note = Note::Unexpected(excerpt.clone());
    p.stopped = Some(Stop::Unexpected(Answered {
        request: step.label().to_string(),
        http: answer.http,
        text: excerpt,
    }));
    p.running = false;
    note
}

/// Records Webex's answer to `step` (one [`classify`] let through). Returns what the
/// timeline says of it.
pub fn apply(customer: &Customer, p: &mut Provisioning, step: Step, answer: &Answer) -> Note {
    let ok = (200..300).contains(&answer.http);
    let refused = || (answer.http, problems_of(&answer.body));
    let note = match step {
        Step::PrecheckCustomer | Step::PrecheckUser(_)
            if ok && read::<AnyObject>(&answer.body).is_none() =>
        {
            unexpected(p, step, answer)
        }
        Step::PrecheckCustomer if ok => {
            p.prechecked = true;
            Note::PrecheckPassed
        }
        Step::PrecheckCustomer => {
            let (http, problems) = refused();
            p.stopped = Some(Stop::PrecheckRefused { http, problems });
            p.running = false;
            Note::PrecheckRefused
        }
        Step::FindCustomer if ok => {
            let Some(list) = read::<Items<CustomerAnswer>>(&answer.body) else {
                return unexpected(p, step, answer);
            };
            let external = customer.id.to_string();
            let found = list
                .items
                .into_iter()
                .find(|c| c.external_id.as_deref() == Some(external.as_str()));
            match found {
                Some(c) if read_customer(p, &c) => Note::CustomerFound,
                Some(_) => unexpected(p, step, answer),
                None if !p.create_sent => {
                    p.looked_up = true;
                    Note::NoCustomerYet
                }
                None if !not_found(p, Target::Customer) => Note::CustomerNotListedYet,
                None if may_create_again(p, Target::Customer) => {
                    p.looked_up = true;
                    p.create_sent = false;
                    Note::CustomerCreatedAgain
                }
                None => {
                    p.stopped = Some(Stop::CustomerNotConfirmed);
                    p.running = false;
                    Note::CustomerNotConfirmed
                }
            }
        }
        Step::CreateCustomer if ok => {
            let id = read::<ResourceUrl>(&answer.body).and_then(|r| {
                r.url
                    .trim_end_matches('/')
                    .rsplit('/')
                    .next()
                    .and_then(remote_id)
            });
            match id {
                Some(id) => {
                    p.customer_id = Some(id.clone());
                    p.status = Some(RemoteStatus::Provisioning);
                    Note::CustomerAccepted(id)
                }
                None => unexpected(p, step, answer),
            }
        }
        Step::AwaitCustomer if ok => match read::<CustomerAnswer>(&answer.body) {
            Some(c) if read_customer(p, &c) => match p.status {
                Some(status) => Note::Status(status),
                None => unexpected(p, step, answer),
            },
            _ => unexpected(p, step, answer),
        },
        Step::FindLocations if ok => {
            let Some(list) = read::<Items<NamedId>>(&answer.body) else {
                return unexpected(p, step, answer);
            };
            let listed = list.items;
            for location in customer.all_locations() {
                let name = location.details.name.as_ref();
                if let Some(found) = listed
                    .iter()
                    .find(|l| l.name == name)
                    .and_then(|l| remote_id(&l.id))
                {
                    p.locations.insert(location.id, found);
                }
            }
            // A branch whose create was lost is listed again until absence is proven.
            p.locations_listed = settle_unconfirmed(customer, p, Listing::Locations);
            Note::LocationsListed(listed.len())
        }
        Step::CreateLocation(id) if ok => {
            match read::<NamedId>(&answer.body).and_then(|l| remote_id(&l.id)) {
                Some(created) => {
                    p.locations.insert(id, created.clone());
                    Note::LocationCreated(created)
                }
                None => unexpected(p, step, answer),
            }
        }
        Step::FindCallingLocations if ok => {
            let Some(list) = read::<CallingLocations>(&answer.body) else {
                return unexpected(p, step, answer);
            };
            for location in customer.all_locations() {
                let enabled = p
                    .locations
                    .get(&location.id)
                    .is_some_and(|id| list.locations.iter().any(|l| l.id == *id));
                if enabled && !p.calling.contains(&location.id) {
                    p.calling.push(location.id);
                }
            }
            // An enable whose answer was lost is listed again until absence is proven.
            p.calling_listed = settle_unconfirmed(customer, p, Listing::Calling);
            Note::CallingLocations(list.locations.len())
        }
        Step::EnableCalling(id) if ok => {
            let expected = p.locations.get(&id).cloned();
            match read::<NamedId>(&answer.body).and_then(|l| remote_id(&l.id)) {
                Some(enabled) if Some(&enabled) == expected.as_ref() => {
                    if !p.calling.contains(&id) {
                        p.calling.push(id);
                    }
                    Note::CallingEnabled
                }
                _ => unexpected(p, step, answer),
            }
        }
        Step::ReadPstn(location) if ok => match read::<PstnConnection>(&answer.body) {
            Some(c) if remote_id(&c.id).is_some() && !c.pstn_connection_type.is_empty() => {
                p.numbers.get_or_default(location).connected = true;
                Note::PstnConnection(outside_text(&c.pstn_connection_type, OUTSIDE_TEXT_MAX))
            }
            _ => unexpected(p, step, answer),
        },
        // No connection yet: ask what Webex offers, for the partner to pick from.
        Step::ReadPstn(location) if answer.http == 404 => {
            p.numbers.get_or_default(location).unconnected = true;
            Note::NoPstnConnection
        }
        Step::PstnOptions(location) if ok => {
            let Some(list) = read::<Items<PstnOptionAnswer>>(&answer.body) else {
                return unexpected(p, step, answer);
            };
            let options: Vec<PstnOption> = list
                .items
                .into_iter()
                .filter_map(|o| {
                    Some(PstnOption {
                        id: remote_id(&o.id)?,
                        name: outside_text(&o.display_name, OUTSIDE_TEXT_MAX),
                    })
                })
                .take(MAX_PROBLEMS)
                .collect();
            let note = Note::ConnectionOptions(options.len());
            p.numbers.get_or_default(location).options = options;
            p.stopped = Some(Stop::NoPstnConnection(location));
            p.running = false;
            note
        }
        Step::SetPstn(location) if ok => {
            let state = p.numbers.get_or_default(location);
            state.connected = true;
            state.unconnected = false;
            state.picked = None;
            state.options.clear();
            Note::PstnSet
        }
        Step::ListNumbers(location) if ok => {
            let Some(list) = read::<NumberList>(&answer.body) else {
                return unexpected(p, step, answer);
            };
            // Only the users' own numbers are kept (a location may hold thousands), each
            // once: the missing ones, as a set.
            let mut missing: HashSet<String> =
                missing_numbers(customer, p, location).into_iter().collect();
            let state = p.numbers.get_or_default(location);
            for number in list
                .phone_numbers
                .iter()
                .filter_map(|n| n.phone_number.as_deref())
            {
                if missing.remove(number) {
                    state.present.push(number.to_string());
                }
            }
            state.pages = state.pages.saturating_add(1);
            let more =
                list.phone_numbers.len() >= NUMBERS_PER_PAGE && state.pages < MAX_NUMBER_PAGES;
            state.listed = !more;
            let note = Note::NumbersListed(list.phone_numbers.len());
            let integrated = customer
                .location(location)
                .is_some_and(|l| l.details.numbers == NumberSource::IntegratedProvider);
            // What the pages read so far did not show is still missing.
            if state.listed && integrated && !missing.is_empty() {
                p.stopped = Some(Stop::NumbersMissing(location));
                p.running = false;
            }
            note
        }
        Step::AddNumbers(location) if ok => {
            let batch = next_batch(customer, p, location);
            let note = Note::NumbersAdded(batch.len());
            p.numbers.get_or_default(location).present.extend(batch);
            note
        }
        Step::UpdateCustomer | Step::UpdatePackages if ok => {
            if read::<ResourceUrl>(&answer.body).is_none() {
                return unexpected(p, step, answer);
            }
            if step == Step::UpdateCustomer {
                // Sent whole, as it is now: Webex has its packages and headquarters.
                p.update_asked = false;
                p.in_webex.packages = None;
                p.in_webex.locations.remove(&customer.headquarters.id);
                p.in_webex.took(Key::Location(customer.headquarters.id));
            } else {
                p.in_webex.packages = Some(changes::packages_to_send(customer, &p.in_webex));
            }
            p.in_webex.took(Key::Packages);
            p.status = Some(RemoteStatus::Updating);
            p.packages.clear();
            Note::UpdateAccepted
        }
        Step::UpdatePackages => {
            let (http, problems) = refused();
            p.in_webex.refuse(Key::Packages, http, problems);
            Note::Refused
        }
        Step::UpdateLocation(location) if ok => {
            if let Some(l) = customer.location(location) {
                p.in_webex.locations.insert(location, l.details.clone());
            }
            p.in_webex.took(Key::Location(location));
            Note::LocationUpdated
        }
        Step::UpdateLocation(location) => {
            let (http, problems) = refused();
            p.in_webex.refuse(Key::Location(location), http, problems);
            Note::Refused
        }
        Step::UpdateUser(user) if ok => match read::<SubscriberAnswer>(&answer.body)
            .and_then(|s| Some((remote_id(&s.id)?, s.status)))
        {
            Some((id, status)) => {
                let status = outside_text(&status, OUTSIDE_TEXT_MAX);
                let note = Note::SubscriberUpdated(status.clone());
                p.users.insert(user, UserState::Provisioned { id, status });
                if let Some(u) = customer.user(user) {
                    p.in_webex.users.insert(user, u.details.clone());
                }
                p.in_webex.took(Key::User(user));
                note
            }
            None => unexpected(p, step, answer),
        },
        // Gone already (a `DELETE` sent again after its answer was lost) counts as gone.
        Step::RemoveUser(user) if ok || answer.http == 404 => {
            p.users.remove(&user);
            p.in_webex.users.remove(&user);
            p.in_webex.took(Key::User(user));
            Note::SubscriberRemoved
        }
        Step::UpdateUser(user) | Step::RemoveUser(user) => {
            let (http, problems) = refused();
            p.in_webex.refuse(Key::User(user), http, problems);
            Note::Refused
        }
        // Gone already (a `DELETE` sent again after its answer was lost) counts as gone.
        Step::RemoveCustomer if ok || answer.http == 404 => {
            p.removal = Some(if ok { Removal::Accepted } else { Removal::Gone });
            Note::RemovalAccepted
        }
        Step::AwaitRemoval if answer.http == 404 => {
            p.removal = Some(Removal::Gone);
            Note::RemovedFromWebex
        }
        Step::AwaitRemoval if ok => match read::<CustomerAnswer>(&answer.body)
            .and_then(|c| RemoteStatus::from_api(&c.status))
        {
            Some(status) => Note::Status(status),
            None => unexpected(p, step, answer),
        },
        Step::FindUser(user) if ok => {
            let Some(list) = read::<Items<SubscriberAnswer>>(&answer.body) else {
                return unexpected(p, step, answer);
            };
            let email = customer
                .users
                .iter()
                .find(|u| u.id == user)
                .map(|u| u.details.email.key())
                .unwrap_or_default();
            let found = list
                .items
                .into_iter()
                .find(|s| s.email.to_lowercase() == email);
            match found {
                Some(s) => match remote_id(&s.id) {
                    Some(id) => {
                        p.users.insert(
                            user,
                            UserState::Provisioned {
                                id,
                                status: outside_text(&s.status, OUTSIDE_TEXT_MAX),
                            },
                        );
                        Note::UserFound
                    }
                    None => unexpected(p, step, answer),
                },
                None if !not_found(p, Target::User(user)) => Note::UserNotListedYet,
                None => match p.users.get(&user).cloned() {
                    // Webex said it exists, yet not in this customer: refused as it said.
                    Some(UserState::Conflict { problems }) => {
                        p.users.insert(
                            user,
                            UserState::Refused {
                                http: 409,
                                problems,
                            },
                        );
                        Note::UserElsewhere
                    }
                    _ if may_create_again(p, Target::User(user)) => {
                        p.users.insert(user, UserState::Prechecked);
                        Note::UserSentAgain
                    }
                    _ => {
                        p.users.insert(user, UserState::Unconfirmed);
                        Note::UserNotConfirmed
                    }
                },
            }
        }
        Step::PrecheckUser(user) if ok => {
            p.users.insert(user, UserState::Prechecked);
            Note::PrecheckPassed
        }
        Step::ProvisionUser(user) if ok => match read::<SubscriberAnswer>(&answer.body)
            .and_then(|s| Some((remote_id(&s.id)?, s.status)))
        {
            Some((id, status)) => {
                let status = if status.is_empty() {
                    "provisioned".into()
                } else {
                    outside_text(&status, OUTSIDE_TEXT_MAX)
                };
                p.users.insert(
                    user,
                    UserState::Provisioned {
                        id,
                        status: status.clone(),
                    },
                );
                Note::Subscriber(status)
            }
            None => unexpected(p, step, answer),
        },
        // A user that exists already: look it up rather than fail it, or send it again.
        Step::ProvisionUser(user) if answer.http == 409 => {
            let (_, problems) = refused();
            p.users.insert(user, UserState::Conflict { problems });
            Note::UserExists
        }
        Step::PrecheckUser(user) | Step::ProvisionUser(user) | Step::FindUser(user) => {
            let (http, problems) = refused();
            p.users.insert(user, UserState::Refused { http, problems });
            Note::Refused
        }
        Step::FindCustomer
        | Step::CreateCustomer
        | Step::AwaitCustomer
        | Step::FindLocations
        | Step::CreateLocation(_)
        | Step::FindCallingLocations
        | Step::EnableCalling(_)
        | Step::ReadPstn(_)
        | Step::PstnOptions(_)
        | Step::SetPstn(_)
        | Step::ListNumbers(_)
        | Step::AddNumbers(_)
        | Step::RemoveCustomer
        | Step::AwaitRemoval
        | Step::UpdateCustomer
        | Step::ReadCustomers
        | Step::ReadSubscribers => {
            let (http, problems) = refused();
            p.stopped = Some(Stop::Refused { http, problems });
            p.running = false;
            Note::Refused
        }
    };
    finish(customer, p, note)
}

/// Ends the run when nothing is left to do.
fn finish(customer: &Customer, p: &mut Provisioning, note: Note) -> Note {
    if p.running && next_steps(customer, p, &[], 1).is_empty() && p.stopped.is_none() {
        p.running = false;
    }
    note
}
