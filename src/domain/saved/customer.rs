//! Customer organizations as saved. (The create-customer wizard's draft is
//! `forms::customer_wizard`.)

use crate::domain::country::DataRegion;
use crate::domain::email::EmailAddress;
use crate::domain::ids::{CustomerId, LocationId, TemplateId, UserId};
use crate::domain::location::{Location, LocationDetails};
use crate::domain::package::Package;
use crate::domain::phone::RoutingPrefix;
use crate::domain::provisioning::Provisioning;
use crate::domain::text::bounded_text;
use crate::domain::time::Timestamp;
use crate::domain::user::{User, UserDetails};
use crate::domain::Problem;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

bounded_text!(
    /// Unique per partner (case-insensitive). Webex refuses "%" in it (`customerInfo.name`);
    /// names saved before that rule still open, and must be fixed before provisioning.
    CompanyName, 100, rule no_percent_sign
);

fn no_percent_sign(name: &str) -> Result<(), Problem> {
    if name.contains('%') {
        Err(Problem::ForbiddenCharacter { ch: '%' })
    } else {
        Ok(())
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Customer {
    pub id: CustomerId,
    pub company_name: CompanyName,
    pub admin_email: EmailAddress,
    pub template_id: TemplateId,
    pub packages: Vec<Package>,
    pub headquarters: Location,
    /// Data residency, from the headquarters' country.
    pub region: DataRegion,
    pub created_at: Timestamp,
    /// Branches added by the setup wizard (the headquarters is not among them).
    #[serde(default)]
    pub locations: Vec<Location>,
    #[serde(default)]
    pub users: Vec<User>,
    /// What happened in Webex (nothing until it is provisioned).
    #[serde(default, skip_serializing_if = "Provisioning::is_untouched")]
    pub provisioning: Provisioning,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CustomerStatus {
    /// Created from a template; no users set up yet.
    Created,
    /// Has users.
    SetUp,
}

impl Customer {
    pub fn status(&self) -> CustomerStatus {
        if self.users.is_empty() {
            CustomerStatus::Created
        } else {
            CustomerStatus::SetUp
        }
    }

    /// The headquarters first, then the branches.
    pub fn all_locations(&self) -> impl Iterator<Item = &Location> {
        std::iter::once(&self.headquarters).chain(&self.locations)
    }

    pub fn user(&self, id: UserId) -> Option<&User> {
        self.users.iter().find(|u| u.id == id)
    }

    pub fn location(&self, id: LocationId) -> Option<&Location> {
        self.all_locations().find(|l| l.id == id)
    }

    /// Another location than `except` has `prefix`.
    pub fn routing_prefix_used(&self, prefix: &RoutingPrefix, except: LocationId) -> bool {
        self.all_locations()
            .any(|l| l.id != except && l.details.routing_prefix.as_ref() == Some(prefix))
    }

    /// Without a routing prefix, `location`'s users' extensions would repeat those of
    /// another location without one.
    pub fn extensions_need_prefix(&self, location: LocationId) -> bool {
        let shared = |l: LocationId| {
            self.location(l)
                .is_some_and(|l| l.details.routing_prefix.is_none())
        };
        let here: HashSet<&str> = self
            .users
            .iter()
            .filter(|u| u.details.location == location)
            .filter_map(|u| u.details.extension.as_ref().map(|x| x.as_str()))
            .collect();
        self.users.iter().any(|u| {
            u.details.location != location
                && shared(u.details.location)
                && u.details
                    .extension
                    .as_ref()
                    .is_some_and(|x| here.contains(x.as_str()))
        })
    }

    /// Where an extension at `location` must be unique (see
    /// `location::extension_scope`).
    pub fn extension_scope(&self, location: LocationId) -> LocationId {
        let prefixed = self
            .location(location)
            .is_some_and(|l| l.details.routing_prefix.is_some());
        crate::domain::location::extension_scope(self.id, location, prefixed)
    }
}

/// Everything the wizard asks for, known to be valid.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewCustomer {
    pub company_name: CompanyName,
    pub admin_email: EmailAddress,
    pub template_id: TemplateId,
    pub packages: Vec<Package>,
    pub headquarters: LocationDetails,
    pub region: DataRegion,
}

impl NewCustomer {
    pub fn into_customer(
        self,
        id: CustomerId,
        headquarters: LocationId,
        now: Timestamp,
    ) -> Customer {
        Customer {
            id,
            company_name: self.company_name,
            admin_email: self.admin_email,
            template_id: self.template_id,
            packages: self.packages,
            headquarters: Location {
                id: headquarters,
                details: self.headquarters,
            },
            region: self.region,
            created_at: now,
            locations: Vec::new(),
            users: Vec::new(),
            provisioning: Provisioning::default(),
        }
    }
}

impl Customer {
    /// The customer's admin as a user, once set up.
    pub fn admin_user(&self) -> Option<&User> {
        let key = self.admin_email.key();
        self.users.iter().find(|u| u.details.email.key() == key)
    }

    pub fn is_admin(&self, user: &UserDetails) -> bool {
        user.email.key() == self.admin_email.key()
    }
}
