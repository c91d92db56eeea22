//! The users' answers: precheck, provisioning, lookup, update and removal.

use super::super::plan::{may_create_again, not_found};
use super::Reply;
use crate::domain::changes::{self, InWebex, Key};
use crate::domain::ids::UserId;
use crate::domain::provisioning::{Provisioning, Target, UserState};
use crate::domain::text::{outside_text, OUTSIDE_TEXT_MAX};
use crate::domain::timeline::Note;
use crate::webex::wire::{remote_id, AnyObject, Items, SubscriberAnswer};

/// The user is refused as Webex said, and the others go on.
fn refused(reply: &Reply, p: &mut Provisioning, user: UserId) -> Note {
    let (http, problems) = reply.refusal();
    p.users.insert(user, UserState::Refused { http, problems });
    Note::Refused
}

/// A change to a user Webex has is refused: kept beside the change.
fn change_refused(reply: &Reply, w: &mut InWebex, user: UserId) -> Note {
    let (http, problems) = reply.refusal();
    w.refuse(Key::User(user), http, problems);
    Note::Refused
}

/// The subscriber's id and status from an answer that describes one; its People API
/// id is recorded when Webex gave it.
fn subscriber(reply: &Reply, p: &mut Provisioning, user: UserId) -> Option<(String, String)> {
    let s = reply.read::<SubscriberAnswer>()?;
    let id = remote_id(&s.id)?;
    if let Some(person) = s.person() {
        p.person_ids.insert(user, person);
    }
    Some((id, s.status))
}

/// `POST /wholesale/subscribers/validate`.
pub(super) fn prechecked(reply: &Reply, p: &mut Provisioning, user: UserId) -> Note {
    if !reply.ok() {
        return refused(reply, p, user);
    }
    if reply.read::<AnyObject>().is_none() {
        return reply.unexpected(p);
    }
    p.users.insert(user, UserState::Prechecked);
    Note::PrecheckPassed
}

/// `POST /wholesale/subscribers`. A user that exists already (`409`) is looked up
/// rather than failed, or sent again.
pub(super) fn provisioned(reply: &Reply, p: &mut Provisioning, user: UserId) -> Note {
    if reply.http() == 409 {
        let (_, problems) = reply.refusal();
        p.users.insert(user, UserState::Conflict { problems });
        return Note::UserExists;
    }
    if !reply.ok() {
        return refused(reply, p, user);
    }
    let Some((id, status)) = subscriber(reply, p, user) else {
        return reply.unexpected(p);
    };
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

/// `GET /wholesale/subscribers?customerId=&email=`: did a lost answer create it?
pub(super) fn looked_up(reply: &Reply, p: &mut Provisioning, user: UserId) -> Note {
    if !reply.ok() {
        return refused(reply, p, user);
    }
    let Some(list) = reply.read::<Items<SubscriberAnswer>>() else {
        return reply.unexpected(p);
    };
    let email = reply
        .customer
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
                if let Some(person) = s.person() {
                    p.person_ids.insert(user, person);
                }
                p.users.insert(
                    user,
                    UserState::Provisioned {
                        id,
                        status: outside_text(&s.status, OUTSIDE_TEXT_MAX),
                    },
                );
                Note::UserFound
            }
            None => reply.unexpected(p),
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

/// `PUT /wholesale/subscribers/{id}`: Webex has the user as it is here.
pub(super) fn updated(reply: &Reply, p: &mut Provisioning, w: &mut InWebex, user: UserId) -> Note {
    if !reply.ok() {
        return change_refused(reply, w, user);
    }
    let Some((id, status)) = subscriber(reply, p, user) else {
        return reply.unexpected(p);
    };
    let status = outside_text(&status, OUTSIDE_TEXT_MAX);
    let note = Note::SubscriberUpdated(status.clone());
    p.users.insert(user, UserState::Provisioned { id, status });
    // The package only (with the calling details when they went with it): names,
    // number, extension and location go their own ways.
    if let (Some(u), Some(webex)) = (reply.customer.user(user), w.users.get_mut(&user)) {
        changes::package_taken(webex, &u.details);
    }
    w.took(Key::User(user));
    note
}

/// `DELETE /wholesale/subscribers/{id}`. Gone already (a `DELETE` sent again after its
/// answer was lost) counts as gone.
pub(super) fn removed(reply: &Reply, p: &mut Provisioning, w: &mut InWebex, user: UserId) -> Note {
    if !reply.ok() && reply.http() != 404 {
        return change_refused(reply, w, user);
    }
    p.users.remove(&user);
    w.users.remove(&user);
    w.took(Key::User(user));
    Note::SubscriberRemoved
}
