//! A provisioned user's changes beyond its package: its People API id read from its
//! subscriber, its names, number and extension through the People API (read, sent back
//! changed, and what Webex then shows recorded), and a calling user's move to another
//! location (a job followed to its end). Only what Webex shows is recorded as in Webex;
//! what it did not take stays listed beside the change.

use super::super::plan::MOVE_FAILED;
use super::Reply;
use crate::domain::changes::{InWebex, Key};
use crate::domain::ids::UserId;
use crate::domain::provisioning::{ApiProblem, PersonRead, Provisioning};
use crate::domain::text::{outside_text, OUTSIDE_TEXT_MAX};
use crate::domain::timeline::Note;
use crate::domain::user::UserDetails;
use crate::webex::wire::{remote_id, Job, JobErrors, MoveStarted, PersonAnswer, SubscriberAnswer};

/// Times a run asks about a move job before it leaves it to a later run (about a
/// minute and a half at `poll_delay_ms`); the job id is kept, so nothing moves twice.
pub const MAX_MOVE_POLLS: u32 = 12;

/// A change to the user is refused as Webex answered: kept beside the change.
fn refused(reply: &Reply, w: &mut InWebex, user: UserId) -> Note {
    let (http, problems) = reply.refusal();
    w.refuse(Key::User(user), http, problems);
    Note::Refused
}

/// A change Webex answered yet did not make: kept beside it, in these words.
fn not_taken(w: &mut InWebex, user: UserId, http: u16, problems: Vec<ApiProblem>) -> Note {
    w.refuse(Key::User(user), http, problems);
    Note::Refused
}

fn problem(description: String) -> ApiProblem {
    ApiProblem {
        code: None,
        description,
    }
}

/// `GET /wholesale/subscribers/{id}`: the user's People API id.
pub(super) fn subscriber_read(
    reply: &Reply,
    p: &mut Provisioning,
    w: &mut InWebex,
    user: UserId,
) -> Note {
    if !reply.ok() {
        return refused(reply, w, user);
    }
    let Some(s) = reply.read::<SubscriberAnswer>() else {
        return reply.unexpected(p);
    };
    match s.person() {
        Some(person) => {
            p.person_ids.insert(user, person);
            Note::PersonFound
        }
        // Given once the subscriber is provisioned: nothing to change through yet.
        None => {
            let status = outside_text(&s.status, OUTSIDE_TEXT_MAX);
            let why = format!("Webex has no person for this subscriber yet (status {status}).");
            not_taken(w, user, reply.http(), vec![problem(why)])
        }
    }
}

/// `GET /people/{id}?callingData=true`: the person, to send back changed; or, after an
/// update that answered without it, what Webex took.
pub(super) fn person_read(
    reply: &Reply,
    p: &mut Provisioning,
    w: &mut InWebex,
    user: UserId,
) -> Note {
    if !reply.ok() {
        p.people.remove(&user);
        return refused(reply, w, user);
    }
    let Some(person) = reply.read::<PersonAnswer>() else {
        p.people.remove(&user);
        return reply.unexpected(p);
    };
    if remote_id(&person.id).is_none() {
        p.people.remove(&user);
        return reply.unexpected(p);
    }
    if p.people.get(&user).is_some_and(|r| r.after_update) {
        p.people.remove(&user);
        return record(reply, w, user, &person);
    }
    let text = reply.answer.body.clone();
    p.people.insert(
        user,
        PersonRead {
            text,
            after_update: false,
        },
    );
    Note::PersonRead
}

/// `PUT /people/{id}?callingData=true`: what Webex shows now is what is recorded; an
/// answer without the person is read back first.
pub(super) fn person_updated(
    reply: &Reply,
    p: &mut Provisioning,
    w: &mut InWebex,
    user: UserId,
) -> Note {
    // A failed update may have changed part of the person (the spec says so): what
    // Webex has is read again by the next run, which starts from a fresh read.
    if !reply.ok() {
        p.people.remove(&user);
        return refused(reply, w, user);
    }
    if reply.answer.body.trim().is_empty() {
        p.people.insert(
            user,
            PersonRead {
                text: String::new(),
                after_update: true,
            },
        );
        return Note::UpdateAccepted;
    }
    p.people.remove(&user);
    match reply.read::<PersonAnswer>() {
        Some(person) => record(reply, w, user, &person),
        None => reply.unexpected(p),
    }
}

/// Records the names, number and extension Webex shows for the user; what differs from
/// what was asked stays a change, refused with what Webex shows.
fn record(reply: &Reply, w: &mut InWebex, user: UserId, person: &PersonAnswer) -> Note {
    let (Some(now), Some(was)) = (reply.customer.user(user), w.users.get(&user)) else {
        return Note::PersonUpdated;
    };
    let now = &now.details;
    let mut webex = was.clone();
    let mut missed = Vec::new();
    let shown = |value: &Option<String>| value.as_deref().unwrap_or_default().trim().to_string();
    if shown(&person.first_name) == now.first_name.as_ref()
        && shown(&person.last_name) == now.last_name.as_ref()
    {
        webex.first_name = now.first_name.clone();
        webex.last_name = now.last_name.clone();
    } else {
        missed.push(format!(
            "Webex shows the name {} {}.",
            shown(&person.first_name),
            shown(&person.last_name)
        ));
    }
    if now.package.is_calling() {
        let extension = shown(&person.extension);
        if extension == now.extension.as_ref().map_or("", |x| x.as_str()) {
            webex.extension = now.extension.clone();
        } else {
            missed.push(format!("Webex shows the extension “{extension}”."));
        }
        let work = person
            .phone_numbers
            .iter()
            .find(|n| n.kind == "work")
            .map(|n| digits(&n.value))
            .unwrap_or_default();
        if work
            == now
                .phone
                .as_ref()
                .map_or(String::new(), |n| digits(n.as_str()))
        {
            webex.phone = now.phone.clone();
        } else {
            missed.push("Webex shows another work number.".to_string());
        }
    }
    w.users.insert(user, webex);
    if missed.is_empty() {
        w.took(Key::User(user));
        return Note::PersonUpdated;
    }
    let problems = missed
        .into_iter()
        .map(|m| problem(outside_text(&m, OUTSIDE_TEXT_MAX)))
        .collect();
    not_taken(w, user, reply.http(), problems)
}

/// A number's digits (Webex may write `+1 512-555-0100` for `+15125550100`).
fn digits(number: &str) -> String {
    number.chars().filter(char::is_ascii_digit).collect()
}

/// `POST /telephony/config/jobs/person/moveLocation`: the job is followed from here.
pub(super) fn move_started(
    reply: &Reply,
    p: &mut Provisioning,
    w: &mut InWebex,
    user: UserId,
) -> Note {
    if !reply.ok() {
        return refused(reply, w, user);
    }
    match reply
        .read::<MoveStarted>()
        .and_then(|m| remote_id(&m.response.id))
    {
        Some(job) => {
            p.moves.insert(user, job);
            p.move_polls.remove(&user);
            Note::MoveStarted
        }
        None => reply.unexpected(p),
    }
}

/// `GET …/moveLocation/{jobId}`: done (the user is at its new location, with the
/// number and extension sent), failed (its errors are read next), or still going.
pub(super) fn move_awaited(
    reply: &Reply,
    p: &mut Provisioning,
    w: &mut InWebex,
    user: UserId,
) -> Note {
    if !reply.ok() {
        p.moves.remove(&user);
        return refused(reply, w, user);
    }
    let Some(job) = reply.read::<Job>() else {
        return reply.unexpected(p);
    };
    let status = &job.latest_execution_status;
    match (status.as_str(), job.latest_execution_exit_code.as_str()) {
        ("COMPLETED", "COMPLETED") => {
            p.moves.remove(&user);
            p.move_polls.remove(&user);
            if let (Some(now), Some(webex)) = (reply.customer.user(user), w.users.get_mut(&user)) {
                moved(webex, &now.details);
            }
            w.took(Key::User(user));
            Note::Moved
        }
        ("COMPLETED", _) | ("FAILED" | "ABANDONED", _) => {
            *p.move_polls.get_or_default(user) = MOVE_FAILED;
            Note::MoveStatus(outside_text(status, OUTSIDE_TEXT_MAX))
        }
        (running, _) => {
            let polls = p.move_polls.get_or_default(user);
            *polls = polls.saturating_add(1);
            if *polls >= MAX_MOVE_POLLS {
                let why = "Webex is still moving the user: Apply changes in Webex follows the same move later.";
                not_taken(w, user, reply.http(), vec![problem(why.to_string())]);
            }
            Note::MoveStatus(outside_text(running, OUTSIDE_TEXT_MAX))
        }
    }
}

/// What a completed move made Webex have.
fn moved(webex: &mut UserDetails, now: &UserDetails) {
    webex.location = now.location;
    webex.phone = now.phone.clone();
    webex.extension = now.extension.clone();
}

/// `GET …/moveLocation/{jobId}/errors`: the move is refused with Webex's words.
pub(super) fn move_errors(
    reply: &Reply,
    p: &mut Provisioning,
    w: &mut InWebex,
    user: UserId,
) -> Note {
    p.moves.remove(&user);
    p.move_polls.remove(&user);
    if !reply.ok() {
        return refused(reply, w, user);
    }
    let problems = reply
        .read::<JobErrors>()
        .map(|e| e.problems())
        .unwrap_or_default();
    let problems = if problems.is_empty() {
        vec![problem(
            "Webex ended the move with errors it did not name.".into(),
        )]
    } else {
        problems
    };
    not_taken(w, user, 400, problems)
}
