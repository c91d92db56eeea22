//! Identifiers. Randomness comes from the caller (the browser's crypto in the app,
//! fixed bytes in tests), so the domain stays deterministic.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

macro_rules! uuid_id {
    ($(#[$meta:meta])* $name:ident) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(Uuid);

        impl $name {
            /// A version-4 id built from 16 random bytes.
            pub fn from_random(bytes: [u8; 16]) -> Self {
                Self(uuid::Builder::from_random_bytes(bytes).into_uuid())
            }

            pub const fn from_u128(value: u128) -> Self {
                Self(Uuid::from_u128(value))
            }

            pub const fn as_u128(self) -> u128 {
                self.0.as_u128()
            }

            pub fn parse(raw: &str) -> Option<Self> {
                Uuid::try_parse(raw.trim()).ok().map(Self)
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.hyphenated().fmt(f)
            }
        }
    };
}

uuid_id!(
    /// An onboarding template (used in its URL).
    TemplateId
);
uuid_id!(
    /// This app's own stand-in for a template's provisioning ID: drawn once, never
    /// changed, unique across the partner. The demo simulator accepts it for a template
    /// not linked to Partner Hub; Webex never does (see `partner_hub::PartnerHubId`).
    ProvisioningId
);
uuid_id!(
    /// A customer organization.
    CustomerId
);
uuid_id!(
    /// A location (headquarters or branch) of a customer.
    LocationId
);
uuid_id!(
    /// A user (subscriber) of a customer organization.
    UserId
);
uuid_id!(
    /// A service-provider administrator of the partner organization.
    AdminId
);
uuid_id!(
    /// A wholesale subscription of the partner organization.
    SubscriptionId
);

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn ids_round_trip_through_text(bytes in any::<[u8; 16]>()) {
            let id = ProvisioningId::from_random(bytes);
            prop_assert_eq!(ProvisioningId::parse(&id.to_string()), Some(id));
            prop_assert_eq!(id.to_string().len(), 36);
        }
    }

    #[test]
    fn garbage_is_not_an_id() {
        assert_eq!(TemplateId::parse("not-an-id"), None);
        assert_eq!(TemplateId::parse(""), None);
    }
}
