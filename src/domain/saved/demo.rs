//! Demo data for training and stakeholder demos: a realistic partner made by the
//! wizards' own parsers (so it is valid by every rule), the same every time.

use crate::domain::country;
use crate::domain::customer_wizard::CustomerDraft;
use crate::domain::ids::{CustomerId, LocationId, UserId};
use crate::domain::location::LocationDraft;
use crate::domain::package::Package::{self, *};
use crate::domain::phone::sample_number;
use crate::domain::pstn::NumberSource;
use crate::domain::setup::SetupDraft;
use crate::domain::template::AuthKind;
use crate::domain::template_wizard::{TemplateContext, TemplateDraft};
use crate::domain::time::Timestamp;
use crate::domain::wizard::Form;
use crate::domain::Document;

/// City, address line 1, state or province, postal code, time zone (empty: the
/// country's one).
type Place = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
);

/// Two places in each country the demo has customers in.
const ADDRESSES: &[(&str, [Place; 2])] = &[
    (
        "US",
        [
            (
                "Austin",
                "500 Congress Ave",
                "TX",
                "78701",
                "America/Chicago",
            ),
            (
                "Seattle",
                "1201 Third Ave",
                "WA",
                "98101",
                "America/Los_Angeles",
            ),
        ],
    ),
    (
        "CA",
        [
            (
                "Toronto",
                "100 King St W",
                "ON",
                "M5X 1A9",
                "America/Toronto",
            ),
            (
                "Vancouver",
                "1055 W Georgia St",
                "BC",
                "V6E 3P3",
                "America/Vancouver",
            ),
        ],
    ),
    (
        "MX",
        [
            (
                "Ciudad de México",
                "Paseo de la Reforma 250",
                "CMX",
                "06600",
                "America/Mexico_City",
            ),
            (
                "Monterrey",
                "Av. Constitución 400",
                "NLE",
                "64000",
                "America/Monterrey",
            ),
        ],
    ),
    (
        "BR",
        [
            (
                "São Paulo",
                "Av. Paulista 1000",
                "SP",
                "01310-100",
                "America/Sao_Paulo",
            ),
            (
                "Rio de Janeiro",
                "Av. Atlântica 1702",
                "RJ",
                "22021-001",
                "America/Sao_Paulo",
            ),
        ],
    ),
    (
        "GB",
        [
            ("London", "1 Poultry", "", "EC2R 8EJ", ""),
            ("Manchester", "1 Spinningfields", "", "M3 3AP", ""),
        ],
    ),
    (
        "DE",
        [
            ("Berlin", "Friedrichstraße 68", "", "10117", ""),
            ("München", "Leopoldstraße 8", "", "80802", ""),
        ],
    ),
    (
        "FR",
        [
            ("Paris", "10 Rue de la Paix", "", "75002", ""),
            ("Lyon", "20 Rue de la République", "", "69002", ""),
        ],
    ),
    (
        "NL",
        [
            ("Amsterdam", "Herengracht 500", "", "1017 CB", ""),
            ("Rotterdam", "Coolsingel 40", "", "3011 AD", ""),
        ],
    ),
    (
        "KR",
        [
            ("Seoul", "110 Sejong-daero", "", "04524", ""),
            ("Busan", "1 Jungang-daero", "", "48939", ""),
        ],
    ),
    (
        "JP",
        [
            ("Tokyo", "1-1 Marunouchi", "", "100-0005", ""),
            ("Osaka", "3-1 Umeda", "", "530-0001", ""),
        ],
    ),
    (
        "AU",
        [
            ("Sydney", "1 Martin Pl", "NSW", "2000", "Australia/Sydney"),
            (
                "Melbourne",
                "101 Collins St",
                "VIC",
                "3000",
                "Australia/Melbourne",
            ),
        ],
    ),
    (
        "SG",
        [
            ("Singapore", "1 Raffles Pl", "", "048616", ""),
            ("Singapore", "8 Marina View", "", "018960", ""),
        ],
    ),
    (
        "IN",
        [
            ("Mumbai", "Nariman Point 1", "MH", "400021", ""),
            ("Bengaluru", "MG Road 45", "KA", "560001", ""),
        ],
    ),
    (
        "ES",
        [
            ("Madrid", "Calle de Alcalá 45", "", "28014", ""),
            ("Barcelona", "Passeig de Gràcia 21", "", "08007", ""),
        ],
    ),
    (
        "SE",
        [
            ("Stockholm", "Kungsgatan 30", "", "111 35", ""),
            ("Göteborg", "Avenyn 10", "", "411 36", ""),
        ],
    ),
];

const COMPANIES: [&str; 30] = [
    "Acme Dental",
    "Birch Logistics",
    "Cedar Clinic",
    "Delta Partners",
    "Everest Bakery",
    "Falcon Motors",
    "Granite Studio",
    "Harbor Labs",
    "Iris Consulting",
    "Juniper Foods",
    "Kestrel Legal",
    "Lumen Optics",
    "Maple Insurance",
    "Nimbus Travel",
    "Orchid Hotels",
    "Pioneer Freight",
    "Quartz Finance",
    "Redwood Schools",
    "Summit Health",
    "Tidal Energy",
    "Umbra Media",
    "Vertex Robotics",
    "Willow Care",
    "Xenon Pharma",
    "Yarrow Farms",
    "한빛 물류",
    "Zephyr Air",
    "Aurora Retail",
    "Beacon Realty",
    "Comet Games",
];

/// The packages customers are created with, in turn (each a valid selection).
const PACKAGE_SETS: [&[Package]; 7] = [
    &[WebexCalling, WebexMeetings],
    &[WebexSuite],
    &[WebexCallingStandard, CommonAreaCalling],
    &[WebexVoice, CiscoCallingPlan],
    &[WebexMeetings],
    &[CxEssentials, AttendantConsole],
    &[WebexCalling, WebexMeetings, CommonAreaCalling],
];

const FIRST: [&str; 8] = [
    "Ada", "Jae", "Mina", "Lee", "Grace", "Linus", "Sofia", "Omar",
];
const LAST: [&str; 8] = [
    "Admin", "Park", "Choi", "Kim", "Hopper", "Berg", "Rossi", "Haddad",
];

fn location(country: &str, which: usize, name: &str, language: &str) -> LocationDraft {
    let (_, places) = ADDRESSES
        .iter()
        .find(|(c, _)| *c == country)
        .expect("an address for every demo country");
    let (city, line1, state, postal, zone) = places[which % 2];
    let mut d = LocationDraft {
        name: name.into(),
        line1: line1.into(),
        city: city.into(),
        postal_code: postal.into(),
        // The demo partner runs its own (premises-based) PSTN everywhere.
        numbers: NumberSource::PartnerManaged,
        ..LocationDraft::default()
    };
    // The country first: it brings its own language and first time zone.
    d.set_country(country.into());
    d.state = state.into();
    d.language = language.into();
    if !zone.is_empty() {
        d.time_zone = zone.into();
    }
    d
}

fn language_of(country: &str) -> &'static str {
    match country {
        "KR" => "ko_KR",
        "JP" => "ja_JP",
        "DE" => "de_DE",
        "FR" => "fr_FR",
        "ES" => "es_ES",
        "MX" => "es_MX",
        "BR" => "pt_BR",
        "NL" => "nl_NL",
        "SE" => "sv_SE",
        "GB" => "en_GB",
        _ => "en_US",
    }
}

/// The provisioning IDs the demo's templates are linked to, as if Partner Hub had
/// issued them (base64 of `0de00000-5a1e-4b0b-9d00-00000000000<n>`); the tests' fake
/// Webex knows them too, so a demo provisions end to end in either mode.
pub const DEMO_PARTNER_HUB_IDS: [&str; 3] = [
    "MGRlMDAwMDAtNWExZS00YjBiLTlkMDAtMDAwMDAwMDAwMDAx",
    "MGRlMDAwMDAtNWExZS00YjBiLTlkMDAtMDAwMDAwMDAwMDAy",
    "MGRlMDAwMDAtNWExZS00YjBiLTlkMDAtMDAwMDAwMDAwMDAz",
];

/// The demo partner: three templates (one per authentication method) and thirty
/// customers across the regions, most set up with users and numbers. None is in Webex
/// yet: the demo book provisions them ([`demo_outcomes`]).
pub fn demo_document(now: Timestamp) -> Document {
    let mut doc = Document::sample();
    let mut counter = 0u128;
    let mut random = move || {
        counter += 1;
        (0xdeu128 << 120 | counter).to_le_bytes()
    };
    let partner = doc.partner.clone();
    let templates = [
        ("Gold — Webex identity", "US", AuthKind::Webex, "en_US", 0),
        ("Silver — Partner SAML", "GB", AuthKind::Saml, "en_GB", 1),
        ("Bronze — OpenID Connect", "KR", AuthKind::Oidc, "ko_KR", 2),
    ];
    for (i, (name, country, auth, language, subscription)) in templates.into_iter().enumerate() {
        let draft = TemplateDraft {
            offer_chosen: true,
            name: name.into(),
            country: country.into(),
            admin: partner.admins[i % partner.admins.len()].id.to_string(),
            email_language: language.into(),
            subscription: partner.subscriptions[subscription % partner.subscriptions.len()]
                .id
                .to_string(),
            auth,
            saml_entity_id: "https://idp.northwind-telecom.example/saml".into(),
            oidc_idp_name: "northwind-oidc".into(),
            brand_name: partner.name.to_string(),
            partner_hub_id: DEMO_PARTNER_HUB_IDS[i].into(),
            ..TemplateDraft::default()
        };
        let settings = draft
            .parse(TemplateContext {
                partner: &partner,
                templates: &doc.templates,
            })
            .expect("demo templates follow the rules");
        doc.create_template(
            settings,
            &mut random,
            Timestamp(now.0 - 90 * 86_400_000 + i as i64),
        );
    }

    let served: Vec<&str> = ADDRESSES
        .iter()
        .map(|(c, _)| *c)
        .filter(|c| country::find(c).is_some_and(|c| partner.serves(c.region)))
        .collect();
    for (i, company) in COMPANIES.iter().enumerate() {
        let country = if *company == "한빛 물류" {
            "KR"
        } else {
            served[i % served.len()]
        };
        let language = language_of(country);
        let template = &doc.templates[i % doc.templates.len()];
        let draft = CustomerDraft {
            company_name: company.to_string(),
            admin_email: format!(
                "it@{}.example",
                company
                    .to_lowercase()
                    .replace(' ', "-")
                    .replace("한빛-물류", "hanbit")
            ),
            template: template.id.to_string(),
            packages: PACKAGE_SETS[i % PACKAGE_SETS.len()].to_vec(),
            headquarters: location(country, 0, "Headquarters", language),
            supported_location: true,
        };
        let new = draft
            .parse(CustomerDraft::context(&doc))
            .expect("demo customers follow the rules");
        let created = Timestamp(now.0 - (60 - i as i64) * 86_400_000);
        let id = doc.create_customer(new, &mut random, created);
        if i % 3 != 2 {
            set_up(&mut doc, id, i, country, language, &mut random, created);
        }
    }
    doc
}

/// Adds a branch (every other customer) and users with numbers.
fn set_up(
    doc: &mut Document,
    id: CustomerId,
    i: usize,
    country: &str,
    language: &str,
    random: &mut impl FnMut() -> [u8; 16],
    now: Timestamp,
) {
    let customer = doc.customer(id).expect("just created").clone();
    let mut setup = SetupDraft::new(&customer);
    let mut locations = vec![customer.headquarters.id];
    if i.is_multiple_of(2) {
        let branch = LocationId::from_random(random());
        let key = setup.add_location(&customer, branch);
        if let Some(row) = setup.locations.iter_mut().find(|l| l.key == key) {
            row.draft = location(country, 1, "Branch office", language);
        }
        locations.push(branch);
    }
    let number = |j: usize| sample_number(country, 2, i * 100 + j);
    let domain = customer
        .admin_email
        .as_ref()
        .split('@')
        .nth(1)
        .unwrap_or("example.com")
        .to_string();
    if let Some(admin) = setup.users.first_mut() {
        admin.first_name = FIRST[0].into();
        admin.last_name = LAST[0].into();
        admin.phone = number(0);
        admin.extension = "1000".into();
    }
    for j in 1..=(1 + i % 5) {
        let key = setup.add_user(&customer);
        let Some(u) = setup.user_mut(key) else {
            continue;
        };
        u.first_name = FIRST[j % FIRST.len()].into();
        u.last_name = LAST[(j * 3) % LAST.len()].into();
        u.email = format!(
            "{}.{}@{domain}",
            u.first_name.to_lowercase(),
            u.last_name.to_lowercase()
        );
        u.location = locations[j % locations.len()].to_string();
        u.phone = number(j);
        u.extension = format!("{}", 1000 + j);
    }
    let parsed = setup.parse(&*doc).expect("demo setups follow the rules");
    doc.apply_setup(parsed, random, now)
        .expect("the demo customer was just created");
}

/// How a demo customer's provisioning went, as the demo book plays it against the
/// simulated Webex (`webex::demo_book`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Every location, user and number in Webex.
    Provisioned,
    /// Provisioned, but Webex refused a user: its e-mail belongs to a person of another
    /// organization.
    UserRefused(UserId),
    /// Provisioned, a user waiting to consent to joining (a Webex account of their own).
    AwaitingConsent(UserId),
    /// Webex could not enable a package: the customer is in error.
    CustomerError,
}

/// The demo customers provisioned in Webex, in the order they were made, and how it went.
pub fn demo_outcomes(doc: &Document) -> Vec<(CustomerId, Outcome)> {
    doc.customers
        .iter()
        .enumerate()
        .filter_map(|(i, c)| {
            let last = c.users.last().map(|u| u.id);
            let outcome = match i % 6 {
                0 => Outcome::Provisioned,
                1 => Outcome::UserRefused(last?),
                3 if i % 12 == 3 => Outcome::AwaitingConsent(last?),
                3 => Outcome::Provisioned,
                4 => Outcome::CustomerError,
                _ => return None,
            };
            Some((c.id, outcome))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::country::DataRegion;
    use crate::domain::readiness;

    /// The regions the demo's customers are in.
    fn demo_regions(doc: &Document) -> Vec<DataRegion> {
        let mut regions: Vec<DataRegion> = doc.customers.iter().map(|c| c.region).collect();
        regions.sort();
        regions.dedup();
        regions
    }

    #[test]
    fn the_demo_is_realistic_valid_and_the_same_every_time() {
        let doc = demo_document(Timestamp(1_795_478_400_000));
        assert_eq!(
            doc,
            demo_document(Timestamp(1_795_478_400_000)),
            "deterministic"
        );
        assert_eq!(doc.templates.len(), 3);
        let kinds: Vec<AuthKind> = doc
            .templates
            .iter()
            .map(|t| t.settings.auth.kind())
            .collect();
        assert_eq!(kinds, [AuthKind::Webex, AuthKind::Saml, AuthKind::Oidc]);
        assert_eq!(doc.customers.len(), 30);
        assert_eq!(
            demo_regions(&doc),
            DataRegion::ALL.to_vec(),
            "customers in every region"
        );
        assert!(
            doc.inconsistencies().is_empty(),
            "{:?}",
            doc.inconsistencies()
        );
        for c in &doc.customers {
            assert_eq!(
                readiness::blockers_for(&doc, c, readiness::Destination::Webex),
                vec![],
                "{} is ready for Webex, its template linked to Partner Hub",
                c.company_name
            );
        }
        // As a stakeholder would check them: each city's own time zone, and the
        // language chosen (a Toronto office speaks English).
        for c in &doc.customers {
            for l in c.all_locations() {
                let d = &l.details;
                let zone = match d.address.city.as_ref() {
                    "Austin" => "America/Chicago",
                    "Seattle" => "America/Los_Angeles",
                    "Vancouver" => "America/Vancouver",
                    "Melbourne" => "Australia/Melbourne",
                    "Monterrey" => "America/Monterrey",
                    _ => continue,
                };
                assert_eq!(d.time_zone, zone, "{}", c.company_name);
            }
        }
        let toronto = doc
            .customers
            .iter()
            .flat_map(|c| c.all_locations())
            .find(|l| l.details.address.city.as_ref() == "Toronto")
            .expect("an office in Toronto");
        assert_eq!(toronto.details.language.webex_locale(), "en_US");
        let users: usize = doc.customers.iter().map(|c| c.users.len()).sum();
        assert!(users > 50, "{users} users");
        assert!(doc.customers.iter().any(|c| !c.locations.is_empty()));
        let outcomes: Vec<Outcome> = demo_outcomes(&doc).into_iter().map(|(_, o)| o).collect();
        assert_eq!(outcomes.len(), 20, "two customers in three provisioned");
        for kind in [
            |o: &Outcome| matches!(o, Outcome::Provisioned),
            |o: &Outcome| matches!(o, Outcome::UserRefused(_)),
            |o: &Outcome| matches!(o, Outcome::AwaitingConsent(_)),
            |o: &Outcome| matches!(o, Outcome::CustomerError),
        ] {
            assert!(outcomes.iter().any(kind), "{outcomes:?}");
        }
    }
}
