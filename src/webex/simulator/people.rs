//! The simulator's people (`/people/{id}`) and move jobs
//! (`/telephony/config/jobs/person/moveLocation`), as strict as the spec: a calling
//! person's location cannot be changed on the person, a number must be in its
//! location's inventory, and a move is a job that ends on its second look.

use super::*;
use serde_json::{json, Value};

impl Simulator {
    fn person_at(&self, id: &str) -> Option<usize> {
        self.subscribers.iter().position(|s| s.person.id == id)
    }

    fn org_of(&self, customer: &str) -> String {
        self.customers
            .iter()
            .find(|c| c.id == customer)
            .map(|c| c.org_id.clone())
            .unwrap_or_default()
    }

    /// A person as `GET /people/{id}?callingData=true` describes one.
    fn person_json(&self, at: usize) -> Value {
        let s = &self.subscribers[at];
        let p = &s.person;
        let mut person = json!({
            "id": p.id,
            "emails": [s.email],
            "displayName": format!("{} {}", p.first_name, p.last_name).trim(),
            "firstName": p.first_name,
            "lastName": p.last_name,
            "orgId": self.org_of(&s.customer_id),
            "licenses": [],
            "phoneNumbers": [],
        });
        if is_calling_key(&s.package) {
            person["locationId"] = json!(p.location);
            if !p.extension.is_empty() {
                person["extension"] = json!(p.extension);
            }
            if !p.phone.is_empty() {
                person["phoneNumbers"] = json!([{"type": "work", "value": p.phone}]);
            }
        }
        person
    }

    /// `GET /wholesale/subscribers/{id}`.
    pub(super) fn subscriber(&mut self, path: &str) -> Answer {
        let id = &path["/wholesale/subscribers/".len()..];
        match self.subscribers.iter().find(|s| s.id == id) {
            Some(s) => self.answer_json(200, subscriber_json(s)),
            None => self.error(404, 404, "Subscriber not found."),
        }
    }

    /// `GET /people/{id}`.
    pub(super) fn person(&mut self, path: &str) -> Answer {
        match self.person_at(&path["/people/".len()..]) {
            Some(at) => self.answer_json(200, self.person_json(at)),
            None => self.error(404, 404, "Person not found."),
        }
    }

    /// `PUT /people/{id}`: names always; a calling person's number and extension, the
    /// number from its location's inventory; its location never (a move job's work).
    pub(super) fn update_person(&mut self, path: &str, body: &str) -> Answer {
        let Some(at) = self.person_at(&path["/people/".len()..]) else {
            return self.error(404, 404, "Person not found.");
        };
        let input: Value = serde_json::from_str(body).unwrap_or_default();
        let text = |key: &str| input[key].as_str().unwrap_or_default().to_string();
        let calling = is_calling_key(&self.subscribers[at].package);
        let person = &self.subscribers[at].person;
        if calling && input.get("locationId").is_some() && text("locationId") != person.location {
            return self.error(
                400,
                400,
                "The locationId can only be set when assigning a calling license to a user.",
            );
        }
        let phone = input["phoneNumbers"]
            .as_array()
            .into_iter()
            .flatten()
            .find(|n| n["type"] == "work")
            .and_then(|n| n["value"].as_str())
            .unwrap_or_default()
            .to_string();
        if calling
            && !phone.is_empty()
            && !self
                .numbers
                .contains(&(person.location.clone(), phone.clone()))
        {
            return self.error(
                400,
                400,
                "The phone number is not in the location's inventory.",
            );
        }
        let person = &mut self.subscribers[at].person;
        person.first_name = text("firstName");
        person.last_name = text("lastName");
        if calling {
            person.extension = text("extension");
            person.phone = phone;
        }
        self.answer_json(200, self.person_json(at))
    }

    /// `POST /telephony/config/jobs/person/moveLocation?orgId=`: one calling user a job.
    pub(super) fn start_move(&mut self, q: &Query, body: &str) -> Answer {
        let org = q.get("orgId").unwrap_or_default();
        let input: Value = serde_json::from_str(body).unwrap_or_default();
        let to = &input["usersList"][0];
        let user = &to["users"][0];
        let person = user["userId"].as_str().unwrap_or_default().to_string();
        let refuse =
            |code: i64, message: &str| json!({"error": [{"code": code, "message": message}]});
        let Some(at) = self.person_at(&person) else {
            return self.answer_json(400, refuse(2150012, "User was not found"));
        };
        if !is_calling_key(&self.subscribers[at].package) {
            return self.answer_json(400, refuse(1026010, "User is not a valid Calling User."));
        }
        let location = to["locationId"].as_str().unwrap_or_default().to_string();
        if location == self.subscribers[at].person.location {
            return self.answer_json(
                400,
                refuse(
                    1026013,
                    "The source and the target location cannot be the same.",
                ),
            );
        }
        let phone = user["phoneNumber"].as_str().unwrap_or_default().to_string();
        let error = if !self.calling.contains(&location) {
            Some("[Error 4152] Location Not Found")
        } else if !phone.is_empty() && !self.numbers.contains(&(location.clone(), phone.clone())) {
            Some("[Error 1026015] Error occurred while moving user number to target location.")
        } else {
            None
        };
        let id = webex_id("JOB_ID", self.moves.len() as u32 + 1);
        self.moves.push(SimMove {
            id: id.clone(),
            org: org.clone(),
            person: person.clone(),
            location,
            extension: user["extension"].as_str().unwrap_or_default().to_string(),
            phone,
            looks: 0,
            error: error.map(str::to_string),
        });
        let started = json!({"response": {
            "name": "moveusers",
            "id": id,
            "trackingId": "SIMULATED",
            "sourceUserId": "SIMULATED_ADMIN",
            "sourceCustomerId": org,
            "targetCustomerId": org,
            "instanceId": self.moves.len(),
            "latestExecutionStatus": "STARTING",
            "latestExecutionExitCode": "UNKNOWN",
            "counts": {"totalMoves": 1, "moved": 0, "failed": 0, "pending": 1, "skipped": 0},
        }});
        self.answer_json(201, started)
    }

    /// `GET …/moveLocation/{jobId}` and `…/{jobId}/errors`.
    pub(super) fn move_job(&mut self, path: &str) -> Answer {
        let rest = &path["/telephony/config/jobs/person/moveLocation/".len()..];
        let (id, errors) = match rest.strip_suffix("/errors") {
            Some(id) => (id, true),
            None => (rest, false),
        };
        let Some(job) = self.moves.iter().position(|m| m.id == id) else {
            return self.error(404, 404, "Job not found.");
        };
        if errors {
            let items: Vec<Value> = self.moves[job]
                .error
                .iter()
                .map(|e| json!({"itemNumber": 1, "item": self.moves[job].person, "error": {"key": "400", "message": [{"description": e, "code": "4152"}]}}))
                .collect();
            return self.answer_json(200, json!({ "items": items }));
        }
        self.moves[job].looks = self.moves[job].looks.saturating_add(1);
        let m = &self.moves[job];
        let (status, exit) = match (m.looks, &m.error) {
            (1, _) => ("STARTED", "UNKNOWN"),
            (_, Some(_)) => ("COMPLETED", "COMPLETED_WITH_ERRORS"),
            (_, None) => ("COMPLETED", "COMPLETED"),
        };
        if m.looks == 2 && m.error.is_none() {
            let (person, location, extension, phone) = (
                m.person.clone(),
                m.location.clone(),
                m.extension.clone(),
                m.phone.clone(),
            );
            if let Some(at) = self.person_at(&person) {
                let p = &mut self.subscribers[at].person;
                p.location = location;
                p.extension = extension;
                if !phone.is_empty() {
                    p.phone = phone;
                }
            }
        }
        let m = &self.moves[job];
        let failed = u8::from(exit == "COMPLETED_WITH_ERRORS");
        let body = json!({
            "name": "moveusers",
            "id": m.id,
            "sourceUserId": "SIMULATED_ADMIN",
            "sourceCustomerId": m.org,
            "targetCustomerId": m.org,
            "instanceId": job + 1,
            "latestExecutionStatus": status,
            "latestExecutionExitCode": exit,
            "counts": {"totalMoves": 1, "moved": u8::from(exit == "COMPLETED"), "failed": failed, "pending": u8::from(status == "STARTED"), "skipped": 0},
        });
        self.answer_json(200, body)
    }
}
