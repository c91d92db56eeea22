//! Provisioning a customer, as a pure state machine over its saved [`Provisioning`]:
//! [`next_steps`] says what to ask Webex next, [`before_send`] records what is about to
//! be created (so a lost answer is looked up, not created again), [`classify`] decides
//! what an answer means for the transport (go on, wait and retry, ask for a new token,
//! give up), and [`apply`] records what Webex answered.
//!
//! Everything a run knows is in the saved record, so a run resumes after a reload from
//! where it stopped ([`resume`]).

use crate::domain::customer::Customer;
use crate::domain::ids::{LocationId, UserId};
use crate::domain::provisioning::{
    ApiProblem, PackageState, Provisioning, RemoteStatus, Stop, UserState,
};
use serde::Deserialize;

/// Something to ask Webex.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Step {
    PrecheckCustomer,
    /// `GET /wholesale/customers?externalId=`: does the customer exist already?
    FindCustomer,
    CreateCustomer,
    /// `GET /wholesale/customers/{id}`, repeated until its status is final.
    AwaitCustomer,
    /// `GET /locations?orgId=`: the headquarters' id, and branches made earlier.
    FindLocations,
    CreateLocation(LocationId),
    /// `GET /wholesale/subscribers?customerId=&email=`: did a lost answer create it?
    FindUser(UserId),
    PrecheckUser(UserId),
    ProvisionUser(UserId),
}

impl Step {
    /// The user a step is about, if it is about one.
    pub fn user(self) -> Option<UserId> {
        match self {
            Step::FindUser(u) | Step::PrecheckUser(u) | Step::ProvisionUser(u) => Some(u),
            _ => None,
        }
    }
}

/// Starts a run (the partner pressed "Provision in Webex"): what was refused before is
/// tried again; what Webex has is kept.
pub fn start(p: &mut Provisioning) {
    p.running = true;
    p.stopped = None;
    if p.customer_id.is_none() {
        p.prechecked = false;
    }
    p.users
        .retain(|_, u| !matches!(u, UserState::Refused { .. }));
    resume(p);
}

/// Continues a run after a reload or a new token: locations are listed again, since a
/// branch may have been created by a request whose answer was lost.
pub fn resume(p: &mut Provisioning) {
    if matches!(p.stopped, Some(Stop::TokenRefused)) {
        p.stopped = None;
    }
    p.locations_listed = false;
}

/// The locations users need ids for: every branch (to create it) and the headquarters
/// when a user is there.
fn needed_locations(customer: &Customer) -> impl Iterator<Item = LocationId> + '_ {
    let hq = customer.headquarters.id;
    let hq_needed = customer.users.iter().any(|u| u.details.location == hq);
    hq_needed
        .then_some(hq)
        .into_iter()
        .chain(customer.locations.iter().map(|l| l.id))
}

/// The steps that can go now, at most `limit`, skipping those in `busy` (already sent).
/// Empty when the run is over: done, or stopped (see `p.stopped`).
pub fn next_steps(customer: &Customer, p: &Provisioning, busy: &[Step], limit: usize) -> Vec<Step> {
    let free = |s: &Step| !busy.contains(s);
    let one = |s: Step| if free(&s) { vec![s] } else { vec![] };
    if !p.running || p.stopped.is_some() {
        return vec![];
    }
    if p.customer_id.is_none() {
        return one(if p.create_sent && !p.looked_up {
            Step::FindCustomer
        } else if !p.prechecked {
            Step::PrecheckCustomer
        } else if !p.looked_up {
            Step::FindCustomer
        } else {
            Step::CreateCustomer
        });
    }
    match p.status {
        Some(RemoteStatus::Error) => return vec![],
        Some(RemoteStatus::Provisioned | RemoteStatus::ProvisionedWithErrors)
            if p.org_id.is_some() => {}
        _ => return one(Step::AwaitCustomer),
    }
    let missing: Vec<LocationId> = needed_locations(customer)
        .filter(|id| !p.locations.contains_key(id))
        .collect();
    if !missing.is_empty() {
        if !p.locations_listed {
            return one(Step::FindLocations);
        }
        // One at a time: a handful per customer, and their names must stay unique.
        return one(Step::CreateLocation(missing[0]));
    }
    // One request at a time for a user: its next step waits for the answer.
    customer
        .users
        .iter()
        .filter(|u| !busy.iter().any(|s| s.user() == Some(u.id)))
        .filter_map(|u| {
            let step = match p.users.get(&u.id) {
                None => Step::PrecheckUser(u.id),
                Some(UserState::Prechecked) => Step::ProvisionUser(u.id),
                Some(UserState::Sent) => Step::FindUser(u.id),
                Some(UserState::Provisioned { .. } | UserState::Refused { .. }) => return None,
            };
            free(&step).then_some(step)
        })
        .take(limit.saturating_sub(busy.len()))
        .collect()
}

/// Records what is about to be created, before the request goes out; `true` when the
/// record changed (and must be saved before sending).
pub fn before_send(p: &mut Provisioning, step: Step) -> bool {
    match step {
        // Until its answer is recorded, the customer may exist: look it up first.
        Step::CreateCustomer => {
            p.create_sent = true;
            p.looked_up = false;
            true
        }
        Step::ProvisionUser(user) => {
            p.users.insert(user, UserState::Sent);
            true
        }
        _ => false,
    }
}

/// What an answer means before its body is read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Read it: [`apply`].
    Apply,
    /// Send the same request again after this many milliseconds.
    Retry { after_ms: u32 },
    /// The token was refused: stop until a new one is given.
    NeedToken,
    /// Still failing after the retries.
    GiveUp { detail: String },
}

/// Retries of a 5xx or network failure before a run stops.
pub const MAX_RETRIES: u32 = 4;
/// `429`s honoured for one request before a run stops.
pub const MAX_RATE_LIMITED: u32 = 10;

/// Exponential backoff: 1 s, 2 s, 4 s, … at most 30 s.
pub fn backoff_ms(attempt: u32) -> u32 {
    1000u32.saturating_mul(1 << attempt.min(5)).min(30_000)
}

/// How long to wait before asking again about a customer Webex is still provisioning:
/// 2 s, then a little longer each time, at most 15 s (Cisco's reference client asks
/// every 5 s).
pub fn poll_delay_ms(polls: u32) -> u32 {
    (2000 + 1000 * polls).min(15_000)
}

/// An HTTP answer as the transport received it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Answer {
    pub http: u16,
    pub body: String,
    /// `Retry-After`, in seconds.
    pub retry_after: Option<u32>,
    pub tracking_id: Option<String>,
}

/// `attempt` counts earlier tries of this request (0 for the first).
pub fn classify(answer: Result<&Answer, &str>, attempt: u32) -> Verdict {
    let answer = match answer {
        Ok(a) => a,
        Err(_) if attempt < MAX_RETRIES => {
            return Verdict::Retry {
                after_ms: backoff_ms(attempt),
            };
        }
        Err(detail) => {
            return Verdict::GiveUp {
                detail: detail.to_string(),
            }
        }
    };
    match answer.http {
        401 => Verdict::NeedToken,
        429 | 423 if attempt < MAX_RATE_LIMITED => Verdict::Retry {
            after_ms: answer
                .retry_after
                .map(|s| s.saturating_mul(1000))
                .unwrap_or_else(|| backoff_ms(attempt)),
        },
        500..=599 if attempt < MAX_RETRIES => Verdict::Retry {
            after_ms: answer
                .retry_after
                .map(|s| s.saturating_mul(1000))
                .unwrap_or_else(|| backoff_ms(attempt)),
        },
        429 | 423 | 500..=599 => Verdict::GiveUp {
            detail: format!("HTTP {}{}", answer.http, message_suffix(&answer.body)),
        },
        _ => Verdict::Apply,
    }
}

fn message_suffix(body: &str) -> String {
    let problems = problems_of(body);
    match problems.first() {
        Some(p) => format!(": {}", p.description),
        None => String::new(),
    }
}

// ---- Answers, as the spec shapes them (read leniently) ------------------------------

#[derive(Deserialize, Default)]
#[serde(default)]
struct ErrorBody {
    message: Option<String>,
    errors: Vec<ErrorItem>,
}

#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
struct ErrorItem {
    error_code: Option<i64>,
    description: Option<String>,
}

/// The problems an error answer names (`errors[]`, else its `message`).
pub fn problems_of(body: &str) -> Vec<ApiProblem> {
    let parsed: ErrorBody = serde_json::from_str(body).unwrap_or_default();
    let mut problems: Vec<ApiProblem> = parsed
        .errors
        .into_iter()
        .filter_map(|e| {
            Some(ApiProblem {
                code: e.error_code,
                description: e.description?,
            })
        })
        .collect();
    if problems.is_empty() {
        if let Some(message) = parsed.message {
            problems.push(ApiProblem {
                code: None,
                description: message,
            });
        }
    }
    problems
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct ResourceUrl {
    url: String,
}

#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
struct CustomerAnswer {
    id: String,
    org_id: Option<String>,
    external_id: Option<String>,
    status: String,
    resource_details: ResourceDetails,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct ResourceDetails {
    packages: Vec<PackageAnswer>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct PackageAnswer {
    name: String,
    status: String,
    warnings: Vec<ErrorItem>,
    errors: Vec<ErrorItem>,
}

#[derive(Deserialize)]
struct Items<T> {
    #[serde(default = "Vec::new")]
    items: Vec<T>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct NamedId {
    id: String,
    name: String,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct SubscriberAnswer {
    id: String,
    email: String,
    status: String,
}

fn problems(items: Vec<ErrorItem>) -> Vec<ApiProblem> {
    items
        .into_iter()
        .filter_map(|e| {
            Some(ApiProblem {
                code: e.error_code,
                description: e.description?,
            })
        })
        .collect()
}

fn read_customer(p: &mut Provisioning, c: CustomerAnswer) {
    if !c.id.is_empty() {
        p.customer_id = Some(c.id);
    }
    p.org_id = c.org_id.or(p.org_id.take());
    p.status = RemoteStatus::from_api(&c.status).or(p.status);
    p.packages = c
        .resource_details
        .packages
        .into_iter()
        .map(|pkg| PackageState {
            package: pkg.name,
            status: pkg.status,
            warnings: problems(pkg.warnings),
            errors: problems(pkg.errors),
        })
        .collect();
    if p.status == Some(RemoteStatus::Error) {
        p.stopped = Some(Stop::CustomerError);
        p.running = false;
    }
}

/// Records Webex's answer to `step` (one [`classify`] let through). Returns a short,
/// technical summary for the timeline.
pub fn apply(customer: &Customer, p: &mut Provisioning, step: Step, answer: &Answer) -> String {
    let ok = (200..300).contains(&answer.http);
    let refused = || (answer.http, problems_of(&answer.body));
    let summary = match step {
        Step::PrecheckCustomer if ok => {
            p.prechecked = true;
            "precheck passed".to_string()
        }
        Step::PrecheckCustomer => {
            let (http, problems) = refused();
            p.stopped = Some(Stop::PrecheckRefused { http, problems });
            p.running = false;
            "precheck refused".into()
        }
        Step::FindCustomer if ok => {
            let external = customer.id.to_string();
            let found = serde_json::from_str::<Items<CustomerAnswer>>(&answer.body)
                .map(|list| list.items)
                .unwrap_or_default()
                .into_iter()
                .find(|c| c.external_id.as_deref() == Some(external.as_str()));
            match found {
                Some(c) => {
                    read_customer(p, c);
                    "found the customer created earlier".into()
                }
                None => {
                    p.looked_up = true;
                    p.create_sent = false;
                    "no customer with this externalId yet".into()
                }
            }
        }
        Step::CreateCustomer if ok => {
            let url = serde_json::from_str::<ResourceUrl>(&answer.body)
                .unwrap_or_default()
                .url;
            match url
                .trim_end_matches('/')
                .rsplit('/')
                .next()
                .filter(|id| !id.is_empty())
            {
                Some(id) => {
                    p.customer_id = Some(id.to_string());
                    p.status = Some(RemoteStatus::Provisioning);
                    format!("accepted: customer {id}")
                }
                None => {
                    // Accepted, yet no id: find it by its externalId.
                    p.looked_up = false;
                    "accepted without a url".into()
                }
            }
        }
        Step::AwaitCustomer if ok => {
            let c: CustomerAnswer = serde_json::from_str(&answer.body).unwrap_or_default();
            read_customer(p, c);
            format!("status {}", p.status.map(status_key).unwrap_or("unknown"))
        }
        Step::FindLocations if ok => {
            let listed = serde_json::from_str::<Items<NamedId>>(&answer.body)
                .map(|l| l.items)
                .unwrap_or_default();
            for location in customer.all_locations() {
                let name = location.details.name.as_ref();
                if let Some(found) = listed.iter().find(|l| l.name == name && !l.id.is_empty()) {
                    p.locations.insert(location.id, found.id.clone());
                }
            }
            p.locations_listed = true;
            format!("{} locations listed", listed.len())
        }
        Step::CreateLocation(id) if ok => {
            let created: NamedId = serde_json::from_str(&answer.body).unwrap_or_default();
            if created.id.is_empty() {
                p.locations_listed = false;
                "created, without an id".into()
            } else {
                p.locations.insert(id, created.id.clone());
                format!("location {}", created.id)
            }
        }
        Step::FindUser(user) if ok => {
            let email = customer
                .users
                .iter()
                .find(|u| u.id == user)
                .map(|u| u.details.email.key())
                .unwrap_or_default();
            let found = serde_json::from_str::<Items<SubscriberAnswer>>(&answer.body)
                .map(|l| l.items)
                .unwrap_or_default()
                .into_iter()
                .find(|s| s.email.to_lowercase() == email);
            match found {
                Some(s) => {
                    p.users.insert(
                        user,
                        UserState::Provisioned {
                            id: s.id,
                            status: s.status,
                        },
                    );
                    "found the user created earlier".into()
                }
                None => {
                    p.users.insert(user, UserState::Prechecked);
                    "not created yet".into()
                }
            }
        }
        Step::PrecheckUser(user) if ok => {
            p.users.insert(user, UserState::Prechecked);
            "precheck passed".into()
        }
        Step::ProvisionUser(user) if ok => {
            let s: SubscriberAnswer = serde_json::from_str(&answer.body).unwrap_or_default();
            let status = if s.status.is_empty() {
                "provisioned".into()
            } else {
                s.status
            };
            let summary = format!("subscriber {status}");
            p.users
                .insert(user, UserState::Provisioned { id: s.id, status });
            summary
        }
        // A user that exists already: look it up rather than fail it.
        Step::ProvisionUser(user) if answer.http == 409 => {
            p.users.insert(user, UserState::Sent);
            "exists already".into()
        }
        Step::PrecheckUser(user) | Step::ProvisionUser(user) | Step::FindUser(user) => {
            let (http, problems) = refused();
            p.users.insert(user, UserState::Refused { http, problems });
            "refused".into()
        }
        Step::FindCustomer
        | Step::CreateCustomer
        | Step::AwaitCustomer
        | Step::FindLocations
        | Step::CreateLocation(_) => {
            let (http, problems) = refused();
            p.stopped = Some(Stop::Refused { http, problems });
            p.running = false;
            "refused".into()
        }
    };
    if p.running && next_steps(customer, p, &[], 1).is_empty() && p.stopped.is_none() {
        p.running = false;
    }
    summary
}

/// The API's spelling of a status.
pub fn status_key(s: RemoteStatus) -> &'static str {
    match s {
        RemoteStatus::Provisioning => "provisioning",
        RemoteStatus::Provisioned => "provisioned",
        RemoteStatus::ProvisionedWithErrors => "provisioned_with_errors",
        RemoteStatus::Updating => "updating",
        RemoteStatus::Deleting => "deleting",
        RemoteStatus::Error => "error",
        RemoteStatus::PendingRplReview => "pending_rpl_review",
    }
}
