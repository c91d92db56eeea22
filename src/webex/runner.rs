//! Drives a run over a [`Connection`]: the steps [`run`] allows go out (users a few at
//! a time), answers are classified and applied, failures retried with backoff, and the
//! progress saved after each change, so that a reload resumes it. Generic over the
//! connection, the clock and the timer, so the same loop runs against the simulator,
//! Webex, or a scripted connection in the tests.

use super::requests::{self, Method, Ref, Request};
use super::run::{self, Answer, Step, Verdict};
use crate::domain::changes::{self, InWebex};
use crate::domain::customer::Customer;
use crate::domain::provisioning::{
    Event, Provisioning, RemoteStatus, Stop, TransportError, UserState,
};
use crate::domain::pstn::PremiseRoute;
use crate::domain::readiness::Destination;
use crate::domain::template::OnboardingTemplate;
use crate::domain::text::{outside_text, OUTSIDE_TEXT_MAX};
use crate::domain::time::Timestamp;
use crate::domain::timeline::Note;
use crate::domain::Document;
use futures::stream::{FuturesUnordered, StreamExt};
use std::future::Future;

/// A request as it goes over the wire; the path is relative to the base URL.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outgoing {
    pub method: Method,
    pub path: String,
    pub body: Option<String>,
}

/// Something that answers Webex API requests: the HTTP client, or the simulator.
pub trait Connection {
    /// The answer, or why none came (time-out, network failure, redirect, too large,
    /// stopped).
    fn send(&self, request: Outgoing) -> impl Future<Output = Result<Answer, TransportError>>;

    /// Where the requests go, which decides what they may carry (an unlinked template's
    /// own ID goes to the simulator only).
    fn destination(&self) -> Destination {
        Destination::Webex
    }
}

/// Users provisioned at once: Webex rate-limits, and a few in flight hide the latency.
pub const PARALLEL_USERS: usize = 4;

/// How a run ended this time.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Ended {
    /// Nothing left to do (look at the record for how it went).
    Finished,
    /// Stopped: `p.stopped` says why.
    Stopped,
    /// The token was refused; start again with a new one to continue.
    NeedsToken,
}

pub(super) fn outgoing(request: Request) -> Outgoing {
    Outgoing {
        method: request.method,
        body: request
            .body
            .map(|b| serde_json::to_string(&b).expect("request bodies are plain data")),
        path: request.path,
    }
}

/// Why a request cannot go when what it is about is gone here (the template, a user,
/// a location, a batch).
pub(super) fn gone() -> Stop {
    Stop::Refused {
        http: 0,
        problems: vec![],
    }
}

/// The customer's template, which every request that creates or prechecks it needs.
pub(super) fn template_of<'a>(
    doc: &'a Document,
    customer: &Customer,
) -> Result<&'a OnboardingTemplate, Stop> {
    doc.template(customer.template_id).ok_or_else(gone)
}

/// The request for `step`, with the ids Webex gave so far; or why it cannot go.
pub fn request_for(
    doc: &Document,
    customer: &Customer,
    p: &Provisioning,
    w: &InWebex,
    step: Step,
    destination: Destination,
) -> Result<Outgoing, Stop> {
    let gone = gone();
    let template = template_of(doc, customer)?;
    // Numbers added to a location with an integrated provider harm its data in Webex:
    // Webex gets no number request for a location whose choice was never made.
    if let (
        Destination::Webex,
        Step::ReadPstn(l)
        | Step::PstnOptions(l)
        | Step::SetPstn(l)
        | Step::ListNumbers(l)
        | Step::ValidateNumbers(l)
        | Step::ActivateNumbers(l)
        | Step::AddNumbers(l),
    ) = (destination, step)
    {
        if customer
            .location(l)
            .is_some_and(|l| l.details.numbers.is_not_chosen())
        {
            return Err(Stop::NumbersNotChosen(l));
        }
    }
    let provisioning_id =
        || requests::provisioning_id(template, destination).ok_or(Stop::NotLinked);
    if let Some(request) = user_change(customer, p, w, step) {
        return request.ok_or(gone);
    }
    if let Some(request) = numbers_request(customer, p, step) {
        return request.ok_or(gone);
    }
    request_with(customer, p, w, step, provisioning_id).ok_or(gone)?
}

/// The request for a step of a provisioned user's change beyond its package (its
/// People API id, the person read and updated, a move and its job); `None` for other
/// steps, `Some(None)` when what it needs is not known.
fn user_change(
    customer: &Customer,
    p: &Provisioning,
    w: &InWebex,
    step: Step,
) -> Option<Option<Outgoing>> {
    let person = |u| p.person_ids.get(&u).map(|id| encode(id));
    let org = || p.org_id.as_deref().map(encode);
    let job = |u| p.moves.get(&u).map(|id| encode(id));
    let moves = "/telephony/config/jobs/person/moveLocation";
    Some(match step {
        Step::ReadSubscriber(u) => match p.users.get(&u) {
            Some(UserState::Provisioned { id, .. }) => {
                Some(get(format!("/wholesale/subscribers/{}", encode(id))))
            }
            _ => None,
        },
        Step::ReadPerson(u) => person(u).map(|id| get(format!("/people/{id}?callingData=true"))),
        Step::UpdatePerson(u) => (|| {
            let read = p.people.get(&u)?;
            let read: serde_json::Value = serde_json::from_str(&read.text).ok()?;
            let now = &customer.user(u)?.details;
            Some(outgoing(requests::update_person(&person(u)?, &read, now)))
        })(),
        Step::MoveUser(u) => (|| {
            let now = &customer.user(u)?.details;
            let location = p.locations.get(&now.location)?;
            let org = p.org_id.as_deref()?;
            Some(sent(requests::move_user(org, &person(u)?, location, now)))
        })(),
        Step::AwaitMove(u) => Some(get(format!("{moves}/{}?orgId={}", job(u)?, org()?))),
        Step::MoveErrors(u) => Some(get(format!("{moves}/{}/errors?orgId={}", job(u)?, org()?))),
        Step::UpdateUser(u) => (|| {
            let now = customer.user(u)?;
            let was = w.users.get(&u)?;
            let to_calling = !was.package.is_calling() && now.details.package.is_calling();
            Some(sent(requests::update_user(now, to_calling, &|r| {
                ids_of(p, r)
            })))
        })(),
        _ => return None,
    })
}

/// The request for a step about a location's numbers (its PSTN connection, its
/// inventory read, numbers validated, added, activated); `None` for other steps,
/// `Some(None)` when what it needs is not known.
fn numbers_request(customer: &Customer, p: &Provisioning, step: Step) -> Option<Option<Outgoing>> {
    let ids = |r: Ref| ids_of(p, r);
    let request = match step {
        Step::ReadPstn(l) => requests::read_pstn(customer, l, false, &ids),
        Step::PstnOptions(l) => requests::read_pstn(customer, l, true, &ids),
        Step::SetPstn(l) => {
            let Some((picked, route)) = p
                .numbers
                .get(&l)
                .and_then(|n| Some((n.picked.clone()?, PremiseRoute::from_text(&n.route))))
            else {
                return Some(None);
            };
            requests::set_pstn(customer, l, &picked, route.as_ref(), &ids)
        }
        Step::AddNumbers(l) => {
            requests::add_numbers(customer, l, run::next_batch(customer, p, l), &ids)
        }
        Step::ValidateNumbers(l) => {
            requests::validate_numbers(customer, l, run::to_validate(customer, p, l), &ids)
        }
        Step::ActivateNumbers(l) => {
            let inactive = p.numbers.get(&l).map(|n| n.inactive.clone());
            requests::activate_numbers(customer, l, inactive.unwrap_or_default(), &ids)
        }
        Step::ListNumbers(l) => {
            let start = p.numbers.get(&l).map_or(0, |n| n.page.received);
            return Some(Some(get(format!(
                "/telephony/config/numbers?orgId={}&locationId={}&max={}&start={start}",
                encode(&ids(Ref::Org(customer.id))),
                encode(&ids(Ref::Location(l))),
                run::NUMBERS_PER_PAGE,
            ))));
        }
        _ => return None,
    };
    Some(Some(sent(request)))
}

/// A request as it goes out: its body written, its organization's id encoded.
fn sent(request: Request) -> Outgoing {
    let mut out = outgoing(request);
    out.path = encode_org(&out.path);
    out
}

/// The value Webex gave for `r` so far (empty when none yet).
pub(super) fn ids_of(p: &Provisioning, r: Ref) -> String {
    let found = match r {
        Ref::Customer(_) => p.customer_id.clone(),
        Ref::Org(_) => p.org_id.clone(),
        Ref::Location(id) => p.locations.get(&id).cloned(),
        Ref::Subscriber(id) => match p.users.get(&id) {
            Some(UserState::Provisioned { id, .. }) => Some(id.clone()),
            _ => None,
        },
    };
    found.unwrap_or_default()
}

fn request_with(
    customer: &Customer,
    p: &Provisioning,
    w: &InWebex,
    step: Step,
    provisioning_id: impl Fn() -> Result<String, Stop>,
) -> Option<Result<Outgoing, Stop>> {
    let ids = |r: Ref| ids_of(p, r);
    let user = |id| customer.user(id);
    let request = match step {
        Step::PrecheckCustomer | Step::CreateCustomer => {
            let provisioning_id = match provisioning_id() {
                Ok(id) => id,
                Err(stop) => return Some(Err(stop)),
            };
            let precheck = step == Step::PrecheckCustomer;
            requests::customer_request(&provisioning_id, customer, precheck, &ids)
        }
        Step::AwaitCustomer => requests::await_customer(customer, &ids),
        Step::FindLocations => match &p.locations_page.next {
            // Webex's own link to the next page (checked to be a page of this list).
            Some(next) => return Some(Ok(get(next.clone()))),
            None => requests::list_locations(customer, &ids),
        },
        Step::CreateLocation(id) => {
            let offered = p.announcement_languages.as_deref();
            requests::create_location(customer, customer.location(id)?, offered, &ids)
        }
        Step::FindCallingLocations => {
            requests::list_calling_locations(customer, p.calling_page.received, &ids)
        }
        Step::UpdateCustomer => requests::update_customer(customer, &customer.packages, &ids),
        Step::UpdatePackages => {
            let packages = changes::packages_to_send(customer, w);
            requests::update_customer(customer, &packages, &ids)
        }
        Step::UpdateLocation(l) => requests::update_location(customer, customer.location(l)?, &ids),
        Step::ReadRoutingPrefix(l) => {
            return Some(Ok(get(format!(
                "/telephony/config/locations/{}?orgId={}",
                encode(&ids(Ref::Location(l))),
                encode(&ids(Ref::Org(customer.id)))
            ))))
        }
        Step::SetRoutingPrefix(l) => {
            let location = customer.location(l)?;
            let prefix = location.details.routing_prefix.as_ref()?;
            requests::set_routing_prefix(customer, location, prefix, &ids)
        }
        Step::RemoveUser(u) => requests::remove_user(u, &ids),
        // A location's numbers: see `numbers_request`.
        Step::ReadPstn(_)
        | Step::PstnOptions(_)
        | Step::SetPstn(_)
        | Step::AddNumbers(_)
        | Step::ValidateNumbers(_)
        | Step::ActivateNumbers(_)
        | Step::ListNumbers(_) => return None,
        Step::EnableCalling(id) => {
            let offered = p.announcement_languages.as_deref();
            requests::enable_calling(customer, customer.location(id)?, offered, &ids)
        }
        Step::AnnouncementLanguages => {
            return Some(Ok(get("/telephony/config/announcementLanguages".into())))
        }
        // A provisioned user's changes: see `user_change`.
        Step::UpdateUser(_)
        | Step::ReadSubscriber(_)
        | Step::ReadPerson(_)
        | Step::UpdatePerson(_)
        | Step::MoveUser(_)
        | Step::AwaitMove(_)
        | Step::MoveErrors(_) => return None,
        Step::PrecheckUser(id) => requests::user_request(customer, user(id)?, true, &ids),
        Step::ProvisionUser(id) => requests::user_request(customer, user(id)?, false, &ids),
        Step::RemoveCustomer | Step::AwaitRemoval => {
            let path = format!(
                "/wholesale/customers/{}",
                encode(&ids(Ref::Customer(customer.id)))
            );
            return Some(Ok(if step == Step::RemoveCustomer {
                Outgoing {
                    method: Method::Delete,
                    path,
                    body: None,
                }
            } else {
                get(path)
            }));
        }
        // Lookups of a create whose answer was lost.
        Step::FindCustomer => {
            return Some(Ok(get(format!(
                "/wholesale/customers?externalId={}",
                customer.id
            ))))
        }
        Step::FindUser(id) => {
            return Some(Ok(get(format!(
                "/wholesale/subscribers?customerId={}&email={}",
                encode(&ids(Ref::Customer(customer.id))),
                encode(user(id)?.details.email.as_ref())
            ))))
        }
    };
    Some(Ok(sent(request)))
}

/// The path with its `orgId` query value percent-encoded (a base64 id: no `&` of its
/// own, but `=` and `+` that must not be read as separators).
fn encode_org(path: &str) -> String {
    let Some((path, rest)) = path.split_once("?orgId=") else {
        return path.to_string();
    };
    match rest.split_once('&') {
        Some((org, more)) => format!("{path}?orgId={}&{more}", encode(org)),
        None => format!("{path}?orgId={}", encode(rest)),
    }
}

/// A `GET` of `path`, which carries no body.
pub(super) fn get(path: String) -> Outgoing {
    Outgoing {
        method: Method::Get,
        path,
        body: None,
    }
}

/// Percent-encodes a query value (ids are base64 with `=`, e-mails have `+` and `@`).
pub(crate) fn encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for b in value.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// How often this run asked about a customer Webex is still provisioning or removing,
/// and about one in Cisco's compliance review.
#[derive(Default)]
struct Polls {
    status: u32,
    review: u32,
}

impl Polls {
    /// How long to wait before `step`; `Err` when the run has asked about the customer
    /// as often as it may (it parks, and says why).
    fn delay_before(
        &mut self,
        customer: &Customer,
        p: &Provisioning,
        w: &InWebex,
        step: Step,
    ) -> Result<u32, Stop> {
        let in_review = p.status == Some(RemoteStatus::PendingRplReview);
        if step == Step::AwaitCustomer && in_review {
            let delay = run::review_delay_ms(self.review).ok_or(Stop::AwaitingReview)?;
            self.review += 1;
            return Ok(delay);
        }
        if !matches!(step, Step::AwaitCustomer | Step::AwaitRemoval) {
            return Ok(run::delay_before(customer, p, w, step));
        }
        if self.status >= run::MAX_POLLS {
            return Err(if step == Step::AwaitRemoval {
                Stop::StillRemoving
            } else {
                Stop::StillProvisioning
            });
        }
        self.status += 1;
        Ok(run::poll_delay_ms(self.status - 1))
    }
}

/// What became of a request once its answer was recorded.
enum Settled {
    /// It goes again after this long.
    Retry {
        after_ms: u32,
    },
    /// The token was refused: nothing more goes until a new one is given.
    TokenRefused,
    Done,
}

/// Records in `p` (and its timeline, through `log`) what `verdict` says of `answer`.
fn settle(
    customer: &Customer,
    p: &mut Provisioning,
    w: &mut InWebex,
    step: Step,
    verdict: Verdict,
    answer: Result<Answer, TransportError>,
    log: impl Fn(Note) -> Event,
) -> Settled {
    let failure = answer.as_ref().err().copied();
    match verdict {
        Verdict::Apply => {
            let answer = answer.expect("applied answers came");
            let note = run::apply(customer, p, w, step, &answer);
            p.log(log(note));
        }
        Verdict::Retry { after_ms } => {
            let seconds = after_ms.div_ceil(1000);
            p.log(log(Note::Retrying { failure, seconds }));
            return Settled::Retry { after_ms };
        }
        Verdict::Lost => {
            run::lost(p, step);
            p.log(log(Note::Lost(failure)));
        }
        Verdict::NeedToken => {
            p.stopped = Some(Stop::TokenRefused);
            p.log(log(Note::TokenRefused));
            return Settled::TokenRefused;
        }
        Verdict::Paused => {
            if p.running {
                p.stopped = Some(Stop::Paused);
                p.running = false;
                p.log(log(Note::StoppedByPartner));
            }
        }
        Verdict::WaitTooLong { seconds } => {
            p.stopped = Some(Stop::WaitTooLong(seconds));
            p.running = false;
            p.log(log(Note::AskedToWait(seconds)));
        }
        Verdict::GiveUp(stop) => {
            p.log(log(Note::GaveUp(failure)));
            p.stopped = Some(stop);
            p.running = false;
        }
    }
    Settled::Done
}

/// Runs `customer`'s provisioning from where `p` stands until it is done, stopped, or
/// needs a new token. The run works on its own copy of what Webex has of the changes
/// made here, read from `p.changes` and written back before every save. `save` is told
/// of every change, with that copy (return `false` when it could not be saved: the run
/// then stops, since what is not saved could be created twice).
pub async fn run<C, S, F>(
    connection: &C,
    doc: &Document,
    customer: &Customer,
    p: &mut Provisioning,
    sleep: S,
    now: impl Fn() -> Timestamp,
    mut save: impl FnMut(&Provisioning, &InWebex) -> bool,
) -> Ended
where
    C: Connection,
    S: Fn(u32) -> F,
    F: Future<Output = ()>,
{
    let mut w = InWebex::read(&p.changes);
    let mut save = |p: &mut Provisioning, w: &InWebex| {
        p.changes = w.write();
        save(p, w)
    };
    let mut busy: Vec<Step> = Vec::new();
    let mut in_flight = FuturesUnordered::new();
    let mut polls = Polls::default();
    let mut token_refused = false;
    // Retries waiting to go, and until when: the panel shows the longest.
    let mut waits: Vec<(Step, Timestamp)> = Vec::new();
    let send = |step: Step, attempt: u32, delay: u32, request: Outgoing| {
        let wait = sleep(delay);
        async move {
            wait.await;
            let answer = connection.send(request.clone()).await;
            (step, attempt, request, answer)
        }
    };
    loop {
        if !token_refused {
            for step in run::next_steps(customer, p, &w, &busy, PARALLEL_USERS.max(1)) {
                let request =
                    match request_for(doc, customer, p, &w, step, connection.destination()) {
                        Ok(request) => request,
                        Err(stop) => {
                            p.stopped = Some(stop);
                            p.running = false;
                            break;
                        }
                    };
                let delay = match polls.delay_before(customer, p, &w, step) {
                    Ok(delay) => delay,
                    Err(stop) => {
                        p.stopped = Some(stop);
                        p.running = false;
                        break;
                    }
                };
                // Only a request that creates something is recorded before it goes.
                if run::before_send(p, step) && !save(p, &w) {
                    return Ended::Stopped;
                }
                busy.push(step);
                in_flight.push(send(step, 0, delay, request));
            }
        }
        let Some((step, attempt, request, answer)) = in_flight.next().await else {
            // A stop decided above (no request out) is saved before the run ends; so is
            // a run that found nothing to send (its check, saved, had it running).
            if p.stopped.is_some() && !p.running {
                save(p, &w);
            } else if p.running && p.stopped.is_none() && !token_refused {
                p.running = false;
                save(p, &w);
            }
            break;
        };
        waits.retain(|(s, _)| *s != step);
        let verdict = run::classify(step, answer.as_ref().map_err(|e| *e), attempt);
        let event = |note: Note, http: Option<u16>, tracking_id: Option<String>| Event {
            at: now(),
            method: request.method.as_str().into(),
            path: request.path.clone(),
            http,
            summary: note.stored(),
            tracking_id: tracking_id.map(|t| outside_text(&t, OUTSIDE_TEXT_MAX)),
        };
        let (http, tracking) = match &answer {
            Ok(a) => (Some(a.http), a.tracking_id.clone()),
            Err(_) => (None, None),
        };
        let log = |note| event(note, http, tracking.clone());
        match settle(customer, p, &mut w, step, verdict, answer, log) {
            Settled::Retry { after_ms } => {
                waits.push((step, Timestamp(now().0 + i64::from(after_ms))));
                in_flight.push(send(step, attempt + 1, after_ms, request));
            }
            Settled::TokenRefused => {
                busy.retain(|s| *s != step);
                token_refused = true;
            }
            Settled::Done => busy.retain(|s| *s != step),
        }
        p.waiting_until = waits.iter().map(|(_, until)| *until).max();
        if !save(p, &w) {
            return Ended::Stopped;
        }
    }
    match &p.stopped {
        Some(Stop::TokenRefused) => Ended::NeedsToken,
        Some(_) => Ended::Stopped,
        None => Ended::Finished,
    }
}
