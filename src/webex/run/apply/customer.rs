//! The customer's answers: its precheck, lookup, create, status, and updates.

use super::super::plan::{may_create_again, not_found};
use super::Reply;
use crate::domain::changes::{self, InWebex, Key};
use crate::domain::provisioning::{Provisioning, RemoteStatus, Stop, Target};
use crate::domain::timeline::Note;
use crate::webex::wire::{
    self, optional_id, remote_id, AnyObject, CustomerAnswer, Items, ResourceUrl,
};

/// `POST /wholesale/customers/validate`.
pub(super) fn prechecked(reply: &Reply, p: &mut Provisioning) -> Note {
    if !reply.ok() {
        let (http, problems) = reply.refusal();
        p.stopped = Some(Stop::PrecheckRefused { http, problems });
        p.running = false;
        return Note::PrecheckRefused;
    }
    if reply.read::<AnyObject>().is_none() {
        return reply.unexpected(p);
    }
    p.prechecked = true;
    Note::PrecheckPassed
}

/// `GET /wholesale/customers?externalId=`: found, not there yet, or lost.
pub(super) fn looked_up(reply: &Reply, p: &mut Provisioning) -> Note {
    if !reply.ok() {
        return reply.stop_refused(p);
    }
    let Some(list) = reply.read::<Items<CustomerAnswer>>() else {
        return reply.unexpected(p);
    };
    let external = reply.customer.id.to_string();
    let found = list
        .items
        .into_iter()
        .find(|c| c.external_id.as_deref() == Some(external.as_str()));
    match found {
        Some(c) if read_customer(p, &c) => Note::CustomerFound,
        Some(_) => reply.unexpected(p),
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

/// `POST /wholesale/customers`: the new customer's id, from the URL Webex answers.
pub(super) fn created(reply: &Reply, p: &mut Provisioning) -> Note {
    if !reply.ok() {
        return reply.stop_refused(p);
    }
    let id = reply.read::<ResourceUrl>().and_then(|r| {
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
        None => reply.unexpected(p),
    }
}

/// `GET /wholesale/customers/{id}`: its status, until final.
pub(super) fn awaited(reply: &Reply, p: &mut Provisioning) -> Note {
    if !reply.ok() {
        return reply.stop_refused(p);
    }
    match reply.read::<CustomerAnswer>() {
        Some(c) if read_customer(p, &c) => match p.status {
            Some(status) => Note::Status(status),
            None => reply.unexpected(p),
        },
        _ => reply.unexpected(p),
    }
}

/// `PUT /wholesale/customers/{id}` for a customer Webex ended in error: sent whole, as
/// it is now, so Webex has its packages and headquarters.
pub(super) fn updated(reply: &Reply, p: &mut Provisioning, w: &mut InWebex) -> Note {
    if !reply.ok() {
        return reply.stop_refused(p);
    }
    if !reply.update_accepted() {
        return reply.unexpected(p);
    }
    let hq = reply.customer.headquarters.id;
    p.update_asked = false;
    w.packages = None;
    w.locations.remove(&hq);
    w.took(Key::Location(hq));
    update_accepted(p, w)
}

/// `PUT /wholesale/customers/{id}` with the packages as changed here; a refusal is
/// kept beside the change.
pub(super) fn packages_updated(reply: &Reply, p: &mut Provisioning, w: &mut InWebex) -> Note {
    if !reply.ok() {
        let (http, problems) = reply.refusal();
        w.refuse(Key::Packages, http, problems);
        return Note::Refused;
    }
    if !reply.update_accepted() {
        return reply.unexpected(p);
    }
    w.packages = Some(changes::packages_to_send(reply.customer, w));
    update_accepted(p, w)
}

/// Webex took the packages: its status is followed again.
fn update_accepted(p: &mut Provisioning, w: &mut InWebex) -> Note {
    w.took(Key::Packages);
    p.status = Some(RemoteStatus::Updating);
    p.packages.clear();
    Note::UpdateAccepted
}

/// Records a customer as Webex described it; `false` when the description is not one
/// (ids that are not ids). A status this version does not know is kept as unknown.
fn read_customer(p: &mut Provisioning, c: &CustomerAnswer) -> bool {
    let status = RemoteStatus::read(&c.status);
    let (Some(id), Some(org)) = (optional_id(Some(&c.id)), optional_id(c.org_id.as_deref())) else {
        return false;
    };
    if let Some(id) = id {
        p.customer_id = Some(id);
    }
    p.org_id = org.or(p.org_id.take());
    p.status = Some(status);
    p.status_text = wire::unknown_status_text(&c.status);
    p.packages = c.package_states();
    if p.status == Some(RemoteStatus::Error) {
        p.stopped = Some(Stop::CustomerError);
        p.running = false;
    }
    true
}
