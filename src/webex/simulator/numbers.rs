//! The simulator's answers about a location's PSTN connection and its numbers' inventory.

use super::*;

impl Simulator {
    /// `GET /telephony/pstn/locations/{id}/connection` and `…/connectionOptions`.
    pub(super) fn pstn_connection(&mut self, path: &str) -> Answer {
        let location = path.split('/').nth(4).unwrap_or_default();
        if !self.locations.iter().any(|(_, id, _)| id == location) {
            return self.error(404, 404, "Location not found.");
        }
        let option = ConnectionOut {
            id: PREMISES_PSTN,
            display_name: "Premises-based PSTN",
            pstn_connection_type: path.ends_with("/connection").then_some("LOCAL_GATEWAY"),
        };
        if path.ends_with("/connectionOptions") {
            let items: Vec<_> = PSTN_OPTIONS
                .iter()
                .map(|(id, display_name, _)| ConnectionOut {
                    id,
                    display_name,
                    pstn_connection_type: None,
                })
                .collect();
            self.answer_json(200, Items { items })
        } else {
            self.answer_json(200, option)
        }
    }

    /// `PUT /telephony/pstn/locations/{id}/connection`: only what the spec says the API
    /// sets — a Local Gateway with its trunk or route group, a non-integrated CCP.
    pub(super) fn set_pstn(&mut self, path: &str, body: &str) -> Answer {
        let location = path.split('/').nth(4).unwrap_or_default();
        if !self.locations.iter().any(|(_, id, _)| id == location) {
            return self.error(404, 404, "Location not found.");
        }
        let input: serde_json::Value = serde_json::from_str(body).unwrap_or_default();
        let picked = PSTN_OPTIONS.iter().find(|(id, _, _)| input["id"] == *id);
        let routed = input["premiseRouteType"].is_string() && input["premiseRouteId"].is_string();
        match picked {
            None => self.error(400, 400, "Unknown PSTN connection."),
            Some((_, _, "LOCAL_GATEWAY")) if !routed => self.error(
                400,
                400,
                "A premises-based PSTN connection needs its premiseRouteType and premiseRouteId.",
            ),
            Some((_, _, "CISCO_PSTN" | "INTEGRATED_CCP")) => self.error(
                400,
                400,
                "Updating the location with this connection type is currently not supported using the API.",
            ),
            Some(_) => self.empty(204),
        }
    }

    /// `GET /telephony/config/numbers?locationId=`: one page.
    pub(super) fn list_numbers(&mut self, q: &Query) -> Answer {
        let location = q.get("locationId").unwrap_or_default();
        let (start, max) = paging(q, 2000, 2000);
        let phone_numbers: Vec<_> = self
            .numbers
            .iter()
            .filter(|(l, _)| *l == location)
            .skip(start)
            .take(max)
            .map(|(_, number)| NumberOut {
                phone_number: number,
                state: "ACTIVE",
                phone_number_type: "PRIMARY",
                main_number: false,
                included_telephony_types: "PSTN_NUMBER",
                toll_free_number: false,
                is_service_number: false,
            })
            .collect();
        self.answer_json(200, NumbersOut { phone_numbers })
    }

    /// `POST /telephony/config/locations/{id}/numbers`: numbers there already are ignored.
    pub(super) fn add_numbers(&mut self, path: &str, body: &str) -> Answer {
        let location = path.split('/').nth(4).unwrap_or_default().to_string();
        if !self.locations.iter().any(|(_, id, _)| *id == location) {
            return self.error(404, 404, "Location not found.");
        }
        let input: NumbersIn = serde_json::from_str(body).unwrap_or_default();
        let mut errors = Vec::new();
        for number in input.phone_numbers {
            // A number in another location's inventory is refused inside the `201`.
            if self
                .numbers
                .iter()
                .any(|(l, n)| *n == number && *l != location)
            {
                errors.push(serde_json::json!({
                    "number": number,
                    "errorCode": 9675,
                    "errorMessage": "The number is in use in another location.",
                }));
                continue;
            }
            let entry = (location.clone(), number);
            // Numbers there already are ignored, as Webex does.
            if !self.numbers.contains(&entry) {
                self.numbers.push(entry);
            }
        }
        if errors.is_empty() {
            self.empty(201)
        } else {
            self.answer_json(201, serde_json::json!({ "errors": errors }))
        }
    }

    /// `POST /telephony/config/actions/validateNumbers/invoke`: each number's state.
    pub(super) fn validate_numbers(&mut self, body: &str) -> Answer {
        let input: NumbersIn = serde_json::from_str(body).unwrap_or_default();
        let numbers: Vec<serde_json::Value> = input
            .phone_numbers
            .iter()
            .enumerate()
            .map(|(i, number)| {
                let e164 = number.len() > 4
                    && number.starts_with('+')
                    && number[1..].bytes().all(|b| b.is_ascii_digit());
                let (state, detail) = if !e164 {
                    ("Invalid", "[Error 8362] Invalid number")
                } else if input.phone_numbers[..i].contains(number) {
                    (
                        "Duplicate In List",
                        "[Error 8363] Duplicate number in the list",
                    )
                } else if self.numbers.iter().any(|(_, n)| n == number) {
                    ("Unavailable", "[Error 8361] DN is unavailable")
                } else {
                    ("Available", "")
                };
                let mut n =
                    serde_json::json!({"number": number, "state": state, "tollFreeNumber": false});
                if !detail.is_empty() {
                    n["detail"] = serde_json::json!([format!("{detail} : {number}")]);
                }
                n
            })
            .collect();
        let ok = numbers.iter().all(|n| n["state"] == "Available");
        let status = if ok { "OK" } else { "ERRORS" };
        self.answer_json(
            200,
            serde_json::json!({ "status": status, "numbers": numbers }),
        )
    }
}
