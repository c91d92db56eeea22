//! The requests of a provisioned user's changes beyond its package: the person sent
//! back changed (People API) and a calling user's move to another location (a job).

use super::{Body, Method, Purpose, Request};
use crate::domain::user::UserDetails;
use serde::Serialize;

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
