//! A location's numbers: its PSTN connection, the options to pick from, the inventory
//! read page by page, and the users' numbers added to it.

use super::super::plan::{
    holders, missing_numbers, next_batch, numbers_at, to_validate, MAX_NUMBER_PAGES,
};
use super::Reply;
use crate::domain::changes::{self, InWebex, Key};
use crate::domain::ids::LocationId;
use crate::domain::paging::Page;
use crate::domain::paging::Paging;
use crate::domain::provisioning::{ApiProblem, Provisioning, PstnOption, Stop, UserState};
use crate::domain::pstn::{numbers_from_provider, NumberSource};
use crate::domain::text::{outside_text, OUTSIDE_TEXT_MAX};
use crate::domain::timeline::Note;
use crate::webex::wire::{
    remote_id, Items, NumberList, NumbersAdded, NumbersValidated, PstnConnection, PstnOptionAnswer,
    MAX_PROBLEMS,
};
use std::collections::HashSet;

/// `GET /telephony/pstn/locations/{id}/connection`: connected, or not yet (`404`).
pub(super) fn connection(reply: &Reply, p: &mut Provisioning, location: LocationId) -> Note {
    // No connection yet: ask what Webex offers, for the partner to pick from.
    if reply.http() == 404 {
        p.numbers.get_or_default(location).unconnected = true;
        return Note::NoPstnConnection;
    }
    if !reply.ok() {
        return reply.stop_refused(p);
    }
    match reply.read::<PstnConnection>() {
        Some(c) if remote_id(&c.id).is_some() && !c.pstn_connection_type.is_empty() => {
            let kind = outside_text(&c.pstn_connection_type, OUTSIDE_TEXT_MAX);
            let state = p.numbers.get_or_default(location);
            state.connected = true;
            state.pstn_type = kind.clone();
            Note::PstnConnection(kind)
        }
        _ => reply.unexpected(p),
    }
}

/// `GET /telephony/pstn/locations/{id}/connectionOptions`: the run stops for the
/// partner to pick one.
pub(super) fn options(reply: &Reply, p: &mut Provisioning, location: LocationId) -> Note {
    if !reply.ok() {
        return reply.stop_refused(p);
    }
    let Some(list) = reply.read::<Items<PstnOptionAnswer>>() else {
        return reply.unexpected(p);
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

/// `PUT /telephony/pstn/locations/{id}/connection`: the partner's pick was set.
pub(super) fn connection_set(reply: &Reply, p: &mut Provisioning, location: LocationId) -> Note {
    let state = p.numbers.get_or_default(location);
    state.picked = None;
    state.route.clear();
    if !reply.ok() {
        // Refused (an integrated provider, a wrong trunk): the next run offers the
        // options again, and this stop says why.
        state.unconnected = true;
        return reply.stop_refused(p);
    }
    state.connected = true;
    state.unconnected = false;
    // Its type is read next: where the numbers come from decides what is sent.
    state.pstn_type.clear();
    state.options.clear();
    Note::PstnSet
}

/// The numbers of `location` come from a provider (chosen so here, or Webex says so):
/// they are only checked, never added or activated.
fn from_provider(reply: &Reply, p: &Provisioning, location: LocationId) -> bool {
    reply
        .customer
        .location(location)
        .is_some_and(|l| l.details.numbers == NumberSource::IntegratedProvider)
        || p.numbers
            .get(&location)
            .is_some_and(|n| numbers_from_provider(&n.pstn_type))
}

/// Numbers Webex will not take this run, each with why: not sent again, and the users
/// holding them refused with Webex's reason (a change kept beside it, for a user Webex
/// has), while the others go on.
fn refuse_numbers(
    reply: &Reply,
    p: &mut Provisioning,
    w: &mut InWebex,
    location: LocationId,
    http: u16,
    refused: Vec<(String, ApiProblem)>,
) {
    for (number, problem) in refused {
        for user in holders(reply.customer, location, &number) {
            if changes::user_in_webex(p, user) {
                w.refuse(Key::User(user), http, vec![problem.clone()]);
            } else {
                let problems = vec![problem.clone()];
                p.users.insert(user, UserState::Refused { http, problems });
            }
        }
        let state = p.numbers.get_or_default(location);
        state.inactive.retain(|n| *n != number);
        state.refused.push(number);
    }
}

/// A problem in words Webex did not give (the app's own finding), about `number`.
fn about(number: &str, what: &str) -> ApiProblem {
    ApiProblem {
        code: None,
        description: outside_text(&format!("{number}: {what}"), OUTSIDE_TEXT_MAX),
    }
}

/// `GET /telephony/config/numbers?locationId=`: a page of the inventory, read to its
/// end; the users' numbers found, and those Webex lists as inactive.
pub(super) fn listed(
    reply: &Reply,
    p: &mut Provisioning,
    w: &mut InWebex,
    location: LocationId,
) -> Note {
    if !reply.ok() {
        return reply.stop_refused(p);
    }
    let Some(list) = reply.read::<NumberList>() else {
        return reply.unexpected(p);
    };
    let customer = reply.customer;
    let provider = from_provider(reply, p, location);
    // Only the users' own numbers are kept (a location may hold thousands), each once.
    let wanted: HashSet<&str> = numbers_at(customer, location).collect();
    let state = p.numbers.get_or_default(location);
    let mut present: HashSet<String> = state.present.iter().cloned().collect();
    for n in &list.phone_numbers {
        let Some(number) = n.phone_number.as_deref().filter(|n| wanted.contains(n)) else {
            continue;
        };
        if present.insert(number.to_string()) {
            state.present.push(number.to_string());
        }
        if n.state == "INACTIVE" && !state.inactive.iter().any(|i| i == number) {
            state.inactive.push(number.to_string());
        }
    }
    let page = state
        .page
        .by_offset(list.phone_numbers.len(), MAX_NUMBER_PAGES);
    let listed = page == Page::End;
    state.listed = listed;
    let note = Note::NumbersListed(list.phone_numbers.len());
    if reply.paged(p, page) == Page::TooLong || !listed {
        return note;
    }
    // Read to its end: what Webex took this run yet does not list is refused, and so
    // is an inactive number no one here may activate.
    let state = p.numbers.get_or_default(location);
    let unlisted: Vec<String> = std::mem::take(&mut state.added)
        .into_iter()
        .filter(|n| !present.contains(n))
        .collect();
    let inactive = if provider {
        std::mem::take(&mut state.inactive)
    } else {
        Vec::new()
    };
    let mut refused: Vec<(String, ApiProblem)> = unlisted
        .into_iter()
        .map(|n| {
            let problem = about(
                &n,
                "Webex took the number but does not list it in the location's inventory.",
            );
            (n, problem)
        })
        .collect();
    refused.extend(inactive.into_iter().map(|n| {
        let problem = about(
            &n,
            "the number is inactive in Webex: the PSTN provider activates it.",
        );
        (n, problem)
    }));
    refuse_numbers(reply, p, w, location, 200, refused);
    if provider && !missing_numbers(customer, p, location).is_empty() {
        p.stopped = Some(Stop::NumbersMissing(location));
        p.running = false;
    }
    note
}

/// `POST /telephony/config/actions/validateNumbers/invoke`: the batch's available
/// numbers are added next; the others are refused per user with Webex's words.
pub(super) fn validated(
    reply: &Reply,
    p: &mut Provisioning,
    w: &mut InWebex,
    location: LocationId,
) -> Note {
    if !reply.ok() {
        return reply.stop_refused(p);
    }
    let Some(answer) = reply.read::<NumbersValidated>() else {
        return reply.unexpected(p);
    };
    let batch = to_validate(reply.customer, p, location);
    let mut refused = Vec::new();
    let mut available = 0;
    for number in batch {
        match answer.numbers.iter().find(|n| n.number == number) {
            Some(n) if n.state == "Available" => {
                available += 1;
                p.numbers.get_or_default(location).validated.push(number);
            }
            Some(n) => {
                let detail = n.detail.join(" ");
                let why = format!("{} {detail}", n.state);
                refused.push((number.clone(), about(&number, why.trim())));
            }
            // Every number asked is answered: one missing is not an answer to trust.
            None => return reply.unexpected(p),
        }
    }
    let note = Note::NumbersValidated(available);
    refuse_numbers(reply, p, w, location, 400, refused);
    note
}

/// `POST /telephony/config/locations/{id}/numbers`: the batch is in the inventory but
/// the numbers a `201` names in `errors[]`, which are refused per user; the inventory is
/// read again before the users.
pub(super) fn added(
    reply: &Reply,
    p: &mut Provisioning,
    w: &mut InWebex,
    location: LocationId,
) -> Note {
    if !reply.ok() {
        return reply.stop_refused(p);
    }
    let answer = if reply.answer.body.trim().is_empty() {
        NumbersAdded::default()
    } else {
        match reply.read::<NumbersAdded>() {
            Some(answer) => answer,
            None => return reply.unexpected(p),
        }
    };
    let batch = next_batch(reply.customer, p, location);
    let refused: Vec<(String, ApiProblem)> = batch
        .iter()
        .filter_map(|number| {
            let e = answer.errors.iter().find(|e| e.number == *number)?;
            let code = match &e.error_code {
                serde_json::Value::Number(n) => n.as_i64(),
                serde_json::Value::String(s) => s.parse().ok(),
                _ => None,
            };
            let description =
                outside_text(&format!("{number}: {}", e.error_message), OUTSIDE_TEXT_MAX);
            Some((number.clone(), ApiProblem { code, description }))
        })
        .collect();
    let taken: Vec<String> = batch
        .into_iter()
        .filter(|n| !refused.iter().any(|(r, _)| r == n))
        .collect();
    let note = Note::NumbersAdded(taken.len());
    let state = p.numbers.get_or_default(location);
    state.added.extend(taken);
    state.listed = false;
    state.page = Paging::default();
    refuse_numbers(reply, p, w, location, reply.http(), refused);
    note
}

/// `PUT /telephony/config/locations/{id}/numbers`: the inactive numbers are active now;
/// refused, they are refused per user with Webex's words.
pub(super) fn activated(
    reply: &Reply,
    p: &mut Provisioning,
    w: &mut InWebex,
    location: LocationId,
) -> Note {
    let inactive = std::mem::take(&mut p.numbers.get_or_default(location).inactive);
    if reply.ok() {
        return Note::NumbersActivated(inactive.len());
    }
    let (http, problems) = reply.refusal();
    let problem = problems.into_iter().next().unwrap_or(ApiProblem {
        code: None,
        description: format!("HTTP {http}"),
    });
    let refused = inactive.into_iter().map(|n| (n, problem.clone())).collect();
    refuse_numbers(reply, p, w, location, http, refused);
    Note::Refused
}
