//! The simulator's answers about wholesale customers: precheck, list, create, update, remove, read.

use super::*;

impl Simulator {
    /// `POST /wholesale/customers/validate`.
    pub(super) fn precheck_customer(&mut self) -> Answer {
        if self.failure == Failure::CustomerPrecheck {
            self.error(
                400,
                4003,
                "The address could not be validated for the selected country.",
            )
        } else {
            self.answer_json(200, precheck_ok())
        }
    }

    /// `GET /wholesale/customers`: by `externalId`, or a page of them.
    pub(super) fn list_customers(&mut self, q: &Query, now: Timestamp) -> Answer {
        let external = q.get("externalId").unwrap_or_default();
        if external.is_empty() && self.failure == Failure::Drift && !self.failed_once {
            self.drift(now);
        }
        let (offset, max) = paging(q, 100, 100);
        let items: Vec<_> = self
            .customers
            .iter()
            .filter(|c| !c.gone(now))
            .filter(|c| external.is_empty() || c.external_id == external)
            .skip(offset)
            .take(max)
            .map(|c| self.customer_json(c, now))
            .collect();
        self.answer_json(200, Items { items })
    }

    /// `POST /wholesale/customers`: the headquarters comes with Webex Calling.
    pub(super) fn create_customer(&mut self, body: &str, now: Timestamp) -> Answer {
        let input: CustomerIn = serde_json::from_str(body).unwrap_or_default();
        if self
            .customers
            .iter()
            .any(|c| c.external_id == input.external_id)
        {
            return self.error(409, 409, "A customer with this externalId exists already.");
        }
        let n = self.customers.len() as u32 + 1;
        let customer = SimCustomer {
            removed: None,
            updated: None,
            drifted: false,
            failed: self.failure == Failure::CustomerError,
            id: webex_id("ENTERPRISE", n),
            org_id: webex_id("ORGANIZATION", n),
            external_id: input.external_id,
            created: now,
            packages: input.packages,
            headquarters: input
                .provisioning_parameters
                .and_then(|p| p.calling)
                .map(|c| c.location.name)
                .unwrap_or_default(),
        };
        if !customer.headquarters.is_empty() {
            let id = webex_id("LOCATION", self.locations.len() as u32 + 1);
            // The calling location comes with Webex Calling enabled.
            self.calling.push(id.clone());
            self.locations
                .push((customer.org_id.clone(), id, customer.headquarters.clone()));
        }
        let url = format!(
            "https://webexapis.com/v1/wholesale/customers/{}",
            customer.id
        );
        self.customers.push(customer);
        self.answer_json(202, UrlOut { url })
    }

    /// `PUT /wholesale/customers/{id}`: refused while subscribers hold a package it drops.
    pub(super) fn update_customer(&mut self, path: &str, body: &str, now: Timestamp) -> Answer {
        let id = &path["/wholesale/customers/".len()..];
        let input: CustomerIn = serde_json::from_str(body).unwrap_or_default();
        match self
            .customers
            .iter_mut()
            .find(|c| c.id == id && !c.gone(now))
        {
            Some(c) => {
                let held = c.packages.iter().find(|p| {
                    !input.packages.contains(p)
                        && self
                            .subscribers
                            .iter()
                            .any(|s| s.customer_id == c.id && s.package == **p)
                });
                if let Some(held) = held {
                    let why = format!("Subscribers still hold the package {held}.");
                    return self.error(400, 400, &why);
                }
                c.updated = Some(now);
                c.packages = input.packages;
                // The customer's URL goes in `Location` (as the spec has it): no body.
                self.empty(202)
            }
            None => self.error(404, 404, "Customer not found."),
        }
    }

    /// `DELETE /wholesale/customers/{id}`: gone after [`REMOVAL_MS`].
    pub(super) fn remove_customer(&mut self, path: &str, now: Timestamp) -> Answer {
        let id = &path["/wholesale/customers/".len()..];
        match self
            .customers
            .iter_mut()
            .find(|c| c.id == id && !c.gone(now))
        {
            Some(c) => {
                c.removed.get_or_insert(now);
                self.empty(202)
            }
            None => self.error(404, 404, "Customer not found."),
        }
    }

    /// `GET /wholesale/customers/{id}`.
    pub(super) fn customer(&mut self, path: &str, now: Timestamp) -> Answer {
        let id = &path["/wholesale/customers/".len()..];
        match self.customers.iter().find(|c| c.id == id && !c.gone(now)) {
            Some(c) => {
                let value = self.customer_json(c, now);
                self.answer_json(200, value)
            }
            None => self.error(404, 404, "Customer not found."),
        }
    }
}

impl Simulator {
    /// The customer made for `external_id` loses `package` in Webex (taken away in
    /// Partner Hub, behind the app's back): its users' prechecks with it are refused.
    pub fn drop_package(&mut self, external_id: &str, package: &str) {
        for c in self
            .customers
            .iter_mut()
            .filter(|c| c.external_id == external_id)
        {
            c.packages.retain(|p| p != package);
        }
    }
}
