//! "Refresh from Webex" against the simulator (every request and answer checked against
//! the spec) and scripted answers: pages, drift behind the app's back, waits, a refused
//! token, a cancel and its continuation; the merge as a pure function over generated
//! books.

use super::changes::pending;
use super::*;
use crate::domain::refresh::{self, RemoteCustomer, RemoteSubscriber, Seen, AWAITING_CONSENT};
use crate::webex::refresh::{read, Book, Ended as Read};
use crate::webex::requests::Method;

/// Reads Webex's view over `connection`, wanting the customers the app made.
pub(super) fn read_book(
    connection: &impl Connection,
    clock: &Clock,
    book: &mut Book,
    app: &[&Customer],
) -> Read {
    let ids: Vec<String> = app
        .iter()
        .filter_map(|c| c.provisioning.customer_id.clone())
        .collect();
    block_on(read(
        connection,
        |ms| clock.sleep(ms),
        |c: &RemoteCustomer| ids.contains(&c.id),
        book,
        |_, _| {},
    ))
}

/// What a refresh makes of `customer`'s record.
pub(super) fn merged(customer: &Customer, book: &Book) -> Provisioning {
    let remote = book
        .customers
        .iter()
        .find(|r| Some(&r.id) == customer.provisioning.customer_id.as_ref());
    let seen = match remote {
        Some(r) => Seen::Listed {
            customer: r,
            subscribers: book.subscribers.get(&r.id).map_or(&[][..], Vec::as_slice),
        },
        None => Seen::Missing,
    };
    refresh::merge(customer, seen)
}

/// A provisioned demo whose record is saved with its customer.
fn provisioned(failure: Failure) -> Demo {
    let mut demo = Demo::new(failure);
    assert_eq!(demo.run(), Ended::Finished);
    demo.doc
        .set_provisioning(demo.customer.id, demo.p.clone())
        .unwrap();
    demo.customer = customer_of(&demo.doc);
    demo
}

fn send(demo: &Demo, method: Method, path: &str, body: Option<String>) -> Answer {
    block_on(demo.webex.send(Outgoing {
        method,
        path: path.into(),
        body,
    }))
    .unwrap()
}

#[test]
fn a_refresh_of_a_customer_webex_has_as_saved_changes_nothing() {
    let demo = provisioned(Failure::None);
    let mut book = Book::default();
    assert_eq!(
        read_book(&demo.webex, &demo.clock, &mut book, &[&demo.customer]),
        Read::Done
    );
    assert_eq!(book.customers.len(), 1);
    assert_eq!(
        book.subscribers[demo.p.customer_id.as_ref().unwrap()].len(),
        4
    );
    assert_eq!(
        merged(&demo.customer, &book),
        demo.customer.provisioning,
        "nothing to write"
    );
    // One page of customers and one of subscribers, each followed by the empty page
    // that ends its list.
    assert_eq!(book.requests, 4);
}

#[test]
fn drift_behind_the_apps_back_shows_after_a_refresh_and_consent_can_be_asked_again() {
    let demo = provisioned(Failure::Drift);
    let mut book = Book::default();
    assert_eq!(
        read_book(&demo.webex, &demo.clock, &mut book, &[&demo.customer]),
        Read::Done
    );
    let p = merged(&demo.customer, &book);
    assert_eq!(p.packages[0].status, "error", "a package went to error");
    let waiting: Vec<String> = p
        .users
        .values()
        .filter_map(|u| match u {
            UserState::Provisioned { id, status } if status == AWAITING_CONSENT => Some(id.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(waiting.len(), 1, "a user waits for consent");
    let only = refresh::webex_only(&p);
    assert_eq!(only.len(), 1, "a subscriber added in Partner Hub");
    assert!(only[0].email.ends_with("@partner-hub.example"));
    let consent = send(
        &demo,
        Method::Post,
        &format!("/subscribers/{}/emails/consentMove", waiting[0]),
        None,
    );
    assert_eq!(consent.http, 204);
}

#[test]
fn a_customer_removed_in_partner_hub_is_marked_not_in_webex() {
    let demo = provisioned(Failure::None);
    let id = demo.p.customer_id.clone().unwrap();
    assert_eq!(
        send(
            &demo,
            Method::Delete,
            &format!("/wholesale/customers/{id}"),
            None
        )
        .http,
        202
    );
    block_on(demo.clock.sleep(super::super::simulator::REMOVAL_MS as u32));
    let mut book = Book::default();
    read_book(&demo.webex, &demo.clock, &mut book, &[&demo.customer]);
    let p = merged(&demo.customer, &book);
    assert!(p.not_in_webex);
    assert_eq!(p.badge(), Badge::NotInWebex);
}

#[test]
fn every_page_of_customers_and_subscribers_is_read() {
    let demo = provisioned(Failure::None);
    // 250 more customers and 230 more subscribers of the demo's customer, as Partner Hub
    // would have them (bodies like the app's own).
    let sent = demo.webex.sent.borrow().clone();
    let body_of = |path: &str| {
        sent.iter()
            .find(|(r, _)| r.method == Method::Post && r.path == path)
            .and_then(|(r, _)| r.body.clone())
            .unwrap()
    };
    let customer: serde_json::Value =
        serde_json::from_str(&body_of("/wholesale/customers")).unwrap();
    for i in 0..250 {
        let mut c = customer.clone();
        c["externalId"] = format!("other-{i}").into();
        assert_eq!(
            send(
                &demo,
                Method::Post,
                "/wholesale/customers",
                Some(c.to_string())
            )
            .http,
            202
        );
    }
    let meetings = sent
        .iter()
        .filter(|(r, _)| r.method == Method::Post && r.path == "/wholesale/subscribers")
        .map(|(r, _)| {
            serde_json::from_str::<serde_json::Value>(r.body.as_deref().unwrap()).unwrap()
        })
        .find(|b| b["packages"][0] == "webex_meetings")
        .unwrap();
    for i in 0..230 {
        let mut s = meetings.clone();
        s["email"] = format!("more{i}@customer.example").into();
        assert_eq!(
            send(
                &demo,
                Method::Post,
                "/wholesale/subscribers",
                Some(s.to_string())
            )
            .http,
            200
        );
    }
    let mut book = Book::default();
    assert_eq!(
        read_book(&demo.webex, &demo.clock, &mut book, &[&demo.customer]),
        Read::Done
    );
    assert_eq!(book.customers.len(), 251);
    let theirs = &book.subscribers[demo.p.customer_id.as_ref().unwrap()];
    assert_eq!(theirs.len(), 234);
    // 100 asked a page, 30 answered (as Webex may): 9 pages of customers (8 × 30 + 11)
    // and 8 of subscribers (7 × 30 + 24), each list ended by an empty page; only the
    // app's customer's subscribers are read.
    assert_eq!(book.requests, 19);
    assert_eq!(book.subscribers.len(), 1);
    let p = merged(&demo.customer, &book);
    assert_eq!(refresh::webex_only(&p).len(), 230);
}

#[test]
fn waits_retries_a_refused_token_and_a_cancel_that_continues_where_it_stopped() {
    let clock = Clock::default();
    let demo = provisioned(Failure::None);
    let list = |r: &Outgoing| r.method == Get && r.path.starts_with("/wholesale/subscribers?");
    let tamper = Tamper::new(
        &clock,
        &list,
        vec![
            Fault::Answer(429, "{}", Some(3)),
            Fault::Answer(503, "{}", None),
            Fault::Fail(TransportError::Aborted),
        ],
    );
    let tamper = Tamper {
        inner: demo.webex,
        ..tamper
    };
    let mut book = Book::default();
    let start = clock.now();
    let app = [&demo.customer];
    assert_eq!(read_book(&tamper, &clock, &mut book, &app), Read::Cancelled);
    assert!(
        clock.now().0 - start.0 >= 3000,
        "it waited as Retry-After said"
    );
    assert!(book.subscribers.is_empty());
    assert_eq!(book.customers.len(), 1, "the customers read are kept");
    // Continued: the customers are not listed again.
    let before = tamper.count(Get, "/wholesale/customers");
    assert_eq!(read_book(&tamper, &clock, &mut book, &app), Read::Done);
    assert_eq!(tamper.count(Get, "/wholesale/customers"), before);
    assert_eq!(book.subscribers.len(), 1);

    let refused = Tamper::new(&clock, &list, vec![Fault::Answer(401, "{}", None)]);
    let mut fresh = Book::default();
    assert_eq!(
        read_book(&refused, &clock, &mut fresh, &[]),
        Read::Done,
        "nothing wanted"
    );
    let refused_app = provisioned(Failure::None);
    let refused = Tamper {
        inner: refused_app.webex,
        ..refused
    };
    assert_eq!(
        read_book(
            &refused,
            &clock,
            &mut Book::default(),
            &[&refused_app.customer]
        ),
        Read::NeedsToken
    );
}

fn any_status() -> impl proptest::strategy::Strategy<Value = &'static str> {
    proptest::sample::select(vec!["provisioned", AWAITING_CONSENT, "error"])
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 64, ..Default::default() })]
    /// Over any book Webex could list for the customer: each user Webex lists takes its
    /// status, one it no longer lists is no longer provisioned, the rest is "In Webex
    /// only"; merging the result again changes nothing.
    #[test]
    fn the_merge_follows_webex_and_is_stable(
        listed in proptest::collection::vec((proptest::bool::ANY, any_status()), 4),
        extras in proptest::collection::vec(any_status(), 0..4),
        missing in proptest::bool::weighted(0.1),
    ) {
        let demo = provisioned(Failure::None);
        let c = &demo.customer;
        let remote = RemoteCustomer {
            id: c.provisioning.customer_id.clone().unwrap(),
            external_id: Some(c.id.to_string()),
            org_id: c.provisioning.org_id.clone(),
            status: RemoteStatus::Provisioned,
            status_text: String::new(),
            packages: c.provisioning.packages.clone(),
            address: String::new(),
        };
        let mut subscribers = Vec::new();
        let users: Vec<_> = c.users.iter().map(|u| u.id).collect();
        for (user, (present, status)) in users.iter().zip(&listed) {
            let Some(UserState::Provisioned { id, .. }) = c.provisioning.users.get(user) else { continue };
            if *present {
                subscribers.push(RemoteSubscriber { id: id.clone(), email: "x@y.example".into(), package: "webex_calling".into(), status: status.to_string(), person_id: String::new() });
            }
        }
        for (i, status) in extras.iter().enumerate() {
            subscribers.push(RemoteSubscriber { id: format!("EXTRA{i}"), email: format!("extra{i}@other.example"), package: "webex_meetings".into(), status: status.to_string(), person_id: String::new() });
        }
        let seen = if missing { Seen::Missing } else { Seen::Listed { customer: &remote, subscribers: &subscribers } };
        let p = refresh::merge(c, seen);
        if missing {
            proptest::prop_assert!(p.not_in_webex);
            proptest::prop_assert_eq!(&p.users, &c.provisioning.users);
        } else {
            for (user, (present, status)) in users.iter().zip(&listed) {
                match p.users.get(user) {
                    Some(UserState::Provisioned { status: s, .. }) => {
                        proptest::prop_assert!(*present);
                        proptest::prop_assert_eq!(s.as_str(), *status);
                    }
                    other => proptest::prop_assert!(!*present, "{:?}", other),
                }
            }
            let only = refresh::webex_only(&p);
            proptest::prop_assert_eq!(only.len(), extras.len());
        }
        // Merged again with the same view: the same record (nothing to write).
        let mut again = c.clone();
        again.provisioning = p.clone();
        proptest::prop_assert_eq!(&refresh::merge(&again, seen), &p);
    }
}

#[test]
fn a_user_webex_no_longer_has_is_sent_again_not_updated() {
    let mut demo = provisioned(Failure::None);
    let linus = demo
        .customer
        .users
        .iter()
        .find(|u| u.details.first_name.as_ref() == "Linus")
        .unwrap()
        .id;
    let mut details = demo
        .customer
        .users
        .iter()
        .find(|u| u.id == linus)
        .unwrap()
        .details
        .clone();
    details.extension = Some(crate::domain::phone::Extension::parse("2109").unwrap());
    demo.doc
        .update_user(demo.customer.id, linus, details)
        .unwrap();
    demo.customer = customer_of(&demo.doc);
    assert_eq!(
        pending(&demo.customer),
        [crate::domain::changes::Change::UserExtension(linus)]
    );
    // Removed in Partner Hub: the refresh does not find Linus.
    let Some(UserState::Provisioned { id, .. }) = demo.customer.provisioning.users.get(&linus)
    else {
        panic!("Linus was provisioned");
    };
    let path = format!("/wholesale/subscribers/{id}");
    assert_eq!(send(&demo, Method::Delete, &path, None).http, 204);
    let mut book = Book::default();
    read_book(&demo.webex, &demo.clock, &mut book, &[&demo.customer]);
    let p = merged(&demo.customer, &book);
    demo.doc.set_provisioning(demo.customer.id, p).unwrap();
    let c = customer_of(&demo.doc);
    assert_eq!(
        pending(&c),
        [crate::domain::changes::Change::AddUser(linus)]
    );
    assert!(
        c.provisioning.changes.is_empty(),
        "no change recorded for a user Webex lost"
    );
}
