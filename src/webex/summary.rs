//! What the customer page's provisioning panel shows of a run, before any words: how
//! far each step got, who Webex refused, and which fix the page can offer. A pure
//! function of the saved customer, so its rules are tested here, not through a page.

use super::run;
use crate::domain::changes::{self, InWebex};
use crate::domain::customer::Customer;
use crate::domain::provisioning::{ApiProblem, Badge, Provisioning, RemoteStatus, Stop, UserState};

/// Webex's code for an address its check refused.
pub const ADDRESS_REFUSED: i64 = 6100;

/// How far a step got: `done` of `of`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub done: usize,
    pub of: usize,
}

/// The customer's precheck.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Precheck {
    #[default]
    NotYet,
    Passed,
    Refused,
}

/// A user Webex did not take: refused with its problems, or created by a request whose
/// answer was lost and that no lookup confirmed (`problems: None`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UserNotTaken {
    pub email: String,
    pub problems: Option<Vec<ApiProblem>>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ProvisioningSummary {
    pub precheck: Precheck,
    /// The headquarters and branches Webex has an id for, of those it is to have.
    pub locations: Tally,
    /// The calling users' numbers in their location's inventory (`of` 0: no numbers).
    pub numbers: Tally,
    pub users: Tally,
    /// Users removed here that Webex still has (the removal not applied yet).
    pub users_leaving: usize,
    pub users_not_taken: Vec<UserNotTaken>,
    /// Webex ended the customer in error over its address: the fix is the
    /// headquarters' address, on the same page.
    pub address_refused: bool,
}

/// The panel's summary of `customer`'s saved run.
pub fn summarize(customer: &Customer) -> ProvisioningSummary {
    let p = &customer.provisioning;
    let precheck = if p.prechecked || p.customer_id.is_some() {
        Precheck::Passed
    } else if matches!(p.stopped, Some(Stop::PrecheckRefused { .. })) {
        Precheck::Refused
    } else {
        Precheck::NotYet
    };
    let users_not_taken = customer
        .users
        .iter()
        .filter_map(|u| {
            let problems = match p.users.get(&u.id) {
                Some(UserState::Refused { problems, .. }) => Some(problems.clone()),
                Some(UserState::Unconfirmed) => None,
                _ => return None,
            };
            Some(UserNotTaken {
                email: u.details.email.to_string(),
                problems,
            })
        })
        .collect();
    // A Meetings customer's headquarters is in Webex only once a user is there.
    let w = InWebex::read(&p.changes);
    let needed: Vec<_> = run::needed_locations(customer, &w).collect();
    let numbered = run::numbered_locations(customer);
    let numbers: usize = numbered.iter().map(|(_, _, wanted)| wanted.len()).sum();
    let missing: usize = numbered
        .iter()
        .map(|(l, _, _)| run::missing_numbers(customer, p, *l).len())
        .sum();
    ProvisioningSummary {
        precheck,
        locations: Tally {
            done: needed
                .iter()
                .filter(|l| p.locations.contains_key(l))
                .count(),
            of: needed.len(),
        },
        numbers: Tally {
            done: numbers - missing,
            of: numbers,
        },
        users: Tally {
            done: p.users_provisioned(customer.users.iter().map(|u| &u.id)),
            of: customer.users.len(),
        },
        // The removals `changes::pending` lists, without working out every other change.
        users_leaving: if changes::in_webex(p) {
            changes::users_to_remove(customer, &w).count()
        } else {
            0
        },
        users_not_taken,
        address_refused: p.status == Some(RemoteStatus::Error)
            && p.packages
                .iter()
                .any(|pkg| pkg.errors.iter().any(|e| e.code == Some(ADDRESS_REFUSED))),
    }
}

/// The badge the panel shows: a run going on in this tab is provisioning, whatever the
/// record said when it started (a removal stays "Removing", as `Provisioning::badge`
/// says).
pub fn badge(p: &Provisioning, running_here: bool) -> Badge {
    if running_here && p.removal.is_none() {
        Badge::Provisioning
    } else {
        p.badge()
    }
}

/// What the panel's main button does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StartAction {
    /// A removal that stopped goes on.
    ContinueRemoval,
    /// A run waiting for a token goes on with the new one.
    ContinueProvisioning,
    /// A customer in Cisco's compliance review is asked about again.
    CheckAgain,
    Provision,
}

pub fn start_action(p: &Provisioning, needs_token: bool) -> StartAction {
    if p.removal.is_some() {
        StartAction::ContinueRemoval
    } else if needs_token {
        StartAction::ContinueProvisioning
    } else if p.stopped == Some(Stop::AwaitingReview) {
        StartAction::CheckAgain
    } else {
        StartAction::Provision
    }
}

/// A stop that waits on the partner or on Cisco, and is no failure.
pub fn is_waiting(stop: &Stop) -> bool {
    matches!(stop, Stop::Paused | Stop::AwaitingReview)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::provisioning::{PackageState, Removal};
    use crate::webex::tests::{build, seoul_with_branches};

    fn customer() -> Customer {
        let (doc, id) = build(&seoul_with_branches());
        doc.customer(id).unwrap().clone()
    }

    #[test]
    fn a_customer_never_sent_has_everything_still_to_do() {
        let c = customer();
        let s = summarize(&c);
        assert_eq!(s.precheck, Precheck::NotYet);
        assert_eq!(
            s.locations,
            Tally { done: 0, of: 3 },
            "the headquarters and 2 branches"
        );
        assert_eq!(
            s.users,
            Tally {
                done: 0,
                of: c.users.len()
            }
        );
        // The admin's number at the headquarters, 민준's at Branch 0.
        assert_eq!(s.numbers, Tally { done: 0, of: 2 });
        assert!(s.users_not_taken.is_empty());
        assert!(!s.address_refused);
    }

    #[test]
    fn a_removal_not_applied_yet_is_counted_beside_the_users_webex_has() {
        let mut c = customer();
        c.provisioning.customer_id = Some("C1".into());
        c.provisioning.status = Some(RemoteStatus::Provisioned);
        assert_eq!(summarize(&c).users_leaving, 0);
        let leaving = c.users.pop().unwrap();
        let mut w = InWebex::default();
        w.users.insert(leaving.id, leaving.details.clone());
        c.provisioning.changes = w.write();
        assert_eq!(summarize(&c).users_leaving, 1);
    }

    #[test]
    fn the_precheck_passed_once_webex_took_it_or_the_customer() {
        let mut c = customer();
        c.provisioning.stopped = Some(Stop::PrecheckRefused {
            http: 400,
            problems: vec![],
        });
        assert_eq!(summarize(&c).precheck, Precheck::Refused);
        c.provisioning.stopped = None;
        c.provisioning.prechecked = true;
        assert_eq!(summarize(&c).precheck, Precheck::Passed);
        c.provisioning.prechecked = false;
        c.provisioning.customer_id = Some("C1".into());
        assert_eq!(
            summarize(&c).precheck,
            Precheck::Passed,
            "found by a lookup"
        );
    }

    #[test]
    fn steps_count_what_webex_has_and_name_the_users_it_did_not_take() {
        let mut c = customer();
        let (first, second, third) = (c.users[0].id, c.users[1].id, c.users[2].id);
        let problems = vec![ApiProblem {
            code: Some(409),
            description: "Taken".into(),
        }];
        let p = &mut c.provisioning;
        p.users.insert(
            first,
            UserState::Provisioned {
                id: "S1".into(),
                status: "provisioned".into(),
            },
        );
        p.users.insert(
            second,
            UserState::Refused {
                http: 409,
                problems: problems.clone(),
            },
        );
        p.users.insert(third, UserState::Unconfirmed);
        p.locations.insert(c.headquarters.id, "L1".into());
        let hq_number = c
            .users
            .iter()
            .find(|u| u.details.location == c.headquarters.id && u.details.phone.is_some())
            .and_then(|u| u.details.phone.clone())
            .unwrap();
        c.provisioning
            .numbers
            .get_or_default(c.headquarters.id)
            .present
            .push(hq_number.as_str().to_string());
        let s = summarize(&c);
        assert_eq!(s.users.done, 1);
        assert_eq!(s.locations, Tally { done: 1, of: 3 });
        assert_eq!(s.numbers, Tally { done: 1, of: 2 });
        assert_eq!(
            s.users_not_taken,
            [
                UserNotTaken {
                    email: c.users[1].details.email.to_string(),
                    problems: Some(problems),
                },
                UserNotTaken {
                    email: c.users[2].details.email.to_string(),
                    problems: None,
                },
            ]
        );
    }

    #[test]
    fn an_address_refusal_offers_the_address_fix_only_while_the_customer_is_in_error() {
        let mut c = customer();
        c.provisioning.packages = vec![PackageState {
            package: "webex_calling".into(),
            status: "error".into(),
            warnings: vec![],
            errors: vec![ApiProblem {
                code: Some(ADDRESS_REFUSED),
                description: "Address invalid".into(),
            }],
        }];
        c.provisioning.status = Some(RemoteStatus::Error);
        assert!(summarize(&c).address_refused);
        c.provisioning.status = Some(RemoteStatus::Provisioned);
        assert!(!summarize(&c).address_refused, "mended since");
        c.provisioning.status = Some(RemoteStatus::Error);
        c.provisioning.packages[0].errors[0].code = Some(6001);
        assert!(!summarize(&c).address_refused, "another refusal");
    }

    #[test]
    fn the_badge_and_the_button_follow_the_run_in_this_tab() {
        let mut p = Provisioning::default();
        assert_eq!(badge(&p, false), Badge::NotProvisioned);
        assert_eq!(badge(&p, true), Badge::Provisioning);
        assert_eq!(start_action(&p, false), StartAction::Provision);
        assert_eq!(start_action(&p, true), StartAction::ContinueProvisioning);
        p.stopped = Some(Stop::AwaitingReview);
        assert_eq!(start_action(&p, false), StartAction::CheckAgain);
        assert!(is_waiting(&Stop::AwaitingReview) && is_waiting(&Stop::Paused));
        assert!(!is_waiting(&Stop::CustomerError));
        p.removal = Some(Removal::Asked);
        assert_eq!(badge(&p, true), Badge::Removing);
        assert_eq!(start_action(&p, true), StartAction::ContinueRemoval);
    }
}
