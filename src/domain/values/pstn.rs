//! How a location's phone numbers reach Webex, and the Cloud Connected PSTN (CCP)
//! providers a template may name (optional, and Cisco recommends leaving it unset in
//! templates; see "Customer PSTN setup").

use serde::{Deserialize, Serialize};

/// How a location's numbers come to Webex: what a run does before its calling users
/// (a user's `primaryPhoneNumber` must be in its location's inventory).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NumberSource {
    /// Not chosen yet (and locations saved before the choice existed). Webex API mode
    /// asks for a choice before it provisions numbers there.
    #[default]
    NotChosen,
    /// Numbers managed in Webex by this partner (premises-based or non-integrated
    /// PSTN): a run adds the users' numbers to the location's inventory.
    PartnerManaged,
    /// Numbers come from an integrated PSTN provider (Cisco Calling Plans, integrated
    /// CCP): a run adds nothing, and checks the users' numbers are in the location.
    IntegratedProvider,
    /// Extensions only: calling users there have an extension and no number.
    ExtensionsOnly,
}

impl NumberSource {
    /// The choices offered, in order.
    pub const CHOICES: [NumberSource; 3] = [
        Self::PartnerManaged,
        Self::IntegratedProvider,
        Self::ExtensionsOnly,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Self::NotChosen => "",
            Self::PartnerManaged => "partner_managed",
            Self::IntegratedProvider => "integrated_provider",
            Self::ExtensionsOnly => "extensions_only",
        }
    }

    pub fn from_key(key: &str) -> Self {
        Self::CHOICES
            .into_iter()
            .find(|c| c.key() == key)
            .unwrap_or_default()
    }

    pub fn is_not_chosen(&self) -> bool {
        *self == Self::NotChosen
    }

    /// A new location's choice: an integrated provider when the template names a
    /// Cloud Connected PSTN vendor, else none yet.
    pub fn for_template(pstn_vendor: Option<&str>) -> Self {
        if pstn_vendor.is_some() {
            Self::IntegratedProvider
        } else {
            Self::NotChosen
        }
    }
}

/// (stable key, display name)
pub const CCP_VENDORS: &[(&str, &str)] = &[
    ("bandwidth", "Bandwidth"),
    ("colt", "Colt Technology Services"),
    ("intelepeer", "IntelePeer"),
    ("tata", "Tata Communications"),
    ("telstra", "Telstra"),
];

pub fn vendor_name(key: &str) -> Option<&'static str> {
    CCP_VENDORS.iter().find(|(k, _)| *k == key).map(|(_, n)| *n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn choices_round_trip_through_their_keys_and_unknown_keys_are_not_chosen() {
        for c in NumberSource::CHOICES {
            assert_eq!(NumberSource::from_key(c.key()), c);
        }
        assert_eq!(NumberSource::from_key("lgw"), NumberSource::NotChosen);
        assert_eq!(
            NumberSource::for_template(Some("bandwidth")),
            NumberSource::IntegratedProvider
        );
        assert_eq!(NumberSource::for_template(None), NumberSource::NotChosen);
    }
}
