//! A provisioned user's changes go where Webex takes them: the package through the
//! Wholesale API (calling details only for a Meetings user made a calling user), names,
//! number and extension through the People API (read, sent back, and only what Webex
//! then shows recorded), a calling user's location through a move job followed to its
//! end. Against the simulator, as strict as the spec, and scripted answers.

use super::changes::{change_user, kinds, pending};
use super::*;
use crate::domain::changes::{self, Change, Key};
use crate::domain::package::Package;
use crate::domain::phone::{Extension, PhoneNumber};
use crate::domain::provisioning::PeopleRecord;
use crate::domain::user::PersonName;

/// The person Webex has for `user`, as the simulator describes it.
fn person(demo: &Demo, user: crate::domain::ids::UserId) -> serde_json::Value {
    let id = PeopleRecord::read(&demo.customer.provisioning.people_text).ids[&user].clone();
    let answer = block_on(demo.webex.send(Outgoing {
        method: Get,
        path: format!("/people/{id}?callingData=true"),
        body: None,
    }))
    .unwrap();
    serde_json::from_str(&answer.body).unwrap()
}

fn bodies(
    demo: &Demo,
    from: usize,
    method: super::super::requests::Method,
    path: &str,
) -> Vec<serde_json::Value> {
    demo.webex.sent.borrow()[from..]
        .iter()
        .filter(|(r, _)| r.method == method && r.path.starts_with(path))
        .map(|(r, _)| serde_json::from_str(r.body.as_deref().unwrap()).unwrap())
        .collect()
}

#[test]
fn a_users_new_number_extension_and_name_go_through_people_and_are_read_back() {
    let mut demo = Demo::provisioned();
    let (minjun, was) = demo.user("민준");
    let saved = PeopleRecord::read(&demo.customer.provisioning.people_text);
    assert!(saved.ids.contains_key(&minjun), "kept from the subscriber");
    let old = was.phone.clone().unwrap();
    let new = PhoneNumber::parse(&format!("{}9", &old.as_str()[..old.as_str().len() - 1])).unwrap();
    demo.edit(|d, id| {
        change_user(d, id, minjun, |u| {
            u.phone = Some(new.clone());
            u.extension = Some(Extension::parse("4321").unwrap());
            u.first_name = PersonName::parse("서준").unwrap();
        })
    });
    assert_eq!(
        pending(&demo.customer),
        [
            Change::UserName(minjun),
            Change::UserNumber(minjun),
            Change::UserExtension(minjun)
        ]
    );
    let before = demo.webex.sent.borrow().len();
    let sent = demo.apply();
    // The new number goes into the branch's inventory first; no subscriber PUT.
    assert!(!kinds(&sent).contains(&"update user"), "{sent:?}");
    assert_eq!(
        kinds(&sent)
            .iter()
            .filter(|k| **k == "update person")
            .count(),
        1,
        "{sent:?}"
    );
    let put = &bodies(&demo, before, Put, "/people/")[0];
    assert_eq!(put["extension"], "4321");
    assert_eq!(put["phoneNumbers"][0]["value"], new.as_str());
    assert_eq!(put["firstName"], "서준");
    assert!(
        put.get("id").is_none(),
        "only what the update's schema names goes back"
    );
    let shown = person(&demo, minjun);
    assert_eq!(
        (shown["extension"].as_str(), shown["firstName"].as_str()),
        (Some("4321"), Some("서준"))
    );
    assert!(
        pending(&demo.customer).is_empty(),
        "{:?}",
        pending(&demo.customer)
    );
    let again = demo.apply();
    assert!(again.is_empty(), "nothing left to send: {again:?}");
}

#[test]
fn a_subscriber_put_carries_calling_details_only_for_a_meetings_user_made_a_calling_user() {
    let mut demo = Demo::provisioned();
    let (grace, _) = demo.user("Grace");
    let (linus, _) = demo.user("Linus");
    demo.edit(|d, id| {
        change_user(d, id, grace, |u| {
            u.package = Package::WebexCalling;
            u.extension = Some(Extension::parse("3001").unwrap());
        });
        change_user(d, id, linus, |u| u.package = Package::WebexMeetings);
    });
    let before = demo.webex.sent.borrow().len();
    demo.apply();
    let puts = bodies(&demo, before, Put, "/wholesale/subscribers/");
    assert_eq!(puts.len(), 2);
    let with = puts
        .iter()
        .filter(|b| b.get("provisioningParameters").is_some())
        .count();
    assert_eq!(with, 1, "Grace's only: {puts:?}");
    assert!(
        pending(&demo.customer).is_empty(),
        "{:?}",
        pending(&demo.customer)
    );
    assert_eq!(person(&demo, grace)["extension"], "3001");
}

#[test]
fn a_calling_users_move_is_a_job_shown_as_moving_until_it_ends() {
    let mut demo = Demo::provisioned();
    let (linus, _) = demo.user("Linus");
    let branch0 = demo.customer.locations[0].id;
    demo.edit(|d, id| change_user(d, id, linus, |u| u.location = branch0));
    assert_eq!(
        pending(&demo.customer),
        [Change::UserLocation(linus, branch0)]
    );

    // The job starts; the page is closed before it ends: the user is moving.
    run::start(&mut demo.p);
    let mut p = demo.p.clone();
    let mut w = changes::InWebex::read(&p.changes);
    let customer = demo.customer.clone();
    let step = run::next_steps(&customer, &p, &w, &[], 4);
    assert_eq!(step, [Step::MoveUser(linus)]);
    let request = super::super::runner::request_for(
        &demo.doc,
        &customer,
        &p,
        &w,
        step[0],
        Destination::Simulator,
    )
    .unwrap();
    let answer = block_on(demo.webex.send(request)).unwrap();
    assert_eq!(
        run::apply(&customer, &mut p, &mut w, step[0], &answer),
        Note::MoveStarted
    );
    p.changes = w.write();
    let mut moving = demo.customer.clone();
    moving.provisioning = p.clone();
    moving.provisioning.store_people();
    assert_eq!(
        changes::pending(&moving, &w),
        [Change::UserMoving(linus, branch0)]
    );
    // A reload follows the same job to its end: no second move.
    demo.p = p;
    run::resume(&mut demo.p);
    assert_eq!(demo.run(), Ended::Finished);
    demo.save();
    assert!(
        pending(&demo.customer).is_empty(),
        "{:?}",
        pending(&demo.customer)
    );
    let sent = sent_paths(&demo.webex);
    assert_eq!(
        sent.iter()
            .filter(|s| s.starts_with("Post /telephony/config/jobs/person/moveLocation"))
            .count(),
        1
    );
    assert_eq!(
        person(&demo, linus)["locationId"],
        demo.customer.provisioning.locations[&branch0].as_str()
    );
}

#[test]
fn a_move_that_fails_stays_listed_with_webexs_words() {
    let clock = Clock::default();
    let job = |r: &Outgoing| r.method == Get && r.path.contains("/moveLocation/");
    let failed = r#"{"name":"moveusers","id":"J1","sourceUserId":"A","sourceCustomerId":"O","targetCustomerId":"O","instanceId":1,"latestExecutionStatus":"COMPLETED","latestExecutionExitCode":"COMPLETED_WITH_ERRORS","counts":{"totalMoves":1,"moved":0,"failed":1,"pending":0,"skipped":0}}"#;
    let errors = r#"{"items":[{"itemNumber":1,"item":"P","error":{"key":"400","message":[{"description":"[Error 19605] User is assigned services not authorized to the new group.","code":"19605"}]}}]}"#;
    let tamper = Tamper::new(
        &clock,
        &job,
        vec![
            Fault::Answer(200, failed, None),
            Fault::Answer(200, errors, None),
        ],
    );
    let mut demo = Demo::provisioned();
    let (linus, _) = demo.user("Linus");
    let branch0 = demo.customer.locations[0].id;
    demo.edit(|d, id| change_user(d, id, linus, |u| u.location = branch0));
    let tampered = Tamper {
        inner: std::mem::replace(&mut demo.webex, simulated(Failure::None, &clock)),
        ..tamper
    };
    demo.clock = clock.clone();
    assert_eq!(demo.apply_with(&tampered), Ended::Finished);
    let saved = changes::InWebex::read(&demo.customer.provisioning.changes);
    let refusal = saved.refusal(Key::User(linus)).unwrap();
    assert_eq!(refusal.problems[0].code, Some(19605));
    assert_eq!(
        pending(&demo.customer),
        [Change::UserLocation(linus, branch0)]
    );
    assert!(PeopleRecord::read(&demo.customer.provisioning.people_text)
        .moves
        .is_empty());
}

#[test]
fn what_webex_shows_after_an_update_is_what_is_recorded() {
    let clock = Clock::default();
    let put = |r: &Outgoing| r.method == Put && r.path.starts_with("/people/");
    // Webex answers the update with a person that kept its old extension.
    let kept =
        r#"{"id":"P1","firstName":"Linus","lastName":"Berg","extension":"9999","phoneNumbers":[]}"#;
    let tamper = Tamper::new(&clock, &put, vec![Fault::After(200, kept)]);
    let mut demo = Demo::provisioned();
    let (linus, _) = demo.user("Linus");
    demo.edit(|d, id| {
        change_user(d, id, linus, |u| {
            u.extension = Some(Extension::parse("2101").unwrap());
            u.last_name = PersonName::parse("Torvalds").unwrap();
        })
    });
    let tampered = Tamper {
        inner: std::mem::replace(&mut demo.webex, simulated(Failure::None, &clock)),
        ..tamper
    };
    demo.clock = clock.clone();
    assert_eq!(demo.apply_with(&tampered), Ended::Finished);
    let saved = changes::InWebex::read(&demo.customer.provisioning.changes);
    let refusal = saved.refusal(Key::User(linus)).unwrap();
    let words: Vec<&str> = refusal
        .problems
        .iter()
        .map(|p| p.description.as_str())
        .collect();
    assert!(words.iter().any(|w| w.contains("9999")), "{words:?}");
    assert!(words.iter().any(|w| w.contains("Linus Berg")), "{words:?}");
    assert_eq!(
        pending(&demo.customer),
        [Change::UserName(linus), Change::UserExtension(linus)]
    );
}
