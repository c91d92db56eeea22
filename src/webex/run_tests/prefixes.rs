//! Routing prefixes: a calling location given one here has it in Webex before its
//! users go (read first, set only where Webex has another); changed on day two, it is
//! listed, then set.

use super::changes::pending;
use super::*;
use crate::domain::changes::Change;
use crate::domain::phone::RoutingPrefix;

fn with_prefix(doc: &mut Document, branch: usize, prefix: &str) {
    let c = std::sync::Arc::make_mut(&mut doc.customers[0]);
    c.locations[branch].details.routing_prefix = Some(RoutingPrefix::parse(prefix).unwrap());
}

fn prefix_puts(webex: &Simulated) -> Vec<(String, serde_json::Value)> {
    webex
        .sent
        .borrow()
        .iter()
        .filter(|(r, _)| {
            r.method == Put
                && r.path.starts_with("/telephony/config/locations/")
                && !r.path.contains("/numbers")
        })
        .map(|(r, _)| {
            (
                r.path.clone(),
                serde_json::from_str(r.body.as_deref().unwrap()).unwrap(),
            )
        })
        .collect()
}

#[test]
fn a_calling_locations_routing_prefix_is_in_webex_before_its_users() {
    let (mut doc, _) = build(&seoul_with_branches());
    // Branch 0 has calling users; Branch 1 only a Meetings user (no calling there).
    with_prefix(&mut doc, 0, "8");
    with_prefix(&mut doc, 1, "9");
    let customer = customer_of(&doc);
    let clock = Clock::default();
    let webex = simulated(Failure::None, &clock);
    let mut p = Provisioning::default();
    run::start(&mut p);
    assert_eq!(
        provision_with(&webex, &clock, &doc, &customer, &mut p, None),
        Ended::Finished
    );
    let puts = prefix_puts(&webex);
    assert_eq!(puts.len(), 1, "Branch 0's only: {puts:?}");
    assert_eq!(puts[0].1, serde_json::json!({"routingPrefix": "8"}));
    let sent = sent_paths(&webex);
    let put = sent
        .iter()
        .position(|s| s.starts_with("Put /telephony/config/locations/"))
        .unwrap();
    let first_user = sent
        .iter()
        .position(|s| s == "Post /wholesale/subscribers")
        .unwrap();
    assert!(put < first_user, "before the users: {sent:?}");

    // A second run reads it, finds it there, and sets nothing.
    run::start(&mut p);
    assert_eq!(
        provision_with(&webex, &clock, &doc, &customer, &mut p, None),
        Ended::Finished
    );
    assert_eq!(prefix_puts(&webex).len(), 1);
}

#[test]
fn a_routing_prefix_given_on_day_two_is_listed_then_set() {
    let mut demo = Demo::provisioned();
    let branch0 = demo.customer.locations[0].id;
    demo.edit(|d, id| {
        let mut details = d.customer(id).unwrap().locations[0].details.clone();
        details.routing_prefix = Some(RoutingPrefix::parse("55").unwrap());
        d.update_location(id, branch0, details).unwrap();
    });
    assert_eq!(
        pending(&demo.customer),
        [Change::LocationRoutingPrefix(branch0)]
    );
    let sent = demo.apply();
    assert!(
        !sent.iter().any(|s| s.starts_with("Put /locations/")),
        "its name and address did not change: {sent:?}"
    );
    assert_eq!(prefix_puts(&demo.webex).len(), 1);
    assert!(
        pending(&demo.customer).is_empty(),
        "{:?}",
        pending(&demo.customer)
    );
}
