//! Every request a plan builds, validated against Cisco's spec; and the plan's order,
//! placeholders and choices, for fixed and generated customers.

use super::requests::{export, plan, Method, Plan, Purpose, Ref, Request};
use super::spec_check::spec;
use crate::domain::address::rules_for;
use crate::domain::country::{self, DataRegion};
use crate::domain::customer_wizard::tests::doc_with_template;
use crate::domain::customer_wizard::CustomerDraft;
use crate::domain::ids::CustomerId;
use crate::domain::language::EMAIL_LANGUAGES;
use crate::domain::location::LocationDraft;
use crate::domain::package::{self, Package};
use crate::domain::partner_hub::PartnerHubId;
use crate::domain::phone::sample_number;
use crate::domain::pstn::NumberSource;
use crate::domain::readiness::Place;
use crate::domain::setup::SetupDraft;
use crate::domain::subdivision;
use crate::domain::time::Timestamp;
use crate::domain::wizard::Form;
use crate::domain::{CustomerField, Document, Field, Problem};
use proptest::prelude::*;
use serde_json::json;

fn counter(start: u128) -> impl FnMut() -> [u8; 16] {
    let mut n = start;
    move || {
        n += 1;
        n.to_le_bytes()
    }
}

/// What a generated customer is made of.
#[derive(Clone, Debug)]
pub(super) struct Shape {
    pub(super) company: String,
    pub(super) country: &'static str,
    pub(super) zone: usize,
    pub(super) language: usize,
    pub(super) packages: Vec<Package>,
    pub(super) branches: usize,
    /// (first name, last name, location index, package index, number?, extension?)
    pub(super) users: Vec<(String, String, usize, usize, bool, bool)>,
}

fn location_in(country: &'static str, name: &str, zone: usize, language: usize) -> LocationDraft {
    let c = country::find(country).unwrap();
    let rules = rules_for(country);
    let mut d = LocationDraft {
        name: name.into(),
        line1: format!("{} Harbour Road", name.len()),
        city: "Springfield".into(),
        postal_code: rules.postal_example.into(),
        language: EMAIL_LANGUAGES[language % EMAIL_LANGUAGES.len()].0.into(),
        // The partner adds the users' numbers to each location's inventory.
        numbers: NumberSource::PartnerManaged,
        ..LocationDraft::default()
    };
    d.set_country(country.into());
    d.time_zone = c.time_zones[zone % c.time_zones.len()].into();
    if let Some(list) = subdivision::of(country) {
        // Half by name, half by code: both must end up as the code.
        let (code, name) = list[zone % list.len()];
        d.state = if zone.is_multiple_of(2) {
            code.into()
        } else {
            name.into()
        };
    }
    d
}

/// The Partner Hub ID the tests link their template to: the spec's example.
pub(super) const LINKED_ID: &str = "ZjViMzYxODctYzhkZC00NzI3LThiMmYtZjljNDQ3ZjI5MDQ2";

/// A partner with one customer made through the wizards from `shape`, its template
/// linked to Partner Hub ([`LINKED_ID`]).
pub(super) fn build(shape: &Shape) -> (Document, CustomerId) {
    let mut doc = doc_with_template();
    let template = doc.templates[0].id;
    doc.link_template(
        template,
        PartnerHubId::parse(LINKED_ID).unwrap(),
        Timestamp(1),
    )
    .unwrap();
    let draft = CustomerDraft {
        company_name: shape.company.clone(),
        admin_email: "admin@customer.example".into(),
        packages: shape.packages.clone(),
        headquarters: location_in(shape.country, "Head Office", shape.zone, shape.language),
        supported_location: true,
        ..CustomerDraft::new(&doc.templates)
    };
    let new = draft
        .parse(CustomerDraft::context(&doc))
        .expect("a valid customer");
    let id = doc.create_customer(new, &mut counter(100), Timestamp(1));
    let customer = doc.customer(id).unwrap().clone();
    let mut setup = SetupDraft::new(&customer);
    let mut location_ids = vec![customer.headquarters.id];
    let mut ids = counter(500);
    for b in 0..shape.branches {
        let lid = crate::domain::ids::LocationId::from_random(ids());
        let key = setup.add_location(&customer, lid);
        let row = setup.locations.iter_mut().find(|l| l.key == key).unwrap();
        row.draft = location_in(
            shape.country,
            &format!("Branch {b}"),
            shape.zone + b + 1,
            shape.language + b,
        );
        location_ids.push(lid);
    }
    let user_packages: Vec<Package> = package::user_packages(&customer.packages).collect();
    let admin = &mut setup.users[0];
    admin.first_name = "Ada".into();
    admin.last_name = "Admin".into();
    admin.phone = sample_number(shape.country, 2, 0);
    admin.extension = "100".into();
    for (i, (first, last, at, pkg, number, extension)) in shape.users.iter().enumerate() {
        let key = setup.add_user(&customer);
        let u = setup.user_mut(key).unwrap();
        u.first_name = first.clone();
        u.last_name = last.clone();
        u.email = format!("user{i}@customer.example");
        u.location = location_ids[at % location_ids.len()].to_string();
        let package = user_packages[pkg % user_packages.len()];
        u.package = package.key().into();
        if package.is_calling() {
            if *number || !*extension {
                u.phone = sample_number(shape.country, 3, i);
            }
            if *extension {
                u.extension = format!("{}", 2000 + i);
            }
        }
    }
    let parsed = setup.parse(&doc).expect("a valid setup");
    doc.apply_setup(parsed, &mut counter(900), Timestamp(2))
        .unwrap();
    (doc, id)
}

fn placeholders(doc: &Document, id: CustomerId) -> Plan {
    plan(doc, doc.customer(id).unwrap()).expect("a ready customer")
}

/// A request's body as JSON.
fn body(r: &Request) -> serde_json::Value {
    serde_json::to_value(&r.body).unwrap()
}

fn assert_valid(requests: &[Request]) {
    for r in requests {
        if let Err(why) = spec().check(r) {
            panic!("{why}\n{:#}", body(r));
        }
    }
}

pub(super) fn seoul_with_branches() -> Shape {
    Shape {
        company: "Acme Dental".into(),
        country: "KR",
        zone: 0,
        language: 15,
        packages: vec![Package::WebexCalling, Package::WebexMeetings],
        branches: 2,
        users: vec![
            ("민준".into(), "김".into(), 1, 0, true, false),
            ("Grace".into(), "Hopper".into(), 2, 1, false, false),
            ("Linus".into(), "Berg".into(), 0, 0, false, true),
        ],
    }
}

#[test]
fn a_customer_with_branches_and_users_is_requests_the_spec_accepts() {
    let (doc, id) = build(&seoul_with_branches());
    let plan = placeholders(&doc, id);
    assert_valid(&plan.requests);
    let customer = doc.customer(id).unwrap();
    let kinds: Vec<(Method, &str)> = plan
        .requests
        .iter()
        .map(|r| (r.method, r.path.split(['?', '{']).next().unwrap()))
        .collect();
    assert_eq!(
        kinds,
        [
            (Method::Post, "/wholesale/customers/validate"),
            (Method::Post, "/wholesale/customers"),
            (Method::Get, "/wholesale/customers/"),
            (Method::Get, "/locations"),
            (Method::Post, "/locations"),
            (Method::Post, "/locations"),
            // Only Branch 0 has calling users (Branch 1 has a Meetings user).
            (Method::Post, "/telephony/config/locations"),
            // The admin's number into the headquarters' inventory, 민준's into Branch 0's.
            (Method::Post, "/telephony/config/locations/"),
            (Method::Post, "/telephony/config/locations/"),
        ]
        .into_iter()
        .chain((0..4).flat_map(|_| [
            (Method::Post, "/wholesale/subscribers/validate"),
            (Method::Post, "/wholesale/subscribers"),
        ]))
        .collect::<Vec<_>>(),
        "customer, its organization, its locations, then each user"
    );
    let provision = &body(&plan.requests[1]);
    let hq = &customer.headquarters.details;
    assert_eq!(provision["externalId"], json!(id.to_string()));
    assert_eq!(provision["provisioningId"], json!(LINKED_ID));
    assert_eq!(
        provision["packages"],
        json!(["webex_calling", "webex_meetings"])
    );
    assert_eq!(provision["customerInfo"]["name"], json!("Acme Dental"));
    assert_eq!(
        provision["customerInfo"]["primaryEmail"],
        json!("admin@customer.example")
    );
    assert_eq!(provision["customerInfo"]["language"], json!("ko_KR"));
    assert_eq!(
        provision["address"]["addressLine1"],
        json!(hq.address.line1.as_ref())
    );
    assert_eq!(provision["address"]["country"], json!("KR"));
    let calling = &provision["provisioningParameters"]["calling"]["location"];
    assert_eq!(calling["name"], json!("Head Office"));
    assert_eq!(calling["timezone"], json!("Asia/Seoul"));
    assert_eq!(calling["language"], json!("ko_kr"));
    assert_eq!(
        provision["provisioningParameters"]["meetings"]["timezone"],
        json!("Asia/Seoul")
    );

    // Users refer to Webex's ids through placeholders that the file explains.
    let enable = &body(&plan.requests[6]);
    assert_eq!(
        enable["id"],
        json!(Ref::Location(customer.locations[0].id).placeholder())
    );
    assert_eq!(enable["name"], json!("Branch 0"));
    assert!(plan.requests[6]
        .path
        .starts_with("/telephony/config/locations?orgId={{orgId:"));
    let numbers = &body(&plan.requests[7]);
    assert_eq!(numbers["phoneNumbers"].as_array().unwrap().len(), 1);
    assert!(plan.requests[8].path.starts_with(&format!(
        "/telephony/config/locations/{}/numbers?orgId=",
        Ref::Location(customer.locations[0].id).placeholder()
    )));
    let kim = &body(&plan.requests[12]); // after the admin's two
    assert_eq!(kim["customerId"], json!(Ref::Customer(id).placeholder()));
    assert_eq!(kim["packages"], json!(["webex_calling"]));
    assert_eq!(kim["provisioningParameters"]["firstName"], json!("민준"));
    assert_eq!(
        kim["provisioningParameters"]["locationId"],
        json!(Ref::Location(customer.locations[0].id).placeholder())
    );
    let text = serde_json::to_string(&plan.requests).unwrap();
    for (r, why) in &plan.refs {
        assert!(text.contains(r), "{r} is used");
        assert!(!why.is_empty());
    }
    let explained: Vec<String> = plan.refs.iter().map(|(r, _)| r.clone()).collect();
    for found in text
        .split("{{")
        .skip(1)
        .map(|s| format!("{{{{{}", &s[..s.find("}}").unwrap() + 2]))
    {
        assert!(explained.contains(&found), "{found} is explained");
    }
}

#[test]
fn the_checker_refuses_what_the_spec_does_not_allow() {
    let (doc, id) = build(&seoul_with_branches());
    let plan = placeholders(&doc, id);
    let refused = |r: &Request, body: &serde_json::Value| {
        spec().check_json(r.method, &r.path, Some(body)).is_err()
    };
    let mut misspelt = body(&plan.requests[1]);
    let address = misspelt["address"].as_object_mut().unwrap();
    let line = address.remove("addressLine1").unwrap();
    address.insert("adressLine1".into(), line);
    assert!(
        refused(&plan.requests[1], &misspelt),
        "a misspelt field is refused"
    );

    let mut bad_package = body(&plan.requests[7]);
    bad_package["packages"] = json!(["common_area_calling"]);
    assert!(
        refused(&plan.requests[7], &bad_package),
        "not a subscriber package"
    );
    assert!(!refused(&plan.requests[7], &body(&plan.requests[7])));

    let mut unknown_path = plan.requests[0].clone();
    unknown_path.path = "/wholesale/customer/validate".into();
    assert!(spec().check(&unknown_path).is_err());

    let mut unknown_query = plan.requests[4].clone();
    unknown_query.path = "/locations?org=1".into();
    assert!(spec().check(&unknown_query).is_err());
}

#[test]
fn the_precheck_asks_about_the_same_customer_without_what_it_does_not_take() {
    let (doc, id) = build(&seoul_with_branches());
    let plan = placeholders(&doc, id);
    let (precheck, provision) = (body(&plan.requests[0]), body(&plan.requests[1]));
    let mut expected = provision.clone();
    expected["customerInfo"]
        .as_object_mut()
        .unwrap()
        .remove("language");
    assert_eq!(precheck, expected);
    assert_eq!(plan.requests[0].purpose, Purpose::PrecheckCustomer(id));
}

#[test]
fn calling_and_meetings_parameters_follow_the_packages() {
    let mut shape = seoul_with_branches();
    shape.packages = vec![Package::WebexMeetings];
    shape.users.clear();
    let (doc, id) = build(&shape);
    let meetings = body(&placeholders(&doc, id).requests[1]);
    assert_eq!(
        meetings["provisioningParameters"],
        json!({"meetings": {"timezone": "Asia/Seoul"}})
    );

    shape.packages = vec![Package::WebexVoice, Package::CommonAreaCalling];
    let (doc, id) = build(&shape);
    let plan = placeholders(&doc, id);
    let calling = body(&plan.requests[1]);
    assert!(calling["provisioningParameters"]["calling"].is_object());
    assert!(calling["provisioningParameters"].get("meetings").is_none());
    assert_valid(&plan.requests);
}

#[test]
fn a_customer_not_yet_set_up_is_just_the_customer() {
    let mut doc = doc_with_template();
    let new = crate::domain::customer_wizard::tests::valid_draft(&doc)
        .parse(CustomerDraft::context(&doc))
        .unwrap();
    let id = doc.create_customer(new, &mut counter(1), Timestamp(1));
    let plan = placeholders(&doc, id);
    assert_valid(&plan.requests);
    assert_eq!(
        plan.requests.iter().map(|r| r.purpose).collect::<Vec<_>>(),
        [
            Purpose::PrecheckCustomer(id),
            Purpose::ProvisionCustomer(id),
            Purpose::AwaitCustomer(id)
        ],
        "with no users, no location id is needed"
    );
}

#[test]
fn us_addresses_carry_the_state_code_and_branches_the_locations_fields() {
    let mut shape = seoul_with_branches();
    shape.country = "US";
    let texas = subdivision::of("US")
        .unwrap()
        .iter()
        .position(|(c, _)| *c == "TX")
        .unwrap();
    shape.zone = texas; // given by name or code, by the index's parity
    shape.language = 0;
    let (doc, id) = build(&shape);
    let plan = placeholders(&doc, id);
    assert_valid(&plan.requests);
    let provision = body(&plan.requests[1]);
    assert_eq!(provision["address"]["stateOrProvince"], json!("TX"));
    assert_eq!(provision["address"]["zipOrPostalCode"], json!("94105"));
    let branch = body(&plan.requests[4]);
    assert_eq!(branch["preferredLanguage"], json!("en_us"));
    assert_eq!(branch["announcementLanguage"], json!("en_us"));
    assert!(branch["address"]["state"]
        .as_str()
        .is_some_and(|s| s.len() == 2));
    assert!(plan.requests[4]
        .path
        .starts_with("/locations?orgId={{orgId:"));
}

#[test]
fn a_customer_that_breaks_a_webex_rule_is_not_planned_and_the_export_says_so() {
    let (mut doc, id) = build(&seoul_with_branches());
    let mut json = serde_json::to_value(doc.customer(id).unwrap()).unwrap();
    json["company_name"] = "100% Dental".into();
    let old: crate::domain::customer::Customer = serde_json::from_value(json).unwrap();
    doc.customers = vec![std::sync::Arc::new(old)];
    let customer = doc.customer(id).unwrap();
    let blockers = plan(&doc, customer).unwrap_err();
    assert_eq!(blockers[0].place, Place::Customer);
    assert_eq!(
        blockers[0].field,
        Field::Customer(CustomerField::CompanyName)
    );
    assert_eq!(blockers[0].problem, Problem::ForbiddenCharacter { ch: '%' });
    let (file, left_out) = export(&doc, doc.customers.iter().map(|c| &**c));
    assert!(file.requests.is_empty());
    assert_eq!(left_out.len(), 1);
}

#[test]
fn the_exported_file_has_its_format_and_explains_every_placeholder() {
    let (doc, _) = build(&seoul_with_branches());
    let (file, left_out) = export(&doc, doc.customers.iter().map(|c| &**c));
    assert!(left_out.is_empty());
    let value = serde_json::to_value(&file).unwrap();
    assert_eq!(value["format"], json!("webex-wholesale-requests"));
    assert_eq!(value["version"], json!(1));
    let first = &value["requests"][0];
    assert_eq!(
        first.as_object().unwrap().keys().collect::<Vec<_>>(),
        ["body", "comment", "method", "path"]
    );
    assert_eq!(
        value["requests"][2]["body"],
        json!(null),
        "a GET has no body"
    );
    let placeholders = value["placeholders"].as_object().unwrap();
    assert_eq!(
        placeholders.len(),
        2 + 3,
        "customer, organization and three locations"
    );
}

#[test]
fn a_template_not_linked_to_partner_hub_is_a_named_placeholder_in_the_export() {
    let (mut doc, id) = build(&seoul_with_branches());
    let template = std::sync::Arc::make_mut(&mut doc.templates[0]);
    template.settings.partner_hub_id = None;
    let name = template.settings.name.to_string();
    let placeholder = format!("{{{{provisioningId:{name}}}}}");
    let plan = placeholders(&doc, id);
    assert_eq!(
        body(&plan.requests[0])["provisioningId"],
        json!(placeholder)
    );
    assert_eq!(
        body(&plan.requests[1])["provisioningId"],
        json!(placeholder)
    );
    let (file, _) = export(&doc, doc.customers.iter().map(|c| &**c));
    let why = &file.placeholders[&placeholder];
    assert!(why.contains("Partner Hub") && why.contains(&name), "{why}");
    // Never this app's own ID, which Webex would refuse.
    let text = serde_json::to_string(&file.requests).unwrap();
    assert!(!text.contains(&doc.templates[0].provisioning_id.to_string()));
}

pub(super) fn any_shape() -> impl Strategy<Value = Shape> {
    let countries: Vec<&'static str> = country::COUNTRIES.iter().map(|c| c.code).collect();
    let name = "[A-Za-z가-힣][A-Za-z가-힣' -]{0,20}";
    (
        "[A-Za-z][A-Za-z0-9 &'.,-]{0,60}",
        proptest::sample::select(countries),
        0usize..60,
        0usize..EMAIL_LANGUAGES.len(),
        proptest::bits::u16::masked((1 << Package::ALL.len()) - 1),
        0usize..3,
        proptest::collection::vec(
            (
                name,
                name,
                0usize..3,
                0usize..6,
                any::<bool>(),
                any::<bool>(),
            ),
            0..6,
        ),
    )
        .prop_filter_map(
            "a valid package selection with a user package",
            |(company, country, zone, language, mask, branches, users)| {
                let packages: Vec<Package> = Package::ALL
                    .into_iter()
                    .enumerate()
                    .filter(|(i, _)| mask & (1 << i) != 0)
                    .map(|(_, p)| p)
                    .collect();
                let ok = package::check_selection(&packages).is_ok()
                    && package::customer_level(&packages).is_some();
                ok.then_some(Shape {
                    company,
                    country,
                    zone,
                    language,
                    packages,
                    branches,
                    users,
                })
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Any customer and setup the wizards accept becomes requests the spec accepts.
    #[test]
    fn every_valid_customer_and_setup_becomes_valid_requests(shape in any_shape()) {
        let (doc, id) = build(&shape);
        let customer = doc.customer(id).unwrap();
        prop_assume!(DataRegion::ALL.contains(&customer.region));
        let plan = placeholders(&doc, id);
        for r in &plan.requests {
            if let Err(why) = spec().check(r) {
                return Err(TestCaseError::fail(why));
            }
        }
        let at_hq = customer.users.iter().any(|u| u.details.location == customer.headquarters.id);
        prop_assert_eq!(
            plan.requests.len(),
            3 + usize::from(at_hq)
                + customer.locations.len()
                + super::run::calling_branches(customer).count()
                + super::run::numbered_locations(customer)
                    .iter()
                    .map(|(_, _, numbers)| numbers.len().div_ceil(super::run::NUMBERS_PER_REQUEST))
                    .sum::<usize>()
                + 2 * customer.users.len()
        );
    }
}
