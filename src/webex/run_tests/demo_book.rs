//! The demo book: the demo customers provisioned by the runner against the simulator,
//! which then holds what their records say. Every one of them takes a day-two change,
//! "Apply changes in Webex" and "Refresh from Webex" as a customer provisioned during
//! the demo does.

use super::changes::pending;
use super::refresh::{merged, read_book};
use super::*;
use crate::domain::demo::{demo_outcomes, Outcome};
use crate::domain::ids::CustomerId;
use crate::domain::refresh::AWAITING_CONSENT;
use crate::webex::demo_book::demo_book;
use crate::webex::refresh::{Book, Ended as Read};
use std::collections::HashSet;

const NOW: Timestamp = Timestamp(1_795_478_400_000);

fn clock_at(now: Timestamp) -> Clock {
    Clock(Rc::new(Cell::new(now.0)))
}

/// What a refresh of the whole book makes of every record, beside the record.
fn refreshed(
    doc: &Document,
    webex: &Simulated,
    clock: &Clock,
) -> Vec<(String, Provisioning, Provisioning)> {
    let customers: Vec<&Customer> = doc.customers.iter().map(|c| &**c).collect();
    let mut book = Book::default();
    assert_eq!(read_book(webex, clock, &mut book, &customers), Read::Done);
    customers
        .iter()
        .filter(|c| c.provisioning.customer_id.is_some())
        .map(|c| {
            (
                c.company_name.to_string(),
                merged(c, &book),
                c.provisioning.clone(),
            )
        })
        .collect()
}

#[test]
fn the_demo_book_is_the_same_every_time_and_its_webex_holds_what_the_records_say() {
    let (doc, webex) = demo_book(NOW);
    let (again, webex_again) = demo_book(NOW);
    assert_eq!(doc, again, "the same book");
    assert_eq!(
        serde_json::to_string(&webex).unwrap(),
        serde_json::to_string(&webex_again).unwrap(),
        "the same Webex"
    );
    assert!(
        doc.inconsistencies().is_empty(),
        "{:?}",
        doc.inconsistencies()
    );
    let badges: HashSet<Badge> = doc
        .customers
        .iter()
        .map(|c| c.provisioning.badge())
        .collect();
    assert_eq!(
        badges,
        HashSet::from([
            Badge::NotProvisioned,
            Badge::Provisioned,
            Badge::ProvisionedWithErrors,
            Badge::Error
        ])
    );
    for (id, outcome) in demo_outcomes(&doc) {
        let c = doc.customer(id).unwrap();
        let p = &c.provisioning;
        let name = c.company_name.as_ref();
        assert!(!p.running && p.customer_id.is_some(), "{name}");
        if outcome == Outcome::CustomerError {
            assert_eq!(p.status, Some(RemoteStatus::Error), "{name}");
            assert_eq!(p.stopped, Some(Stop::CustomerError), "{name}");
            continue;
        }
        assert_eq!(p.status, Some(RemoteStatus::Provisioned), "{name}");
        assert_eq!(
            p.locations.len(),
            c.all_locations().count(),
            "{name}: every location"
        );
        for u in &c.users {
            let state = p.users.get(&u.id);
            match outcome {
                Outcome::UserRefused(refused) if refused == u.id => {
                    assert!(
                        matches!(state, Some(UserState::Refused { http: 409, .. })),
                        "{name}: {state:?}"
                    );
                }
                Outcome::AwaitingConsent(waiting) if waiting == u.id => assert!(
                    matches!(state, Some(UserState::Provisioned { status, .. }) if status == AWAITING_CONSENT),
                    "{name}: {state:?}"
                ),
                _ => assert!(
                    matches!(state, Some(UserState::Provisioned { status, .. }) if status == "provisioned"),
                    "{name}: {state:?}"
                ),
            }
        }
        assert_eq!(pending(c), vec![], "{name}: nothing waits to go to Webex");
        let counts = crate::webex::summary::summarize(c);
        assert_eq!(
            counts.locations.done, counts.locations.of,
            "{name}: {counts:?}"
        );
        assert_eq!(counts.numbers.done, counts.numbers.of, "{name}: {counts:?}");
    }
    let clock = clock_at(NOW);
    let webex = simulating(webex, &clock);
    for (name, refreshed, saved) in refreshed(&doc, &webex, &clock) {
        assert_eq!(
            refreshed, saved,
            "{name}: a refresh finds what the record says"
        );
    }
}

/// A demo customer of the book, on the book's simulated Webex, as the app holds it.
fn demo_of(doc: Document, webex: Simulated, clock: Clock, id: CustomerId) -> Demo {
    let customer = doc.customer(id).unwrap().clone();
    let p = customer.provisioning.clone();
    Demo {
        changes: crate::domain::changes::InWebex::read(&p.changes),
        doc,
        customer,
        clock,
        webex,
        p,
    }
}

#[test]
fn every_demo_customer_takes_a_day_two_change_apply_and_refresh() {
    let (doc, webex) = demo_book(NOW);
    let clock = clock_at(NOW);
    let mut webex = simulating(webex, &clock);
    let mut doc = doc;
    for (id, outcome) in demo_outcomes(&doc) {
        let mut demo = demo_of(doc, webex, clock.clone(), id);
        let name = demo.customer.company_name.to_string();
        // A user who is in Webex leaves (not the admin); of the customer in error,
        // one Webex never had.
        let leaving = demo
            .customer
            .users
            .iter()
            .skip(1)
            .find(|u| {
                outcome == Outcome::CustomerError
                    || matches!(demo.p.users.get(&u.id), Some(UserState::Provisioned { .. }))
            })
            .map(|u| u.id);
        if let Some(user) = leaving {
            demo.edit(|d, id| d.remove_user(id, user).unwrap());
        }
        // And the admin's last name is corrected.
        let admin = demo.customer.users[0].id;
        demo.edit(|d, id| {
            super::changes::change_user(d, id, admin, |u| {
                u.last_name = crate::domain::user::PersonName::parse("Administrator").unwrap();
            });
        });
        if outcome != Outcome::CustomerError {
            assert_ne!(pending(&demo.customer), vec![], "{name}: a change waits");
        }
        run::start(&mut demo.p);
        let ended = demo.run();
        demo.save();
        assert_eq!(ended, Ended::Finished, "{name}");
        assert_eq!(demo.p.stopped, None, "{name}");
        assert_eq!(
            pending(&demo.customer),
            vec![],
            "{name}: the change is in Webex"
        );
        // The customer in error is mended by the update the run sends (Webex's way).
        assert_eq!(demo.p.status, Some(RemoteStatus::Provisioned), "{name}");
        for (who, refreshed, saved) in refreshed(&demo.doc, &demo.webex, &demo.clock) {
            assert_eq!(refreshed, saved, "after {name}'s change, {who}");
        }
        doc = demo.doc;
        webex = demo.webex;
    }
}

#[test]
fn the_demo_webex_goes_with_its_book_and_a_replaced_book_finds_it_empty() {
    let (_, mut webex) = demo_book(NOW);
    webex.set_book(7);
    let kept = serde_json::to_string(&webex).unwrap();
    let listed = |book: u32| {
        let mut webex = serde_json::from_str::<Simulator>(&kept)
            .unwrap()
            .for_book(book);
        let answer = webex.answer(
            &Outgoing {
                method: crate::webex::requests::Method::Get,
                path: "/wholesale/customers?max=100".into(),
                body: None,
            },
            NOW,
        );
        let items: serde_json::Value = serde_json::from_str(&answer.body).unwrap();
        items["items"].as_array().unwrap().len()
    };
    assert_eq!(listed(7), 20, "a page of the demo's customers");
    assert_eq!(listed(8), 0, "reset, restored or replaced: an empty Webex");
}

#[test]
fn a_demo_customer_without_users_provisioned_counts_its_headquarters() {
    let (doc, webex) = demo_book(NOW);
    let clock = clock_at(NOW);
    let webex = simulating(webex, &clock);
    let cedar = doc
        .customers
        .iter()
        .find(|c| c.company_name.as_ref() == "Cedar Clinic")
        .unwrap()
        .id;
    let mut demo = demo_of(doc, webex, clock, cedar);
    run::start(&mut demo.p);
    assert_eq!(demo.run(), Ended::Finished);
    demo.save();
    let counts = crate::webex::summary::summarize(&demo.customer);
    assert_eq!(demo.p.status, Some(RemoteStatus::Provisioned));
    assert_eq!(counts.locations.done, counts.locations.of, "{counts:?}");
}
