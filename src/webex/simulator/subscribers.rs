//! The simulator's answers about wholesale subscribers: create, update, remove, list, and the consent e-mail.

use super::*;

impl Simulator {
    /// `POST /wholesale/subscribers`.
    pub(super) fn create_subscriber(&mut self, body: &str) -> Answer {
        let input: SubscriberIn = serde_json::from_str(body).unwrap_or_default();
        let params = input.provisioning_parameters.unwrap_or_default();
        if self.failure == Failure::UserRefused && self.subscribers.is_empty() && !self.failed_once
        {
            self.failed_once = true;
            return self.error(
                400,
                10022,
                "The email is already associated with an existing user.",
            );
        }
        if let Some(why) = calling_refusal(
            &self.calling,
            &self.numbers,
            input.packages.first(),
            &params,
        ) {
            return self.error(400, 400, why);
        }
        if let Some(why) = self.extension_clash(&input.customer_id, &params) {
            return self.error(409, 4202, why);
        }
        if self.email_taken(&input.email) {
            return self.error(
                409,
                10022,
                "The email is already associated with an existing user.",
            );
        }
        let n = self.next_subscriber();
        let package = input.packages.into_iter().next().unwrap_or_default();
        let mut person = SimPerson {
            id: webex_id("PEOPLE", n),
            first_name: params.first_name.clone(),
            last_name: params.last_name.clone(),
            ..SimPerson::default()
        };
        if is_calling_key(&package) {
            calling_details(&mut person, &params);
        }
        let own_account = self
            .own_accounts
            .contains(&input.email.to_ascii_lowercase());
        let subscriber = SimSubscriber {
            id: webex_id("SUBSCRIBER", n),
            customer_id: input.customer_id,
            email: input.email,
            package,
            status: if own_account {
                AWAITING_CONSENT.into()
            } else {
                String::new()
            },
            person,
        };
        let answer = self.answer_json(200, subscriber_json(&subscriber));
        self.subscribers.push(subscriber);
        answer
    }

    /// `PUT /wholesale/subscribers/{id}`: the package. The calling parameters are taken
    /// (and checked as a create's are) only when a Meetings user becomes a calling user;
    /// otherwise Webex ignores them, and so does the simulator.
    pub(super) fn update_subscriber(&mut self, path: &str, body: &str) -> Answer {
        let id = &path["/wholesale/subscribers/".len()..];
        let input: SubscriberIn = serde_json::from_str(body).unwrap_or_default();
        let Some(at) = self.subscribers.iter().position(|s| s.id == id) else {
            return self.error(404, 404, "Subscriber not found.");
        };
        let package = input.packages.first().cloned().unwrap_or_default();
        let customer = &self.subscribers[at].customer_id;
        let offered = self
            .customers
            .iter()
            .any(|c| c.id == *customer && c.packages.contains(&package));
        if !offered {
            return self.error(400, 400, "The customer does not have this package.");
        }
        let to_calling = !is_calling_key(&self.subscribers[at].package) && is_calling_key(&package);
        if to_calling {
            let params = input.provisioning_parameters.unwrap_or_default();
            if let Some(why) =
                calling_refusal(&self.calling, &self.numbers, Some(&package), &params)
            {
                return self.error(400, 400, why);
            }
            calling_details(&mut self.subscribers[at].person, &params);
        }
        self.subscribers[at].package = package;
        let answer = self.answer_json(200, subscriber_json(&self.subscribers[at]));
        answer
    }

    /// `DELETE /wholesale/subscribers/{id}`.
    pub(super) fn remove_subscriber(&mut self, path: &str) -> Answer {
        let id = &path["/wholesale/subscribers/".len()..];
        let before = self.subscribers.len();
        self.subscribers.retain(|s| s.id != id);
        if self.subscribers.len() == before {
            return self.error(404, 404, "Subscriber not found.");
        }
        self.empty(204)
    }

    /// `GET /wholesale/subscribers?customerId=`: by `email`, or a page of them.
    pub(super) fn list_subscribers(&mut self, q: &Query) -> Answer {
        let customer = q.get("customerId").unwrap_or_default();
        let email = q.get("email").unwrap_or_default();
        // The spec's default page is 50 subscribers, and 100 at most.
        let (offset, max) = paging(q, 50, 100);
        let items: Vec<_> = self
            .subscribers
            .iter()
            .filter(|s| s.customer_id == customer)
            .filter(|s| email.is_empty() || s.email.eq_ignore_ascii_case(&email))
            .skip(offset)
            .take(max)
            .map(subscriber_json)
            .collect();
        self.answer_json(200, Items { items })
    }

    /// `POST /subscribers/{id}/emails/consentMove`.
    pub(super) fn resend_consent(&mut self, path: &str) -> Answer {
        let id = &path["/subscribers/".len()..path.len() - "/emails/consentMove".len()];
        match self.subscribers.iter().find(|s| s.id == id) {
            Some(s) if s.status == AWAITING_CONSENT => self.empty(204),
            Some(_) => self.error(400, 400, "The subscriber is not waiting for consent."),
            None => self.error(404, 404, "Subscriber not found."),
        }
    }
}

impl Simulator {
    /// `POST /wholesale/subscribers/validate`, in its two variants: for a customer
    /// Webex has (`customerId`) and for one it does not have yet (`provisioningId` and
    /// the customer's e-mail). Refused as a create would be: an e-mail another
    /// organization's person has, a package the customer lacks, a calling user with
    /// neither number nor extension, an extension taken. (The location's calling and
    /// inventory are not asked: a run gives them before the user.)
    pub(super) fn precheck_subscriber(&mut self, body: &str) -> Answer {
        let input: SubscriberIn = serde_json::from_str(body).unwrap_or_default();
        let params = input.provisioning_parameters.unwrap_or_default();
        let package = input.packages.first().cloned().unwrap_or_default();
        if !input.customer_id.is_empty() {
            let Some(customer) = self.customers.iter().find(|c| c.id == input.customer_id) else {
                return self.error(404, 404, "Customer not found.");
            };
            if !customer.packages.contains(&package) {
                let why = format!("The customer has no {package} package.");
                return self.error(400, 10201, &why);
            }
            if let Some(why) = self.extension_clash(&input.customer_id, &params) {
                return self.error(409, 4202, why);
            }
        } else if !super::known_template(body) {
            return self.error(
                400,
                400,
                "The provisioningId is not that of an onboarding template of this partner.",
            );
        }
        let bare = params.primary_phone_number.is_none() && params.extension.is_none();
        if is_calling_key(&package) && bare {
            return self.error(
                400,
                400,
                "A calling user needs a phone number, an extension or both.",
            );
        }
        if self.email_taken(&input.email) {
            return self.error(
                409,
                10022,
                "The email is already associated with an existing user.",
            );
        }
        self.answer_json(200, precheck_ok())
    }

    /// A person has `email` already: a subscriber of this partner's, or of another
    /// organization's (`hold_elsewhere`).
    fn email_taken(&self, email: &str) -> bool {
        self.subscribers
            .iter()
            .any(|s| s.email.eq_ignore_ascii_case(email))
    }

    /// The number of the next subscriber (and its person).
    pub(super) fn next_subscriber(&mut self) -> u32 {
        self.subscribers_made = self.subscribers_made.max(self.subscribers.len() as u32) + 1;
        self.subscribers_made
    }

    /// `email` belongs to a person of another organization: a subscriber with it is
    /// refused, as Webex refuses it.
    pub fn hold_elsewhere(&mut self, email: &str) {
        let n = self.next_subscriber();
        self.subscribers.push(SimSubscriber {
            id: webex_id("SUBSCRIBER", n),
            customer_id: "ELSEWHERE".into(),
            email: email.into(),
            package: "webex_meetings".into(),
            status: String::new(),
            person: SimPerson {
                id: webex_id("PEOPLE", n),
                ..SimPerson::default()
            },
        });
    }

    /// `number` is used by another organization: `validateNumbers` calls it
    /// unavailable, and adding it is refused.
    pub fn hold_number_elsewhere(&mut self, number: &str) {
        self.numbers.push(("ELSEWHERE".into(), number.into()));
    }

    /// `email` has a Webex account of its own: its subscriber waits for consent.
    pub fn hold_own_account(&mut self, email: &str) {
        self.own_accounts.push(email.to_ascii_lowercase());
    }
}

impl Simulator {
    /// An extension repeats another calling user's of the customer at the same location,
    /// or at another where no routing prefix tells the two apart.
    fn extension_clash(
        &self,
        customer: &str,
        params: &SubscriberParametersIn,
    ) -> Option<&'static str> {
        let extension = params.extension.as_deref().filter(|x| !x.is_empty())?;
        let prefixed = |location: &str| self.prefixes.iter().any(|(l, _)| l == location);
        let here = params.location_id.as_str();
        self.subscribers
            .iter()
            .filter(|s| s.customer_id == customer && s.person.extension == extension)
            .any(|s| s.person.location == here || !prefixed(&s.person.location) && !prefixed(here))
            .then_some("The extension is already assigned to a user at a location without a routing prefix.")
    }
}

/// A calling user's location, number and extension, as Webex takes them from the
/// subscriber's calling parameters.
fn calling_details(person: &mut SimPerson, params: &SubscriberParametersIn) {
    person.location = params.location_id.clone();
    person.phone = params.primary_phone_number.clone().unwrap_or_default();
    person.extension = params.extension.clone().unwrap_or_default();
}
