//! A simulated Webex for demos and training: it answers the requests a run sends with
//! the shapes of Cisco's spec, keeps what was created, walks a new customer from
//! `provisioning` to `provisioned` over a few seconds, and can be set to fail one chosen
//! step. Pure: time comes from the caller.

use super::requests::Method;
use super::run::{Answer, NextPage};
use super::runner::{Connection, Outgoing};
use crate::domain::ids::ProvisioningId;
use crate::domain::package::Package;
use crate::domain::partner_hub::{base64_text, PartnerHubId};
use crate::domain::provisioning::TransportError;
use crate::domain::readiness::Destination;
use crate::domain::refresh::AWAITING_CONSENT;
use crate::domain::time::Timestamp;
use serde::{Deserialize, Serialize};
use std::cell::RefCell;

mod customers;
mod locations;
mod numbers;
mod people;
mod subscribers;

/// How long the simulated Webex takes to provision a customer.
pub const PROVISIONING_MS: i64 = 4_000;

/// A failure to rehearse ("Simulate a failure" in Settings).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Failure {
    #[default]
    None,
    /// The customer precheck refuses the address.
    CustomerPrecheck,
    /// The customer ends in status `error` with a package error.
    CustomerError,
    /// The first user is refused (its e-mail belongs to another organization).
    UserRefused,
    /// The token expires during the run (one `401`).
    TokenExpired,
    /// The service is briefly overloaded: creating the customer answers `429` with
    /// `Retry-After` once.
    Busy,
    /// Webex changes behind the app's back, seen at the next "Refresh from Webex": a
    /// package goes to `error`, a user waits for consent, and a user is added in
    /// Partner Hub.
    Drift,
}

impl Failure {
    pub const ALL: [Failure; 7] = [
        Self::None,
        Self::CustomerPrecheck,
        Self::CustomerError,
        Self::UserRefused,
        Self::TokenExpired,
        Self::Busy,
        Self::Drift,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Self::None => "none",
            Self::CustomerPrecheck => "customer_precheck",
            Self::CustomerError => "customer_error",
            Self::UserRefused => "user_refused",
            Self::TokenExpired => "token_expired",
            Self::Busy => "busy",
            Self::Drift => "drift",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.key() == key)
    }
}

#[derive(Serialize, Deserialize)]
struct SimCustomer {
    /// When the partner removed it: `deleting` for a while, then gone.
    #[serde(default)]
    removed: Option<Timestamp>,
    /// When the partner updated it after an error: `updating`, then provisioned.
    #[serde(default)]
    updated: Option<Timestamp>,
    /// Its first package went to `error` behind the app's back (`Failure::Drift`).
    #[serde(default)]
    drifted: bool,
    /// Created while `Failure::CustomerError` was rehearsed: it ends in `error` until
    /// the partner updates it.
    #[serde(default)]
    failed: bool,
    id: String,
    external_id: String,
    org_id: String,
    created: Timestamp,
    packages: Vec<String>,
    headquarters: String,
}

#[derive(Serialize, Deserialize)]
struct SimSubscriber {
    id: String,
    customer_id: String,
    email: String,
    package: String,
    /// `provisioned` when empty.
    #[serde(default)]
    status: String,
    /// The person behind it (`/people/{id}`): names, and a calling user's location,
    /// number and extension.
    #[serde(default)]
    person: SimPerson,
}

#[derive(Serialize, Deserialize, Default, Clone)]
#[serde(default)]
struct SimPerson {
    id: String,
    first_name: String,
    last_name: String,
    location: String,
    extension: String,
    phone: String,
}

/// A move job (`/telephony/config/jobs/person/moveLocation`): it ends on the second
/// look, moved or failed with `error`.
#[derive(Serialize, Deserialize, Default)]
#[serde(default)]
struct SimMove {
    id: String,
    org: String,
    person: String,
    location: String,
    extension: String,
    phone: String,
    looks: u8,
    error: Option<String>,
}

/// A package key that is Webex Calling.
fn is_calling_key(key: &str) -> bool {
    Package::from_key(key).is_some_and(Package::is_calling)
}

/// The calling checks Webex makes of a subscriber: a calling package needs a location
/// with Webex Calling, and a number must be in that location's inventory.
fn calling_refusal(
    calling: &[String],
    numbers: &[(String, String)],
    package: Option<&String>,
    params: &SubscriberParametersIn,
) -> Option<&'static str> {
    let is_calling = package
        .and_then(|key| Package::from_key(key))
        .is_some_and(Package::is_calling);
    let location = &params.location_id;
    if is_calling && !calling.contains(location) {
        return Some("The location is not enabled for Webex Calling, so it has no calling users.");
    }
    match &params.primary_phone_number {
        Some(number) if !numbers.contains(&(location.clone(), number.clone())) => {
            Some("The primary phone number is not in the inventory of the user's location.")
        }
        _ => None,
    }
}

impl SimCustomer {
    /// Removed long enough ago that Webex no longer has it.
    fn gone(&self, now: Timestamp) -> bool {
        self.removed.is_some_and(|at| now.0 - at.0 >= REMOVAL_MS)
    }
}

/// How long the simulated Webex takes to remove a customer.
pub const REMOVAL_MS: i64 = 2_000;

/// Serializable, so that a demo keeps its simulated Webex across a reload.
#[derive(Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Simulator {
    failure: Failure,
    customers: Vec<SimCustomer>,
    /// (org id, location id, name)
    locations: Vec<(String, String, String)>,
    /// Ids of the locations with Webex Calling.
    calling: Vec<String>,
    /// (location id, number): the locations' number inventories. Every simulated
    /// location has a (premises-based) PSTN connection.
    numbers: Vec<(String, String)>,
    subscribers: Vec<SimSubscriber>,
    moves: Vec<SimMove>,
    /// (location id, routing prefix) of the calling locations given one.
    prefixes: Vec<(String, String)>,
    /// E-mails of people with a Webex account of their own (a free one): a subscriber
    /// made with one waits for the person's consent to move.
    own_accounts: Vec<String>,
    /// Subscribers made so far, so that no id is given twice (some are removed).
    subscribers_made: u32,
    /// The book (`Repository` generation) this Webex goes with: a book replaced since
    /// (reset, restore, demo data) finds an empty Webex.
    book: u32,
    requests: u32,
    failed_once: bool,
}

#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
struct CustomerIn {
    external_id: String,
    packages: Vec<String>,
    provisioning_parameters: Option<ParametersIn>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct ParametersIn {
    calling: Option<CallingIn>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct CallingIn {
    location: NameIn,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct NameIn {
    name: String,
}

#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
struct SubscriberIn {
    customer_id: String,
    /// The precheck's variant for a customer Webex does not have yet.
    provisioning_id: String,
    email: String,
    packages: Vec<String>,
    /// Absent on an update that only changes the package.
    provisioning_parameters: Option<SubscriberParametersIn>,
}

#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
struct SubscriberParametersIn {
    first_name: String,
    last_name: String,
    location_id: String,
    primary_phone_number: Option<String>,
    extension: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
struct NumbersIn {
    phone_numbers: Vec<String>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct IdIn {
    id: String,
}

/// An id in Webex's style: base64 of `ciscospark://us/<KIND>/<n>`, unpadded.
fn webex_id(kind: &str, n: u32) -> String {
    base64_text(
        format!("ciscospark://us/{kind}/5100{n:04}-51a7-4a1e-9d00-00000000{n:04}").as_bytes(),
    )
}

/// The simulator plays the partner's Partner Hub, which it cannot see: it takes any ID
/// shaped as Partner Hub issues them, and this app's own ID of a template not linked
/// (so a demo needs no Partner Hub). Anything else is refused as Webex would.
#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
struct TemplateIn {
    provisioning_id: String,
}

fn known_template(body: &str) -> bool {
    let id = serde_json::from_str::<TemplateIn>(body)
        .unwrap_or_default()
        .provisioning_id;
    PartnerHubId::parse(&id).is_ok() || ProvisioningId::parse(&id).is_some()
}

impl Simulator {
    /// The failure to rehearse from now on.
    pub fn set_failure(&mut self, failure: Failure) {
        if failure != self.failure {
            self.failure = failure;
            self.failed_once = false;
        }
    }

    pub fn new(failure: Failure) -> Self {
        Self {
            failure,
            ..Self::default()
        }
    }

    /// This Webex, if it goes with `book`; an empty one otherwise.
    pub fn for_book(self, book: u32) -> Self {
        if self.book == book {
            self
        } else {
            Self {
                failure: self.failure,
                book,
                ..Self::default()
            }
        }
    }

    /// Ties this Webex to `book`.
    pub fn set_book(&mut self, book: u32) {
        self.book = book;
    }

    fn tracking(&self) -> Option<String> {
        Some(format!("SIMULATED_{:06}", self.requests))
    }

    /// An answer without a body (`201`, `202`, `204`).
    fn empty(&self, http: u16) -> Answer {
        Answer {
            http,
            body: String::new(),
            retry_after: None,
            tracking_id: self.tracking(),
            next: None,
        }
    }

    fn answer_json(&self, http: u16, body: impl Serialize) -> Answer {
        Answer {
            http,
            body: serde_json::to_string(&body).expect("answers are plain data"),
            retry_after: None,
            tracking_id: self.tracking(),
            next: None,
        }
    }

    fn error(&self, http: u16, code: i64, description: &str) -> Answer {
        self.answer_json(
            http,
            ErrorOut {
                message: description,
                errors: vec![ProblemOut {
                    error_code: code,
                    description,
                }],
                tracking_id: self.tracking(),
            },
        )
    }

    fn customer_json<'a>(&self, c: &'a SimCustomer, now: Timestamp) -> CustomerOut<'a> {
        // An update after an error is what mends it: the rehearsed failure is over.
        let since = c.updated.unwrap_or(c.created);
        let done = now.0 - since.0 >= PROVISIONING_MS;
        let failed = done && c.failed && c.updated.is_none();
        let status = match (done, failed) {
            _ if c.removed.is_some() => "deleting",
            (false, _) if c.updated.is_some() => "updating",
            (false, _) => "provisioning",
            (true, true) => "error",
            (true, false) => "provisioned",
        };
        let packages = c
            .packages
            .iter()
            .enumerate()
            .map(|(i, name)| {
                let broken = (failed || c.drifted) && i == 0;
                PackageOut {
                    name,
                    // A package has no `updating` status of its own (the spec's list).
                    status: match status {
                        _ if broken => "error",
                        "updating" => "provisioning",
                        other => other,
                    },
                    warnings: vec![],
                    errors: if broken {
                        vec![ProblemOut {
                            error_code: 6100,
                            description: "Calling could not be enabled: the location's address could not be validated.",
                        }]
                    } else {
                        vec![]
                    },
                }
            })
            .collect();
        CustomerOut {
            id: &c.id,
            external_id: &c.external_id,
            org_id: (done && !failed).then_some(c.org_id.as_str()),
            status,
            packages: &c.packages,
            resource_details: ResourceOut { packages },
        }
    }

    /// Webex's answer to `request` at `now`.
    /// Webex changes behind the app's back (once): the first customer's first package
    /// goes to `error`, its first subscriber waits for consent, and a subscriber is
    /// added in Partner Hub.
    fn drift(&mut self, now: Timestamp) {
        let Some(c) = self.customers.iter_mut().find(|c| !c.gone(now)) else {
            return;
        };
        self.failed_once = true;
        c.drifted = true;
        let customer = c.id.clone();
        let mut theirs = self
            .subscribers
            .iter_mut()
            .filter(|s| s.customer_id == customer);
        let package = match theirs.next() {
            Some(first) => {
                first.status = AWAITING_CONSENT.into();
                first.package.clone()
            }
            None => "webex_meetings".into(),
        };
        let n = self.next_subscriber();
        self.subscribers.push(SimSubscriber {
            id: webex_id("SUBSCRIBER", n),
            customer_id: customer,
            email: format!("added{n}@partner-hub.example"),
            package,
            status: String::new(),
            person: SimPerson {
                id: webex_id("PEOPLE", n),
                first_name: "Added".into(),
                last_name: format!("User {n}"),
                ..SimPerson::default()
            },
        });
    }

    pub fn answer(&mut self, request: &Outgoing, now: Timestamp) -> Answer {
        self.requests += 1;
        let (path, query) = request.path.split_once('?').unwrap_or((&request.path, ""));
        let q = Query(query);
        let body = request.body.as_deref().unwrap_or("{}");
        match (request.method, path) {
            _ if self.failure == Failure::TokenExpired
                && self.requests == 4
                && !self.failed_once =>
            {
                self.failed_once = true;
                self.error(401, 401, "The request requires a valid access token set in the Authorization request header.")
            }
            (Method::Post, "/wholesale/customers")
                if self.failure == Failure::Busy && !self.failed_once =>
            {
                self.failed_once = true;
                let mut answer = self.error(429, 429, "Too many requests; retry later.");
                answer.retry_after = Some(2);
                answer
            }
            (Method::Post, "/wholesale/customers/validate" | "/wholesale/customers")
                if !known_template(body) =>
            {
                self.error(
                    400,
                    400,
                    "The provisioningId is not that of an onboarding template of this partner.",
                )
            }
            (Method::Post, "/wholesale/customers/validate") => self.precheck_customer(),
            (Method::Get, "/wholesale/customers") => self.list_customers(&q, now),
            (Method::Post, "/wholesale/customers") => self.create_customer(body, now),
            (Method::Put, p) if p.starts_with("/wholesale/customers/") => {
                self.update_customer(p, body, now)
            }
            (Method::Delete, p) if p.starts_with("/wholesale/customers/") => {
                self.remove_customer(p, now)
            }
            (Method::Get, p) if p.starts_with("/wholesale/customers/") => self.customer(p, now),
            (Method::Get, "/locations") => self.list_locations(&q),
            (Method::Post, "/locations") => self.create_location(&q, body),
            (_, p) if p.starts_with("/telephony/") => self.telephony(request.method, p, &q, body),
            (Method::Post, "/wholesale/subscribers/validate") => self.precheck_subscriber(body),
            (Method::Post, "/wholesale/subscribers") => self.create_subscriber(body),
            (Method::Put, p) if p.starts_with("/wholesale/subscribers/") => {
                self.update_subscriber(p, body)
            }
            (Method::Get, p) if p.starts_with("/wholesale/subscribers/") => self.subscriber(p),
            (Method::Get, p) if p.starts_with("/people/") => self.person(p),
            (Method::Put, p) if p.starts_with("/people/") => self.update_person(p, body),
            (Method::Delete, p) if p.starts_with("/wholesale/subscribers/") => {
                self.remove_subscriber(p)
            }
            (Method::Put, p) if p.starts_with("/locations/") => self.update_location(p, &q, body),
            (Method::Get, "/wholesale/subscribers") => self.list_subscribers(&q),
            (Method::Post, p)
                if p.starts_with("/subscribers/") && p.ends_with("/emails/consentMove") =>
            {
                self.resend_consent(p)
            }
            _ => self.error(404, 404, "The requested resource could not be found."),
        }
    }

    /// The Webex Calling answers: calling locations, PSTN, numbers, announcement
    /// languages, move jobs.
    fn telephony(&mut self, method: Method, path: &str, q: &Query, body: &str) -> Answer {
        match (method, path) {
            (Method::Get, "/telephony/config/locations") => self.list_calling_locations(q),
            (Method::Get, p)
                if p.starts_with("/telephony/config/locations/") && !p.ends_with("/numbers") =>
            {
                self.calling_location(p)
            }
            (Method::Put, p)
                if p.starts_with("/telephony/config/locations/") && !p.ends_with("/numbers") =>
            {
                self.set_routing_prefix(p, body)
            }
            (Method::Post, "/telephony/config/locations") => self.enable_calling(q, body),
            (Method::Get, p) if p.starts_with("/telephony/pstn/locations/") => {
                self.pstn_connection(p)
            }
            (Method::Put, p) if p.starts_with("/telephony/pstn/locations/") => {
                self.set_pstn(p, body)
            }
            (Method::Get, "/telephony/config/numbers") => self.list_numbers(q),
            (Method::Post, p)
                if p.starts_with("/telephony/config/locations/") && p.ends_with("/numbers") =>
            {
                self.add_numbers(p, body)
            }
            // "Manage Number State": the simulator's numbers are active already.
            (Method::Put, p)
                if p.starts_with("/telephony/config/locations/") && p.ends_with("/numbers") =>
            {
                self.empty(204)
            }
            (Method::Get, "/telephony/config/announcementLanguages") => {
                self.answer_json(200, locations::announcement_languages())
            }
            (Method::Post, "/telephony/config/actions/validateNumbers/invoke") => {
                self.validate_numbers(body)
            }
            (Method::Post, "/telephony/config/jobs/person/moveLocation") => {
                self.start_move(q, body)
            }
            (Method::Get, p) if p.starts_with("/telephony/config/jobs/person/moveLocation/") => {
                self.move_job(p)
            }
            _ => self.error(404, 404, "The requested resource could not be found."),
        }
    }
}

fn subscriber_json(s: &SimSubscriber) -> SubscriberOut<'_> {
    let status = if s.status.is_empty() {
        "provisioned"
    } else {
        &s.status
    };
    SubscriberOut {
        id: &s.id,
        email: &s.email,
        customer_id: &s.customer_id,
        package: &s.package,
        packages: [&s.package],
        status,
        // Given once the subscriber is provisioned (as the spec says).
        person_id: if status == "provisioned" {
            &s.person.id
        } else {
            ""
        },
    }
}

/// A request's query, read by name (values percent-decoded).
struct Query<'a>(&'a str);

impl Query<'_> {
    fn get(&self, name: &str) -> Option<String> {
        self.get_raw(name).map(decode)
    }

    /// The value as it was sent (still percent-encoded).
    fn get_raw(&self, name: &str) -> Option<&str> {
        self.0
            .split('&')
            .filter_map(|pair| pair.split_once('='))
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v)
    }
}

/// What a precheck answers when it passes.
fn precheck_ok() -> PrecheckOut {
    PrecheckOut {
        message: "success",
        info: InfoOut {
            info_code: 100,
            description: "Provisioning preCheck validation successful.",
        },
    }
}

/// `offset` (or `start`) and `max` of a list request, `max` as the list's default and
/// bound. Webex may answer fewer than asked, and so does
/// the simulator: at most [`SIMULATED_PAGE`] items a page, so that every list a run or
/// a refresh reads is read across pages.
fn paging(q: &Query, default: usize, bound: usize) -> (usize, usize) {
    let number = |name: &str| q.get(name).and_then(|v| v.parse::<usize>().ok());
    (
        number("offset").or_else(|| number("start")).unwrap_or(0),
        number("max")
            .unwrap_or(default)
            .min(bound)
            .min(SIMULATED_PAGE),
    )
}

/// The most items a simulated page holds, below what a run or a refresh asks.
pub const SIMULATED_PAGE: usize = 30;
/// The most locations a simulated page of locations holds (a customer has a handful).
pub const SIMULATED_LOCATION_PAGE: usize = 2;

// ---- Answers, in the spec's shapes ------------------------------------------------

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ErrorOut<'a> {
    message: &'a str,
    errors: Vec<ProblemOut<'a>>,
    tracking_id: Option<String>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ProblemOut<'a> {
    error_code: i64,
    description: &'a str,
}

#[derive(Serialize)]
struct PrecheckOut {
    message: &'static str,
    info: InfoOut,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct InfoOut {
    info_code: u32,
    description: &'static str,
}

/// The simulator's one PSTN connection, in Webex's id style.
const PREMISES_PSTN: &str =
    "Y2lzY29zcGFyazovL3VzL1BTVE5fQ09OTkVDVElPTi81MWRlNDg5Yy1hYTYwLTRjMjUtOWFmNi1jYzRjYjE3MTczMGU";

/// The PSTN connections the simulator offers: (id, name, the type it sets). Only the
/// first two can be set through the API (the premises one with a trunk or route group).
const PSTN_OPTIONS: [(&str, &str, &str); 3] = [
    (PREMISES_PSTN, "Premises-based PSTN", "LOCAL_GATEWAY"),
    (
        "Y2lzY29zcGFyazovL3VzL1BTVE5fQ09OTkVDVElPTi9jY3AtYmFuZHdpZHRo",
        "SI CCP Bandwidth",
        "NON_INTEGRATED_CCP",
    ),
    (
        "Y2lzY29zcGFyazovL3VzL1BTVE5fQ09OTkVDVElPTi9jaXNjby1wc3Ru",
        "Cisco Calling Plans",
        "CISCO_PSTN",
    ),
];

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ConnectionOut {
    id: &'static str,
    display_name: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pstn_connection_type: Option<&'static str>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct NumbersOut<'a> {
    phone_numbers: Vec<NumberOut<'a>>,
}

/// `NumberObject`, with the properties the spec requires.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct NumberOut<'a> {
    phone_number: &'a str,
    state: &'static str,
    phone_number_type: &'static str,
    main_number: bool,
    included_telephony_types: &'static str,
    toll_free_number: bool,
    is_service_number: bool,
}

#[derive(Serialize)]
struct CallingLocationsOut<'a> {
    locations: Vec<CallingLocationOut<'a>>,
}

/// `ListLocationObject`: a new location has no main number yet.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct CallingLocationOut<'a> {
    id: &'a str,
    name: &'a str,
    calling_line_id: CallingLineOut<'a>,
    e911_setup_required: bool,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct CallingLineOut<'a> {
    name: &'a str,
    phone_number: &'a str,
}

#[derive(Serialize)]
struct Items<T> {
    items: Vec<T>,
}

#[derive(Serialize)]
struct UrlOut {
    url: String,
}

#[derive(Serialize)]
struct IdOut<'a> {
    id: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct CustomerOut<'a> {
    id: &'a str,
    external_id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    org_id: Option<&'a str>,
    status: &'static str,
    packages: &'a [String],
    resource_details: ResourceOut<'a>,
}

#[derive(Serialize)]
struct ResourceOut<'a> {
    packages: Vec<PackageOut<'a>>,
}

#[derive(Serialize)]
struct PackageOut<'a> {
    name: &'a str,
    status: &'static str,
    warnings: Vec<ProblemOut<'a>>,
    errors: Vec<ProblemOut<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct LocationOut<'a> {
    id: &'a str,
    name: &'a str,
    org_id: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SubscriberOut<'a> {
    id: &'a str,
    email: &'a str,
    customer_id: &'a str,
    package: &'a str,
    packages: [&'a str; 1],
    status: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    person_id: &'a str,
}

/// Undoes the percent-encoding of a query value.
fn decode(value: &str) -> String {
    let bytes = value.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok();
                match hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                    Some(b) => {
                        out.push(b);
                        i += 3;
                        continue;
                    }
                    None => out.push(b'%'),
                }
            }
            b'+' => out.push(b' '),
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The simulator as a [`Connection`], on the caller's clock.
pub struct SimulatedConnection<N: Fn() -> Timestamp> {
    pub simulator: RefCell<Simulator>,
    pub now: N,
}

impl<N: Fn() -> Timestamp> Connection for SimulatedConnection<N> {
    fn destination(&self) -> Destination {
        Destination::Simulator
    }

    fn send(
        &self,
        request: Outgoing,
    ) -> impl std::future::Future<Output = Result<Answer, TransportError>> {
        let answer = self.simulator.borrow_mut().answer(&request, (self.now)());
        std::future::ready(Ok(answer))
    }
}
