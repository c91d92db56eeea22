//! "Check with Webex": what a dry run found, per customer, user, number and location,
//! and what follows from it (who would pass, which field each failure is about).
//!
//! The report is kept with the customer (`Provisioning::check`, as JSON text that only
//! the customer page decodes) and stands for the customer as it was checked: a
//! [`fingerprint`] of the customer tells when it no longer does.

use crate::domain::customer::Customer;
use crate::domain::error::{Field, NumberField, UserField};
use crate::domain::ids::{LocationId, UserId};
use crate::domain::provisioning::{ApiProblem, IdMap, Stop};
use serde::{Deserialize, Serialize};

/// What one precheck answered.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Finding {
    /// It would pass; Webex's `info` other than plain success is a warning.
    Passed {
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        warnings: Vec<ApiProblem>,
    },
    /// It would fail: Webex's status and what it named.
    Failed {
        http: u16,
        problems: Vec<ApiProblem>,
    },
}

impl Finding {
    pub fn failed(&self) -> bool {
        matches!(self, Finding::Failed { .. })
    }
}

/// What `validateNumbers` said of a number the run would add (`Available` passes).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NumberFinding {
    pub number: String,
    pub state: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub detail: Vec<String>,
}

impl NumberFinding {
    pub fn failed(&self) -> bool {
        self.state != "Available"
    }
}

/// What Webex has of a location already in Webex: Webex Calling on it, and its PSTN
/// connection's type (empty when none or not read).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct LocationFinding {
    pub calling: Option<bool>,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub pstn: String,
}

/// A dry run's report.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CheckReport {
    /// When it was made (milliseconds since the epoch, as a `Timestamp`).
    pub at: i64,
    /// The customer as it was checked ([`fingerprint`]).
    pub of: u64,
    /// The customer precheck, while Webex does not have the customer.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub customer: Option<Finding>,
    #[serde(skip_serializing_if = "IdMap::is_empty")]
    pub users: IdMap<UserId, Finding>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub numbers: Vec<NumberFinding>,
    #[serde(skip_serializing_if = "IdMap::is_empty")]
    pub locations: IdMap<LocationId, LocationFinding>,
    /// Requests the check was to send, and those answered.
    pub asked: u32,
    pub answered: u32,
    /// Why it ended before every answer came (stopped, token refused, an answer the
    /// spec does not describe).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ended: Option<Stop>,
    /// The partner chose to provision what passes: the next run leaves out what fails.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub go_ahead: bool,
}

/// A failure the report names, where the partner mends it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Failure {
    /// The user it is about (`None`: the customer).
    pub user: Option<UserId>,
    /// The field Webex's answer points at, when it names one.
    pub field: Option<Field>,
    pub http: u16,
    pub problems: Vec<ApiProblem>,
}

impl CheckReport {
    /// The report as JSON text (as kept in `Provisioning::check`).
    pub fn write(&self) -> String {
        serde_json::to_string(self).expect("a report is plain data")
    }

    /// The report in `text`; text that is not one (storage another page wrote) is none.
    pub fn read(text: &str) -> Option<Self> {
        serde_json::from_str(text).ok()
    }

    /// Every answer came: the report says all a check can.
    pub fn complete(&self) -> bool {
        self.ended.is_none() && self.answered >= self.asked
    }

    /// The report still stands for `customer` as it is now.
    pub fn current(&self, customer: &Customer) -> bool {
        self.of == fingerprint(customer)
    }

    /// Every failure, the customer's first, then the users' in their order (a number
    /// Webex refused is a failure of each user who has it).
    pub fn failures(&self, customer: &Customer) -> Vec<Failure> {
        let mut out = Vec::new();
        if let Some(Finding::Failed { http, problems }) = &self.customer {
            out.push(Failure {
                user: None,
                field: None,
                http: *http,
                problems: problems.clone(),
            });
        }
        // Refused numbers by number: each user's is looked up, not searched for.
        let mut refused: std::collections::HashMap<&str, Vec<&NumberFinding>> =
            std::collections::HashMap::new();
        for n in self.numbers.iter().filter(|n| n.failed()) {
            refused.entry(n.number.as_str()).or_default().push(n);
        }
        for user in &customer.users {
            if let Some(Finding::Failed { http, problems }) = self.users.get(&user.id) {
                out.push(Failure {
                    user: Some(user.id),
                    field: problems.iter().find_map(|p| field_of(p.code)),
                    http: *http,
                    problems: problems.clone(),
                });
            }
            let phone = user.details.phone.as_ref().map(|p| p.as_str());
            let theirs = phone.and_then(|p| refused.get(p)).into_iter().flatten();
            for n in theirs {
                out.push(Failure {
                    user: Some(user.id),
                    field: Some(Field::Number(NumberField::Phone)),
                    http: 200,
                    problems: number_problems(n),
                });
            }
        }
        out
    }

    /// Users the check passed (and whose number, if any, Webex would take).
    pub fn passing<'a>(&'a self, customer: &'a Customer) -> impl Iterator<Item = UserId> + 'a {
        let failed: Vec<UserId> = self
            .failures(customer)
            .iter()
            .filter_map(|f| f.user)
            .collect();
        customer
            .users
            .iter()
            .filter(move |u| matches!(self.users.get(&u.id), Some(Finding::Passed { .. })))
            .map(|u| u.id)
            .filter(move |u| !failed.contains(u))
    }

    /// Warnings Webex gave with a pass: the customer's and each user's.
    pub fn warnings(&self) -> impl Iterator<Item = (Option<UserId>, &ApiProblem)> {
        fn of(f: &Finding) -> &[ApiProblem] {
            match f {
                Finding::Passed { warnings } => warnings,
                Finding::Failed { .. } => &[],
            }
        }
        let customer = self
            .customer
            .iter()
            .flat_map(|f| of(f).iter().map(|w| (None, w)));
        let users = self
            .users
            .iter()
            .flat_map(move |(u, f)| of(f).iter().map(move |w| (Some(*u), w)));
        customer.chain(users)
    }
}

/// A refused number's details as problems (`[Error 8361] DN is unavailable : +1…`).
fn number_problems(n: &NumberFinding) -> Vec<ApiProblem> {
    let mut problems: Vec<ApiProblem> = n
        .detail
        .iter()
        .map(|d| ApiProblem {
            code: d
                .strip_prefix("[Error ")
                .and_then(|r| r.split_once(']'))
                .and_then(|(code, _)| code.parse().ok()),
            description: d.clone(),
        })
        .collect();
    if problems.is_empty() {
        problems.push(ApiProblem {
            code: None,
            description: format!("{}: {}", n.number, n.state),
        });
    }
    problems
}

/// The field a Webex error code is about, where it names one. (The spec lists no
/// precheck codes: these are the codes Webex gives the same refusals on provisioning,
/// and 10201, the code the fakes give a package the customer lacks.)
pub fn field_of(code: Option<i64>) -> Option<Field> {
    Some(match code? {
        // The e-mail belongs to a user already (here or in another organization).
        10022 => Field::User(UserField::Email),
        // The customer has no such package.
        10201 => Field::User(UserField::Package),
        // The extension is taken at the location.
        4202 => Field::Number(NumberField::Extension),
        // The number is unavailable, invalid, or listed twice.
        8361..=8363 => Field::Number(NumberField::Phone),
        _ => return None,
    })
}

/// A fingerprint of the customer as saved here, Webex's record left out: a report
/// stands for the customer while it is the same.
pub fn fingerprint(customer: &Customer) -> u64 {
    #[derive(Serialize)]
    struct Here<'a> {
        name: &'a str,
        admin: &'a str,
        packages: &'a [crate::domain::package::Package],
        headquarters: &'a crate::domain::location::Location,
        locations: &'a [crate::domain::location::Location],
        users: &'a [crate::domain::user::User],
    }
    let here = Here {
        name: customer.company_name.as_ref(),
        admin: customer.admin_email.as_ref(),
        packages: &customer.packages,
        headquarters: &customer.headquarters,
        locations: &customer.locations,
        users: &customer.users,
    };
    let text = serde_json::to_vec(&here).expect("a customer is plain data");
    // FNV-1a: stable across builds and machines (a report is saved).
    text.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}
