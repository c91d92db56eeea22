//! The whole saved state of one partner, and the operations that change it.
//! Every operation keeps the document's invariants; the UI only calls them.

use crate::domain::country::DataRegion;
use crate::domain::customer::{Customer, NewCustomer};
use crate::domain::ids::{
    AdminId, CustomerId, LocationId, ProvisioningId, SubscriptionId, TemplateId,
};
use crate::domain::partner::{
    PartnerName, PartnerOrg, ServiceProviderAdmin, WholesaleSubscription,
};
use crate::domain::partner_hub::PartnerHubId;
use crate::domain::provisioning::Provisioning;
use crate::domain::template::{OnboardingTemplate, TemplateName, TemplateSettings};
use crate::domain::text::name_key;
use crate::domain::time::Timestamp;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// Version of the saved shape; bump it with a migration in `store::migrate`.
pub const SCHEMA_VERSION: u32 = 1;

/// The partner, each template and each customer sit behind an `Arc`: cloning the
/// document is cheap, and a change is found by comparing pointers (the store writes
/// only the records an operation replaced, however large the partner's book).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    pub version: u32,
    pub partner: Arc<PartnerOrg>,
    #[serde(default)]
    pub templates: Vec<Arc<OnboardingTemplate>>,
    #[serde(default)]
    pub customers: Vec<Arc<Customer>>,
}

/// Why the document refused a change: every change that can be refused answers
/// `Result<_, Refused>`, and nothing was changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refused {
    /// The template, customer or user the change names is not in the document (removed
    /// meanwhile, in another tab).
    NotFound,
    /// Customers were created from the template.
    TemplateInUse { customers: usize },
    /// Templates name the administrator or subscription.
    UsedByTemplates { count: usize },
    /// The partner keeps at least one (administrator, subscription, region).
    LastOne,
    /// The customer's own administrator stays.
    CustomerAdmin,
    /// An undo: the customer changed since the removal, and an undo must not lose that.
    ChangedSince,
    /// A run (in this tab or another) is sending the customer as it was when it began:
    /// a change to what Webex does not have yet would not reach it.
    RunGoingOn,
}

/// Draws ids from `random` until one is not `taken`: a clash is astronomically unlikely,
/// but an id is never given twice.
pub(crate) fn draw_unused<T: Copy>(
    random: &mut impl FnMut() -> [u8; 16],
    id: impl Fn([u8; 16]) -> T,
    mut taken: impl FnMut(T) -> bool,
) -> T {
    loop {
        let drawn = id(random());
        if !taken(drawn) {
            return drawn;
        }
    }
}

/// A removal that can be undone: the customer before it, and after it (`None` when the
/// customer itself went).
#[derive(Clone, Debug, PartialEq)]
pub struct Removal {
    before: Arc<Customer>,
    after: Option<Arc<Customer>>,
}

impl Default for Document {
    fn default() -> Self {
        Self::sample()
    }
}

impl Document {
    /// A fresh browser: the sample partner organization, nothing else yet.
    pub fn sample() -> Self {
        Self {
            version: SCHEMA_VERSION,
            partner: Arc::new(PartnerOrg::sample()),
            templates: Vec::new(),
            customers: Vec::new(),
        }
    }

    /// Whether replacing the data would lose something a person made: a template, a
    /// customer or a change to the sample organization (a fresh install holds none).
    pub fn holds_work(&self) -> bool {
        !self.templates.is_empty()
            || !self.customers.is_empty()
            || *self.partner != PartnerOrg::sample()
    }

    pub fn template(&self, id: TemplateId) -> Option<&OnboardingTemplate> {
        self.templates.iter().find(|t| t.id == id).map(|t| &**t)
    }

    pub fn customers_using(&self, id: TemplateId) -> usize {
        self.customers
            .iter()
            .filter(|c| c.template_id == id)
            .count()
    }

    /// Adds a template with fresh ids drawn from `random`, retrying on the
    /// (astronomically unlikely) clash so provisioning IDs stay unique.
    pub fn create_template(
        &mut self,
        settings: TemplateSettings,
        random: &mut impl FnMut() -> [u8; 16],
        now: Timestamp,
    ) -> TemplateId {
        let id = draw_unused(random, TemplateId::from_random, |id| {
            self.template(id).is_some()
        });
        let provisioning_id = draw_unused(random, ProvisioningId::from_random, |pid| {
            self.templates.iter().any(|t| t.provisioning_id == pid)
        });
        let template = OnboardingTemplate {
            id,
            provisioning_id,
            settings,
            created_at: now,
            updated_at: now,
        };
        insert_in_order(&mut self.templates, template, |t| (t.created_at, t.id));
        id
    }

    /// Replaces a template's settings; its ids and creation date never change.
    pub fn update_template(
        &mut self,
        id: TemplateId,
        settings: TemplateSettings,
        now: Timestamp,
    ) -> Result<(), Refused> {
        let t = self.template_mut(id)?;
        t.settings = settings;
        t.updated_at = now;
        Ok(())
    }

    fn template_mut(&mut self, id: TemplateId) -> Result<&mut OnboardingTemplate, Refused> {
        let t = self
            .templates
            .iter_mut()
            .find(|t| t.id == id)
            .ok_or(Refused::NotFound)?;
        Ok(Arc::make_mut(t))
    }

    /// Copies a template under the first free name "<name> (copy)", "<name> (copy 2)", ...
    pub fn duplicate_template(
        &mut self,
        id: TemplateId,
        random: &mut impl FnMut() -> [u8; 16],
        now: Timestamp,
    ) -> Result<TemplateId, Refused> {
        let mut settings = self.template(id).ok_or(Refused::NotFound)?.settings.clone();
        settings.name = self.free_copy_name(settings.name.as_ref());
        // A copy is another template in Partner Hub, with an ID of its own.
        settings.partner_hub_id = None;
        Ok(self.create_template(settings, random, now))
    }

    /// Links a template to Partner Hub (checked with `template::check_partner_hub_id`).
    pub fn link_template(
        &mut self,
        id: TemplateId,
        partner_hub_id: PartnerHubId,
        now: Timestamp,
    ) -> Result<(), Refused> {
        let t = self.template_mut(id)?;
        t.settings.partner_hub_id = Some(partner_hub_id);
        t.updated_at = now;
        Ok(())
    }

    fn free_copy_name(&self, base: &str) -> TemplateName {
        let taken = |name: &str| {
            self.templates
                .iter()
                .any(|t| name_key(t.settings.name.as_ref()) == name_key(name))
        };
        (1..)
            .map(|n| {
                let suffix = if n == 1 {
                    " (copy)".to_string()
                } else {
                    format!(" (copy {n})")
                };
                let room = TemplateName::MAX_CHARS - suffix.chars().count();
                let stem: String = base.chars().take(room).collect();
                format!("{}{suffix}", stem.trim_end())
            })
            .find(|candidate| !taken(candidate))
            .and_then(|name| TemplateName::parse(&name).ok())
            .expect("a free copy name always exists")
    }

    /// Deleting a template customers were created from would orphan them.
    pub fn delete_template(&mut self, id: TemplateId) -> Result<(), Refused> {
        let customers = self.customers_using(id);
        if customers > 0 {
            return Err(Refused::TemplateInUse { customers });
        }
        self.templates.retain(|t| t.id != id);
        Ok(())
    }

    pub fn customer(&self, id: CustomerId) -> Option<&Customer> {
        self.customers.iter().find(|c| c.id == id).map(|c| &**c)
    }

    /// Adds a parsed customer with fresh ids (its headquarters is its first location).
    pub fn create_customer(
        &mut self,
        new: NewCustomer,
        random: &mut impl FnMut() -> [u8; 16],
        now: Timestamp,
    ) -> CustomerId {
        let id = draw_unused(random, CustomerId::from_random, |id| {
            self.customer(id).is_some()
        });
        let customer = new.into_customer(id, LocationId::from_random(random()), now);
        insert_in_order(&mut self.customers, customer, |c| (c.created_at, c.id));
        id
    }

    pub fn delete_customer(&mut self, id: CustomerId) -> Result<(), Refused> {
        let at = self
            .customers
            .iter()
            .position(|c| c.id == id)
            .ok_or(Refused::NotFound)?;
        self.customers.remove(at);
        Ok(())
    }

    /// The customer as saved, shared (what [`Self::removal`] takes before a removal).
    pub fn shared_customer(&self, id: CustomerId) -> Option<Arc<Customer>> {
        self.customers.iter().find(|c| c.id == id).cloned()
    }

    /// What "Undo" needs after removing a customer, or a user or location of one:
    /// `before` is the customer as it was (taken before the removal).
    pub fn removal(&self, before: Arc<Customer>) -> Removal {
        let after = self.customers.iter().find(|c| c.id == before.id).cloned();
        Removal { before, after }
    }

    /// "Undo": puts the customer back as it was before the removal, unless it changed
    /// since (another edit, here or in another tab), which an undo must not lose.
    pub fn undo_removal(&mut self, removal: &Removal) -> Result<(), Refused> {
        let id = removal.before.id;
        let now = self.customers.iter().position(|c| c.id == id);
        match (&removal.after, now) {
            (None, None) => {
                let at = self
                    .customers
                    .partition_point(|c| (c.created_at, c.id) <= (removal.before.created_at, id));
                self.customers.insert(at, removal.before.clone());
                Ok(())
            }
            (Some(after), Some(at)) if self.customers[at] == *after => {
                self.customers[at] = removal.before.clone();
                Ok(())
            }
            _ => Err(Refused::ChangedSince),
        }
    }

    pub(crate) fn customer_mut(&mut self, id: CustomerId) -> Option<&mut Customer> {
        self.customers
            .iter_mut()
            .find(|c| c.id == id)
            .map(Arc::make_mut)
    }

    /// The partner asked to remove the customer from Webex: a run sends the `DELETE`
    /// and follows it; the record goes once Webex no longer has the customer.
    pub fn start_removal(&mut self, customer: CustomerId) -> Result<(), Refused> {
        self.change_provisioning(customer, crate::domain::provisioning::start_removal)
    }

    /// Changes what is recorded of a customer in Webex (a partner's choice on the panel).
    pub fn change_provisioning(
        &mut self,
        customer: CustomerId,
        change: impl FnOnce(&mut Provisioning),
    ) -> Result<(), Refused> {
        change(
            &mut self
                .customer_mut(customer)
                .ok_or(Refused::NotFound)?
                .provisioning,
        );
        Ok(())
    }

    pub fn rename_partner(&mut self, name: PartnerName) {
        Arc::make_mut(&mut self.partner).name = name;
    }

    pub fn add_admin(&mut self, admin: ServiceProviderAdmin) {
        Arc::make_mut(&mut self.partner).admins.push(admin);
    }

    /// Templates name their service-provider admin, so one still named stays.
    pub fn remove_admin(&mut self, id: AdminId) -> Result<(), Refused> {
        let count = self
            .templates
            .iter()
            .filter(|t| t.settings.admin == id)
            .count();
        if count > 0 {
            return Err(Refused::UsedByTemplates { count });
        }
        if self.partner.admins.len() <= 1 {
            return Err(Refused::LastOne);
        }
        Arc::make_mut(&mut self.partner)
            .admins
            .retain(|a| a.id != id);
        Ok(())
    }

    pub fn add_subscription(&mut self, subscription: WholesaleSubscription) {
        Arc::make_mut(&mut self.partner)
            .subscriptions
            .push(subscription);
    }

    pub fn remove_subscription(&mut self, id: SubscriptionId) -> Result<(), Refused> {
        let count = self
            .templates
            .iter()
            .filter(|t| t.settings.subscription == id)
            .count();
        if count > 0 {
            return Err(Refused::UsedByTemplates { count });
        }
        if self.partner.subscriptions.len() <= 1 {
            return Err(Refused::LastOne);
        }
        Arc::make_mut(&mut self.partner)
            .subscriptions
            .retain(|s| s.id != id);
        Ok(())
    }

    /// The partner must serve at least one region to create any customer.
    pub fn set_region_served(&mut self, region: DataRegion, served: bool) -> Result<(), Refused> {
        let regions = &self.partner.regions;
        if served == regions.contains(&region) {
            return Ok(());
        }
        if !served && regions.len() == 1 {
            return Err(Refused::LastOne);
        }
        let regions = &mut Arc::make_mut(&mut self.partner).regions;
        if served {
            regions.push(region);
            crate::sort::sort_by(regions, Ord::cmp);
        } else {
            regions.retain(|r| *r != region);
        }
        Ok(())
    }
}

/// Templates and customers are kept in the order they were made (ties by id), the
/// order in which storage gives them back.
pub fn insert_in_order<T, K: Ord>(list: &mut Vec<Arc<T>>, item: T, key: impl Fn(&T) -> K) {
    let at = list.partition_point(|x| key(x) <= key(&item));
    list.insert(at, Arc::new(item));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::customer_wizard::tests::{doc_with_template, valid_draft};
    use crate::domain::customer_wizard::CustomerDraft;
    use crate::domain::template_wizard::{TemplateContext, TemplateDraft};

    #[test]
    fn a_removal_is_undone_only_while_nothing_changed_since() {
        let mut doc = doc_with_template();
        let new = valid_draft(&doc)
            .parse(CustomerDraft::context(&doc))
            .unwrap();
        let mut n = 0u128;
        let id = doc.create_customer(
            new,
            &mut || {
                n += 1;
                n.to_le_bytes()
            },
            Timestamp(1),
        );
        let original = doc.clone();

        // A customer deleted, then put back where it was.
        let before = doc.customers[0].clone();
        doc.delete_customer(id).unwrap();
        let removal = doc.removal(before);
        doc.undo_removal(&removal).unwrap();
        assert_eq!(doc, original);
        // Twice is refused: it is there again.
        assert_eq!(doc.undo_removal(&removal), Err(Refused::ChangedSince));

        // A customer changed after the removal keeps the change: the undo is refused.
        let before = doc.customers[0].clone();
        doc.customer_mut(id).unwrap().locations.clear();
        let removal = doc.removal(before);
        doc.customer_mut(id).unwrap().admin_email =
            crate::domain::email::EmailAddress::parse("new@acme.example").unwrap();
        let changed = doc.clone();
        assert_eq!(doc.undo_removal(&removal), Err(Refused::ChangedSince));
        assert_eq!(doc, changed);
    }

    #[test]
    fn only_a_fresh_install_holds_no_work() {
        assert!(!Document::sample().holds_work());
        assert!(doc_with_template().holds_work());
        let mut renamed = Document::sample();
        Arc::make_mut(&mut renamed.partner).name = PartnerName::parse("Southwind").unwrap();
        assert!(renamed.holds_work());
    }
    use crate::domain::wizard::Form;

    fn counter() -> impl FnMut() -> [u8; 16] {
        let mut n = 0u128;
        move || {
            n += 1;
            n.to_le_bytes()
        }
    }

    fn settings(doc: &Document, name: &str) -> TemplateSettings {
        let p = &doc.partner;
        let draft = TemplateDraft {
            offer_chosen: true,
            name: name.into(),
            country: "KR".into(),
            admin: p.admins.last().unwrap().id.to_string(),
            email_language: "ko_KR".into(),
            subscription: p.subscriptions.last().unwrap().id.to_string(),
            brand_name: "Northwind".into(),
            ..TemplateDraft::default()
        };
        draft
            .parse(TemplateContext {
                partner: p,
                templates: &doc.templates,
            })
            .unwrap()
    }

    #[test]
    fn created_templates_get_distinct_ids_even_when_random_repeats() {
        let mut doc = Document::sample();
        let mut same = || [7u8; 16];
        let first = doc.create_template(settings(&doc, "A"), &mut same, Timestamp(1));
        let mut rng = counter();
        let mut repeat_then_count = move || if rng()[0] < 3 { [7u8; 16] } else { rng() };
        let second = doc.create_template(settings(&doc, "B"), &mut repeat_then_count, Timestamp(2));
        assert_ne!(first, second);
        assert_ne!(
            doc.templates[0].provisioning_id,
            doc.templates[1].provisioning_id
        );
    }

    #[test]
    fn updating_keeps_ids_and_creation_date() {
        let mut doc = Document::sample();
        let id = doc.create_template(settings(&doc, "A"), &mut counter(), Timestamp(1));
        let before = doc.template(id).unwrap().clone();
        assert_eq!(
            doc.update_template(id, settings(&doc, "Renamed"), Timestamp(5)),
            Ok(())
        );
        let after = doc.template(id).unwrap();
        assert_eq!(after.provisioning_id, before.provisioning_id);
        assert_eq!(after.created_at, Timestamp(1));
        assert_eq!(after.updated_at, Timestamp(5));
        assert_eq!(after.settings.name.as_ref(), "Renamed");
        // A template removed meanwhile (another tab) is reported, not recreated.
        let gone = TemplateId::from_u128(1);
        assert_eq!(
            doc.update_template(gone, settings(&doc, "B"), Timestamp(6)),
            Err(Refused::NotFound)
        );
        assert_eq!(doc.templates.len(), 1);
    }

    #[test]
    fn duplicates_get_free_names_and_new_provisioning_ids() {
        let mut doc = Document::sample();
        let mut rng = counter();
        let id = doc.create_template(settings(&doc, "Gold"), &mut rng, Timestamp(1));
        let copy = doc.duplicate_template(id, &mut rng, Timestamp(2)).unwrap();
        let copy2 = doc.duplicate_template(id, &mut rng, Timestamp(3)).unwrap();
        assert_eq!(
            doc.template(copy).unwrap().settings.name.as_ref(),
            "Gold (copy)"
        );
        assert_eq!(
            doc.template(copy2).unwrap().settings.name.as_ref(),
            "Gold (copy 2)"
        );
        assert_ne!(
            doc.template(copy).unwrap().provisioning_id,
            doc.template(id).unwrap().provisioning_id
        );
    }

    #[test]
    fn copy_names_stay_within_the_length_limit() {
        let mut doc = Document::sample();
        let mut rng = counter();
        let long = "L".repeat(TemplateName::MAX_CHARS);
        let id = doc.create_template(settings(&doc, &long), &mut rng, Timestamp(1));
        let copy = doc.duplicate_template(id, &mut rng, Timestamp(2)).unwrap();
        let name = doc.template(copy).unwrap().settings.name.to_string();
        assert!(name.ends_with(" (copy)") && name.chars().count() == TemplateName::MAX_CHARS);
    }

    #[test]
    fn templates_in_use_cannot_be_deleted() {
        let mut doc = doc_with_template();
        let id = doc.templates[0].id;
        let new = valid_draft(&doc)
            .parse(CustomerDraft::context(&doc))
            .unwrap();
        let customer = doc.create_customer(new, &mut counter(), Timestamp(2));
        assert_eq!(doc.customers_using(id), 1);
        assert_eq!(
            doc.delete_template(id),
            Err(Refused::TemplateInUse { customers: 1 })
        );
        assert!(doc.template(id).is_some());
        assert_eq!(doc.delete_customer(customer), Ok(()));
        assert_eq!(doc.delete_customer(customer), Err(Refused::NotFound));
        assert_eq!(doc.delete_template(id), Ok(()));
        assert!(doc.templates.is_empty());
    }

    #[test]
    fn customers_get_distinct_ids_and_keep_their_headquarters() {
        let mut doc = doc_with_template();
        let first = valid_draft(&doc)
            .parse(CustomerDraft::context(&doc))
            .unwrap();
        let mut same = || [9u8; 16];
        let a = doc.create_customer(first.clone(), &mut same, Timestamp(3));
        let mut second = first;
        second.company_name = crate::domain::customer::CompanyName::parse("Other").unwrap();
        let mut rng = counter();
        let mut repeat_then_count = move || if rng()[0] < 2 { [9u8; 16] } else { rng() };
        let b = doc.create_customer(second, &mut repeat_then_count, Timestamp(4));
        assert_ne!(a, b);
        assert_eq!(
            doc.customer(a).unwrap().headquarters.details.name.as_ref(),
            "Seoul HQ"
        );
        assert_eq!(doc.customer(b).unwrap().created_at, Timestamp(4));
    }

    #[test]
    fn admins_and_subscriptions_in_use_or_last_stay() {
        let mut doc = Document::sample();
        doc.create_template(settings(&doc, "A"), &mut counter(), Timestamp(1));
        let used_admin = doc.partner.admins[1].id;
        let free_admin = doc.partner.admins[0].id;
        assert_eq!(
            doc.remove_admin(used_admin),
            Err(Refused::UsedByTemplates { count: 1 })
        );
        assert_eq!(doc.remove_admin(free_admin), Ok(()));
        doc.templates.clear();
        assert_eq!(doc.remove_admin(used_admin), Err(Refused::LastOne));

        let used_sub = doc.partner.subscriptions[2].id;
        doc.create_template(settings(&doc, "B"), &mut counter(), Timestamp(1));
        assert_eq!(
            doc.remove_subscription(used_sub),
            Err(Refused::UsedByTemplates { count: 1 })
        );
    }

    #[test]
    fn at_least_one_region_is_served() {
        let mut doc = Document::sample();
        doc.set_region_served(DataRegion::Europe, false).unwrap();
        doc.set_region_served(DataRegion::AsiaPacific, false)
            .unwrap();
        assert_eq!(
            doc.set_region_served(DataRegion::NorthAmerica, false),
            Err(Refused::LastOne)
        );
        doc.set_region_served(DataRegion::AsiaPacific, true)
            .unwrap();
        doc.set_region_served(DataRegion::AsiaPacific, true)
            .unwrap();
        assert_eq!(
            doc.partner.regions,
            vec![DataRegion::NorthAmerica, DataRegion::AsiaPacific]
        );
    }
}
