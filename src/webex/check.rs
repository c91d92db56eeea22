//! "Check with Webex": a dry run of a customer. It sends only reads and Webex's
//! prechecks — the customer's (while Webex does not have it), each user's not yet in
//! Webex, `validateNumbers` for the numbers a run would add, and each location's
//! calling state and PSTN connection — never a write, and reports what each answered
//! (`domain::check::CheckReport`).
//!
//! Driven like a run ([`runner`](super::runner)): a few requests at a time over the same
//! [`Connection`], rate limits and failures handled by `run::classify`, stopped by the
//! partner; but every step is independent, so its plan is a list made at the start.

use super::requests::{self, Ref};
use super::run::{self, Answer, RequestKind, Verdict};
use super::runner::{encode, get, gone, ids_of, outgoing, template_of, Connection, Outgoing};
use super::wire::{self, excerpt, problems_of, NumbersValidated, PrecheckPassed, PstnConnection};
use crate::domain::check::Finding as Found;
use crate::domain::check::{CheckReport, Finding, NumberFinding};
use crate::domain::customer::Customer;
use crate::domain::ids::{LocationId, UserId};
use crate::domain::provisioning::{Answered, Event, Provisioning, Stop, TransportError, UserState};
use crate::domain::pstn::{numbers_from_provider, NumberSource};
use crate::domain::readiness::Destination;
use crate::domain::text::{outside_text, OUTSIDE_TEXT_MAX};
use crate::domain::time::Timestamp;
use crate::domain::timeline::Note;
use crate::domain::user::User;
use crate::domain::Document;
use futures::stream::{FuturesUnordered, StreamExt};
use std::future::Future;

/// Requests a check has out at once.
pub const PARALLEL_CHECKS: usize = 4;

/// What a check asks Webex.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CheckStep {
    /// `POST /wholesale/customers/validate`.
    Customer,
    /// `POST /wholesale/subscribers/validate`.
    User(UserId),
    /// `POST /telephony/config/actions/validateNumbers/invoke`: the plan's batch.
    Numbers(usize),
    /// `GET /telephony/config/locations/{id}`: Webex Calling on it (`404`: none).
    Calling(LocationId),
    /// `GET /telephony/pstn/locations/{id}/connection`.
    Pstn(LocationId),
}

impl CheckStep {
    fn label(self) -> &'static str {
        match self {
            CheckStep::Customer => "POST /wholesale/customers/validate",
            CheckStep::User(_) => "POST /wholesale/subscribers/validate",
            CheckStep::Numbers(_) => "POST /telephony/config/actions/validateNumbers/invoke",
            CheckStep::Calling(_) => "GET /telephony/config/locations/{id}",
            CheckStep::Pstn(_) => "GET /telephony/pstn/locations/{id}/connection",
        }
    }
}

/// A check's requests, made once at its start.
#[derive(Clone, Debug, Default)]
pub struct CheckPlan {
    pub steps: Vec<CheckStep>,
    /// The numbers each `Numbers` step checks.
    pub batches: Vec<Vec<String>>,
}

impl CheckPlan {
    /// Users the plan checks.
    pub fn users(&self) -> usize {
        self.steps
            .iter()
            .filter(|s| matches!(s, CheckStep::User(_)))
            .count()
    }
}

/// What a check of `customer` asks, given what Webex has of it (`p`).
pub fn plan(customer: &Customer, p: &Provisioning) -> CheckPlan {
    let mut plan = CheckPlan::default();
    if p.customer_id.is_none() {
        plan.steps.push(CheckStep::Customer);
    }
    let in_webex = |u: UserId| matches!(p.users.get(&u), Some(UserState::Provisioned { .. }));
    plan.steps.extend(
        customer
            .users
            .iter()
            .filter(|u| !in_webex(u.id))
            .map(|u| CheckStep::User(u.id)),
    );
    // The numbers a run would add: not where a provider brings them, nor already shown.
    for (location, source, _) in run::numbered_locations(customer) {
        let pstn = p.numbers.get(&location).map(|n| n.pstn_type.as_str());
        let from_provider =
            source == NumberSource::IntegratedProvider || pstn.is_some_and(numbers_from_provider);
        if matches!(source, NumberSource::ExtensionsOnly) || from_provider {
            continue;
        }
        if customer
            .location(location)
            .is_some_and(|l| l.details.numbers.is_not_chosen())
        {
            continue;
        }
        for batch in run::missing_numbers(customer, p, location).chunks(run::NUMBERS_PER_REQUEST) {
            plan.steps.push(CheckStep::Numbers(plan.batches.len()));
            plan.batches.push(batch.to_vec());
        }
    }
    // What Webex has of the locations it has.
    if p.org_id.is_some() {
        for location in customer.all_locations() {
            if p.locations.contains_key(&location.id) {
                plan.steps.push(CheckStep::Calling(location.id));
                plan.steps.push(CheckStep::Pstn(location.id));
            }
        }
    }
    plan
}

/// What a check of `users` asks (rows not yet saved, as the customer would have them):
/// their prechecks and their numbers only.
pub fn trial(customer: &Customer, p: &Provisioning, users: Vec<User>) -> (Customer, CheckPlan) {
    let trial = Customer {
        users,
        ..customer.clone()
    };
    let mut plan = plan(&trial, p);
    plan.steps
        .retain(|s| matches!(s, CheckStep::User(_) | CheckStep::Numbers(_)));
    (trial, plan)
}

/// The request for `step`; or why it cannot go (the template is gone, or is not linked
/// to Partner Hub).
pub fn request_for(
    doc: &Document,
    customer: &Customer,
    p: &Provisioning,
    plan: &CheckPlan,
    step: CheckStep,
    destination: Destination,
) -> Result<Outgoing, Stop> {
    let gone = gone();
    let template = template_of(doc, customer)?;
    let provisioning_id =
        || requests::provisioning_id(template, destination).ok_or(Stop::NotLinked);
    let ids = |r: Ref| ids_of(p, r);
    let org = p.org_id.as_deref().map(encode);
    let location = |l: LocationId| p.locations.get(&l).map(|id| encode(id)).ok_or(gone.clone());
    let request = match step {
        CheckStep::Customer => {
            requests::customer_request(&provisioning_id()?, customer, true, &ids)
        }
        CheckStep::User(u) => {
            let user = customer.user(u).ok_or(gone.clone())?;
            if p.customer_id.is_some() {
                requests::user_request(customer, user, true, &ids)
            } else {
                requests::precheck_new_customer_user(&provisioning_id()?, customer, user)
            }
        }
        CheckStep::Numbers(i) => {
            let numbers = plan.batches.get(i).cloned().ok_or(gone.clone())?;
            requests::check_numbers(org.as_deref(), numbers)
        }
        CheckStep::Calling(l) => {
            return Ok(get(format!(
                "/telephony/config/locations/{}?orgId={}",
                location(l)?,
                org.unwrap_or_default()
            )))
        }
        CheckStep::Pstn(l) => {
            return Ok(get(format!(
                "/telephony/pstn/locations/{}/connection?orgId={}",
                location(l)?,
                org.unwrap_or_default()
            )))
        }
    };
    Ok(outgoing(request))
}

/// Records what Webex answered to `step` in `report`, and says what the timeline
/// notes of it; `Err` when the answer is not one the spec describes (the check ends,
/// quoting it).
pub fn record(
    report: &mut CheckReport,
    plan: &CheckPlan,
    step: CheckStep,
    answer: &Answer,
) -> Result<Note, Stop> {
    let ok = (200..300).contains(&answer.http);
    let unexpected = || {
        Stop::Unexpected(Answered {
            request: step.label().to_string(),
            http: answer.http,
            text: excerpt(&answer.body),
        })
    };
    let refused = || Finding::Failed {
        http: answer.http,
        problems: problems_of(&answer.body),
    };
    let precheck = || -> Result<Finding, Stop> {
        if !ok {
            return Ok(refused());
        }
        let passed: PrecheckPassed = wire::read(&answer.body).ok_or_else(unexpected)?;
        Ok(Finding::Passed {
            warnings: passed.warnings(),
        })
    };
    let noted = |f: &Found| match f {
        Found::Passed { .. } => Note::PrecheckPassed,
        Found::Failed { .. } => Note::PrecheckRefused,
    };
    Ok(match step {
        CheckStep::Customer => {
            let found = precheck()?;
            let note = noted(&found);
            report.customer = Some(found);
            note
        }
        CheckStep::User(u) => {
            let found = precheck()?;
            let note = noted(&found);
            report.users.insert(u, found);
            note
        }
        CheckStep::Numbers(i) => {
            let batch = plan.batches.get(i).map(Vec::as_slice).unwrap_or_default();
            record_numbers(report, batch, answer).ok_or_else(unexpected)?
        }
        CheckStep::Calling(l) => {
            let calling = match answer.http {
                404 => false,
                _ if ok => true,
                _ => {
                    return Err(Stop::Refused {
                        http: answer.http,
                        problems: problems_of(&answer.body),
                    })
                }
            };
            report.locations.get_or_default(l).calling = Some(calling);
            Note::CallingLocations(usize::from(calling))
        }
        CheckStep::Pstn(l) => {
            let pstn = match answer.http {
                404 => String::new(),
                _ if ok => {
                    let c: PstnConnection = wire::read(&answer.body).ok_or_else(unexpected)?;
                    outside_text(&c.pstn_connection_type, OUTSIDE_TEXT_MAX)
                }
                _ => {
                    return Err(Stop::Refused {
                        http: answer.http,
                        problems: problems_of(&answer.body),
                    })
                }
            };
            let note = if pstn.is_empty() {
                Note::NoPstnConnection
            } else {
                Note::PstnConnection(pstn.clone())
            };
            report.locations.get_or_default(l).pstn = pstn;
            note
        }
    })
}

/// Checks `customer` against Webex, a few requests at a time, until every answer came
/// or the check ended (stopped by the partner: the connection answers
/// `TransportError::Aborted`; a token refused; an answer the spec does not describe).
/// `progress` is told of the report after every answer, `log` of every answer (the
/// timeline's event, for a run that starts with the check).
#[allow(clippy::too_many_arguments)]
pub async fn check<C, S, F>(
    connection: &C,
    doc: &Document,
    customer: &Customer,
    p: &Provisioning,
    sleep: S,
    now: impl Fn() -> Timestamp,
    progress: impl FnMut(&CheckReport),
    log: impl FnMut(Event),
) -> CheckReport
where
    C: Connection,
    S: Fn(u32) -> F,
    F: Future<Output = ()>,
{
    check_with(
        connection,
        doc,
        customer,
        p,
        plan(customer, p),
        (sleep, now),
        progress,
        log,
    )
    .await
}

/// [`check`] of what `plan` asks.
#[allow(clippy::too_many_arguments)]
pub async fn check_with<C, S, F>(
    connection: &C,
    doc: &Document,
    customer: &Customer,
    p: &Provisioning,
    plan: CheckPlan,
    (sleep, now): (S, impl Fn() -> Timestamp),
    mut progress: impl FnMut(&CheckReport),
    mut log: impl FnMut(Event),
) -> CheckReport
where
    C: Connection,
    S: Fn(u32) -> F,
    F: Future<Output = ()>,
{
    let mut report = CheckReport {
        at: now().0,
        of: crate::domain::check::fingerprint(customer),
        asked: u32::try_from(plan.steps.len()).unwrap_or(u32::MAX),
        ..CheckReport::default()
    };
    let send = |step: CheckStep, attempt: u32, delay: u32, request: Outgoing| {
        let wait = sleep(delay);
        async move {
            wait.await;
            let answer = connection.send(request.clone()).await;
            (step, attempt, request, answer)
        }
    };
    let mut queue = plan.steps.iter().copied();
    let mut in_flight = FuturesUnordered::new();
    loop {
        while report.ended.is_none() && in_flight.len() < PARALLEL_CHECKS {
            let Some(step) = queue.next() else { break };
            match request_for(doc, customer, p, &plan, step, connection.destination()) {
                Ok(request) => in_flight.push(send(step, 0, 0, request)),
                Err(stop) => report.ended = Some(stop),
            }
        }
        let Some((step, attempt, request, answer)) = in_flight.next().await else {
            break;
        };
        let kind = RequestKind {
            label: step.label(),
            creates: false,
        };
        let failure = answer.as_ref().err().copied();
        let (http, tracking_id) = match &answer {
            Ok(a) => (Some(a.http), a.tracking_id.clone()),
            Err(_) => (None, None),
        };
        let note = match run::classify(kind, answer.as_ref().map_err(|e| *e), attempt) {
            Verdict::Apply => {
                let answer = answer.expect("applied answers came");
                report.answered += 1;
                match record(&mut report, &plan, step, &answer) {
                    Ok(note) => note,
                    Err(stop) => {
                        report.ended.get_or_insert(stop);
                        Note::Unexpected(excerpt(&answer.body))
                    }
                }
            }
            Verdict::Retry { after_ms } => {
                if report.ended.is_none() {
                    in_flight.push(send(step, attempt + 1, after_ms, request.clone()));
                }
                let seconds = after_ms.div_ceil(1000);
                Note::Retrying { failure, seconds }
            }
            Verdict::NeedToken => {
                report.ended.get_or_insert(Stop::TokenRefused);
                Note::TokenRefused
            }
            Verdict::Paused | Verdict::Lost => {
                report.ended.get_or_insert(Stop::Paused);
                Note::StoppedByPartner
            }
            Verdict::WaitTooLong { seconds } => {
                report.ended.get_or_insert(Stop::WaitTooLong(seconds));
                Note::AskedToWait(seconds)
            }
            Verdict::GiveUp(stop) => {
                report.ended.get_or_insert(stop);
                Note::GaveUp(failure)
            }
        };
        log(Event {
            at: now(),
            method: request.method.as_str().into(),
            path: request.path.clone(),
            http,
            summary: note.stored(),
            tracking_id: tracking_id.map(|t| outside_text(&t, OUTSIDE_TEXT_MAX)),
        });
        progress(&report);
    }
    if answer_missing(&report) && report.ended.is_none() {
        report.ended = Some(Stop::Failed(TransportError::Network));
    }
    report
}

/// Not every request was answered though nothing ended the check (cannot happen; kept
/// so a report never claims to be whole when it is not).
fn answer_missing(report: &CheckReport) -> bool {
    report.answered < report.asked
}

/// `validateNumbers`' answer for `batch`: each number's state (a refusal of the whole
/// request is each number's); `None` when the answer is not one to trust.
fn record_numbers(report: &mut CheckReport, batch: &[String], answer: &Answer) -> Option<Note> {
    if !(200..300).contains(&answer.http) {
        let problems = problems_of(&answer.body);
        let detail: Vec<String> = problems.into_iter().map(|p| p.description).collect();
        report.numbers.extend(batch.iter().map(|n| NumberFinding {
            number: n.clone(),
            state: format!("HTTP {}", answer.http),
            detail: detail.clone(),
        }));
        return Some(Note::Refused);
    }
    let answered: NumbersValidated = wire::read(&answer.body)?;
    for number in batch {
        // Every number asked is answered: one missing is not an answer to trust.
        let n = answered.numbers.iter().find(|n| &n.number == number)?;
        report.numbers.push(NumberFinding {
            number: number.clone(),
            state: outside_text(&n.state, OUTSIDE_TEXT_MAX),
            detail: n
                .detail
                .iter()
                .take(wire::MAX_PROBLEMS)
                .map(|d| outside_text(d, OUTSIDE_TEXT_MAX))
                .collect(),
        });
    }
    let available = report.numbers.iter().rev().take(batch.len());
    Some(Note::NumbersValidated(
        available.filter(|n| !n.failed()).count(),
    ))
}

/// What a run makes of the check it starts with: `None` when it goes on (the customer
/// and the users that passed count as prechecked; with the partner's go-ahead, those
/// that fail are refused and left out), or how it ended there (nothing was written).
/// Users Webex refused before the run (`known`) stay refused without stopping it: the
/// partner knows of them already, and changes of others must not wait on them. The
/// report is kept in the record for the panel.
pub fn settle(
    p: &mut Provisioning,
    customer: &Customer,
    report: CheckReport,
    go_ahead: bool,
    known: &[UserId],
) -> Option<Stop> {
    let failures = report.failures(customer);
    let news = failures
        .iter()
        .filter(|f| f.user.is_none_or(|u| !known.contains(&u)))
        .count();
    let stop = if let Some(stop) = &report.ended {
        Some(stop.clone())
    } else if let Some(Found::Failed { http, problems }) = &report.customer {
        Some(Stop::PrecheckRefused {
            http: *http,
            problems: problems.clone(),
        })
    } else if news > 0 && !go_ahead {
        Some(Stop::CheckFailed(u32::try_from(news).unwrap_or(u32::MAX)))
    } else {
        None
    };
    if stop.is_none() {
        if report.customer.is_some() {
            p.prechecked = true;
        }
        for user in report.passing(customer) {
            if !p.users.contains_key(&user) {
                p.users.insert(user, UserState::Prechecked);
            }
        }
        for f in failures {
            if let Some(user) = f.user {
                // A number Webex refused inside a 200 is refused as a bad request.
                let http = if f.http == 200 { 400 } else { f.http };
                p.users.insert(
                    user,
                    UserState::Refused {
                        http,
                        problems: f.problems,
                    },
                );
            }
        }
    }
    p.check = CheckReport {
        go_ahead: false,
        ..report
    }
    .write();
    if let Some(stop) = &stop {
        p.stopped = Some(stop.clone());
        // A refused token parks the run as the runner does: a new one continues it.
        p.running = *stop == Stop::TokenRefused;
    }
    stop
}

/// The check a run starts with ([`check`], then [`settle`]): its answers go to the
/// timeline. `None` when the run goes on; else why it stopped there.
#[allow(clippy::too_many_arguments)]
pub async fn before_run<C, S, F>(
    connection: &C,
    doc: &Document,
    customer: &Customer,
    p: &mut Provisioning,
    sleep: S,
    now: impl Fn() -> Timestamp,
    progress: impl FnMut(&CheckReport),
    go_ahead: bool,
    known: &[UserId],
) -> Option<Stop>
where
    C: Connection,
    S: Fn(u32) -> F,
    F: Future<Output = ()>,
{
    let mut events = Vec::new();
    let report = check(connection, doc, customer, p, sleep, now, progress, |e| {
        events.push(e)
    })
    .await;
    for event in events {
        p.log(event);
    }
    settle(p, customer, report, go_ahead, known)
}
