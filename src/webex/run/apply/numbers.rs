//! A location's numbers: its PSTN connection, the options to pick from, the inventory
//! read page by page, and the users' numbers added to it.

use super::super::plan::{missing_numbers, next_batch, MAX_NUMBER_PAGES};
use super::Reply;
use crate::domain::ids::LocationId;
use crate::domain::paging::Page;
use crate::domain::provisioning::{Provisioning, PstnOption, Stop};
use crate::domain::pstn::{numbers_from_provider, NumberSource};
use crate::domain::text::{outside_text, OUTSIDE_TEXT_MAX};
use crate::domain::timeline::Note;
use crate::webex::wire::{
    remote_id, Items, NumberList, PstnConnection, PstnOptionAnswer, MAX_PROBLEMS,
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

/// `GET /telephony/config/numbers?locationId=`: a page of the inventory.
pub(super) fn listed(reply: &Reply, p: &mut Provisioning, location: LocationId) -> Note {
    if !reply.ok() {
        return reply.stop_refused(p);
    }
    let Some(list) = reply.read::<NumberList>() else {
        return reply.unexpected(p);
    };
    let customer = reply.customer;
    // Only the users' own numbers are kept (a location may hold thousands), each once:
    // the missing ones, as a set.
    let mut missing: HashSet<String> = missing_numbers(customer, p, location).into_iter().collect();
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
    let page = state
        .page
        .by_offset(list.phone_numbers.len(), MAX_NUMBER_PAGES);
    let listed = page == Page::End;
    state.listed = listed;
    let note = Note::NumbersListed(list.phone_numbers.len());
    if reply.paged(p, page) == Page::TooLong {
        return note;
    }
    let integrated = customer
        .location(location)
        .is_some_and(|l| l.details.numbers == NumberSource::IntegratedProvider)
        || numbers_from_provider(&p.numbers.get_or_default(location).pstn_type);
    // What the pages read so far did not show is still missing.
    if listed && integrated && !missing.is_empty() {
        p.stopped = Some(Stop::NumbersMissing(location));
        p.running = false;
    }
    note
}

/// `POST /telephony/config/locations/{id}/numbers`: the batch is in the inventory.
pub(super) fn added(reply: &Reply, p: &mut Provisioning, location: LocationId) -> Note {
    if !reply.ok() {
        return reply.stop_refused(p);
    }
    let batch = next_batch(reply.customer, p, location);
    let note = Note::NumbersAdded(batch.len());
    p.numbers.get_or_default(location).present.extend(batch);
    note
}
