//! The organization's locations: the list, a branch created, a location updated.

use super::super::plan::{listed_to_end, Listing, MAX_LOCATION_PAGES};
use super::Reply;
use crate::domain::changes::location_differs;
use crate::domain::changes::{InWebex, Key};
use crate::domain::ids::LocationId;
use crate::domain::paging::Page;
use crate::domain::provisioning::Provisioning;
use crate::domain::text::{outside_text, OUTSIDE_TEXT_MAX};
use crate::domain::timeline::Note;
use crate::webex::wire::{remote_id, CallingLocation, Items, NamedId};

/// `GET /locations?orgId=`: the headquarters' id, and branches made earlier, by name.
pub(super) fn listed(reply: &Reply, p: &mut Provisioning, w: &InWebex) -> Note {
    if !reply.ok() {
        return reply.stop_refused(p);
    }
    let Some(list) = reply.read::<Items<NamedId>>() else {
        return reply.unexpected(p);
    };
    let listed = list.items;
    for location in reply.customer.all_locations() {
        let name = location.details.name.as_ref();
        if let Some(found) = listed
            .iter()
            .find(|l| l.name == name)
            .and_then(|l| remote_id(&l.id))
        {
            p.locations.insert(location.id, found);
        }
    }
    let note = Note::LocationsListed(listed.len());
    // Webex pages this list by `Link`: it ends where no next page is linked.
    let Ok(next) = reply.next_page("/locations") else {
        reply.stop_unread(p);
        return note;
    };
    let page = p
        .locations_page
        .by_link(listed.len(), next, MAX_LOCATION_PAGES);
    // A branch whose create was lost is listed again until absence is proven.
    if reply.paged(p, page) == Page::End {
        listed_to_end(reply.customer, p, w, Listing::Locations);
    }
    note
}

/// `POST /locations`: the branch's id.
pub(super) fn created(reply: &Reply, p: &mut Provisioning, id: LocationId) -> Note {
    if !reply.ok() {
        return reply.stop_refused(p);
    }
    match reply.read::<NamedId>().and_then(|l| remote_id(&l.id)) {
        Some(created) => {
            p.locations.insert(id, created.clone());
            Note::LocationCreated(created)
        }
        None => reply.unexpected(p),
    }
}

/// `PUT /locations/{id}`: Webex has the location as it is here; a refusal is kept
/// beside the change.
pub(super) fn updated(reply: &Reply, w: &mut InWebex, location: LocationId) -> Note {
    if !reply.ok() {
        let (http, problems) = reply.refusal();
        w.refuse(Key::Location(location), http, problems);
        return Note::Refused;
    }
    // Its name, address and time zone: a routing prefix goes its own way.
    if let (Some(l), Some(was)) = (
        reply.customer.location(location),
        w.locations.get_mut(&location),
    ) {
        was.name = l.details.name.clone();
        was.address = l.details.address.clone();
        was.time_zone = l.details.time_zone.clone();
    }
    w.took(Key::Location(location));
    Note::LocationUpdated
}

/// `GET /telephony/config/locations/{id}`: the routing prefix Webex has; set next where
/// it is not the one given here.
pub(super) fn prefix_read(
    reply: &Reply,
    p: &mut Provisioning,
    w: &mut InWebex,
    location: LocationId,
) -> Note {
    if !reply.ok() {
        return reply.stop_refused(p);
    }
    let Some(read) = reply
        .read::<CallingLocation>()
        .filter(|l| remote_id(&l.id).is_some())
    else {
        return reply.unexpected(p);
    };
    let webex = outside_text(
        read.routing_prefix.as_deref().unwrap_or_default(),
        OUTSIDE_TEXT_MAX,
    );
    let ours = reply
        .customer
        .location(location)
        .and_then(|l| l.details.routing_prefix.clone());
    p.prefixes_read.push(location);
    if ours.is_some_and(|ours| ours.as_str() == webex) {
        prefix_taken(reply, w, location);
    } else {
        p.prefixes_to_set.push(location);
    }
    Note::RoutingPrefix(webex)
}

/// `PUT /telephony/config/locations/{id}`: Webex has the routing prefix given here. A
/// refusal stops a first run (the users' extensions would clash); on day two it is kept
/// beside the change.
pub(super) fn prefix_set(
    reply: &Reply,
    p: &mut Provisioning,
    w: &mut InWebex,
    location: LocationId,
) -> Note {
    p.prefixes_to_set.retain(|l| *l != location);
    if !reply.ok() {
        if !w.locations.contains_key(&location) {
            return reply.stop_refused(p);
        }
        let (http, problems) = reply.refusal();
        w.refuse(Key::Location(location), http, problems);
        return Note::Refused;
    }
    prefix_taken(reply, w, location);
    Note::RoutingPrefixSet
}

/// Webex has the location's routing prefix as it is here.
fn prefix_taken(reply: &Reply, w: &mut InWebex, location: LocationId) {
    let Some(now) = reply.customer.location(location) else {
        return;
    };
    if let Some(was) = w.locations.get_mut(&location) {
        was.routing_prefix = now.details.routing_prefix.clone();
        if !location_differs(was, &now.details) {
            w.took(Key::Location(location));
        }
    }
}
