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
            self.answer_json(
                200,
                Items {
                    items: vec![option],
                },
            )
        } else {
            self.answer_json(200, option)
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
        for number in input.phone_numbers {
            let entry = (location.clone(), number);
            // Numbers there already are ignored, as Webex does.
            if !self.numbers.contains(&entry) {
                self.numbers.push(entry);
            }
        }
        self.empty(201)
    }
}
