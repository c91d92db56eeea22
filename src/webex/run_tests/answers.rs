//! Answers Webex is allowed to give that a run must take in its stride: calling that
//! is on already (`409`), an update accepted with no body (`202`, the URL in
//! `Location`), and a status this version does not know.

use super::*;
use crate::webex::refresh::{read, Book, Ended as Read};

#[test]
fn enabling_calling_that_is_on_already_lists_again_and_goes_on() {
    let clock = Clock::default();
    let enable = is(Post, "/telephony/config/locations");
    let tamper = Tamper::new(
        &clock,
        &enable,
        vec![Fault::After(
            409,
            r#"{"message":"The location is already enabled for Webex Calling.","errors":[{"errorCode":409,"description":"The location is already enabled for Webex Calling."}],"trackingId":"T"}"#,
        )],
    );
    let (ended, p) = run_tampered(&tamper, &clock);
    assert_eq!(ended, Ended::Finished, "{:?}", p.stopped);
    assert_eq!(p.badge(), Badge::Provisioned);
    assert_eq!(tamper.count(Post, "/telephony/config/locations"), 1);
    assert!(p
        .timeline
        .iter()
        .any(|e| e.note() == Note::CallingAlreadyEnabled));
}

#[test]
fn calling_webex_keeps_saying_is_on_but_never_lists_is_sent_at_most_twice() {
    let clock = Clock::default();
    let enable = is(Post, "/telephony/config/locations");
    let refusal = r#"{"message":"Already enabled.","errors":[],"trackingId":"T"}"#;
    let tamper = Tamper::new(&clock, &enable, vec![Fault::Answer(409, refusal, None); 5]);
    let (ended, p) = run_tampered(&tamper, &clock);
    assert_eq!(ended, Ended::Stopped);
    assert!(matches!(p.stopped, Some(Stop::LocationNotConfirmed(_))));
    assert_eq!(tamper.count(Post, "/telephony/config/locations"), 2);
}

#[test]
fn an_update_accepted_with_no_body_is_accepted() {
    let (doc, _) = build(&seoul_with_branches());
    let customer = customer_of(&doc);
    for body in [
        "",
        r#"{"url":"https://webexapis.com/v1/wholesale/customers/C1"}"#,
    ] {
        let mut p = Provisioning::default();
        let mut w = InWebex::default();
        let note = run::apply(
            &customer,
            &mut p,
            &mut w,
            Step::UpdatePackages,
            &answer(202, body).unwrap(),
        );
        assert_eq!(note, Note::UpdateAccepted, "{body:?}");
        assert_eq!(p.status, Some(RemoteStatus::Updating));
    }
    // A 200 with no body is not what the spec describes.
    let mut p = Provisioning::default();
    let note = run::apply(
        &customer,
        &mut p,
        &mut InWebex::default(),
        Step::UpdatePackages,
        &answer(200, "").unwrap(),
    );
    assert!(matches!(note, Note::Unexpected(_)));
}

#[test]
fn a_status_this_version_does_not_know_is_shown_as_unknown_and_followed() {
    let (doc, _) = build(&seoul_with_branches());
    let customer = customer_of(&doc);
    let mut p = Provisioning {
        customer_id: Some("C1".into()),
        running: true,
        ..Provisioning::default()
    };
    let body = r#"{"id":"C1","orgId":"O1","externalId":"x","status":"suspended_for_audit","packages":["webex_calling"]}"#;
    run::apply(
        &customer,
        &mut p,
        &mut InWebex::default(),
        Step::AwaitCustomer,
        &answer(200, body).unwrap(),
    );
    assert_eq!(p.status, Some(RemoteStatus::Unknown));
    assert_eq!(p.status_text, "suspended_for_audit");
    assert_eq!(p.stopped, None);
    assert_eq!(
        run::next_steps(&customer, &p, &InWebex::default(), &[], 4),
        [Step::AwaitCustomer],
        "not final: followed"
    );
    for lang in crate::i18n::Lang::ALL {
        let text = lang
            .messages()
            .remote_status_text(RemoteStatus::Unknown, &p.status_text);
        assert!(text.ends_with(" (suspended_for_audit)"), "{text}");
    }
}

#[test]
fn a_refresh_reads_on_past_a_customer_whose_status_it_does_not_know() {
    let clock = Clock::default();
    let customers = |status: &str| {
        format!(
            r#"{{"items":[{{"id":"C1","orgId":"O1","externalId":"a","status":"{status}","packages":["webex_calling"]}},{{"id":"C2","orgId":"O2","externalId":"b","status":"provisioned","packages":["webex_calling"]}}]}}"#
        )
    };
    let script = Scripted(RefCell::new(
        vec![
            answer(200, &customers("frozen")),
            answer(200, r#"{"items":[]}"#),
        ]
        .into(),
    ));
    let mut book = Book::default();
    let ended = block_on(read(
        &script,
        |ms| clock.sleep(ms),
        |_| false,
        &mut book,
        |_, _| {},
    ));
    assert_eq!(ended, Read::Done);
    assert!(book.listed);
    assert_eq!(book.customers.len(), 2);
    assert_eq!(book.customers[0].status, RemoteStatus::Unknown);
    assert_eq!(book.customers[0].status_text, "frozen");
    assert_eq!(book.customers[1].status, RemoteStatus::Provisioned);
    assert_eq!(book.customers[1].status_text, "");
}

#[test]
fn a_branchs_announcements_are_in_a_language_webex_offers_or_in_english_and_it_says_so() {
    let clock = Clock::default();
    // Branches in French (France, Canada: offered), then in Norwegian and Polish (not).
    for (language, fell_back) in [(6, false), (10, true)] {
        let mut shape = seoul_with_branches();
        shape.language = language;
        let (doc, _) = build(&shape);
        let customer = customer_of(&doc);
        let webex = simulated(Failure::None, &clock);
        let mut p = Provisioning::default();
        run::start(&mut p);
        assert_eq!(
            provision_with(&webex, &clock, &doc, &customer, &mut p, None),
            Ended::Finished
        );
        let bodies: Vec<serde_json::Value> = webex
            .sent
            .borrow()
            .iter()
            .filter(|(r, _)| r.method == Post && r.path.starts_with("/locations?"))
            .map(|(r, _)| serde_json::from_str(r.body.as_deref().unwrap()).unwrap())
            .collect();
        assert_eq!(bodies.len(), 2);
        for b in &bodies {
            let expected = if fell_back {
                "en_us"
            } else {
                b["preferredLanguage"].as_str().unwrap()
            };
            assert_eq!(b["announcementLanguage"], expected, "{b}");
        }
        let said = p
            .timeline
            .iter()
            .any(|e| matches!(e.note(), Note::AnnouncementsInEnglish(_)));
        assert_eq!(said, fell_back);
        let asked = sent_paths(&webex)
            .iter()
            .filter(|s| *s == "Get /telephony/config/announcementLanguages")
            .count();
        assert_eq!(asked, 1, "read once a run");
    }
}
