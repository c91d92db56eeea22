//! What a backup holds, and whether its parts agree with one another: a backup is read
//! by the same decoder as saved data, which checks every value; this checks what no
//! single value can (references between records, ids that must be unique).

use crate::domain::Document;
use std::collections::HashSet;

/// The counts a restore preview shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Summary {
    pub partner: String,
    pub templates: usize,
    pub customers: usize,
    pub locations: usize,
    pub users: usize,
}

impl Document {
    pub fn summary(&self) -> Summary {
        Summary {
            partner: self.partner.name.to_string(),
            templates: self.templates.len(),
            customers: self.customers.len(),
            locations: self
                .customers
                .iter()
                .map(|c| c.all_locations().count())
                .sum(),
            users: self.customers.iter().map(|c| c.users.len()).sum(),
        }
    }

    /// What in the document refers to something it does not hold, or repeats an id
    /// (a damaged or hand-edited backup). Empty when it is whole.
    pub fn inconsistencies(&self) -> Vec<String> {
        let mut found = Vec::new();
        let mut ids = HashSet::new();
        let mut provisioning_ids = HashSet::new();
        let mut partner_hub_ids = HashSet::new();
        for t in &self.templates {
            if !ids.insert(t.id.to_string()) {
                found.push(format!("template {} appears twice", t.id));
            }
            if self.partner.admin(t.settings.admin).is_none() {
                found.push(format!(
                    "template “{}” names an administrator the partner does not have",
                    t.settings.name
                ));
            }
            if self.partner.subscription(t.settings.subscription).is_none() {
                found.push(format!(
                    "template “{}” names a subscription the partner does not have",
                    t.settings.name
                ));
            }
            if !provisioning_ids.insert(t.provisioning_id) {
                found.push(format!(
                    "the Provisioning ID of “{}” is used twice",
                    t.settings.name
                ));
            }
            if let Some(linked) = &t.settings.partner_hub_id {
                if !partner_hub_ids.insert(linked.clone()) {
                    found.push(format!(
                        "the Partner Hub provisioning ID of “{}” is linked to another template too",
                        t.settings.name
                    ));
                }
            }
        }
        for c in &self.customers {
            if !ids.insert(c.id.to_string()) {
                found.push(format!("customer {} appears twice", c.id));
            }
            if self.template(c.template_id).is_none() {
                found.push(format!(
                    "customer “{}” names a template the backup does not have",
                    c.company_name
                ));
            }
            let locations: HashSet<_> = c.all_locations().map(|l| l.id).collect();
            if locations.len() != c.all_locations().count() {
                found.push(format!(
                    "customer “{}” has a location id twice",
                    c.company_name
                ));
            }
            let mut users = HashSet::new();
            for u in &c.users {
                if !users.insert(u.id) {
                    found.push(format!("customer “{}” has a user id twice", c.company_name));
                }
                if !locations.contains(&u.details.location) {
                    found.push(format!(
                        "user {} of “{}” is at a location the customer does not have",
                        u.details.email, c.company_name
                    ));
                }
            }
        }
        found
    }

    /// A document from elsewhere, as this browser starts with it: a provisioning run
    /// under way there is not resumed here (its token, if any, stayed there).
    pub fn restored(mut self) -> Self {
        for c in &mut self.customers {
            if c.provisioning.running {
                std::sync::Arc::make_mut(c).provisioning.running = false;
            }
        }
        self
    }
}

#[cfg(test)]
mod tests {
    use crate::domain::customer_wizard::tests::{doc_with_template, valid_draft};
    use crate::domain::customer_wizard::CustomerDraft;
    use crate::domain::ids::{LocationId, TemplateId};
    use crate::domain::time::Timestamp;
    use crate::domain::wizard::Form;
    use std::sync::Arc;

    #[test]
    fn a_document_the_app_made_is_whole_and_counted() {
        let mut doc = doc_with_template();
        let new = valid_draft(&doc)
            .parse(CustomerDraft::context(&doc))
            .unwrap();
        doc.create_customer(new, &mut || [3; 16], Timestamp(1));
        assert_eq!(doc.inconsistencies(), Vec::<String>::new());
        let s = doc.summary();
        assert_eq!(
            (s.templates, s.customers, s.locations, s.users),
            (1, 1, 1, 0)
        );
        assert_eq!(s.partner, "Northwind Telecom");
    }

    #[test]
    fn broken_references_and_repeated_ids_are_named() {
        let mut doc = doc_with_template();
        let new = valid_draft(&doc)
            .parse(CustomerDraft::context(&doc))
            .unwrap();
        doc.create_customer(new, &mut || [3; 16], Timestamp(1));
        let mut c = (*doc.customers[0]).clone();
        c.template_id = TemplateId::from_u128(99);
        doc.customers.push(Arc::new(c.clone()));
        let found = doc.inconsistencies();
        assert!(
            found.iter().any(|f| f.contains("appears twice")),
            "{found:?}"
        );
        assert!(
            found
                .iter()
                .any(|f| f.contains("names a template the backup does not have")),
            "{found:?}"
        );

        let mut lost = doc_with_template();
        let mut c2 = c;
        c2.template_id = lost.templates[0].id;
        c2.headquarters.id = LocationId::from_u128(1);
        let mut u = crate::domain::user::User {
            id: crate::domain::ids::UserId::from_u128(5),
            details: crate::domain::user::UserDetails {
                first_name: crate::domain::user::PersonName::parse("A").unwrap(),
                last_name: crate::domain::user::PersonName::parse("B").unwrap(),
                email: crate::domain::email::EmailAddress::parse("a@b.example").unwrap(),
                package: crate::domain::package::Package::WebexMeetings,
                location: LocationId::from_u128(2),
                phone: None,
                extension: None,
                role: Default::default(),
            },
            created_at: Timestamp(0),
        };
        c2.users.push(u.clone());
        u.details.location = LocationId::from_u128(1);
        c2.users.push(u);
        lost.customers.push(Arc::new(c2));
        let found = lost.inconsistencies();
        assert!(
            found
                .iter()
                .any(|f| f.contains("at a location the customer does not have")),
            "{found:?}"
        );
        assert!(
            found.iter().any(|f| f.contains("a user id twice")),
            "{found:?}"
        );
    }

    #[test]
    fn a_restored_document_does_not_resume_runs_of_elsewhere() {
        let mut doc = doc_with_template();
        let new = valid_draft(&doc)
            .parse(CustomerDraft::context(&doc))
            .unwrap();
        doc.create_customer(new, &mut || [3; 16], Timestamp(1));
        Arc::make_mut(&mut doc.customers[0]).provisioning.running = true;
        let restored = doc.restored();
        assert!(!restored.customers[0].provisioning.running);
    }
}
