//! Webex Calling on the locations: the list of calling locations, a branch enabled.

use super::super::plan::{list_again, listed_to_end, Listing, MAX_LOCATION_PAGES};
use super::Reply;
use crate::domain::changes::InWebex;
use crate::domain::ids::LocationId;
use crate::domain::paging::Page;
use crate::domain::provisioning::Provisioning;
use crate::domain::timeline::Note;
use crate::webex::wire::{remote_id, CallingLocations, Languages, NamedId};

/// `GET /telephony/config/locations?orgId=`: the locations with Webex Calling.
pub(super) fn listed(reply: &Reply, p: &mut Provisioning, w: &InWebex) -> Note {
    if !reply.ok() {
        return reply.stop_refused(p);
    }
    let Some(list) = reply.read::<CallingLocations>() else {
        return reply.unexpected(p);
    };
    for location in reply.customer.all_locations() {
        let enabled = p
            .locations
            .get(&location.id)
            .is_some_and(|id| list.locations.iter().any(|l| l.id == *id));
        if enabled && !p.calling.contains(&location.id) {
            p.calling.push(location.id);
        }
    }
    let received = list.locations.len();
    let page = p.calling_page.by_offset(received, MAX_LOCATION_PAGES);
    // An enable whose answer was lost is listed again until absence is proven.
    if reply.paged(p, page) == Page::End {
        listed_to_end(reply.customer, p, w, Listing::Calling);
    }
    Note::CallingLocations(received)
}

/// `POST /telephony/config/locations?orgId=`: the branch Webex enabled, which must be
/// the one asked.
pub(super) fn enabled(reply: &Reply, p: &mut Provisioning, id: LocationId) -> Note {
    // Already enabled (an earlier run's answer lost, or done in Control Hub): the list
    // is read again, where it shows. (An enable that never shows is sent at most twice:
    // see `listed_to_end`.)
    if reply.http() == 409 {
        list_again(p, Listing::Calling);
        return Note::CallingAlreadyEnabled;
    }
    if !reply.ok() {
        return reply.stop_refused(p);
    }
    let expected = p.locations.get(&id).cloned();
    match reply.read::<NamedId>().and_then(|l| remote_id(&l.id)) {
        Some(enabled) if Some(&enabled) == expected.as_ref() => {
            if !p.calling.contains(&id) {
                p.calling.push(id);
            }
            Note::CallingEnabled
        }
        _ => reply.unexpected(p),
    }
}

/// `GET /telephony/config/announcementLanguages`: the codes Webex offers. A branch
/// whose language is not among them gets English, and the timeline says so.
pub(super) fn languages(reply: &Reply, p: &mut Provisioning) -> Note {
    const MAX_LANGUAGES: usize = 500;
    if !reply.ok() {
        return reply.stop_refused(p);
    }
    let Some(list) = reply.read::<Languages>() else {
        return reply.unexpected(p);
    };
    let codes: Vec<String> = list
        .languages
        .into_iter()
        .map(|l| l.code)
        .filter(|c| {
            !c.is_empty()
                && c.len() <= 16
                && c.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
        })
        .take(MAX_LANGUAGES)
        .collect();
    let fallback = reply
        .customer
        .locations
        .iter()
        .map(|l| &l.details.language)
        .find(|language| language.announcement(&codes).1)
        .map(|language| language.webex_lower());
    let note = match fallback {
        Some(language) => Note::AnnouncementsInEnglish(language),
        None => Note::AnnouncementLanguages(codes.len()),
    };
    p.announcement_languages = Some(codes);
    note
}
