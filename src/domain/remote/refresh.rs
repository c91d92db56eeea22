//! Webex's own view ("Refresh from Webex"): what a refresh read of a customer the app
//! made is merged into what is saved of it ([`merge`], pure). Statuses come from
//! Webex; a customer Webex no longer lists is marked "Not in Webex"; a user Webex no
//! longer has is no longer counted as provisioned (it is sent again); subscribers Webex
//! has that the app does not are kept aside to be listed ("In Webex only").
//!
//! A run under way, or a removal, is left alone: its own requests say more.

use crate::domain::customer::Customer;
use crate::domain::ids::UserId;
use crate::domain::provisioning::{PackageState, Provisioning, RemoteStatus, UserState};
use serde::{Deserialize, Serialize};

/// A wholesale customer as Webex listed it (cleaned and bounded by the reader).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RemoteCustomer {
    pub id: String,
    pub external_id: Option<String>,
    pub org_id: Option<String>,
    pub status: RemoteStatus,
    /// The status as Webex spelled it, when this version does not know it.
    pub status_text: String,
    pub packages: Vec<PackageState>,
    /// Its address on one line, for the list of customers the app did not make.
    pub address: String,
}

/// A subscriber as Webex listed it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RemoteSubscriber {
    pub id: String,
    pub email: String,
    pub package: String,
    pub status: String,
    /// Its People API id (empty when Webex gave none yet).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub person_id: String,
}

/// The status of a subscriber waiting for the user to accept the move of their account.
pub const AWAITING_CONSENT: &str = "pending_user_migration";

/// Subscribers kept aside a customer as "In Webex only", at most.
pub const MAX_WEBEX_ONLY: usize = 500;

/// What a refresh found of one customer the app made.
#[derive(Clone, Copy, Debug)]
pub enum Seen<'a> {
    /// Webex does not list it.
    Missing,
    Listed {
        customer: &'a RemoteCustomer,
        subscribers: &'a [RemoteSubscriber],
    },
}

/// The subscribers Webex has in this customer that the app does not, as saved
/// (`Provisioning::webex_only`).
pub fn webex_only(p: &Provisioning) -> Vec<RemoteSubscriber> {
    if p.webex_only.is_empty() {
        return Vec::new();
    }
    serde_json::from_str(&p.webex_only).unwrap_or_default()
}

/// The customer's record after a refresh: equal to the saved one when Webex says
/// nothing new (so that nothing is written).
pub fn merge(customer: &Customer, seen: Seen<'_>) -> Provisioning {
    let mut p = customer.provisioning.clone();
    if p.running || p.removal.is_some() || p.customer_id.is_none() {
        return p;
    }
    let (remote, subscribers) = match seen {
        Seen::Missing => {
            p.not_in_webex = true;
            return p;
        }
        Seen::Listed {
            customer,
            subscribers,
        } => (customer, subscribers),
    };
    p.not_in_webex = false;
    p.load_people();
    p.status = Some(remote.status);
    p.status_text = remote.status_text.clone();
    p.packages = remote.packages.clone();
    if remote.org_id.is_some() {
        p.org_id = remote.org_id.clone();
    }
    let mut matched = vec![false; subscribers.len()];
    // Every user Webex may list: those it took (removed here but not yet in Webex
    // included), matched by subscriber id, then those the app has not sent or it
    // refused, matched by e-mail (added in Partner Hub: now provisioned).
    let mut ids: Vec<UserId> = p.users.iter().map(|(id, _)| *id).collect();
    ids.extend(
        customer
            .users
            .iter()
            .map(|u| u.id)
            .filter(|id| !p.users.contains_key(id)),
    );
    for id in ids {
        let by_id = match p.users.get(&id) {
            Some(UserState::Provisioned { id: remote_id, .. }) => {
                subscribers.iter().position(|s| s.id == *remote_id)
            }
            _ => None,
        };
        let found = by_id.or_else(|| {
            let email = customer.user(id)?.details.email.key();
            subscribers
                .iter()
                .position(|s| s.email.to_lowercase() == email)
        });
        match found {
            Some(i) => {
                matched[i] = true;
                let s = &subscribers[i];
                if !s.person_id.is_empty() {
                    p.person_ids.insert(id, s.person_id.clone());
                }
                p.users.insert(
                    id,
                    UserState::Provisioned {
                        id: s.id.clone(),
                        status: s.status.clone(),
                    },
                );
            }
            // Webex no longer has it: it is provisioned again (or its removal is done).
            None if matches!(p.users.get(&id), Some(UserState::Provisioned { .. })) => {
                p.users.remove(&id);
            }
            None => {}
        }
    }
    let only: Vec<&RemoteSubscriber> = subscribers
        .iter()
        .zip(&matched)
        .filter(|(_, m)| !**m)
        .map(|(s, _)| s)
        .take(MAX_WEBEX_ONLY)
        .collect();
    p.webex_only = if only.is_empty() {
        String::new()
    } else {
        serde_json::to_string(&only).expect("plain data")
    };
    p.store_people();
    p
}

/// The packages Webex lists for the customer that it does not have here, and those it
/// has here that Webex does not list (by the API's keys).
pub fn package_differences(customer: &Customer) -> (Vec<String>, Vec<String>) {
    let p = &customer.provisioning;
    if p.packages.is_empty() {
        return (vec![], vec![]);
    }
    let here: Vec<&str> = customer.packages.iter().map(|k| k.key()).collect();
    let there: Vec<&str> = p.packages.iter().map(|s| s.package.as_str()).collect();
    let only_there = there
        .iter()
        .filter(|k| !here.contains(k))
        .map(|k| k.to_string())
        .collect();
    let only_here = here
        .iter()
        .filter(|k| !there.contains(k))
        .map(|k| k.to_string())
        .collect();
    (only_there, only_here)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::customer_edit::tests::doc;

    /// The set-up customer as Webex took it: Ada (the admin) as `S-ADA`, Mina not yet.
    fn provisioned() -> Customer {
        let (doc, id, _) = doc(true);
        let mut c = doc.customer(id).unwrap().clone();
        c.provisioning.customer_id = Some("C1".into());
        c.provisioning.status = Some(RemoteStatus::Provisioning);
        let ada = c.users[0].id;
        c.provisioning.users.insert(
            ada,
            UserState::Provisioned {
                id: "S-ADA".into(),
                status: "provisioned".into(),
            },
        );
        c
    }

    fn listed(status: RemoteStatus) -> RemoteCustomer {
        RemoteCustomer {
            id: "C1".into(),
            external_id: None,
            org_id: Some("ORG1".into()),
            status,
            status_text: String::new(),
            packages: vec![],
            address: String::new(),
        }
    }

    fn subscriber(id: &str, email: &str) -> RemoteSubscriber {
        RemoteSubscriber {
            id: id.into(),
            email: email.into(),
            package: "webex_calling".into(),
            status: "provisioned".into(),
            person_id: String::new(),
        }
    }

    fn state(p: &Provisioning, user: UserId) -> Option<&UserState> {
        p.users.get(&user)
    }

    #[test]
    fn webex_gives_the_status_and_users_it_has_by_id_or_by_email() {
        let c = provisioned();
        let (ada, mina) = (c.users[0].id, c.users[1].id);
        let mina_email = c.users[1].details.email.to_string().to_uppercase();
        let remote = listed(RemoteStatus::Provisioned);
        let subscribers = [
            subscriber("S-ADA", "someone-else@example.com"),
            subscriber("S-MINA", &mina_email),
            subscriber("S-OTHER", "other@example.com"),
        ];
        let p = merge(
            &c,
            Seen::Listed {
                customer: &remote,
                subscribers: &subscribers,
            },
        );
        assert_eq!(p.status, Some(RemoteStatus::Provisioned));
        assert_eq!(p.org_id.as_deref(), Some("ORG1"));
        assert!(!p.not_in_webex);
        assert!(
            matches!(state(&p, ada), Some(UserState::Provisioned { id, .. }) if id == "S-ADA"),
            "matched by its subscriber id, whatever its e-mail"
        );
        assert!(
            matches!(state(&p, mina), Some(UserState::Provisioned { id, .. }) if id == "S-MINA"),
            "made in Partner Hub: matched by e-mail, any case"
        );
        let only = webex_only(&p);
        assert_eq!(only.len(), 1);
        assert_eq!(only[0].id, "S-OTHER");
    }

    #[test]
    fn a_user_webex_no_longer_has_is_sent_again_and_a_missing_customer_is_marked() {
        let c = provisioned();
        let ada = c.users[0].id;
        let remote = listed(RemoteStatus::Provisioned);
        let p = merge(
            &c,
            Seen::Listed {
                customer: &remote,
                subscribers: &[],
            },
        );
        assert_eq!(state(&p, ada), None, "no longer counted as provisioned");
        let missing = merge(&c, Seen::Missing);
        assert!(missing.not_in_webex);
        assert_eq!(missing.users, c.provisioning.users, "nothing else changes");
    }

    #[test]
    fn a_run_under_way_a_removal_or_a_customer_never_sent_is_left_alone() {
        let remote = listed(RemoteStatus::Error);
        let seen = Seen::Listed {
            customer: &remote,
            subscribers: &[],
        };
        let mut running = provisioned();
        running.provisioning.running = true;
        assert_eq!(merge(&running, seen), running.provisioning);
        let mut removing = provisioned();
        removing.provisioning.removal = Some(crate::domain::provisioning::Removal::Asked);
        assert_eq!(merge(&removing, Seen::Missing), removing.provisioning);
        let (doc, id, _) = doc(true);
        let never = doc.customer(id).unwrap();
        assert_eq!(merge(never, seen), never.provisioning);
    }

    #[test]
    fn nothing_new_from_webex_leaves_the_record_equal_so_nothing_is_written() {
        let c = provisioned();
        let remote = listed(RemoteStatus::Provisioning);
        let subscribers = [subscriber("S-ADA", "ada@example.com")];
        let seen = Seen::Listed {
            customer: &remote,
            subscribers: &subscribers,
        };
        let mut once = c.clone();
        once.provisioning = merge(&c, seen);
        assert_eq!(merge(&once, seen), once.provisioning);
    }
}
