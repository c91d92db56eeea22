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

/// What the API can do with a PSTN connection Webex offers a location. Webex's list of
/// options names them without a type (`connectionOptions`: id, display name), and its
/// spec says only a Local Gateway (with a trunk or route group) and a non-integrated
/// Cloud Connected PSTN can be set through the API: Cisco Calling Plans and integrated
/// CCP are set in Control Hub.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PstnKind {
    /// Premises-based PSTN: set with the trunk or route group the calls go through.
    LocalGateway,
    /// A Cloud Connected PSTN provider: set by its id (Webex refuses an integrated one,
    /// and says so).
    CloudConnected,
    /// Cisco Calling Plans: only in Control Hub.
    ControlHubOnly,
}

impl PstnKind {
    /// An option's kind, from its display name ("Premises-based PSTN", "Cisco Calling
    /// Plans", a CCP provider's name).
    pub fn of_option(name: &str) -> Self {
        let name = name.to_lowercase();
        if name.contains("premises") || name.contains("local gateway") {
            Self::LocalGateway
        } else if name.contains("cisco") && (name.contains("calling plan") || name.contains("pstn"))
        {
            Self::ControlHubOnly
        } else {
            Self::CloudConnected
        }
    }
}

/// A location's connection as Webex reports it (`pstnConnectionType`) brings its
/// numbers from the provider: numbers are never added there (Cisco: "backend data
/// issues may occur"), whatever was chosen here; they are only checked.
pub fn numbers_from_provider(pstn_connection_type: &str) -> bool {
    matches!(pstn_connection_type, "CISCO_PSTN" | "INTEGRATED_CCP")
}

/// Where a Local Gateway's calls go: a trunk or a route group, by Webex's id.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PremiseRoute {
    pub kind: RouteKind,
    pub id: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum RouteKind {
    Trunk,
    RouteGroup,
}

impl RouteKind {
    /// The spec's spelling (`premiseRouteType`).
    pub fn key(self) -> &'static str {
        match self {
            Self::Trunk => "TRUNK",
            Self::RouteGroup => "ROUTE_GROUP",
        }
    }
}

/// Why a trunk's or route group's id typed here cannot be one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RouteIdProblem {
    Missing,
    NotAnId,
}

impl PremiseRoute {
    /// As a location's record keeps it: `TRUNK <id>`.
    pub fn text(&self) -> String {
        format!("{} {}", self.kind.key(), self.id)
    }

    /// The route a record kept (`None` for none, or text that is not one).
    pub fn from_text(text: &str) -> Option<Self> {
        let (kind, id) = text.split_once(' ')?;
        let kind = match kind {
            "TRUNK" => RouteKind::Trunk,
            "ROUTE_GROUP" => RouteKind::RouteGroup,
            _ => return None,
        };
        Self::parse(kind, id).ok()
    }

    /// The route, its id as Webex shows it in Control Hub (base64 text; spaces around
    /// it dropped).
    pub fn parse(kind: RouteKind, raw: &str) -> Result<Self, RouteIdProblem> {
        let id = raw.trim();
        if id.is_empty() {
            return Err(RouteIdProblem::Missing);
        }
        let id_like = id.len() <= 500
            && id.bytes().all(|b| {
                b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'=' | b'+' | b'/')
            });
        if !id_like {
            return Err(RouteIdProblem::NotAnId);
        }
        Ok(Self {
            kind,
            id: id.to_string(),
        })
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

    #[test]
    fn an_options_kind_is_told_by_its_name_and_only_two_kinds_are_set_by_the_api() {
        assert_eq!(
            PstnKind::of_option("Premises-based PSTN"),
            PstnKind::LocalGateway
        );
        assert_eq!(
            PstnKind::of_option("Cisco Calling Plans"),
            PstnKind::ControlHubOnly
        );
        assert_eq!(PstnKind::of_option("Cisco PSTN"), PstnKind::ControlHubOnly);
        assert_eq!(
            PstnKind::of_option("SI CCP Bandwidth"),
            PstnKind::CloudConnected
        );
        assert!(numbers_from_provider("CISCO_PSTN") && numbers_from_provider("INTEGRATED_CCP"));
        assert!(
            !numbers_from_provider("LOCAL_GATEWAY") && !numbers_from_provider("NON_INTEGRATED_CCP")
        );
    }

    #[test]
    fn a_route_id_is_an_id() {
        assert_eq!(
            PremiseRoute::parse(RouteKind::Trunk, "  "),
            Err(RouteIdProblem::Missing)
        );
        assert_eq!(
            PremiseRoute::parse(RouteKind::Trunk, "trunk one"),
            Err(RouteIdProblem::NotAnId)
        );
        let route =
            PremiseRoute::parse(RouteKind::RouteGroup, " Y2lzY29zcGFyazovL3VzL1RSVU5LLzE= ")
                .unwrap();
        assert_eq!(route.id, "Y2lzY29zcGFyazovL3VzL1RSVU5LLzE=");
        assert_eq!(PremiseRoute::from_text(&route.text()), Some(route));
        assert_eq!(PremiseRoute::from_text("BUS x"), None);
    }
}
