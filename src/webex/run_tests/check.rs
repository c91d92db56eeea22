//! "Check with Webex": a dry run sends only reads and the three prechecks, writes
//! nothing in Webex, and names what Webex would refuse, on the user and field.

use super::*;
use crate::domain::check::{CheckReport, Finding};
use crate::domain::error::{Field, NumberField, UserField};
use crate::domain::ids::UserId;
use crate::domain::package::Package;
use crate::webex::check::{check, plan};
use crate::webex::tests::any_shape;
use proptest::prelude::*;

/// The requests a check may send besides `GET`s.
const PRECHECKS: [&str; 3] = [
    "/wholesale/customers/validate",
    "/wholesale/subscribers/validate",
    "/telephony/config/actions/validateNumbers/invoke",
];

fn checked(webex: &Simulated, clock: &Clock, doc: &Document, c: &Customer) -> CheckReport {
    block_on(check(
        webex,
        doc,
        c,
        &c.provisioning,
        |ms| clock.sleep(ms),
        || clock.now(),
        |_| {},
        |_| {},
    ))
}

/// Every request `webex` was sent is a read or a precheck.
fn only_reads_and_prechecks(webex: &Simulated) -> Result<(), String> {
    for (r, _) in webex.sent.borrow().iter() {
        let path = r.path.split('?').next().unwrap_or_default();
        if r.method != super::super::requests::Method::Get && !PRECHECKS.contains(&path) {
            return Err(format!("{:?} {path} is a write", r.method));
        }
    }
    Ok(())
}

/// What the simulated Webex holds, as it is kept (but its count of requests).
fn held(webex: &Simulated) -> serde_json::Value {
    let mut kept = serde_json::to_value(&*webex.inner.simulator.borrow()).unwrap();
    kept.as_object_mut().unwrap().remove("requests");
    kept
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// For any customer, before Webex has it and after: only `GET`s and the three
    /// prechecks go, each as the spec has it, and Webex holds what it held.
    #[test]
    fn a_check_sends_only_reads_and_prechecks_and_changes_nothing(shape in any_shape()) {
        let (doc, id) = build(&shape);
        let mut customer = doc.customer(id).unwrap().clone();
        let clock = Clock::default();
        let webex = simulated(Failure::None, &clock);
        let before = held(&webex);
        let report = checked(&webex, &clock, &doc, &customer);
        prop_assert_eq!(held(&webex), before, "nothing written");
        only_reads_and_prechecks(&webex).map_err(TestCaseError::fail)?;
        prop_assert!(report.complete(), "{:?}", report.ended);
        prop_assert!(report.customer.is_some(), "the customer is prechecked");
        prop_assert_eq!(report.users.len(), customer.users.len());
        prop_assert!(report.failures(&customer).is_empty(), "{:?}", report.failures(&customer));
        prop_assert!(report.current(&customer));

        // Once Webex has it: its locations are read, nothing is prechecked twice.
        let mut p = Provisioning::default();
        run::start(&mut p);
        prop_assert_eq!(provision_with(&webex, &clock, &doc, &customer, &mut p, None), Ended::Finished);
        customer.provisioning = p;
        webex.sent.borrow_mut().clear();
        let before = held(&webex);
        let report = checked(&webex, &clock, &doc, &customer);
        prop_assert_eq!(held(&webex), before, "nothing written");
        only_reads_and_prechecks(&webex).map_err(TestCaseError::fail)?;
        prop_assert!(report.complete(), "{:?}", report.ended);
        prop_assert!(report.customer.is_none() && report.users.is_empty());
        prop_assert!(report.numbers.is_empty(), "the numbers are in Webex already");
        prop_assert_eq!(report.locations.len(), customer.provisioning.locations.len());
    }
}

#[test]
fn a_check_names_an_email_and_a_number_webex_would_refuse_on_their_users() {
    let (doc, id) = build(&seoul_with_branches());
    let customer = doc.customer(id).unwrap().clone();
    let clock = Clock::default();
    let webex = simulated(Failure::None, &clock);
    let grace = &customer
        .users
        .iter()
        .find(|u| u.details.first_name.as_ref() == "Grace")
        .unwrap();
    let minjun = &customer
        .users
        .iter()
        .find(|u| u.details.first_name.as_ref() == "민준")
        .unwrap();
    let number = minjun.details.phone.as_ref().unwrap().as_str().to_string();
    {
        let mut sim = webex.inner.simulator.borrow_mut();
        sim.hold_elsewhere(grace.details.email.as_ref());
        sim.hold_number_elsewhere(&number);
    }
    let report = checked(&webex, &clock, &doc, &customer);
    assert!(report.complete());
    assert_eq!(
        plan(&customer, &customer.provisioning).users(),
        customer.users.len()
    );
    let failures: Vec<_> = report
        .failures(&customer)
        .into_iter()
        .map(|f| (f.user, f.field, f.problems[0].code))
        .collect();
    assert_eq!(
        failures,
        [
            (
                Some(minjun.id),
                Some(Field::Number(NumberField::Phone)),
                Some(8361)
            ),
            (
                Some(grace.id),
                Some(Field::User(UserField::Email)),
                Some(10022)
            ),
        ]
    );
    let passing: Vec<_> = report.passing(&customer).collect();
    assert_eq!(passing.len(), customer.users.len() - 2, "the others pass");
    assert!(!passing.contains(&grace.id) && !passing.contains(&minjun.id));
    // The report is kept as text and read back as it was.
    assert_eq!(CheckReport::read(&report.write()), Some(report));
}

#[test]
fn a_check_names_a_package_the_customer_lacks_in_webex() {
    let (doc, id) = build(&seoul_with_branches());
    let mut customer = doc.customer(id).unwrap().clone();
    let clock = Clock::default();
    let webex = simulated(Failure::None, &clock);
    let mut p = Provisioning::default();
    run::start(&mut p);
    assert_eq!(
        provision_with(&webex, &clock, &doc, &customer, &mut p, None),
        Ended::Finished
    );
    // Grace (Meetings) is not in Webex yet, and the customer lost Meetings there.
    let grace = customer
        .users
        .iter()
        .find(|u| u.details.first_name.as_ref() == "Grace")
        .unwrap()
        .id;
    let Some(UserState::Provisioned { id: sub, .. }) = p.users.get(&grace).cloned() else {
        panic!("Grace provisioned");
    };
    let path = format!("/wholesale/subscribers/{sub}");
    let gone = webex.inner.simulator.borrow_mut().answer(
        &Outgoing {
            method: super::super::requests::Method::Delete,
            path,
            body: None,
        },
        clock.now(),
    );
    assert_eq!(gone.http, 204);
    let users: Vec<(UserId, UserState)> = p.users.clone().into();
    p.users = users
        .into_iter()
        .filter(|(u, _)| *u != grace)
        .collect::<Vec<_>>()
        .into();
    webex
        .inner
        .simulator
        .borrow_mut()
        .drop_package(&customer.id.to_string(), Package::WebexMeetings.key());
    customer.provisioning = p;
    let report = checked(&webex, &clock, &doc, &customer);
    assert!(report.complete(), "{:?}", report.ended);
    let failures = report.failures(&customer);
    assert_eq!(failures.len(), 1, "{failures:?}");
    assert_eq!(failures[0].user, Some(grace));
    assert_eq!(failures[0].field, Some(Field::User(UserField::Package)));
    assert!(matches!(
        report.users.get(&grace),
        Some(Finding::Failed { http: 400, .. })
    ));
}

/// A run as the app starts it: the whole check first, then the run if it may go on.
fn checked_run(
    webex: &Simulated,
    clock: &Clock,
    doc: &Document,
    c: &Customer,
    p: &mut Provisioning,
    go_ahead: bool,
) -> Option<Ended> {
    // As the app does: users refused before the run do not stop it.
    let known = p.refused_users();
    run::start(p);
    let stopped = block_on(crate::webex::check::before_run(
        webex,
        doc,
        c,
        p,
        |ms| clock.sleep(ms),
        || clock.now(),
        |_| {},
        go_ahead,
        &known,
    ));
    if stopped.is_some() {
        return None;
    }
    Some(provision_with(webex, clock, doc, c, p, None))
}

#[test]
fn a_run_writes_nothing_while_its_check_fails_then_provisions_the_users_that_pass() {
    let (doc, id) = build(&seoul_with_branches());
    let customer = doc.customer(id).unwrap().clone();
    let clock = Clock::default();
    let webex = simulated(Failure::None, &clock);
    let grace = customer
        .users
        .iter()
        .find(|u| u.details.first_name.as_ref() == "Grace")
        .unwrap()
        .id;
    let email = customer.user(grace).unwrap().details.email.to_string();
    webex.inner.simulator.borrow_mut().hold_elsewhere(&email);

    let mut p = Provisioning::default();
    assert_eq!(
        checked_run(&webex, &clock, &doc, &customer, &mut p, false),
        None
    );
    assert_eq!(p.stopped, Some(Stop::CheckFailed(1)));
    assert!(!p.running);
    assert_eq!(p.badge(), Badge::NotProvisioned, "nothing was created");
    only_reads_and_prechecks(&webex).unwrap();
    let report = CheckReport::read(&p.check).unwrap();
    assert_eq!(report.failures(&customer)[0].user, Some(grace));
    assert!(
        p.timeline
            .iter()
            .any(|e| e.path == "/wholesale/customers/validate"),
        "the check's answers are in the timeline"
    );

    // "Provision the N users that pass": the others go, Grace is refused and left out.
    webex.sent.borrow_mut().clear();
    let ended = checked_run(&webex, &clock, &doc, &customer, &mut p, true);
    assert_eq!(ended, Some(Ended::Finished));
    assert!(matches!(
        p.users.get(&grace),
        Some(UserState::Refused { http: 409, .. })
    ));
    assert_eq!(
        p.users_provisioned(customer.users.iter().map(|u| &u.id)),
        customer.users.len() - 1
    );
    // Checked once: the run does not precheck again what its check passed.
    let paths = sent_paths(&webex);
    let prechecks = paths.iter().filter(|p| p.ends_with("/validate")).count();
    assert_eq!(prechecks, 1 + customer.users.len(), "{paths:?}");

    // The next run (a day-two apply) is not stopped by Grace, whom Webex refused before.
    assert_eq!(
        checked_run(&webex, &clock, &doc, &customer, &mut p, false),
        Some(Ended::Finished)
    );
    assert!(matches!(
        p.users.get(&grace),
        Some(UserState::Refused { .. })
    ));
    assert_eq!(p.stopped, None);
    assert!(
        !p.running,
        "a run with nothing to send ends, and is saved ended"
    );
}

#[test]
fn a_run_whose_check_passes_goes_on_and_a_refused_customer_stops_it_as_its_precheck_did() {
    let (doc, id) = build(&seoul_with_branches());
    let customer = doc.customer(id).unwrap().clone();
    let clock = Clock::default();
    let webex = simulated(Failure::None, &clock);
    let mut p = Provisioning::default();
    assert_eq!(
        checked_run(&webex, &clock, &doc, &customer, &mut p, false),
        Some(Ended::Finished)
    );
    assert_eq!(p.badge(), Badge::Provisioned);

    let webex = simulated(Failure::CustomerPrecheck, &clock);
    let mut p = Provisioning::default();
    assert_eq!(
        checked_run(&webex, &clock, &doc, &customer, &mut p, true),
        None
    );
    assert!(
        matches!(p.stopped, Some(Stop::PrecheckRefused { http: 400, .. })),
        "{:?}",
        p.stopped
    );
    assert_eq!(p.badge(), Badge::Error);
    only_reads_and_prechecks(&webex).unwrap();
}
