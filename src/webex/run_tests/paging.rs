//! Lists read to their end: Webex pages below what was asked (the simulator answers at
//! most 30 items, and 2 locations, a page), `/locations` by `Link` headers that are
//! followed only under the base URL, and nothing concluded from a list not read whole.

use super::*;
use crate::webex::run::{next_page, NextPage};

#[test]
fn a_link_header_is_followed_only_to_a_page_under_the_base_url() {
    let base = "https://webexapis.com/v1";
    let link = r#"<https://webexapis.com/v1/locations?orgId=o&max=100&cursor=Y3>; rel="next", <https://webexapis.com/v1/locations?orgId=o>; rel="first""#;
    assert_eq!(
        next_page(link, base),
        Some(NextPage::Path(
            "/locations?orgId=o&max=100&cursor=Y3".into()
        ))
    );
    assert_eq!(
        next_page(
            r#"<https://webexapis.com/v1/locations?x>; rel="prev""#,
            base
        ),
        None,
        "no next page: the list ends"
    );
    for elsewhere in [
        r#"<https://webexapis.com.evil.example/v1/locations?x>; rel="next""#,
        r#"<https://webexapis.com/v1.evil.example/locations>; rel="next""#,
        r#"<https://evil.example/v1/locations?x>; rel="next""#,
        r#"<https://webexapis.com/v1//evil.example/x>; rel="next""#,
        r#"<https://webexapis.com/v1/a/../../x>; rel="next""#,
        r#"</v1/locations?cursor=relative>; rel="next""#,
    ] {
        assert_eq!(
            next_page(elsewhere, base),
            Some(NextPage::Elsewhere),
            "{elsewhere}"
        );
    }
    let huge = format!(r#"<{base}/locations?c={}>; rel="next""#, "x".repeat(10_000));
    assert_eq!(next_page(&huge, base), Some(NextPage::Elsewhere));
    assert_eq!(next_page("garbage", base), None);
}

#[test]
fn a_branch_on_a_later_page_of_locations_is_found_not_created_again() {
    let mut demo = Demo::new(Failure::None);
    assert_eq!(demo.run(), Ended::Finished);
    let creates = |demo: &Demo| {
        demo.webex
            .sent
            .borrow()
            .iter()
            .filter(|(r, _)| r.method == Post && r.path.starts_with("/locations?"))
            .count()
    };
    assert_eq!(creates(&demo), 2, "the two branches");
    // A reload: the locations are listed again, over pages of two.
    run::resume(&mut demo.p);
    demo.p.locations.clear();
    demo.p.running = true;
    assert_eq!(demo.run(), Ended::Finished);
    assert_eq!(creates(&demo), 2, "nothing created twice");
    assert_eq!(demo.p.locations.len(), 3);
    let pages: Vec<String> = demo
        .webex
        .sent
        .borrow()
        .iter()
        .filter(|(r, _)| r.method == Get && r.path.starts_with("/locations?"))
        .map(|(r, _)| r.path.clone())
        .collect();
    assert!(
        pages.iter().any(|p| p.contains("&cursor=2")),
        "the second page was asked by its link: {pages:?}"
    );
}

#[test]
fn a_next_page_linked_outside_the_base_url_stops_the_run_before_anything_is_created() {
    let clock = Clock::default();
    let list = is(Get, "/locations");
    let tamper = Tamper::new(&clock, &list, vec![Fault::Link(Some(NextPage::Elsewhere))]);
    let (ended, p) = run_tampered(&tamper, &clock);
    assert_eq!(ended, Ended::Stopped);
    assert_eq!(p.stopped, Some(Stop::ListUnread("GET /locations".into())));
    assert_eq!(tamper.count(Post, "/locations"), 0, "no branch created");
    assert_eq!(
        tamper.count(Get, "/locations"),
        1,
        "the link was not followed"
    );
}

#[test]
fn a_short_page_of_calling_locations_is_not_the_end_of_the_list() {
    let clock = Clock::default();
    let calling = is(Get, "/telephony/config/locations");
    let tamper = Tamper::new(&clock, &calling, vec![]);
    let (ended, _) = run_tampered(&tamper, &clock);
    assert_eq!(ended, Ended::Finished);
    let starts: Vec<String> = tamper
        .seen
        .borrow()
        .iter()
        .filter(|(r, _)| calling(r))
        .map(|(r, _)| {
            r.path
                .split("start=")
                .nth(1)
                .unwrap_or_default()
                .to_string()
        })
        .collect();
    // The headquarters (a page of one, 100 asked), then the empty page that ends the
    // list: only then is the branch enabled.
    assert_eq!(starts, ["0", "1"]);
    assert_eq!(tamper.count(Post, "/telephony/config/locations"), 1);
}

#[test]
fn an_inventory_is_read_across_short_pages_and_nothing_in_it_is_added_again() {
    let mut shape = seoul_with_branches();
    shape.users = (0..45)
        .map(|i| (format!("U{i}"), "Lee".to_string(), 0, 0, true, false))
        .collect();
    let (doc, _) = build(&shape);
    let customer = customer_of(&doc);
    let hq = customer.headquarters.id;
    let clock = Clock::default();
    let webex = simulated(Failure::None, &clock);
    let mut p = Provisioning::default();
    run::start(&mut p);
    assert_eq!(
        provision_with(&webex, &clock, &doc, &customer, &mut p, None),
        Ended::Finished
    );
    // The run is started again with what it learnt of the numbers forgotten: the 46
    // numbers are read back in pages of 30 (1,000 asked), and none is added again.
    p.numbers.clear();
    run::start(&mut p);
    webex.sent.borrow_mut().clear();
    assert_eq!(
        provision_with(&webex, &clock, &doc, &customer, &mut p, None),
        Ended::Finished
    );
    let starts: Vec<String> = webex
        .sent
        .borrow()
        .iter()
        .filter(|(r, _)| r.path.starts_with("/telephony/config/numbers?"))
        .map(|(r, _)| {
            r.path
                .split("start=")
                .nth(1)
                .unwrap_or_default()
                .to_string()
        })
        .collect();
    // Once every user's number was seen, nothing is left to look for.
    assert_eq!(starts, ["0", "30"]);
    assert_eq!(p.numbers[&hq].present.len(), 46);
    assert!(!sent_paths(&webex)
        .iter()
        .any(|p| p.starts_with("Post /telephony/config/locations/")));
}
