//! The partner's own organization: who may be named service-provider admin, which
//! wholesale subscriptions templates draw on, and the data regions it serves.

use crate::domain::country::DataRegion;
use crate::domain::email::EmailAddress;
use crate::domain::error::Errors;
use crate::domain::ids::{AdminId, SubscriptionId};
use crate::domain::text::{bounded_text, name_key};
use crate::domain::{Field, FieldError, PartnerField, Problem};
use serde::{Deserialize, Serialize};

bounded_text!(
    /// The partner organization's display name.
    PartnerName, 100
);
bounded_text!(
    /// A person's full name.
    PersonName, 100
);
bounded_text!(
    /// A wholesale subscription as Partner Hub lists it (e.g. "Sub100448 – North America").
    SubscriptionName, 80
);

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceProviderAdmin {
    pub id: AdminId,
    pub name: PersonName,
    pub email: EmailAddress,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WholesaleSubscription {
    pub id: SubscriptionId,
    pub name: SubscriptionName,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartnerOrg {
    pub name: PartnerName,
    pub admins: Vec<ServiceProviderAdmin>,
    pub subscriptions: Vec<WholesaleSubscription>,
    pub regions: Vec<DataRegion>,
}

impl PartnerOrg {
    /// The organization a fresh browser starts with, so every wizard works at once.
    pub fn sample() -> Self {
        let admin = |id, name: &str, email: &str| ServiceProviderAdmin {
            id: AdminId::from_u128(id),
            name: PersonName::parse(name).expect("sample name"),
            email: EmailAddress::parse(email).expect("sample e-mail"),
        };
        let subscription = |id, name: &str| WholesaleSubscription {
            id: SubscriptionId::from_u128(id),
            name: SubscriptionName::parse(name).expect("sample subscription"),
        };
        Self {
            name: PartnerName::parse("Northwind Telecom").expect("sample partner"),
            admins: vec![
                admin(
                    0xa1,
                    "Dana Whitfield",
                    "dana.whitfield@northwind-telecom.example",
                ),
                admin(0xa2, "Minjun Park", "minjun.park@northwind-telecom.example"),
            ],
            subscriptions: vec![
                subscription(0x51, "Sub100448 – Webex for Wholesale (North America)"),
                subscription(0x52, "Sub100512 – Webex for Wholesale (Europe)"),
                subscription(0x53, "Sub100790 – Webex for Wholesale (Asia Pacific)"),
            ],
            regions: vec![
                DataRegion::NorthAmerica,
                DataRegion::Europe,
                DataRegion::AsiaPacific,
            ],
        }
    }

    pub fn admin(&self, id: AdminId) -> Option<&ServiceProviderAdmin> {
        self.admins.iter().find(|a| a.id == id)
    }

    pub fn subscription(&self, id: SubscriptionId) -> Option<&WholesaleSubscription> {
        self.subscriptions.iter().find(|s| s.id == id)
    }

    pub fn serves(&self, region: DataRegion) -> bool {
        self.regions.contains(&region)
    }
}

/// The "add administrator" form.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdminDraft {
    pub name: String,
    pub email: String,
}

impl AdminDraft {
    pub fn parse(
        &self,
        partner: &PartnerOrg,
        id: AdminId,
    ) -> Result<ServiceProviderAdmin, Vec<FieldError>> {
        let mut errors = Errors::default();
        let name = errors.check(
            Field::Partner(PartnerField::AdminName),
            PersonName::parse(&self.name),
        );
        let email = errors.check(
            Field::Partner(PartnerField::AdminEmail),
            EmailAddress::parse(&self.email).and_then(|email| {
                if partner.admins.iter().any(|a| a.email.key() == email.key()) {
                    Err(Problem::AlreadyUsed)
                } else {
                    Ok(email)
                }
            }),
        );
        match (name, email) {
            (Some(name), Some(email)) if errors.is_empty() => {
                Ok(ServiceProviderAdmin { id, name, email })
            }
            _ => Err(errors.into_vec()),
        }
    }
}

/// Parses a new subscription name, unique within the partner organization.
pub fn parse_subscription(
    partner: &PartnerOrg,
    raw: &str,
    id: SubscriptionId,
) -> Result<WholesaleSubscription, FieldError> {
    let name = SubscriptionName::parse(raw)
        .map_err(|p| FieldError::new(Field::Partner(PartnerField::SubscriptionName), p))?;
    if partner
        .subscriptions
        .iter()
        .any(|s| name_key(s.name.as_ref()) == name_key(name.as_ref()))
    {
        return Err(FieldError::new(
            Field::Partner(PartnerField::SubscriptionName),
            Problem::AlreadyUsed,
        ));
    }
    Ok(WholesaleSubscription { id, name })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sample_has_what_the_wizards_need() {
        let p = PartnerOrg::sample();
        assert!(p.admins.len() >= 2);
        assert!(p.subscriptions.len() >= 2);
        assert!(!p.regions.is_empty());
    }

    #[test]
    fn admin_emails_are_unique() {
        let p = PartnerOrg::sample();
        let draft = AdminDraft {
            name: "Someone".into(),
            email: "DANA.WHITFIELD@northwind-telecom.example".into(),
        };
        let errors = draft.parse(&p, AdminId::from_u128(9)).unwrap_err();
        assert_eq!(
            errors,
            vec![FieldError::new(
                Field::Partner(PartnerField::AdminEmail),
                Problem::AlreadyUsed
            )]
        );
    }

    #[test]
    fn admin_needs_name_and_valid_email() {
        let p = PartnerOrg::sample();
        let errors = AdminDraft {
            name: " ".into(),
            email: "nope".into(),
        }
        .parse(&p, AdminId::from_u128(9))
        .unwrap_err();
        assert_eq!(errors.len(), 2);
        let ok = AdminDraft {
            name: "Ji-woo Kim".into(),
            email: "jiwoo@northwind-telecom.example".into(),
        }
        .parse(&p, AdminId::from_u128(9));
        assert!(ok.is_ok());
    }

    #[test]
    fn subscription_names_are_unique_ignoring_case() {
        let p = PartnerOrg::sample();
        let dup = p.subscriptions[0].name.as_ref().to_uppercase();
        assert_eq!(
            parse_subscription(&p, &dup, SubscriptionId::from_u128(9))
                .unwrap_err()
                .problem,
            Problem::AlreadyUsed
        );
        assert!(parse_subscription(&p, "Sub200001 – Trial", SubscriptionId::from_u128(9)).is_ok());
    }
}
