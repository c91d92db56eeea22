//! Webex's answers as the spec shapes them, and how they are read.
//!
//! Error bodies are read leniently (a 4xx page in HTML is still a refusal); a 2xx body
//! that lacks what the spec promises is an unexpected answer and stops the run. Every
//! text kept from an answer is cleaned and cut ([`outside_text`]); every id checked.
//! The requests' bodies are in `requests`; a run's reading of these answers in
//! `run::apply`, a refresh's in `refresh`.

use crate::domain::provisioning::{ApiProblem, PackageState, RemoteStatus};
use crate::domain::text::{outside_text, OUTSIDE_TEXT_MAX};
use serde::de::DeserializeOwned;
use serde::Deserialize;

/// The first problem an error answer names, or nothing.
pub fn first_description(body: &str) -> String {
    problems_of(body)
        .into_iter()
        .next()
        .map(|p| p.description)
        .unwrap_or_default()
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct ErrorBody {
    message: Option<String>,
    errors: Vec<ErrorItem>,
    /// Webex Calling's job APIs name their problems so (`MoveUsersErrorResponse`).
    error: Vec<CodedMessage>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct CodedMessage {
    code: Option<i64>,
    message: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
struct ErrorItem {
    error_code: Option<i64>,
    description: Option<String>,
}

/// Problems as Webex wrote them, cleaned and cut; at most this many are kept.
pub(super) const MAX_PROBLEMS: usize = 20;

fn problems(items: &[ErrorItem]) -> Vec<ApiProblem> {
    items
        .iter()
        .filter_map(|e| {
            Some(ApiProblem {
                code: e.error_code,
                description: outside_text(e.description.as_deref()?, OUTSIDE_TEXT_MAX),
            })
        })
        .take(MAX_PROBLEMS)
        .collect()
}

/// The problems an error answer names (`errors[]`, else its `message`).
pub fn problems_of(body: &str) -> Vec<ApiProblem> {
    let parsed: ErrorBody = serde_json::from_str(body).unwrap_or_default();
    let mut found = problems(&parsed.errors);
    found.extend(
        parsed
            .error
            .iter()
            .filter_map(|e| {
                Some(ApiProblem {
                    code: e.code,
                    description: outside_text(e.message.as_deref()?, OUTSIDE_TEXT_MAX),
                })
            })
            .take(MAX_PROBLEMS),
    );
    if found.is_empty() {
        if let Some(message) = parsed.message {
            found.push(ApiProblem {
                code: None,
                description: outside_text(&message, OUTSIDE_TEXT_MAX),
            });
        }
    }
    found
}

/// How much of an unexpected answer the timeline and the message show.
pub const EXCERPT_LENGTH: usize = 200;

/// The first characters of an answer, cleaned, for a person to recognise it.
pub fn excerpt(body: &str) -> String {
    // Cut by bytes first: a 1 MB body is never scanned whole for 200 characters.
    let mut end = body.len().min(EXCERPT_LENGTH * 4);
    while !body.is_char_boundary(end) {
        end -= 1;
    }
    outside_text(&body[..end], EXCERPT_LENGTH)
}

/// An id Webex gave: what later requests put in paths and queries, so it must look
/// like one (Webex's ids are base64 text of a few dozen characters).
pub fn remote_id(raw: &str) -> Option<String> {
    const MAX_ID: usize = 500;
    let ok = !raw.is_empty()
        && raw.len() <= MAX_ID
        && raw
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'=' | b'.' | b':'));
    ok.then(|| raw.to_string())
}

/// An id Webex may leave out (absent or empty): `Some(None)` then, `Some(Some(id))` when
/// it is an id, `None` when it gave something that is not one.
pub(super) fn optional_id(raw: Option<&str>) -> Option<Option<String>> {
    match raw {
        None | Some("") => Some(None),
        Some(raw) => remote_id(raw).map(Some),
    }
}

/// A 2xx body read as the spec shapes it; `None` when it is not that shape.
pub(super) fn read<T: DeserializeOwned>(body: &str) -> Option<T> {
    serde_json::from_str(body).ok()
}

/// A list as Webex answers one (`{"items": [...]}`), whatever its items: what "Test
/// connection" expects of `GET /wholesale/customers`.
pub fn is_item_list(body: &str) -> bool {
    read::<Items<serde::de::IgnoredAny>>(body).is_some()
}

/// Any JSON object (the prechecks' answers carry nothing a run needs).
#[derive(Deserialize)]
pub(super) struct AnyObject {}

#[derive(Deserialize)]
pub(super) struct ResourceUrl {
    pub(super) url: String,
}

#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
pub(super) struct CustomerAnswer {
    pub(super) id: String,
    pub(super) org_id: Option<String>,
    pub(super) external_id: Option<String>,
    pub(super) status: String,
    resource_details: ResourceDetails,
    pub(super) address: AddressAnswer,
}

/// A customer's `address` (`Address`), as far as a list of customers shows it.
#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
pub(super) struct AddressAnswer {
    address_line1: String,
    city: String,
    country: String,
}

impl AddressAnswer {
    /// On one line, cleaned: "771 Alder Drive, Milpitas, US".
    pub(super) fn line(&self) -> String {
        let parts = [&self.address_line1, &self.city, &self.country];
        let line: Vec<&str> = parts
            .iter()
            .map(|p| p.trim())
            .filter(|p| !p.is_empty())
            .collect();
        outside_text(&line.join(", "), OUTSIDE_TEXT_MAX)
    }
}

impl CustomerAnswer {
    /// The package states Webex lists, cleaned and bounded.
    pub(super) fn package_states(&self) -> Vec<PackageState> {
        self.resource_details
            .packages
            .iter()
            .take(MAX_PROBLEMS)
            .map(|pkg| PackageState {
                package: outside_text(&pkg.name, OUTSIDE_TEXT_MAX),
                status: outside_text(&pkg.status, OUTSIDE_TEXT_MAX),
                warnings: problems(&pkg.warnings),
                errors: problems(&pkg.errors),
            })
            .collect()
    }
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
pub(super) struct Items<T> {
    pub(super) items: Vec<T>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct NamedId {
    pub(super) id: String,
    pub(super) name: String,
}

/// `GET /telephony/pstn/locations/{id}/connection` (`ConnectionResponse`).
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct PstnConnection {
    pub(super) id: String,
    pub(super) pstn_connection_type: String,
}

#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
pub(super) struct PstnOptionAnswer {
    pub(super) id: String,
    pub(super) display_name: String,
}

/// `GET /telephony/config/numbers` (`NumberListGetObject`).
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct NumberList {
    pub(super) phone_numbers: Vec<NumberAnswer>,
}

#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
pub(super) struct NumberAnswer {
    pub(super) phone_number: Option<String>,
    /// `ACTIVE` or `INACTIVE`.
    pub(super) state: String,
}

/// What `POST /telephony/config/locations/{id}/numbers` may say inside a `201`: the
/// numbers it did not add, each with why (Cisco's SDK reads these; the spec shows no
/// body).
#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct NumbersAdded {
    pub(super) errors: Vec<NumberRefused>,
}

#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
pub(super) struct NumberRefused {
    pub(super) number: String,
    /// A number or a string, as Webex writes it.
    pub(super) error_code: serde_json::Value,
    pub(super) error_message: String,
}

/// `POST /telephony/config/actions/validateNumbers/invoke` (`ValidateNumbersResponse`).
#[derive(Deserialize)]
pub(super) struct NumbersValidated {
    pub(super) numbers: Vec<NumberValidated>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct NumberValidated {
    pub(super) number: String,
    /// `Available`, `Duplicate`, `Duplicate In List`, `Invalid`, `Unavailable`.
    pub(super) state: String,
    pub(super) detail: Vec<String>,
}

/// `GET /telephony/config/locations`: `{"locations": [...]}`.
#[derive(Deserialize)]
pub(super) struct CallingLocations {
    pub(super) locations: Vec<NamedId>,
}

#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
pub(super) struct SubscriberAnswer {
    pub(super) id: String,
    pub(super) email: String,
    pub(super) status: String,
    pub(super) package: String,
    /// The People API's id (given once the subscriber is provisioned).
    pub(super) person_id: Option<String>,
}

impl SubscriberAnswer {
    /// Its People API id, when Webex gave one that is an id.
    pub(super) fn person(&self) -> Option<String> {
        self.person_id.as_deref().and_then(remote_id)
    }
}

/// Webex's spelling of a status this version does not know, cleaned and cut; empty for
/// one it knows.
pub(super) fn unknown_status_text(status: &str) -> String {
    if RemoteStatus::from_api(status).is_some() {
        return String::new();
    }
    outside_text(status, STATUS_TEXT_MAX)
}

/// The most of an unknown status's spelling kept.
const STATUS_TEXT_MAX: usize = 40;

// ---- People and move jobs ---------------------------------------------------------

/// A person as `GET`/`PUT /people/{id}?callingData=true` describe one: what a run
/// compares with what it asked (the rest is sent back as it came).
#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
pub(super) struct PersonAnswer {
    pub(super) id: String,
    pub(super) first_name: Option<String>,
    pub(super) last_name: Option<String>,
    pub(super) extension: Option<String>,
    pub(super) phone_numbers: Vec<PersonNumber>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct PersonNumber {
    #[serde(rename = "type")]
    pub(super) kind: String,
    pub(super) value: String,
}

/// `POST /telephony/config/jobs/person/moveLocation` answers `201` with the job.
#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct MoveStarted {
    pub(super) response: StartedJob,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct StartedJob {
    pub(super) id: String,
}

/// A job and how far it got (`GET …/moveLocation/{jobId}`, `JobDetailsResponseById`).
#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
pub(super) struct Job {
    pub(super) latest_execution_status: String,
    pub(super) latest_execution_exit_code: String,
}

/// `GET …/moveLocation/{jobId}/errors`: why the job failed, user by user.
#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct JobErrors {
    pub(super) items: Vec<JobErrorItem>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct JobErrorItem {
    pub(super) error: JobError,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct JobError {
    pub(super) message: Vec<JobMessage>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct JobMessage {
    pub(super) description: String,
    pub(super) code: String,
}

impl JobErrors {
    /// The problems the job's errors name, cleaned and cut.
    pub(super) fn problems(&self) -> Vec<ApiProblem> {
        self.items
            .iter()
            .flat_map(|i| &i.error.message)
            .map(|m| ApiProblem {
                code: m.code.parse().ok(),
                description: outside_text(&m.description, OUTSIDE_TEXT_MAX),
            })
            .take(MAX_PROBLEMS)
            .collect()
    }
}

/// `GET /telephony/config/announcementLanguages`.
#[derive(Deserialize)]
pub(super) struct Languages {
    pub(super) languages: Vec<LanguageAnswer>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct LanguageAnswer {
    pub(super) code: String,
}

/// `GET /telephony/config/locations/{id}` (`GetTelephonyLocationObject`): what a run
/// reads of it.
#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
pub(super) struct CallingLocation {
    pub(super) id: String,
    pub(super) routing_prefix: Option<String>,
}

/// A precheck's pass (`SubscriberProvisioningPrecheckResponse` and the customer's):
/// `info` is an object in the schema and a list in the examples, so both are read.
#[derive(Deserialize)]
pub(super) struct PrecheckPassed {
    #[serde(default)]
    info: serde_json::Value,
}

#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
struct PrecheckInfo {
    info_code: Option<f64>,
    description: Option<String>,
}

impl PrecheckPassed {
    /// What Webex said beside plain success (`infoCode` 100): warnings.
    pub(super) fn warnings(&self) -> Vec<ApiProblem> {
        let items = match &self.info {
            serde_json::Value::Array(items) => items.iter().collect(),
            serde_json::Value::Object(_) => vec![&self.info],
            _ => vec![],
        };
        items
            .into_iter()
            .filter_map(|v| serde_json::from_value::<PrecheckInfo>(v.clone()).ok())
            .filter(|i| i.info_code != Some(100.0))
            .filter_map(|i| {
                Some(ApiProblem {
                    code: i.info_code.map(|c| c as i64),
                    description: outside_text(i.description.as_deref()?, OUTSIDE_TEXT_MAX),
                })
            })
            .take(MAX_PROBLEMS)
            .collect()
    }
}
