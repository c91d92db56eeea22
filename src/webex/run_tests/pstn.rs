//! PSTN as the API can set it: only a Local Gateway (with its trunk or route group) and
//! a non-integrated CCP; and where Webex reports the numbers come from a provider
//! (Cisco Calling Plans, integrated CCP), no number is ever added, whatever was chosen.

use super::*;
use crate::domain::pstn::{PremiseRoute, RouteKind};

#[test]
fn a_location_webex_says_gets_its_numbers_from_cisco_never_gets_numbers_added() {
    let clock = Clock::default();
    let connection = |r: &Outgoing| r.method == Get && r.path.contains("/connection?");
    let cisco = r#"{"id":"Y2lzY29zcGFyazovL3VzL1BTVE5fQ09OTkVDVElPTi9jaXNjby1wc3Ru","displayName":"Cisco Calling Plans","pstnConnectionType":"CISCO_PSTN"}"#;
    let tamper = Tamper::new(
        &clock,
        &connection,
        vec![Fault::Answer(200, cisco, None); 4],
    );
    // The partner chose "partner managed" for every location (the usual demo).
    let (ended, p) = run_tampered(&tamper, &clock);
    assert_eq!(ended, Ended::Stopped);
    assert!(
        matches!(p.stopped, Some(Stop::NumbersMissing(_))),
        "{:?}",
        p.stopped
    );
    assert_eq!(
        tamper.count(Post, "/telephony/config/locations/"),
        0,
        "no Add Phone Numbers"
    );
    let added = tamper
        .seen
        .borrow()
        .iter()
        .filter(|(r, _)| r.method == Post && r.path.contains("/numbers?"))
        .count();
    assert_eq!(added, 0);
    let hq = p.numbers.iter().next().unwrap().1;
    assert_eq!(hq.pstn_type, "CISCO_PSTN");
}

#[test]
fn a_local_gateway_is_set_with_its_trunk_and_an_option_webex_refuses_is_offered_again() {
    let clock = Clock::default();
    let (doc, _) = build(&seoul_with_branches());
    let customer = customer_of(&doc);
    let branch0 = customer.locations[0].id;
    let connection = |r: &Outgoing| r.method == Get && r.path.contains("/connection?");
    // The headquarters has a connection; Branch 0 none until one is set.
    let none = Fault::Answer(404, r#"{"message":"No PSTN connection."}"#, None);
    let tamper = Tamper::new(&clock, &connection, vec![Fault::Pass, none.clone(), none]);
    let mut p = Provisioning::default();
    run::start(&mut p);
    assert_eq!(
        provision_with(&tamper, &clock, &doc, &customer, &mut p, None),
        Ended::Stopped
    );
    assert_eq!(p.stopped, Some(Stop::NoPstnConnection(branch0)));
    let options = p.numbers[&branch0].options.clone();
    assert_eq!(options.len(), 3);
    let premises = options
        .iter()
        .find(|o| o.name == "Premises-based PSTN")
        .unwrap();

    // Picked without its trunk (as an older version would): Webex refuses, and the
    // options are offered again.
    p.numbers.get_or_default(branch0).picked = Some(premises.id.clone());
    run::start(&mut p);
    assert_eq!(
        provision_with(&tamper, &clock, &doc, &customer, &mut p, None),
        Ended::Stopped
    );
    assert!(
        matches!(p.stopped, Some(Stop::Refused { http: 400, .. })),
        "{:?}",
        p.stopped
    );
    run::start(&mut p);
    assert_eq!(
        provision_with(&tamper, &clock, &doc, &customer, &mut p, None),
        Ended::Stopped
    );
    assert_eq!(p.stopped, Some(Stop::NoPstnConnection(branch0)));

    // With its trunk: set, its type read, and the run goes on.
    let state = p.numbers.get_or_default(branch0);
    state.picked = Some(premises.id.clone());
    state.route = PremiseRoute::parse(RouteKind::Trunk, "VFJVTksx")
        .unwrap()
        .text();
    run::start(&mut p);
    assert_eq!(
        provision_with(&tamper, &clock, &doc, &customer, &mut p, None),
        Ended::Finished
    );
    let puts: Vec<serde_json::Value> = tamper
        .seen
        .borrow()
        .iter()
        .filter(|(r, _)| r.method == Put && r.path.contains("/connection?"))
        .map(|(r, _)| serde_json::from_str(r.body.as_deref().unwrap()).unwrap())
        .collect();
    assert_eq!(puts.len(), 2);
    assert!(puts[0].get("premiseRouteId").is_none());
    assert_eq!(
        (
            puts[1]["premiseRouteType"].as_str(),
            puts[1]["premiseRouteId"].as_str()
        ),
        (Some("TRUNK"), Some("VFJVTksx"))
    );
    assert_eq!(p.numbers[&branch0].pstn_type, "LOCAL_GATEWAY");
}
