//! Numbers as Webex really answers them: checked with `validateNumbers` before they are
//! added, added as `ACTIVE`, a refusal inside a `201` named on the user holding the
//! number (the others go on), and an inactive number activated, or refused where a
//! provider's.

use super::*;
use crate::domain::provisioning::ApiProblem;

/// The admin's number (at the headquarters) and 민준's (at Branch 0) in the usual demo.
fn numbers_of(customer: &Customer) -> (String, String) {
    let hq = customer.headquarters.id;
    let branch0 = customer.locations[0].id;
    let p = Provisioning::default();
    (
        run::missing_numbers(customer, &p, hq).remove(0),
        run::missing_numbers(customer, &p, branch0).remove(0),
    )
}

fn holder<'a>(customer: &'a Customer, number: &str) -> &'a crate::domain::user::User {
    customer
        .users
        .iter()
        .find(|u| {
            u.details
                .phone
                .as_ref()
                .is_some_and(|n| n.as_str() == number)
        })
        .unwrap()
}

fn refusal(p: &Provisioning, user: crate::domain::ids::UserId) -> Vec<ApiProblem> {
    match p.users.get(&user) {
        Some(UserState::Refused { problems, .. }) => problems.clone(),
        other => panic!("not refused: {other:?}"),
    }
}

#[test]
fn a_number_refused_inside_a_201_is_named_on_its_user_and_the_others_are_provisioned() {
    let clock = Clock::default();
    let (doc, _) = build(&seoul_with_branches());
    let customer = customer_of(&doc);
    let (admin, _) = numbers_of(&customer);
    let add = |r: &Outgoing| r.method == Post && r.path.contains("/numbers?");
    let body: &'static str = Box::leak(
        format!(
            r#"{{"errors":[{{"number":"{admin}","errorCode":9675,"errorMessage":"The number is in use in another organization."}}]}}"#
        )
        .into_boxed_str(),
    );
    let tamper = Tamper::new(&clock, &add, vec![Fault::Answer(201, body, None)]);
    let mut p = Provisioning::default();
    run::start(&mut p);
    assert_eq!(
        provision_with(&tamper, &clock, &doc, &customer, &mut p, None),
        Ended::Finished
    );
    let ada = holder(&customer, &admin);
    let problems = refusal(&p, ada.id);
    assert_eq!(problems[0].code, Some(9675));
    assert!(problems[0].description.contains(&admin), "{problems:?}");
    let others = customer.users.iter().filter(|u| u.id != ada.id);
    for u in others {
        assert!(
            matches!(p.users.get(&u.id), Some(UserState::Provisioned { .. })),
            "{:?}",
            u.details.first_name
        );
    }
    // Every add said ACTIVE, and the refused number was not sent again.
    let adds: Vec<serde_json::Value> = tamper
        .seen
        .borrow()
        .iter()
        .filter(|(r, _)| add(r))
        .map(|(r, _)| serde_json::from_str(r.body.as_deref().unwrap()).unwrap())
        .collect();
    assert!(adds.iter().all(|b| b["state"] == "ACTIVE"), "{adds:?}");
    let sent_admin = adds
        .iter()
        .filter(|b| {
            b["phoneNumbers"]
                .as_array()
                .unwrap()
                .iter()
                .any(|n| *n == admin.as_str())
        })
        .count();
    assert_eq!(sent_admin, 1);
    assert_eq!(p.badge(), Badge::ProvisionedWithErrors);
}

#[test]
fn numbers_are_validated_before_they_are_added_and_one_unavailable_is_named_on_its_user() {
    let clock = Clock::default();
    let (doc, _) = build(&seoul_with_branches());
    let customer = customer_of(&doc);
    let (_, minjun) = numbers_of(&customer);
    let validate = |r: &Outgoing| {
        r.method == Post
            && r.path
                .starts_with("/telephony/config/actions/validateNumbers/invoke")
    };
    let body: &'static str = Box::leak(
        format!(
            r#"{{"status":"ERRORS","numbers":[{{"number":"{minjun}","state":"Unavailable","tollFreeNumber":false,"detail":["[Error 8361] DN is unavailable : {minjun}"]}}]}}"#
        )
        .into_boxed_str(),
    );
    // The headquarters' check passes; Branch 0's says 민준's number is unavailable.
    let tamper = Tamper::new(
        &clock,
        &validate,
        vec![Fault::Pass, Fault::Answer(200, body, None)],
    );
    let mut p = Provisioning::default();
    run::start(&mut p);
    assert_eq!(
        provision_with(&tamper, &clock, &doc, &customer, &mut p, None),
        Ended::Finished
    );
    let problems = refusal(&p, holder(&customer, &minjun).id);
    assert!(
        problems[0].description.contains("Unavailable [Error 8361]"),
        "{problems:?}"
    );
    let sent: Vec<String> = tamper
        .seen
        .borrow()
        .iter()
        .filter(|(r, _)| r.method == Post && r.path.contains("/numbers?"))
        .map(|(r, _)| r.body.clone().unwrap())
        .collect();
    assert!(
        !sent.iter().any(|b| b.contains(&minjun)),
        "never added: {sent:?}"
    );
    assert_eq!(
        tamper.count(Post, "/telephony/config/actions/validateNumbers/invoke"),
        2
    );
}

#[test]
fn an_inactive_number_is_activated_before_its_user_or_refused_at_a_provider() {
    let clock = Clock::default();
    let (doc, _) = build(&seoul_with_branches());
    let customer = customer_of(&doc);
    let (admin, _) = numbers_of(&customer);
    let list = |r: &Outgoing| r.method == Get && r.path.starts_with("/telephony/config/numbers?");
    let page: &'static str = Box::leak(
        format!(
            r#"{{"phoneNumbers":[{{"phoneNumber":"{admin}","state":"INACTIVE","phoneNumberType":"PRIMARY","mainNumber":false,"includedTelephonyTypes":"PSTN_NUMBER","tollFreeNumber":false,"isServiceNumber":false}}]}}"#
        )
        .into_boxed_str(),
    );
    let empty = r#"{"phoneNumbers":[]}"#;
    // Added, and read back as inactive.
    let tamper = Tamper::new(
        &clock,
        &list,
        vec![
            Fault::Pass,
            Fault::Answer(200, page, None),
            Fault::Answer(200, empty, None),
        ],
    );
    let mut p = Provisioning::default();
    run::start(&mut p);
    assert_eq!(
        provision_with(&tamper, &clock, &doc, &customer, &mut p, None),
        Ended::Finished
    );
    let activations: Vec<String> = tamper
        .seen
        .borrow()
        .iter()
        .filter(|(r, _)| r.method == Put && r.path.contains("/numbers?"))
        .map(|(r, _)| r.body.clone().unwrap())
        .collect();
    assert_eq!(activations.len(), 1);
    assert!(activations[0].contains(&admin) && activations[0].contains("\"action\":\"ACTIVATE\""));
    assert!(matches!(
        p.users.get(&holder(&customer, &admin).id),
        Some(UserState::Provisioned { .. })
    ));

    // Where the numbers come from a provider, nothing is activated: the user is refused.
    let mut doc = doc;
    let hq = customer.headquarters.id;
    set_numbers(&mut doc, hq, NumberSource::IntegratedProvider);
    let customer = customer_of(&doc);
    let tamper = Tamper::new(
        &clock,
        &list,
        vec![
            Fault::Answer(200, page, None),
            Fault::Answer(200, empty, None),
        ],
    );
    let mut p = Provisioning::default();
    run::start(&mut p);
    assert_eq!(
        provision_with(&tamper, &clock, &doc, &customer, &mut p, None),
        Ended::Finished
    );
    let problems = refusal(&p, holder(&customer, &admin).id);
    assert!(problems[0].description.contains("inactive"), "{problems:?}");
    assert_eq!(tamper.count(Put, "/telephony/config/locations/"), 0);
}
