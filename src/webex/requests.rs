//! A saved customer as the Webex API requests that provision it, in the order they run:
//! precheck and provision the customer, wait for its organization, add its branch
//! locations, then precheck and provision each user.
//!
//! Bodies follow `webex-wholesale.json` and `webex-locations.json` field for field (the
//! tests validate them against those schemas). Ids that Webex hands out along the way
//! (the wholesale customer id, the organization id, location ids) are [`Ref`]s: an
//! exported plan shows them as named placeholders, a run fills in the real values.

use super::run;
use crate::domain::customer::Customer;
use crate::domain::ids::{CustomerId, LocationId, UserId};
use crate::domain::location::{Address, Location};
use crate::domain::package::Package;
use crate::domain::phone::RoutingPrefix;
use crate::domain::pstn::{NumberSource, PremiseRoute};
use crate::domain::readiness::{self, Blocker, Destination};
use crate::domain::template::OnboardingTemplate;
use crate::domain::user::{User, UserDetails};
use crate::domain::Document;
use serde::Serialize;

/// A value Webex hands out during provisioning that later requests need.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Ref {
    /// The wholesale customer's id: the last segment of the `url` that
    /// `POST /wholesale/customers` answers.
    Customer(CustomerId),
    /// The customer's Webex organization id: `orgId` once it is provisioned.
    Org(CustomerId),
    /// A location's Webex id.
    Location(LocationId),
    /// A user's subscriber id, once Webex took the user.
    Subscriber(UserId),
}

impl Ref {
    /// How an exported plan writes it: `{{customerId:<our customer id>}}`.
    pub fn placeholder(self) -> String {
        let (name, id) = match self {
            Ref::Customer(id) => ("customerId", id.to_string()),
            Ref::Org(id) => ("orgId", id.to_string()),
            Ref::Location(id) => ("locationId", id.to_string()),
            Ref::Subscriber(id) => ("subscriberId", id.to_string()),
        };
        format!("{{{{{name}:{id}}}}}")
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Method {
    Get,
    Post,
    Put,
    Delete,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Put => "PUT",
            Method::Delete => "DELETE",
        }
    }
}

/// What a request is for, so a run can act on its answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    PrecheckCustomer(CustomerId),
    ProvisionCustomer(CustomerId),
    UpdateCustomer(CustomerId),
    /// Polled until the customer's status is final; gives its `orgId`.
    AwaitCustomer(CustomerId),
    /// Lists the organization's locations to find the headquarters' id.
    FindHeadquarters(LocationId),
    CreateLocation(LocationId),
    /// Lists the organization's locations with Webex Calling.
    FindCallingLocations,
    EnableCalling(LocationId),
    ReadPstn(LocationId),
    PstnOptions(LocationId),
    SetPstn(LocationId),
    ListNumbers(LocationId),
    AddNumbers(LocationId),
    PrecheckUser(UserId),
    ProvisionUser(UserId),
    UpdateLocation(LocationId),
    UpdateUser(UserId),
    RemoveUser(UserId),
    /// A user's names, number and extension (`PUT /people/{id}`), by its location.
    UpdatePerson(LocationId),
    /// A calling user moved to this location.
    MoveUser(LocationId),
    /// Numbers checked by a dry run ("Check with Webex").
    CheckNumbers,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Request {
    pub method: Method,
    /// Relative to the base URL, with its query.
    pub path: String,
    /// `null` for a GET.
    pub body: Option<Body>,
    pub comment: String,
    #[serde(skip)]
    pub purpose: Purpose,
}

/// One customer's requests, and what each of its placeholders stands for (the
/// placeholder as written, and where its value comes from).
#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    pub requests: Vec<Request>,
    pub refs: Vec<(String, String)>,
}

/// How an export writes the provisioning ID of a template not linked to Partner Hub:
/// `{{provisioningId:<template name>}}`.
pub fn provisioning_id_placeholder(template: &OnboardingTemplate) -> String {
    format!("{{{{provisioningId:{}}}}}", template.settings.name)
}

/// The provisioning ID a customer request carries for `destination`: the one Partner
/// Hub issued; where the template is not linked, the export's placeholder or, for the
/// simulator, this app's own ID; `None` for Webex (nothing is sent).
pub fn provisioning_id(template: &OnboardingTemplate, destination: Destination) -> Option<String> {
    match (&template.settings.partner_hub_id, destination) {
        (Some(linked), _) => Some(linked.to_string()),
        (None, Destination::Export) => Some(provisioning_id_placeholder(template)),
        (None, Destination::Simulator) => Some(template.provisioning_id.to_string()),
        (None, Destination::Webex) => None,
    }
}

// ---- Bodies, as the spec names them -------------------------------------------------

/// A request's JSON body, typed: it serializes with its fields in the spec's order.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Body {
    Customer(Box<CustomerBody>),
    CustomerUpdate(Box<CustomerUpdateBody>),
    Location(LocationBody),
    Calling(EnableCallingBody),
    Numbers(NumbersBody),
    Connection(ConnectionBody),
    Subscriber(SubscriberBody),
    /// A subscriber's precheck for a customer Webex does not have yet.
    NewCustomerSubscriber(NewCustomerSubscriberBody),
    SubscriberUpdate(SubscriberUpdateBody),
    /// A person as Webex gave it, changed (`PUT /people/{id}`).
    Person(serde_json::Value),
    RoutingPrefix(RoutingPrefixBody),
    Move(MoveBody),
    LocationUpdate(LocationUpdateBody),
}

/// A list of numbers: to add (`NumbersPost`: DIDs, active, said explicitly since the
/// spec's own example sends `INACTIVE`), to validate (`ValidateNumbersPostRequest`) or
/// to activate (`NumbersRequest`).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NumbersBody {
    phone_numbers: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    state: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    action: Option<&'static str>,
}

/// `PUT /telephony/pstn/locations/{id}/connection` (`SetUpPSTNLocationConnectionObject`):
/// the connection option's id and, for a Local Gateway, the trunk or route group.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ConnectionBody {
    id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    premise_route_type: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    premise_route_id: Option<String>,
}

/// `address` of a wholesale customer and of its calling location.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct WholesaleAddress {
    address_line1: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    address_line2: Option<String>,
    city: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    state_or_province: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    zip_or_postal_code: Option<String>,
    country: String,
}

impl From<&Address> for WholesaleAddress {
    fn from(a: &Address) -> Self {
        Self {
            address_line1: a.line1.to_string(),
            address_line2: a.line2.as_ref().map(|l| l.to_string()),
            city: a.city.to_string(),
            state_or_province: a.webex_state(),
            zip_or_postal_code: a.postal_code.clone(),
            country: a.country.as_ref().to_string(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CustomerInfo {
    name: String,
    primary_email: String,
    /// Not in the precheck's schema.
    #[serde(skip_serializing_if = "Option::is_none")]
    language: Option<&'static str>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ProvisioningParameters {
    #[serde(skip_serializing_if = "Option::is_none")]
    calling: Option<Calling>,
    #[serde(skip_serializing_if = "Option::is_none")]
    meetings: Option<Meetings>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Calling {
    location: CallingLocation,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CallingLocation {
    name: String,
    address: WholesaleAddress,
    timezone: String,
    language: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Meetings {
    timezone: String,
}

/// `POST /wholesale/customers` and, without `customerInfo.language`, its precheck.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CustomerBody {
    provisioning_id: String,
    packages: Vec<&'static str>,
    external_id: String,
    address: WholesaleAddress,
    customer_info: CustomerInfo,
    #[serde(skip_serializing_if = "Option::is_none")]
    provisioning_parameters: Option<ProvisioningParameters>,
}

/// `POST /locations?orgId=` (`PostCommonLocationObject`).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LocationBody {
    name: String,
    time_zone: String,
    preferred_language: String,
    announcement_language: String,
    address: LocationAddress,
}

/// `POST /telephony/config/locations?orgId=` (`PostLocationCallingRequest`): the
/// location's id and, again, its details.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EnableCallingBody {
    id: String,
    #[serde(flatten)]
    location: LocationBody,
}

/// The Locations API requires `state` and `postalCode`; where a country has neither
/// (Hong Kong has no postal codes) they are sent empty.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LocationAddress {
    address1: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    address2: Option<String>,
    city: String,
    state: String,
    postal_code: String,
    country: String,
}

/// `POST /wholesale/subscribers` and its precheck.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SubscriberBody {
    customer_id: String,
    email: String,
    packages: [&'static str; 1],
    provisioning_parameters: SubscriberParameters,
}

/// `POST /wholesale/subscribers/validate` for a customer Webex does not have yet: the
/// variant with the template's `provisioningId` and the customer's e-mail in place of
/// its id, and no location (none is in Webex yet).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NewCustomerSubscriberBody {
    provisioning_id: String,
    email: String,
    packages: [&'static str; 1],
    provisioning_parameters: NewSubscriberParameters,
    customer_info: PrimaryEmail,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NewSubscriberParameters {
    first_name: String,
    last_name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    primary_phone_number: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    extension: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PrimaryEmail {
    primary_email: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SubscriberParameters {
    first_name: String,
    last_name: String,
    #[serde(flatten)]
    calling: CallingParameters,
}

/// A subscriber's number, extension and location, as provisioning and updates send them.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CallingParameters {
    #[serde(skip_serializing_if = "Option::is_none")]
    primary_phone_number: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    extension: Option<String>,
    location_id: String,
}

fn calling_parameters(u: &UserDetails, id: &impl Fn(Ref) -> String) -> CallingParameters {
    CallingParameters {
        primary_phone_number: u.phone.as_ref().map(|p| p.as_str().to_string()),
        extension: u.extension.as_ref().map(|x| x.as_str().to_string()),
        location_id: id(Ref::Location(u.location)),
    }
}

/// `PUT /wholesale/subscribers/{id}`: the complete package list (one package) and, for
/// a Meetings user made a calling user, the calling parameters.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SubscriberUpdateBody {
    packages: [&'static str; 1],
    #[serde(skip_serializing_if = "Option::is_none")]
    provisioning_parameters: Option<CallingParameters>,
}

/// `PUT /telephony/config/locations/{id}` (`PutTelephonyLocationObject`): its routing
/// prefix only.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RoutingPrefixBody {
    routing_prefix: String,
}

/// `POST /telephony/config/jobs/person/moveLocation?orgId=` (`MoveUsersStartJobObject`):
/// one user to one location, performed (not only validated).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MoveBody {
    users_list: [MoveTo; 1],
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
struct MoveTo {
    location_id: String,
    validate: bool,
    users: [MovedUser; 1],
}

/// The user, with its number and extension at the new location (empty: none).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
struct MovedUser {
    user_id: String,
    extension: String,
    phone_number: String,
}

/// `PUT /locations/{id}?orgId=` (`PutCommonLocationObject`).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LocationUpdateBody {
    name: String,
    time_zone: String,
    preferred_language: String,
    address: LocationAddress,
}

// ---- The plan ------------------------------------------------------------------------

/// `customer`'s requests as an export writes them (ids Webex hands out as placeholders);
/// or what must be fixed first.
pub fn plan(doc: &Document, customer: &Customer) -> Result<Plan, Vec<Blocker>> {
    let id = &|r: Ref| r.placeholder();
    let blockers = readiness::blockers_for(doc, customer, Destination::Export);
    let template = doc.template(customer.template_id);
    let (Some(template), true) = (template, blockers.is_empty()) else {
        return Err(blockers);
    };
    let provisioning_id =
        provisioning_id(template, Destination::Export).expect("an export writes every ID");
    let company = customer.company_name.as_ref();
    let cid = customer.id;
    let hq = &customer.headquarters;
    let mut requests = Vec::with_capacity(4 + customer.locations.len() + 2 * customer.users.len());
    let mut refs = vec![];
    if template.settings.partner_hub_id.is_none() {
        refs.push((
            provisioning_id.clone(),
            format!(
                "The provisioning ID of the onboarding template \"{}\" in Partner Hub: create the \
                 template there, open it, and copy its provisioningID (or link the template in this \
                 app and export again).",
                template.settings.name
            ),
        ));
    }
    refs.extend([
        (
            Ref::Customer(cid),
            format!(
                "The wholesale customer id of {company}: the last segment of the url that \
                 POST /wholesale/customers answers (202) for externalId {cid}."
            ),
        ),
        (
            Ref::Org(cid),
            format!(
                "The Webex organization id of {company}: orgId in GET /wholesale/customers/{{customerId}} \
                 once its status is provisioned."
            ),
        ),
    ]
    .map(|(r, why)| (r.placeholder(), why)));

    requests.push(customer_request(&provisioning_id, customer, true, id));
    requests.push(customer_request(&provisioning_id, customer, false, id));
    requests.push(await_customer(customer, id));
    if customer.users.iter().any(|u| u.details.location == hq.id) {
        refs.push((
            Ref::Location(hq.id).placeholder(),
            format!(
                "The id of {company}'s headquarters \"{}\", created with the customer: the id of the \
                 location of that name in GET /locations?orgId={{orgId}}.",
                hq.details.name
            ),
        ));
        requests.push(list_locations(customer, id));
    }
    for branch in &customer.locations {
        refs.push((
            Ref::Location(branch.id).placeholder(),
            format!(
                "The id of {company}'s location \"{}\": the id that its POST /locations answers (201).",
                branch.details.name
            ),
        ));
        requests.push(create_location(customer, branch, None, id));
    }
    for branch in run::calling_branches(customer) {
        let branch = customer.location(branch).expect("a branch of the customer");
        requests.push(enable_calling(customer, branch, None, id));
    }
    // Numbers into each location's inventory (or, from an integrated provider, checked).
    for (location, source, wanted) in run::numbered_locations(customer) {
        // (Its placeholder is explained above: a location with users is always listed.)
        match source {
            NumberSource::IntegratedProvider => requests.push(list_numbers(customer, location, id)),
            NumberSource::ExtensionsOnly => {}
            NumberSource::PartnerManaged | NumberSource::NotChosen => {
                for batch in wanted.chunks(run::NUMBERS_PER_REQUEST) {
                    requests.push(add_numbers(customer, location, batch.to_vec(), id));
                }
            }
        }
    }
    for user in &customer.users {
        requests.push(user_request(customer, user, true, id));
        requests.push(user_request(customer, user, false, id));
    }
    Ok(Plan { requests, refs })
}

/// `POST /wholesale/customers` (or its precheck, `/validate`) with the template's
/// `provisioning_id` ([`provisioning_id`]).
pub fn customer_request(
    provisioning_id: &str,
    customer: &Customer,
    precheck: bool,
    id: &impl Fn(Ref) -> String,
) -> Request {
    let company = customer.company_name.as_ref();
    let cid = customer.id;
    let hq = &customer.headquarters.details;
    let body = CustomerBody {
        provisioning_id: provisioning_id.to_string(),
        packages: customer.packages.iter().map(|p| p.key()).collect(),
        external_id: cid.to_string(),
        address: (&hq.address).into(),
        customer_info: CustomerInfo {
            name: company.to_string(),
            primary_email: customer.admin_email.to_string(),
            language: (!precheck).then(|| hq.language.webex_locale()),
        },
        provisioning_parameters: provisioning_parameters(customer),
    };
    let body = Some(Body::Customer(Box::new(body)));
    if precheck {
        Request {
            method: Method::Post,
            path: "/wholesale/customers/validate".into(),
            body,
            comment: format!("Precheck: would Webex provision {company} as it is?"),
            purpose: Purpose::PrecheckCustomer(cid),
        }
    } else {
        Request {
            method: Method::Post,
            path: "/wholesale/customers".into(),
            body,
            comment: format!(
                "Provision {company}. Webex answers 202 with a url whose last segment is {}.",
                id(Ref::Customer(cid))
            ),
            purpose: Purpose::ProvisionCustomer(cid),
        }
    }
}

/// `PUT /wholesale/customers/{id}` (`UpdateCustomer` in the spec): a customer Webex
/// ended in `error`, as it is now (address, packages and calling location mended).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CustomerUpdateBody {
    external_id: String,
    packages: Vec<&'static str>,
    address: WholesaleAddress,
    #[serde(skip_serializing_if = "Option::is_none")]
    provisioning_parameters: Option<ProvisioningParameters>,
}

pub fn update_customer(
    customer: &Customer,
    packages: &[Package],
    id: &impl Fn(Ref) -> String,
) -> Request {
    let body = CustomerUpdateBody {
        external_id: customer.id.to_string(),
        packages: packages.iter().map(|p| p.key()).collect(),
        address: (&customer.headquarters.details.address).into(),
        provisioning_parameters: provisioning_parameters(customer),
    };
    Request {
        method: Method::Put,
        path: format!("/wholesale/customers/{}", id(Ref::Customer(customer.id))),
        body: Some(Body::CustomerUpdate(Box::new(body))),
        comment: format!(
            "Update {} with its packages, address and calling location as they are now.",
            customer.company_name
        ),
        purpose: Purpose::UpdateCustomer(customer.id),
    }
}

/// `PUT /wholesale/subscribers/{id}`: the user's package. Its number, extension and
/// location go only when a Meetings user becomes a calling user (`to_calling`): the
/// spec's one case (Webex ignores them otherwise; they change through People and a
/// move job).
pub fn update_user(user: &User, to_calling: bool, id: &impl Fn(Ref) -> String) -> Request {
    let d = &user.details;
    Request {
        method: Method::Put,
        path: format!("/wholesale/subscribers/{}", id(Ref::Subscriber(user.id))),
        body: Some(Body::SubscriberUpdate(SubscriberUpdateBody {
            packages: [d.package.key()],
            provisioning_parameters: to_calling.then(|| calling_parameters(d, id)),
        })),
        comment: format!("Update {} <{}> in Webex.", d.full_name(), d.email),
        purpose: Purpose::UpdateUser(user.id),
    }
}

/// `PUT /people/{personId}?callingData=true`: the person as `GET` read it, with its
/// names, number and extension as here. Only what the update's schema names is sent
/// back (`read` is Webex's own answer, bounded by the transport); its work number is
/// the user's number (other kinds cannot be set here).
pub fn update_person(person: &str, read: &serde_json::Value, now: &UserDetails) -> Request {
    use serde_json::{json, Map, Value};
    const SETTABLE: [&str; 17] = [
        "emails",
        "extension",
        "locationId",
        "displayName",
        "firstName",
        "lastName",
        "avatar",
        "orgId",
        "roles",
        "licenses",
        "department",
        "manager",
        "managerId",
        "title",
        "addresses",
        "siteUrls",
        "loginEnabled",
    ];
    let mut body: Map<String, Value> = read
        .as_object()
        .into_iter()
        .flatten()
        .filter(|(k, _)| SETTABLE.contains(&k.as_str()))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    body.insert("firstName".into(), json!(now.first_name.as_ref()));
    body.insert("lastName".into(), json!(now.last_name.as_ref()));
    body.insert("displayName".into(), json!(now.full_name()));
    if now.package.is_calling() {
        match &now.extension {
            Some(x) => body.insert("extension".into(), json!(x.as_str())),
            None => body.remove("extension"),
        };
        let numbers: Vec<Value> = now
            .phone
            .iter()
            .map(|n| json!({"type": "work", "value": n.as_str()}))
            .collect();
        body.insert("phoneNumbers".into(), Value::Array(numbers));
    }
    Request {
        method: Method::Put,
        path: format!("/people/{person}?callingData=true"),
        body: Some(Body::Person(Value::Object(body))),
        comment: format!("Update {} <{}> in Webex.", now.full_name(), now.email),
        purpose: Purpose::UpdatePerson(now.location),
    }
}

/// `POST /telephony/config/jobs/person/moveLocation?orgId=`: the calling user `person`
/// to `location` (Webex's id), with its number and extension there (empty: none).
pub fn move_user(org: &str, person: &str, location: &str, now: &UserDetails) -> Request {
    Request {
        method: Method::Post,
        path: format!("/telephony/config/jobs/person/moveLocation?orgId={org}"),
        body: Some(Body::Move(MoveBody {
            users_list: [MoveTo {
                location_id: location.to_string(),
                validate: false,
                users: [MovedUser {
                    user_id: person.to_string(),
                    extension: now
                        .extension
                        .as_ref()
                        .map(|x| x.as_str().to_string())
                        .unwrap_or_default(),
                    phone_number: now
                        .phone
                        .as_ref()
                        .map(|n| n.as_str().to_string())
                        .unwrap_or_default(),
                }],
            }],
        })),
        comment: format!("Move {} to another location.", now.full_name()),
        purpose: Purpose::MoveUser(now.location),
    }
}

/// `DELETE /wholesale/subscribers/{id}`: Webex stops billing the user.
pub fn remove_user(user: UserId, id: &impl Fn(Ref) -> String) -> Request {
    Request {
        method: Method::Delete,
        path: format!("/wholesale/subscribers/{}", id(Ref::Subscriber(user))),
        body: None,
        comment: "Remove the user from Webex.".into(),
        purpose: Purpose::RemoveUser(user),
    }
}

/// `PUT /locations/{id}?orgId=`: a location's name, address and time zone as they are now.
pub fn update_location(
    customer: &Customer,
    location: &Location,
    id: &impl Fn(Ref) -> String,
) -> Request {
    let body = location_body(location, None);
    Request {
        method: Method::Put,
        path: format!(
            "/locations/{}?orgId={}",
            id(Ref::Location(location.id)),
            id(Ref::Org(customer.id))
        ),
        body: Some(Body::LocationUpdate(LocationUpdateBody {
            name: body.name,
            time_zone: body.time_zone,
            preferred_language: body.preferred_language,
            address: body.address,
        })),
        comment: format!("Update the location \"{}\".", location.details.name),
        purpose: Purpose::UpdateLocation(location.id),
    }
}

/// `PUT /telephony/config/locations/{id}?orgId=`: the location's routing prefix.
pub fn set_routing_prefix(
    customer: &Customer,
    location: &Location,
    prefix: &RoutingPrefix,
    id: &impl Fn(Ref) -> String,
) -> Request {
    Request {
        method: Method::Put,
        path: format!(
            "/telephony/config/locations/{}?orgId={}",
            id(Ref::Location(location.id)),
            id(Ref::Org(customer.id))
        ),
        body: Some(Body::RoutingPrefix(RoutingPrefixBody {
            routing_prefix: prefix.as_str().to_string(),
        })),
        comment: format!(
            "Set the routing prefix of \"{}\" to {}.",
            location.details.name,
            prefix.as_str()
        ),
        purpose: Purpose::UpdateLocation(location.id),
    }
}

/// `GET /wholesale/customers/{id}`, until the status is final.
pub fn await_customer(customer: &Customer, id: &impl Fn(Ref) -> String) -> Request {
    let cid = customer.id;
    Request {
        method: Method::Get,
        path: format!("/wholesale/customers/{}", id(Ref::Customer(cid))),
        body: None,
        comment: format!(
            "Repeat every few seconds until status is provisioned (or provisioned_with_errors, error). \
             Its orgId is {}.",
            id(Ref::Org(cid))
        ),
        purpose: Purpose::AwaitCustomer(cid),
    }
}

/// `GET /locations?orgId=`: the headquarters came with the customer.
pub fn list_locations(customer: &Customer, id: &impl Fn(Ref) -> String) -> Request {
    let hq = &customer.headquarters;
    Request {
        method: Method::Get,
        path: format!(
            "/locations?orgId={}&max={}",
            id(Ref::Org(customer.id)),
            run::LOCATIONS_PER_PAGE
        ),
        body: None,
        comment: format!(
            "The headquarters \"{}\" came with the customer: its id is {}.",
            hq.details.name,
            id(Ref::Location(hq.id))
        ),
        purpose: Purpose::FindHeadquarters(hq.id),
    }
}

/// `POST /wholesale/subscribers` (or its precheck, `/validate`).
pub fn user_request(
    customer: &Customer,
    user: &User,
    precheck: bool,
    id: &impl Fn(Ref) -> String,
) -> Request {
    let body = Some(Body::Subscriber(subscriber_body(customer.id, user, id)));
    let who = format!("{} <{}>", user.details.full_name(), user.details.email);
    if precheck {
        return Request {
            method: Method::Post,
            path: "/wholesale/subscribers/validate".into(),
            body,
            comment: format!("Precheck: would Webex provision {who}?"),
            purpose: Purpose::PrecheckUser(user.id),
        };
    }
    let role = user.details.role;
    let role_note = if role == crate::domain::user::UserRole::User {
        String::new()
    } else {
        format!(
            " Their Control Hub role ({}) is given in Control Hub: the Wholesale API has no role.",
            role.key()
        )
    };
    Request {
        method: Method::Post,
        path: "/wholesale/subscribers".into(),
        body,
        comment: format!(
            "Provision {who} with {}.{role_note}",
            user.details.package.key()
        ),
        purpose: Purpose::ProvisionUser(user.id),
    }
}

/// Calling needs the headquarters as its first location; meetings its time zone.
fn provisioning_parameters(customer: &Customer) -> Option<ProvisioningParameters> {
    let hq = &customer.headquarters.details;
    let calling = customer
        .packages
        .iter()
        .any(|p| p.includes_calling())
        .then(|| Calling {
            location: CallingLocation {
                name: hq.name.to_string(),
                address: (&hq.address).into(),
                timezone: hq.time_zone.clone(),
                language: hq.language.webex_lower(),
            },
        });
    let meetings = customer
        .packages
        .iter()
        .any(|p| p.includes_meetings())
        .then(|| Meetings {
            timezone: hq.time_zone.clone(),
        });
    (calling.is_some() || meetings.is_some())
        .then_some(ProvisioningParameters { calling, meetings })
}

/// `POST /locations?orgId=` (a branch; or the headquarters, where Webex has none).
pub fn create_location(
    customer: &Customer,
    branch: &Location,
    offered: Option<&[String]>,
    id: &impl Fn(Ref) -> String,
) -> Request {
    let org = id(Ref::Org(customer.id));
    let d = &branch.details;
    Request {
        method: Method::Post,
        path: format!("/locations?orgId={org}"),
        body: Some(Body::Location(location_body(branch, offered))),
        comment: format!(
            "Add the location \"{}\". Webex answers 201 with its id: {}.",
            d.name,
            id(Ref::Location(branch.id))
        ),
        purpose: Purpose::CreateLocation(branch.id),
    }
}

/// A location as the Locations and Webex Calling APIs take it. Its announcement
/// language is one of those Webex offers (`offered`, as a run read them: English when
/// its own is not); an export, which cannot ask, writes the location's own.
fn location_body(location: &Location, offered: Option<&[String]>) -> LocationBody {
    let d = &location.details;
    let a = &d.address;
    LocationBody {
        name: d.name.to_string(),
        time_zone: d.time_zone.clone(),
        preferred_language: d.language.webex_lower(),
        announcement_language: match offered {
            Some(offered) => d.language.announcement(offered).0,
            None => d.language.webex_lower(),
        },
        address: LocationAddress {
            address1: a.line1.to_string(),
            address2: a.line2.as_ref().map(|l| l.to_string()),
            city: a.city.to_string(),
            state: a.webex_state().unwrap_or_default(),
            postal_code: a.postal_code.clone().unwrap_or_default(),
            country: a.country.as_ref().to_string(),
        },
    }
}

/// `GET /telephony/config/locations?orgId=&max=&start=`: a page of the locations with
/// Webex Calling, from the `start`th.
pub fn list_calling_locations(
    customer: &Customer,
    start: usize,
    id: &impl Fn(Ref) -> String,
) -> Request {
    Request {
        method: Method::Get,
        path: format!(
            "/telephony/config/locations?orgId={}&max={}&start={start}",
            id(Ref::Org(customer.id)),
            run::LOCATIONS_PER_PAGE
        ),
        body: None,
        comment: "The locations with Webex Calling (the headquarters has it from the start)."
            .into(),
        purpose: Purpose::FindCallingLocations,
    }
}

/// `POST /telephony/config/locations?orgId=`: Webex Calling on a branch, before its
/// calling users are provisioned.
pub fn enable_calling(
    customer: &Customer,
    branch: &Location,
    offered: Option<&[String]>,
    id: &impl Fn(Ref) -> String,
) -> Request {
    let body = EnableCallingBody {
        id: id(Ref::Location(branch.id)),
        location: location_body(branch, offered),
    };
    Request {
        method: Method::Post,
        path: format!(
            "/telephony/config/locations?orgId={}",
            id(Ref::Org(customer.id))
        ),
        body: Some(Body::Calling(body)),
        comment: format!(
            "Enable Webex Calling on \"{}\": its calling users are refused until then.",
            branch.details.name
        ),
        purpose: Purpose::EnableCalling(branch.id),
    }
}

/// `/telephony/pstn/locations/{id}/<what>?orgId=`.
fn pstn_path(
    customer: &Customer,
    location: LocationId,
    what: &str,
    id: &impl Fn(Ref) -> String,
) -> String {
    format!(
        "/telephony/pstn/locations/{}/{what}?orgId={}",
        id(Ref::Location(location)),
        id(Ref::Org(customer.id))
    )
}

/// `GET /telephony/pstn/locations/{id}/connection` (without a PSTN connection a
/// location has no numbers) or, with `options`, `.../connectionOptions`.
pub fn read_pstn(
    customer: &Customer,
    location: LocationId,
    options: bool,
    id: &impl Fn(Ref) -> String,
) -> Request {
    let (what, comment, purpose) = if options {
        (
            "connectionOptions",
            "The PSTN connections the location could have.",
            Purpose::PstnOptions(location),
        )
    } else {
        (
            "connection",
            "Has the location a PSTN connection? (404: none yet.)",
            Purpose::ReadPstn(location),
        )
    };
    Request {
        method: Method::Get,
        path: pstn_path(customer, location, what, id),
        body: None,
        comment: comment.into(),
        purpose,
    }
}

/// `PUT /telephony/pstn/locations/{id}/connection` with the option the partner picked.
pub fn set_pstn(
    customer: &Customer,
    location: LocationId,
    option: &str,
    route: Option<&PremiseRoute>,
    id: &impl Fn(Ref) -> String,
) -> Request {
    Request {
        method: Method::Put,
        path: pstn_path(customer, location, "connection", id),
        body: Some(Body::Connection(ConnectionBody {
            id: option.into(),
            premise_route_type: route.map(|r| r.kind.key()),
            premise_route_id: route.map(|r| r.id.clone()),
        })),
        comment: "Set the PSTN connection the partner picked.".into(),
        purpose: Purpose::SetPstn(location),
    }
}

/// `GET /telephony/config/numbers?orgId=&locationId=`: the location's inventory.
pub fn list_numbers(
    customer: &Customer,
    location: LocationId,
    id: &impl Fn(Ref) -> String,
) -> Request {
    Request {
        method: Method::Get,
        path: format!(
            "/telephony/config/numbers?orgId={}&locationId={}",
            id(Ref::Org(customer.id)),
            id(Ref::Location(location))
        ),
        body: None,
        comment:
            "The numbers in the location's inventory: each calling user's number must be there."
                .into(),
        purpose: Purpose::ListNumbers(location),
    }
}

/// `/telephony/config/locations/{id}/numbers?orgId=`: a location's inventory.
fn numbers_path(customer: &Customer, location: LocationId, id: &impl Fn(Ref) -> String) -> String {
    format!(
        "/telephony/config/locations/{}/numbers?orgId={}",
        id(Ref::Location(location)),
        id(Ref::Org(customer.id))
    )
}

/// `POST /telephony/config/locations/{id}/numbers?orgId=`: users' numbers into the
/// location's inventory (premises-based or non-integrated PSTN only).
pub fn add_numbers(
    customer: &Customer,
    location: LocationId,
    numbers: Vec<String>,
    id: &impl Fn(Ref) -> String,
) -> Request {
    Request {
        method: Method::Post,
        path: numbers_path(customer, location, id),
        comment: format!(
            "Add {} of the users' numbers to the location's inventory (numbers there already are ignored).",
            numbers.len()
        ),
        body: Some(Body::Numbers(NumbersBody {
            phone_numbers: numbers,
            state: Some("ACTIVE"),
            action: None,
        })),
        purpose: Purpose::AddNumbers(location),
    }
}

/// `POST /telephony/config/actions/validateNumbers/invoke?orgId=`: are these numbers
/// free to add? (Writes nothing.)
pub fn validate_numbers(
    customer: &Customer,
    location: LocationId,
    numbers: Vec<String>,
    id: &impl Fn(Ref) -> String,
) -> Request {
    Request {
        method: Method::Post,
        path: format!(
            "/telephony/config/actions/validateNumbers/invoke?orgId={}",
            id(Ref::Org(customer.id))
        ),
        comment: format!(
            "Check {} of the users' numbers before adding them.",
            numbers.len()
        ),
        body: Some(Body::Numbers(NumbersBody {
            phone_numbers: numbers,
            state: None,
            action: None,
        })),
        purpose: Purpose::AddNumbers(location),
    }
}

/// `POST /wholesale/subscribers/validate` of a user of a customer Webex does not have
/// yet (the template's `provisioning_id`, the customer's admin e-mail).
pub fn precheck_new_customer_user(
    provisioning_id: &str,
    customer: &Customer,
    user: &User,
) -> Request {
    let u = &user.details;
    let calling = u.package.is_calling();
    Request {
        method: Method::Post,
        path: "/wholesale/subscribers/validate".into(),
        body: Some(Body::NewCustomerSubscriber(NewCustomerSubscriberBody {
            provisioning_id: provisioning_id.to_string(),
            email: u.email.to_string(),
            packages: [u.package.key()],
            provisioning_parameters: NewSubscriberParameters {
                first_name: u.first_name.to_string(),
                last_name: u.last_name.to_string(),
                primary_phone_number: u
                    .phone
                    .as_ref()
                    .filter(|_| calling)
                    .map(|p| p.as_str().to_string()),
                extension: u
                    .extension
                    .as_ref()
                    .filter(|_| calling)
                    .map(|x| x.as_str().to_string()),
            },
            customer_info: PrimaryEmail {
                primary_email: customer.admin_email.to_string(),
            },
        })),
        comment: format!(
            "Precheck: would Webex provision {} <{}> with the customer?",
            u.full_name(),
            u.email
        ),
        purpose: Purpose::PrecheckUser(user.id),
    }
}

/// `POST /telephony/config/actions/validateNumbers/invoke` for a check: in the
/// customer's organization when Webex has it (`org`), else in the partner's own.
pub fn check_numbers(org: Option<&str>, numbers: Vec<String>) -> Request {
    let path = "/telephony/config/actions/validateNumbers/invoke";
    Request {
        method: Method::Post,
        path: match org {
            Some(org) => format!("{path}?orgId={org}"),
            None => path.to_string(),
        },
        comment: format!("Check {} numbers before they are added.", numbers.len()),
        body: Some(Body::Numbers(NumbersBody {
            phone_numbers: numbers,
            state: None,
            action: None,
        })),
        purpose: Purpose::CheckNumbers,
    }
}

/// `PUT /telephony/config/locations/{id}/numbers?orgId=` ("Manage Number State"): the
/// users' numbers Webex lists as inactive, activated.
pub fn activate_numbers(
    customer: &Customer,
    location: LocationId,
    numbers: Vec<String>,
    id: &impl Fn(Ref) -> String,
) -> Request {
    Request {
        method: Method::Put,
        path: numbers_path(customer, location, id),
        comment: format!("Activate {} of the users' numbers.", numbers.len()),
        body: Some(Body::Numbers(NumbersBody {
            phone_numbers: numbers,
            state: None,
            action: Some("ACTIVATE"),
        })),
        purpose: Purpose::AddNumbers(location),
    }
}

fn subscriber_body(
    customer: CustomerId,
    user: &User,
    id: &impl Fn(Ref) -> String,
) -> SubscriberBody {
    let u = &user.details;
    SubscriberBody {
        customer_id: id(Ref::Customer(customer)),
        email: u.email.to_string(),
        packages: [u.package.key()],
        provisioning_parameters: SubscriberParameters {
            first_name: u.first_name.to_string(),
            last_name: u.last_name.to_string(),
            calling: calling_parameters(u, id),
        },
    }
}

// ---- The exported file ---------------------------------------------------------------

/// The file "Export API requests" downloads.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RequestsFile {
    pub format: &'static str,
    pub version: u32,
    pub base_url: &'static str,
    /// Every placeholder the requests use, and where its value comes from.
    pub placeholders: std::collections::BTreeMap<String, String>,
    pub requests: Vec<Request>,
}

pub const FILE_FORMAT: &str = "webex-wholesale-requests";

/// The export of `customers`: the plans of those ready, and those left out with what
/// each must fix first.
pub fn export<'a>(
    doc: &Document,
    customers: impl IntoIterator<Item = &'a Customer>,
) -> (RequestsFile, Vec<(&'a Customer, Vec<Blocker>)>) {
    let mut file = RequestsFile {
        format: FILE_FORMAT,
        version: 1,
        base_url: super::DEFAULT_BASE_URL,
        placeholders: Default::default(),
        requests: Vec::new(),
    };
    let mut left_out = Vec::new();
    for customer in customers {
        match plan(doc, customer) {
            Ok(plan) => {
                file.requests.extend(plan.requests);
                file.placeholders.extend(plan.refs);
            }
            Err(blockers) => left_out.push((customer, blockers)),
        }
    }
    (file, left_out)
}
