//! The organization's locations: the list, a branch created, a location updated.

use super::super::plan::{settle_unconfirmed, Listing, MAX_LOCATION_PAGES};
use super::Reply;
use crate::domain::changes::{InWebex, Key};
use crate::domain::ids::LocationId;
use crate::domain::paging::{Page, Paging};
use crate::domain::provisioning::Provisioning;
use crate::domain::timeline::Note;
use crate::webex::wire::{remote_id, Items, NamedId};

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
        p.locations_listed = settle_unconfirmed(reply.customer, p, w, Listing::Locations);
        if !p.locations_listed {
            p.locations_page = Paging::default();
        }
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
    if let Some(l) = reply.customer.location(location) {
        w.locations.insert(location, l.details.clone());
    }
    w.took(Key::Location(location));
    Note::LocationUpdated
}
