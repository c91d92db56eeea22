//! Day two: changes made after Webex took a customer go there in order, each once,
//! through the same runner (every request and answer checked against the spec).

use super::*;
use crate::domain::changes::{self, Change, Key};
use crate::domain::customer_edit::CustomerChange;
use crate::domain::ids::{CustomerId, UserId};
use crate::domain::location::LocationName;
use crate::domain::package::Package;
use crate::domain::phone::Extension;
use crate::domain::user::UserDetails;

impl Demo {
    /// Provisioned, with the run's record saved with the customer.
    pub(super) fn provisioned() -> Self {
        let mut demo = Demo::new(Failure::None);
        assert_eq!(demo.run(), Ended::Finished);
        demo.save();
        demo
    }

    pub(super) fn id(&self) -> CustomerId {
        self.customer.id
    }

    /// Saves the run's record with the customer, as the app does after every answer.
    pub(super) fn save(&mut self) {
        self.doc
            .save_run(self.id(), self.p.clone(), &self.changes)
            .unwrap();
        self.customer = self.doc.customer(self.id()).unwrap().clone();
        self.p = self.customer.provisioning.clone();
    }

    /// The partner changes the customer here.
    pub(super) fn edit(&mut self, change: impl FnOnce(&mut Document, CustomerId)) {
        let id = self.id();
        change(&mut self.doc, id);
        self.customer = self.doc.customer(id).unwrap().clone();
        self.p = self.customer.provisioning.clone();
    }

    pub(super) fn user(&self, first: &str) -> (UserId, UserDetails) {
        let u = self
            .customer
            .users
            .iter()
            .find(|u| u.details.first_name.as_ref() == first)
            .unwrap();
        (u.id, u.details.clone())
    }

    /// "Apply changes in Webex": a run, then its record saved; the requests it sent.
    pub(super) fn apply(&mut self) -> Vec<String> {
        let before = self.webex.sent.borrow().len();
        run::start(&mut self.p);
        assert_eq!(self.run(), Ended::Finished);
        self.save();
        sent_paths(&self.webex)[before..].to_vec()
    }
}

impl Demo {
    /// "Apply changes in Webex" over `connection`, then its record saved.
    pub(super) fn apply_with(&mut self, connection: &impl Connection) -> Ended {
        run::start(&mut self.p);
        let ended = provision_keeping(
            connection,
            &self.clock,
            &self.doc,
            &self.customer,
            &mut self.p,
            None,
            &mut self.changes,
        );
        self.save();
        ended
    }
}

/// What the customer page lists.
pub(super) fn pending(customer: &Customer) -> Vec<Change> {
    changes::pending(
        customer,
        &changes::InWebex::read(&customer.provisioning.changes),
    )
}

fn set_packages(doc: &mut Document, id: CustomerId, packages: Vec<Package>) {
    let c = doc.customer(id).unwrap();
    let change = CustomerChange {
        company_name: c.company_name.clone(),
        admin_email: c.admin_email.clone(),
        packages,
    };
    doc.apply_customer_edit(id, change).unwrap();
}

pub(super) fn change_user(
    doc: &mut Document,
    id: CustomerId,
    user: UserId,
    edit: impl FnOnce(&mut UserDetails),
) {
    let mut details = doc
        .customer(id)
        .unwrap()
        .users
        .iter()
        .find(|u| u.id == user)
        .unwrap()
        .details
        .clone();
    edit(&mut details);
    doc.update_user(id, user, details).unwrap();
}

/// Webex Suite added to the customer's packages, Grace moved to it from Meetings
/// (calling, at Branch 1), Linus removed.
fn suite_for_grace_and_no_linus(d: &mut Document, id: CustomerId, grace: UserId, linus: UserId) {
    set_packages(
        d,
        id,
        vec![
            Package::WebexCalling,
            Package::WebexSuite,
            Package::WebexMeetings,
        ],
    );
    change_user(d, id, grace, |u| {
        u.package = Package::WebexSuite;
        u.extension = Some(Extension::parse("3001").unwrap());
    });
    d.remove_user(id, linus).unwrap();
}

pub(super) fn kinds(sent: &[String]) -> Vec<&str> {
    sent.iter()
        .map(|s| {
            let (method, path) = s.split_once(' ').unwrap();
            match (method, path.split('/').nth(1), path.split('/').nth(2)) {
                ("Put", Some("wholesale"), Some("customers")) => "update customer",
                ("Get", Some("wholesale"), Some("customers")) => "poll customer",
                ("Put", Some("wholesale"), Some("subscribers")) => "update user",
                ("Delete", Some("wholesale"), Some("subscribers")) => "remove user",
                ("Put", Some("locations"), _) => "update location",
                ("Get", Some("people"), _) => "read person",
                ("Put", Some("people"), _) => "update person",
                ("Get", Some("wholesale"), Some("subscribers")) => "read subscriber",
                ("Post", Some("telephony"), _) if path.contains("/moveLocation") => "move user",
                ("Get", Some("telephony"), _) if path.contains("/moveLocation") => "poll move",
                ("Get", Some("telephony"), _) => "list calling",
                ("Post", Some("telephony"), _) => "enable calling",
                _ => s.as_str(),
            }
        })
        .collect()
}

#[test]
fn each_kind_of_change_is_listed_then_sent_once_in_order_and_then_nothing_is_pending() {
    let mut demo = Demo::provisioned();
    assert!(pending(&demo.customer).is_empty());
    let (grace, _) = demo.user("Grace");
    let (linus, _) = demo.user("Linus");
    let branch0 = demo.customer.locations[0].id;
    demo.edit(|d, id| {
        suite_for_grace_and_no_linus(d, id, grace, linus);
        let mut renamed = d.customer(id).unwrap().locations[0].details.clone();
        renamed.name = LocationName::parse("Busan office").unwrap();
        d.update_location(id, branch0, renamed).unwrap();
    });
    let listed = pending(&demo.customer);
    assert!(listed.contains(&Change::AddPackage(Package::WebexSuite)));
    assert!(listed.contains(&Change::UserPackage(grace, Package::WebexSuite)));
    assert!(listed.contains(&Change::UserExtension(grace)));
    assert!(listed.iter().any(|c| matches!(c, Change::RemoveUser(u, was) if *u == linus && was.first_name.as_ref() == "Linus")));
    assert!(listed.contains(&Change::RenameLocation(branch0)));
    assert!(changes::any_pending(&demo.customer));

    let sent = demo.apply();
    assert_eq!(
        kinds(&sent),
        [
            // The package first: Grace's needs it.
            "update customer",
            "poll customer",
            "poll customer",
            // Grace's branch gets Webex Calling before she is a calling user there, once
            // the list of calling locations was read to its end (an empty page).
            "list calling",
            "list calling",
            "enable calling",
            "update location",
            "remove user",
            "update user",
        ],
        "{sent:#?}"
    );
    assert!(
        pending(&demo.customer).is_empty(),
        "{:?}",
        pending(&demo.customer)
    );
    assert!(!changes::any_pending(&demo.customer));
    assert!(
        demo.customer.provisioning.changes.is_empty(),
        "nothing left recorded"
    );
    assert!(!demo.customer.provisioning.users.contains_key(&linus));
    assert!(demo.apply().is_empty(), "applied again: nothing to send");
}

#[test]
fn a_package_users_leave_is_removed_after_them_and_an_undone_edit_sends_nothing() {
    let mut demo = Demo::provisioned();
    let (grace, was) = demo.user("Grace");
    let (minjun, _) = demo.user("민준");
    demo.edit(|d, id| {
        change_user(d, id, grace, |u| {
            u.package = Package::WebexCalling;
            u.extension = Some(Extension::parse("3001").unwrap());
        });
        set_packages(d, id, vec![Package::WebexCalling]);
        // Changed and changed back: no change.
        change_user(d, id, minjun, |u| {
            u.extension = Some(Extension::parse("4444").unwrap())
        });
    });
    // 민준 had no extension on day 0: taken away again, no change is left for him.
    demo.edit(|d, id| change_user(d, id, minjun, |u| u.extension = None));
    assert!(!pending(&demo.customer)
        .iter()
        .any(|c| c.key() == Key::User(minjun)));
    assert_eq!(was.package, Package::WebexMeetings);
    let sent = demo.apply();
    // The simulated Webex refuses to drop a package a subscriber holds: Grace moves first.
    assert_eq!(
        kinds(&sent),
        [
            "list calling",
            "list calling",
            "enable calling",
            "update user",
            "update customer",
            "poll customer",
            "poll customer"
        ],
        "{sent:#?}"
    );
    assert!(pending(&demo.customer).is_empty());
}

#[test]
fn two_edits_of_one_user_are_one_request_with_the_last() {
    let mut demo = Demo::provisioned();
    let (linus, _) = demo.user("Linus");
    demo.edit(|d, id| {
        change_user(d, id, linus, |u| {
            u.extension = Some(Extension::parse("2101").unwrap())
        });
        change_user(d, id, linus, |u| {
            u.extension = Some(Extension::parse("2102").unwrap())
        });
    });
    assert_eq!(pending(&demo.customer), [Change::UserExtension(linus)]);
    let before = demo.webex.sent.borrow().len();
    // Through the People API: the person read, then sent back with the last extension.
    assert_eq!(kinds(&demo.apply()), ["read person", "update person"]);
    let sent = demo.webex.sent.borrow();
    let body = sent[before + 1].0.body.clone().unwrap();
    assert!(body.contains("\"extension\":\"2102\""), "{body}");
}

#[test]
fn a_refused_change_stays_listed_with_webexs_code_and_the_others_go() {
    let clock = Clock::default();
    let update = |r: &Outgoing| r.method == Put && r.path.starts_with("/people/");
    let refusal = r#"{"message":"bad","errors":[{"errorCode":4003,"description":"The extension is in use."}]}"#;
    let tamper = Tamper::new(&clock, &update, vec![Fault::Answer(400, refusal, None)]);
    let mut demo = Demo::provisioned();
    let (linus, _) = demo.user("Linus");
    let (minjun, _) = demo.user("민준");
    demo.edit(|d, id| {
        change_user(d, id, linus, |u| {
            u.extension = Some(Extension::parse("2101").unwrap())
        });
        d.remove_user(id, minjun).unwrap();
    });
    // The tampering Webex starts as the one that took the customer.
    let tampered = Tamper {
        inner: std::mem::replace(&mut demo.webex, simulated(Failure::None, &clock)),
        ..tamper
    };
    demo.clock = clock.clone();
    assert_eq!(demo.apply_with(&tampered), Ended::Finished);
    let saved = changes::InWebex::read(&demo.customer.provisioning.changes);
    let refusal = saved.refusal(Key::User(linus)).unwrap();
    assert_eq!((refusal.http, refusal.problems[0].code), (400, Some(4003)));
    assert_eq!(pending(&demo.customer), [Change::UserExtension(linus)]);
    let deletes = |t: &Tamper| {
        t.seen
            .borrow()
            .iter()
            .filter(|(r, _)| r.method == Delete)
            .count()
    };
    assert_eq!(deletes(&tampered), 1);
    assert!(
        !demo.customer.provisioning.users.contains_key(&minjun),
        "the removal went"
    );
    // Applied again: the refused change is tried once more, and now taken.
    tampered.script.borrow_mut().clear();
    demo.apply_with(&tampered);
    assert!(pending(&demo.customer).is_empty());
    assert_eq!(deletes(&tampered), 1, "the removal is not sent again");
}

#[test]
fn a_reload_after_any_save_of_an_apply_sends_nothing_twice() {
    let edits = |demo: &mut Demo| {
        let (grace, _) = demo.user("Grace");
        let (linus, _) = demo.user("Linus");
        demo.edit(|d, id| suite_for_grace_and_no_linus(d, id, grace, linus));
    };
    let saves = {
        let mut demo = Demo::provisioned();
        edits(&mut demo);
        let count = RefCell::new(0usize);
        run::start(&mut demo.p);
        block_on(run(
            &demo.webex,
            &demo.doc,
            &demo.customer,
            &mut demo.p,
            |ms| demo.clock.sleep(ms),
            || demo.clock.now(),
            |_, _| {
                *count.borrow_mut() += 1;
                true
            },
        ));
        count.into_inner()
    };
    assert!(saves > 5);
    for cut in 0..saves {
        let mut demo = Demo::provisioned();
        edits(&mut demo);
        let before = demo.webex.sent.borrow().len();
        run::start(&mut demo.p);
        provision_keeping(
            &demo.webex,
            &demo.clock,
            &demo.doc,
            &demo.customer,
            &mut demo.p,
            Some(cut),
            &mut demo.changes,
        );
        // What the last save holds is what a reload starts from.
        let changes_sent_before = demo.webex.sent.borrow().len() - before;
        demo.save();
        let pending_at_reload: Vec<Key> = pending(&demo.customer).iter().map(Change::key).collect();
        run::resume(&mut demo.p);
        let ended = provision_keeping(
            &demo.webex,
            &demo.clock,
            &demo.doc,
            &demo.customer,
            &mut demo.p,
            None,
            &mut demo.changes,
        );
        assert_eq!(ended, Ended::Finished, "cut after {cut}");
        demo.save();
        assert!(pending(&demo.customer).is_empty(), "cut after {cut}");
        let sent = demo.webex.sent.borrow();
        let after: Vec<&Outgoing> = sent[before + changes_sent_before..]
            .iter()
            .map(|(r, _)| r)
            .collect();
        for r in &after {
            let is_change = matches!(r.method, Put | Delete);
            if !is_change {
                continue;
            }
            // A change sent after the reload was pending in what was saved, and went once.
            let times = after
                .iter()
                .filter(|o| o.method == r.method && o.path == r.path)
                .count();
            assert_eq!(
                times,
                1,
                "cut after {cut}: {} {} twice",
                r.method.as_str(),
                r.path
            );
            let about_packages = r.path.starts_with("/wholesale/customers/");
            let key_pending = if about_packages {
                pending_at_reload.contains(&Key::Packages)
            } else {
                !pending_at_reload.is_empty()
            };
            assert!(
                key_pending,
                "cut after {cut}: {} {} was not pending",
                r.method.as_str(),
                r.path
            );
        }
        // Nothing whose answer was saved goes again.
        let done_before: Vec<&Outgoing> = sent[before..before + changes_sent_before]
            .iter()
            .map(|(r, _)| r)
            .filter(|r| matches!(r.method, Put | Delete))
            .collect();
        for r in done_before {
            let again = after
                .iter()
                .filter(|o| o.method == r.method && o.path == r.path)
                .count();
            assert!(again <= 1, "cut after {cut}");
        }
    }
}

#[test]
fn edits_made_while_a_run_goes_keep_what_webex_had_and_what_the_run_did_stays_done() {
    let mut demo = Demo::provisioned();
    let (linus, _) = demo.user("Linus");
    let (minjun, _) = demo.user("민준");
    demo.edit(|d, id| d.remove_user(id, linus).unwrap());
    // The run starts from this record...
    let mut p = demo.p.clone();
    run::start(&mut p);
    // ...and while it goes, the partner changes 민준 here.
    demo.edit(|d, id| {
        change_user(d, id, minjun, |u| {
            u.extension = Some(Extension::parse("2222").unwrap())
        })
    });
    let customer_at_start = {
        let mut c = demo.customer.clone();
        c.users.retain(|u| u.id != linus);
        c
    };
    let mut changes = InWebex::default();
    provision_keeping(
        &demo.webex,
        &demo.clock,
        &demo.doc,
        &customer_at_start,
        &mut p,
        None,
        &mut changes,
    );
    demo.doc.save_run(demo.id(), p, &changes).unwrap();
    let c = customer_of(&demo.doc);
    assert_eq!(
        pending(&c),
        [Change::UserExtension(minjun)],
        "the edit made meanwhile waits"
    );
    assert!(
        !c.provisioning.users.contains_key(&linus),
        "the removal the run made stays made"
    );
}

fn any_edit() -> impl proptest::strategy::Strategy<Value = (usize, u8, usize)> {
    (0usize..4, 0u8..4, 0usize..3)
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 48, ..Default::default() })]
    /// Whatever the edits, what is pending is exactly what differs from what Webex
    /// took; undoing them all leaves nothing pending and nothing recorded.
    #[test]
    fn pending_is_the_difference_from_what_webex_took(edits in proptest::collection::vec(any_edit(), 0..12)) {
        let mut demo = Demo::provisioned();
        let day0 = demo.customer.clone();
        let extensions = [None, Some("2101"), Some("2102")];
        let packages = [Package::WebexCalling, Package::WebexMeetings, Package::WebexCalling];
        for (who, what, value) in edits {
            let Some(user) = demo.customer.users.get(who % demo.customer.users.len()).map(|u| u.id) else { continue };
            demo.edit(|d, id| match what {
                0 => change_user(d, id, user, |u| u.extension = extensions[value].map(|e| Extension::parse(e).unwrap())),
                1 => change_user(d, id, user, |u| u.package = packages[value]),
                2 if demo_admin(d, id) != Some(user) => { d.remove_user(id, user).unwrap(); }
                _ => {
                    let mut l = d.customer(id).unwrap().locations[value % 2].clone();
                    l.details.name = LocationName::parse(["Branch 0", "Branch 1", "Annex"][value]).unwrap();
                    if d.customer(id).unwrap().locations.iter().all(|o| o.id == l.id || o.details.name != l.details.name) {
                        d.update_location(id, l.id, l.details).unwrap();
                    }
                }
            });
        }
        let now = &demo.customer;
        let mut expected: Vec<Key> = Vec::new();
        for was in &day0.users {
            match now.users.iter().find(|u| u.id == was.id) {
                None => expected.push(Key::User(was.id)),
                Some(u) if changes::user_differs(&was.details, &u.details) => expected.push(Key::User(was.id)),
                Some(_) => {}
            }
        }
        for was in &day0.locations {
            let l = now.location(was.id).unwrap();
            if changes::location_differs(&was.details, &l.details) {
                expected.push(Key::Location(was.id));
            }
        }
        let mut got: Vec<Key> = pending(now).iter().map(Change::key).collect();
        got.sort();
        got.dedup();
        expected.sort();
        proptest::prop_assert_eq!(&got, &expected);
        proptest::prop_assert_eq!(changes::any_pending(now), !expected.is_empty());
        // Every change undone (removed users put back as they were): nothing is left.
        let id = demo.id();
        let c = demo.doc.customer_mut(id).unwrap();
        c.change_tracked(Key::Packages, |c| {
            for was in &day0.users {
                match c.users.iter_mut().find(|u| u.id == was.id) {
                    Some(u) => u.details = was.details.clone(),
                    None => c.users.push(was.clone()),
                }
            }
            c.locations = day0.locations.clone();
        });
        proptest::prop_assert!(pending(c).is_empty());
        proptest::prop_assert!(c.provisioning.changes.is_empty());
    }
}

fn demo_admin(d: &Document, id: CustomerId) -> Option<UserId> {
    d.customer(id).unwrap().admin_user().map(|u| u.id)
}
