//! The simulator's answers about an organization's locations and Webex Calling on them.

use super::*;

impl Simulator {
    /// `GET /locations?orgId=`.
    /// Paged by `Link` headers, as Webex pages it: the next page's link carries a
    /// `cursor` (here the offset), and the last page links none.
    pub(super) fn list_locations(&mut self, q: &Query) -> Answer {
        let org = q.get("orgId").unwrap_or_default();
        let start: usize = q.get("cursor").and_then(|c| c.parse().ok()).unwrap_or(0);
        let max = q
            .get("max")
            .and_then(|m| m.parse::<usize>().ok())
            .unwrap_or(100)
            .min(SIMULATED_LOCATION_PAGE);
        let all: Vec<_> = self
            .locations
            .iter()
            .filter(|(o, _, _)| *o == org)
            .collect();
        let items: Vec<_> = all
            .iter()
            .skip(start)
            .take(max)
            .map(|(o, id, name)| LocationOut {
                id,
                name,
                org_id: o,
            })
            .collect();
        let next = (start + max < all.len()).then(|| {
            format!(
                "/locations?orgId={}&max={max}&cursor={}",
                q.get_raw("orgId").unwrap_or_default(),
                start + max
            )
        });
        let mut answer = self.answer_json(200, Items { items });
        answer.next = next.map(NextPage::Path);
        answer
    }

    /// `POST /locations?orgId=`: names are unique in an organization.
    pub(super) fn create_location(&mut self, q: &Query, body: &str) -> Answer {
        let org = q.get("orgId").unwrap_or_default();
        let input: NameIn = serde_json::from_str(body).unwrap_or_default();
        if !self.customers.iter().any(|c| c.org_id == org) {
            return self.error(404, 404, "Organization not found.");
        }
        if self
            .locations
            .iter()
            .any(|(o, _, n)| *o == org && *n == input.name)
        {
            return self.error(409, 409, "A location with this name exists already.");
        }
        let id = webex_id("LOCATION", self.locations.len() as u32 + 1);
        self.locations.push((org, id.clone(), input.name));
        self.answer_json(201, IdOut { id: &id })
    }

    /// `GET /telephony/config/locations?orgId=`.
    pub(super) fn list_calling_locations(&mut self, q: &Query) -> Answer {
        let org = q.get("orgId").unwrap_or_default();
        let (start, max) = paging(q, 100, 100);
        let max = max.min(SIMULATED_LOCATION_PAGE);
        let locations: Vec<_> = self
            .locations
            .iter()
            .filter(|(o, id, _)| *o == org && self.calling.contains(id))
            .skip(start)
            .take(max)
            .map(|(_, id, name)| CallingLocationOut {
                id,
                name,
                calling_line_id: CallingLineOut {
                    name,
                    phone_number: "",
                },
                e911_setup_required: false,
            })
            .collect();
        self.answer_json(200, CallingLocationsOut { locations })
    }

    /// `POST /telephony/config/locations?orgId=`: once a location.
    pub(super) fn enable_calling(&mut self, q: &Query, body: &str) -> Answer {
        let org = q.get("orgId").unwrap_or_default();
        let input: IdIn = serde_json::from_str(body).unwrap_or_default();
        if !self
            .locations
            .iter()
            .any(|(o, id, _)| *o == org && *id == input.id)
        {
            return self.error(404, 404, "Location not found.");
        }
        if self.calling.contains(&input.id) {
            return self.error(
                409,
                409,
                "The location is already enabled for Webex Calling.",
            );
        }
        self.calling.push(input.id.clone());
        self.answer_json(201, IdOut { id: &input.id })
    }

    /// `PUT /locations/{id}?orgId=`: its name stays unique.
    pub(super) fn update_location(&mut self, path: &str, q: &Query, body: &str) -> Answer {
        let id = &path["/locations/".len()..];
        let org = q.get("orgId").unwrap_or_default();
        let input: NameIn = serde_json::from_str(body).unwrap_or_default();
        let taken = self
            .locations
            .iter()
            .any(|(o, i, n)| *o == org && i != id && *n == input.name);
        if taken {
            return self.error(409, 409, "A location with this name exists already.");
        }
        match self
            .locations
            .iter_mut()
            .find(|(o, i, _)| *o == org && i == id)
        {
            Some(location) => {
                location.2 = input.name;
                self.empty(204)
            }
            None => self.error(404, 404, "Location not found."),
        }
    }

    /// `GET /telephony/config/locations/{id}`: a calling location's details.
    pub(super) fn calling_location(&mut self, path: &str) -> Answer {
        let id = &path["/telephony/config/locations/".len()..];
        let Some((_, _, name)) = self
            .locations
            .iter()
            .find(|(_, l, _)| l == id && self.calling.contains(l))
        else {
            return self.error(404, 404, "Location not found.");
        };
        let prefix = self
            .prefixes
            .iter()
            .find(|(l, _)| l == id)
            .map_or("", |(_, p)| p.as_str());
        let body = serde_json::json!({
            "id": id,
            "name": name,
            "announcementLanguage": "en_us",
            "callingLineId": {"name": name, "phoneNumber": ""},
            "connection": {"type": "TRUNK", "id": "VFJVTksx"},
            "externalCallerIdName": name,
            "userLimit": 500000,
            "outsideDialDigit": "",
            "routingPrefix": prefix,
            "defaultDomain": "simulated.webex.example",
        });
        self.answer_json(200, body)
    }

    /// `PUT /telephony/config/locations/{id}`: a routing prefix, digits, one a location
    /// of the organization.
    pub(super) fn set_routing_prefix(&mut self, path: &str, body: &str) -> Answer {
        let id = path["/telephony/config/locations/".len()..].to_string();
        let Some((org, _, _)) = self.locations.iter().find(|(_, l, _)| *l == id).cloned() else {
            return self.error(404, 404, "Location not found.");
        };
        let input: serde_json::Value = serde_json::from_str(body).unwrap_or_default();
        let Some(prefix) = input["routingPrefix"].as_str().map(str::to_string) else {
            return self.empty(204);
        };
        if prefix.is_empty() || !prefix.bytes().all(|b| b.is_ascii_digit()) {
            return self.error(400, 4008, "The routing prefix must be numeric.");
        }
        let taken = self.prefixes.iter().any(|(l, p)| {
            *l != id && *p == prefix && self.locations.iter().any(|(o, i, _)| *o == org && i == l)
        });
        if taken {
            return self.error(409, 4009, "Another location has this routing prefix.");
        }
        self.prefixes.retain(|(l, _)| *l != id);
        self.prefixes.push((id, prefix));
        self.empty(204)
    }
}

/// The announcement languages the simulated Webex Calling offers (not every e-mail
/// language is one: a Norwegian or Polish branch's announcements are in English).
pub(super) fn announcement_languages() -> serde_json::Value {
    let codes = [
        ("English", "en_us"),
        ("English (UK)", "en_gb"),
        ("Deutsch", "de_de"),
        ("Español", "es_es"),
        ("Français", "fr_fr"),
        ("Français (Canada)", "fr_ca"),
        ("Italiano", "it_it"),
        ("Nederlands", "nl_nl"),
        ("Português (Brasil)", "pt_br"),
        ("日本語", "ja_jp"),
        ("한국어", "ko_kr"),
        ("中文", "zh_cn"),
    ];
    let languages: Vec<_> = codes
        .iter()
        .map(|(name, code)| serde_json::json!({"name": name, "code": code}))
        .collect();
    serde_json::json!({ "languages": languages })
}
