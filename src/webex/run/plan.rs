//! Planning a run: which steps can go now ([`next_steps`]), what is recorded before a
//! create goes out ([`before_send`]), and how long to wait before a step, a lookup or
//! another look at a customer Webex is still provisioning.

use super::Step;
use crate::domain::changes::{self, InWebex, Key, UserChange};
use crate::domain::customer::Customer;
use crate::domain::ids::{LocationId, UserId};
use crate::domain::paging::Paging;
use crate::domain::provisioning::{
    LocationNumbers, Provisioning, RemoteStatus, Removal, Stop, Target, UserState,
    LOOKUPS_TO_PROVE_ABSENT, MAX_CREATES,
};
use crate::domain::pstn::{numbers_from_provider, NumberSource};
use crate::domain::user::User;
use std::collections::HashSet;

/// Numbers added in one request: Webex's spec allows 20 mobile numbers a request, and
/// the same bound keeps each request and its answer small.
pub const NUMBERS_PER_REQUEST: usize = 20;
/// Numbers asked a page of a location's inventory (Webex may answer fewer), and pages
/// read at most: a run stops, saying so, rather than add numbers to an inventory it
/// could not read to its end.
pub const NUMBERS_PER_PAGE: usize = 1000;
pub const MAX_NUMBER_PAGES: usize = 200;
/// Locations asked a page of `GET /locations` and `GET /telephony/config/locations`,
/// and pages read at most (a wholesale customer has a handful of locations).
pub const LOCATIONS_PER_PAGE: usize = 100;
pub const MAX_LOCATION_PAGES: usize = 100;

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

/// The calling users at `location` that have a number, each with it, in the users'
/// order.
fn numbered_users(
    customer: &Customer,
    location: LocationId,
) -> impl Iterator<Item = (&User, &str)> {
    customer
        .users
        .iter()
        .filter(move |u| u.details.location == location && u.details.package.is_calling())
        .filter_map(|u| Some((u, u.details.phone.as_ref()?.as_str())))
}

/// The numbers of the calling users at `location`, in the users' order.
pub(super) fn numbers_at(customer: &Customer, location: LocationId) -> impl Iterator<Item = &str> {
    numbered_users(customer, location).map(|(_, number)| number)
}

/// The users' numbers at `location` Webex has not shown in its inventory yet, nor
/// refused nor taken this run. (Asked after every answer of a run: sets, so 1,000 users
/// at a location stay cheap.)
pub fn missing_numbers(customer: &Customer, p: &Provisioning, location: LocationId) -> Vec<String> {
    let Some(state) = p.numbers.get(&location) else {
        return numbers_at(customer, location).map(str::to_string).collect();
    };
    let known: HashSet<&str> = state
        .present
        .iter()
        .chain(&state.refused)
        .chain(&state.added)
        .map(String::as_str)
        .collect();
    numbers_at(customer, location)
        .filter(|n| !known.contains(n))
        .map(str::to_string)
        .collect()
}

/// The missing numbers `validateNumbers` has (`true`) or has not (`false`) called
/// available this run, at most [`NUMBERS_PER_REQUEST`].
fn missing_checked(
    customer: &Customer,
    p: &Provisioning,
    location: LocationId,
    checked: bool,
) -> Vec<String> {
    let validated: HashSet<&str> = p
        .numbers
        .get(&location)
        .map(|n| n.validated.iter().map(String::as_str).collect())
        .unwrap_or_default();
    let mut batch: Vec<String> = missing_numbers(customer, p, location)
        .into_iter()
        .filter(|n| validated.contains(n.as_str()) == checked)
        .collect();
    batch.truncate(NUMBERS_PER_REQUEST);
    batch
}

/// The next numbers to add to `location`: validated ones, at most [`NUMBERS_PER_REQUEST`].
pub fn next_batch(customer: &Customer, p: &Provisioning, location: LocationId) -> Vec<String> {
    missing_checked(customer, p, location, true)
}

/// The next numbers to validate before they are added.
pub fn to_validate(customer: &Customer, p: &Provisioning, location: LocationId) -> Vec<String> {
    missing_checked(customer, p, location, false)
}

/// The users at `location` holding `number` (calling users with it as their number).
pub(super) fn holders<'a>(
    customer: &'a Customer,
    location: LocationId,
    number: &'a str,
) -> impl Iterator<Item = UserId> + 'a {
    numbered_users(customer, location)
        .filter(move |(_, n)| *n == number)
        .map(|(u, _)| u.id)
}

/// A calling user with a number at `location` that Webex does not have yet: the
/// location's inventory is read again (numbers and their state) before it goes.
fn new_numbered_users(customer: &Customer, p: &Provisioning, location: LocationId) -> bool {
    numbered_users(customer, location).any(|(u, _)| {
        !matches!(
            p.users.get(&u.id),
            Some(UserState::Provisioned { .. } | UserState::Refused { .. })
        )
    })
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
pub(super) enum Listing {
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
fn unconfirmed(
    customer: &Customer,
    p: &Provisioning,
    w: &InWebex,
    listing: Listing,
) -> Vec<LocationId> {
    let candidates: Vec<LocationId> = match listing {
        Listing::Locations => needed_locations(customer, w).collect(),
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
fn settle_unconfirmed(
    customer: &Customer,
    p: &mut Provisioning,
    w: &InWebex,
    listing: Listing,
) -> bool {
    let mut proven = true;
    for id in unconfirmed(customer, p, w, listing) {
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
pub fn delay_before(customer: &Customer, p: &Provisioning, w: &InWebex, step: Step) -> u32 {
    let absent = |t: Target| p.attempts.get(&t).map_or(0, |a| a.absent);
    match step {
        Step::FindCustomer if p.create_sent => lookup_delay(absent(Target::Customer)),
        Step::FindLocations | Step::FindCallingLocations => {
            let listing = if step == Step::FindLocations {
                Listing::Locations
            } else {
                Listing::Calling
            };
            unconfirmed(customer, p, w, listing)
                .into_iter()
                .map(|l| lookup_delay(absent(listing.target(l))))
                .max()
                .unwrap_or(0)
        }
        Step::FindUser(u) => lookup_delay(absent(Target::User(u))),
        Step::AwaitMove(u) => poll_delay_ms(p.move_polls.get(&u).copied().unwrap_or(0)),
        _ => 0,
    }
}

/// The list is read again, from its first page.
pub(super) fn list_again(p: &mut Provisioning, listing: Listing) {
    match listing {
        Listing::Locations => {
            p.locations_listed = false;
            p.locations_page = Paging::default();
        }
        Listing::Calling => {
            p.calling_listed = false;
            p.calling_page = Paging::default();
        }
    }
}

/// The list was read to its end: it counts as read once every create whose answer was
/// lost is settled (`settle_unconfirmed`), else it is read again from its first page.
pub(super) fn listed_to_end(
    customer: &Customer,
    p: &mut Provisioning,
    w: &InWebex,
    listing: Listing,
) {
    if !settle_unconfirmed(customer, p, w, listing) {
        list_again(p, listing);
        return;
    }
    match listing {
        Listing::Locations => p.locations_listed = true,
        Listing::Calling => p.calling_listed = true,
    }
}

/// Records that a create's answer was lost (no answer, or a server error): it is looked
/// up, never sent again blindly.
pub fn lost(p: &mut Provisioning, step: Step) {
    match step {
        Step::CreateLocation(_) => list_again(p, Listing::Locations),
        Step::EnableCalling(_) => list_again(p, Listing::Calling),
        _ => {}
    }
    // The customer (`create_sent`) and users (`Sent`) were marked before sending.
}

/// A lookup did not find `target`'s create. `true` once absence is proven; the run
/// stops when the target may not be created again this run.
pub(super) fn not_found(p: &mut Provisioning, target: Target) -> bool {
    let attempts = p.attempts.get_or_default(target);
    attempts.absent = attempts.absent.saturating_add(1);
    attempts.absent >= LOOKUPS_TO_PROVE_ABSENT
}

pub(super) fn may_create_again(p: &Provisioning, target: Target) -> bool {
    p.attempts.get(&target).map_or(0, |a| a.sent) < MAX_CREATES
}

/// The locations Webex is to have: every branch (to create it), and the headquarters
/// when a user is there or Webex made it (with a calling customer).
pub fn needed_locations<'a>(
    customer: &'a Customer,
    w: &InWebex,
) -> impl Iterator<Item = LocationId> + 'a {
    let hq = customer.headquarters.id;
    // Webex makes the headquarters with a calling customer: its id is found then.
    let hq_needed = customer.packages.iter().any(|p| p.includes_calling())
        || customer.users.iter().any(|u| u.details.location == hq)
        || w.locations.contains_key(&hq);
    hq_needed
        .then_some(hq)
        .into_iter()
        .chain(customer.locations.iter().map(|l| l.id))
}

/// The steps that can go now, at most `limit`, skipping those in `busy` (already sent).
/// Empty when the run is over: done, or stopped (see `p.stopped`).
pub fn next_steps(
    customer: &Customer,
    p: &Provisioning,
    w: &InWebex,
    busy: &[Step],
    limit: usize,
) -> Vec<Step> {
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
    let refused = |key: Key| w.refusal(key).is_some();
    // Packages added here go first: the users that need them follow.
    if changes::packages_to_add(customer, w) && !refused(Key::Packages) {
        return one(Step::UpdatePackages);
    }
    // The locations users need, with Webex Calling where calling users are.
    if let Some(step) = locations_step(customer, p, w) {
        return one(step);
    }
    // Each user's number must be in its location's inventory first, and a location's
    // routing prefix in Webex before extensions that repeat another location's.
    if let Some(step) = numbers_step(customer, p).or_else(|| prefix_step(customer, p)) {
        return one(step);
    }
    // Locations changed here, one at a time (their names must stay unique).
    let moved = changes::locations_to_update(customer, w)
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
    let updated = changes::users_to_update(customer, w)
        .filter(open)
        .filter(|u| changes::user_in_webex(p, *u))
        .filter_map(|u| user_step(customer, p, w, u));
    // A move job under way is followed to its end, whatever was edited since.
    let moving = p.moves.iter().map(|(u, _)| *u).filter(open).map(|u| {
        if p.move_polls.get(&u) == Some(&MOVE_FAILED) {
            Step::MoveErrors(u)
        } else {
            Step::AwaitMove(u)
        }
    });
    let removed = changes::users_to_remove(customer, w)
        .filter(open)
        .map(Step::RemoveUser);
    let steps: Vec<Step> = new
        .chain(removed)
        .chain(moving)
        .chain(updated)
        .filter(|s| s.user().is_none_or(|u| idle(&u)) && free(s))
        .take(limit.saturating_sub(busy.len()))
        .collect();
    if !steps.is_empty() || busy.iter().any(|s| s.user().is_some()) {
        return steps;
    }
    // Packages removed here go last, once no user holds them in Webex.
    if changes::packages_to_remove(customer, w) && !refused(Key::Packages) {
        return one(Step::UpdatePackages);
    }
    vec![]
}

/// The next step that gives the users their locations in Webex: the branches listed,
/// then created, then Webex Calling enabled on those with calling users (the
/// announcement languages read before a branch is made or enabled).
fn locations_step(customer: &Customer, p: &Provisioning, w: &InWebex) -> Option<Step> {
    let missing: Vec<LocationId> = needed_locations(customer, w)
        .filter(|id| !p.locations.contains_key(id))
        .collect();
    if !missing.is_empty() {
        if !p.locations_listed {
            return Some(Step::FindLocations);
        }
        if p.announcement_languages.is_none() {
            return Some(Step::AnnouncementLanguages);
        }
        // One at a time: a handful per customer, and their names must stay unique.
        return Some(Step::CreateLocation(missing[0]));
    }
    // Calling users are refused at a location without Webex Calling.
    let uncalled: Vec<LocationId> = calling_branches(customer)
        .filter(|id| !p.calling.contains(id))
        .collect();
    if !uncalled.is_empty() {
        if !p.calling_listed {
            return Some(Step::FindCallingLocations);
        }
        if p.announcement_languages.is_none() {
            return Some(Step::AnnouncementLanguages);
        }
        return Some(Step::EnableCalling(uncalled[0]));
    }
    None
}

/// The next step that gives Webex the routing prefixes given here: each calling
/// location with one is read, and set where Webex has another (or none).
fn prefix_step(customer: &Customer, p: &Provisioning) -> Option<Step> {
    let hq = customer.headquarters.id;
    customer
        .all_locations()
        .filter(|l| l.details.routing_prefix.is_some() && p.locations.contains_key(&l.id))
        .filter(|l| l.id == hq || p.calling.contains(&l.id))
        .find_map(|l| {
            if p.prefixes_to_set.contains(&l.id) {
                Some(Step::SetRoutingPrefix(l.id))
            } else if !p.prefixes_read.contains(&l.id) {
                Some(Step::ReadRoutingPrefix(l.id))
            } else {
                None
            }
        })
}

/// Marks a move job that failed or ended with errors (in `Provisioning::move_polls`):
/// its errors are read next.
pub(super) const MOVE_FAILED: u32 = u32::MAX;

/// The next request of a provisioned user's change (`changes::next_user_change`):
/// its People API id first where the change goes through People or a move; a person
/// read before it is sent back. `None` while a move job is under way (followed apart).
fn user_step(customer: &Customer, p: &Provisioning, w: &InWebex, u: UserId) -> Option<Step> {
    if p.moves.contains_key(&u) {
        return None;
    }
    let was = w.users.get(&u)?;
    let now = &customer.user(u)?.details;
    let through_person = |step: Step| {
        if p.person_ids.contains_key(&u) {
            step
        } else {
            Step::ReadSubscriber(u)
        }
    };
    Some(match changes::next_user_change(was, now)? {
        UserChange::Package => Step::UpdateUser(u),
        UserChange::Move => through_person(Step::MoveUser(u)),
        UserChange::Person => through_person(match p.people.get(&u) {
            Some(read) if !read.after_update => Step::UpdatePerson(u),
            _ => Step::ReadPerson(u),
        }),
    })
}

/// The next step that puts the users' numbers in their locations' inventories: the
/// PSTN connection first (read, offered, set), then the inventory read (again before a
/// location's first new user, for the numbers' state), then the missing numbers
/// validated and added, and inactive ones activated (never any of it where the numbers
/// come from a provider: they are only checked).
fn numbers_step(customer: &Customer, p: &Provisioning) -> Option<Step> {
    for (location, source, _) in numbered_locations(customer) {
        if source == NumberSource::ExtensionsOnly {
            continue;
        }
        let empty = LocationNumbers::default();
        let state = p.numbers.get(&location).unwrap_or(&empty);
        let missing = missing_numbers(customer, p, location);
        // Read again before the location's first new user, and after numbers were added
        // (only what the inventory then shows counts as there).
        let checking =
            !state.listed && (!state.added.is_empty() || new_numbered_users(customer, p, location));
        if missing.is_empty() && !checking && state.inactive.is_empty() {
            continue;
        }
        if !state.connected {
            return Some(if state.picked.is_some() {
                Step::SetPstn(location)
            } else if state.unconnected {
                Step::PstnOptions(location)
            } else {
                Step::ReadPstn(location)
            });
        }
        // Its type first: numbers are never added where they come from a provider.
        if state.pstn_type.is_empty() {
            return Some(Step::ReadPstn(location));
        }
        if !state.listed {
            return Some(Step::ListNumbers(location));
        }
        if source == NumberSource::IntegratedProvider || numbers_from_provider(&state.pstn_type) {
            continue;
        }
        if !to_validate(customer, p, location).is_empty() {
            return Some(Step::ValidateNumbers(location));
        }
        if !missing.is_empty() {
            return Some(Step::AddNumbers(location));
        }
        if !state.inactive.is_empty() {
            return Some(Step::ActivateNumbers(location));
        }
    }
    None
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

/// Times a run asks about a customer Webex is still provisioning (about 9 minutes at
/// [`poll_delay_ms`]) before it stops and says so.
pub const MAX_POLLS: u32 = 40;

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
