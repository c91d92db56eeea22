//! The requests about a location's numbers: its PSTN connection (read, options, set),
//! its inventory (read, numbers validated, added, activated).

use super::{Body, Method, Purpose, Ref, Request};
use crate::domain::customer::Customer;
use crate::domain::ids::LocationId;
use crate::domain::pstn::PremiseRoute;
use serde::Serialize;

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
