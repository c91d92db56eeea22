//! Webex for Wholesale packages (the Provisioning API's enum) and the rules between them.

use crate::domain::Problem;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Package {
    WebexCalling,
    WebexCallingStandard,
    WebexVoice,
    WebexSuite,
    WebexMeetings,
    CxEssentials,
    CommonAreaCalling,
    AttendantConsole,
    CiscoCallingPlan,
    CxStandardAgent,
    CxPremiumAgent,
}

use Package::*;

impl Package {
    /// In the order Partner Hub lists them.
    pub const ALL: [Package; 11] = [
        WebexCalling,
        WebexCallingStandard,
        WebexVoice,
        WebexSuite,
        WebexMeetings,
        CxEssentials,
        CommonAreaCalling,
        AttendantConsole,
        CiscoCallingPlan,
        CxStandardAgent,
        CxPremiumAgent,
    ];

    /// The name partners see.
    pub fn name(self) -> &'static str {
        match self {
            WebexCalling => "Webex Calling (Calling Basic)",
            WebexCallingStandard => "Webex Calling Standard",
            WebexVoice => "Webex Voice",
            WebexSuite => "Webex Suite",
            WebexMeetings => "Webex Meetings",
            CxEssentials => "Customer Assist (CX Essentials)",
            CommonAreaCalling => "Common Area Calling",
            AttendantConsole => "Attendant Console",
            CiscoCallingPlan => "Cisco Calling Plan",
            CxStandardAgent => "Contact Center Standard Agent",
            CxPremiumAgent => "Contact Center Premium Agent",
        }
    }

    /// The Provisioning API's key.
    pub fn key(self) -> &'static str {
        match self {
            WebexCalling => "webex_calling",
            WebexCallingStandard => "webex_calling_standard",
            WebexVoice => "webex_voice",
            WebexSuite => "webex_suite",
            WebexMeetings => "webex_meetings",
            CxEssentials => "cx_essentials",
            CommonAreaCalling => "common_area_calling",
            AttendantConsole => "attendant_console",
            CiscoCallingPlan => "cisco_calling_plan",
            CxStandardAgent => "cx_standard_agent",
            CxPremiumAgent => "cx_premium_agent",
        }
    }

    pub fn from_key(key: &str) -> Option<Package> {
        Self::ALL.into_iter().find(|p| p.key() == key)
    }

    /// A subscriber with this package needs a phone number or an extension.
    pub fn is_calling(self) -> bool {
        matches!(
            self,
            WebexCalling | WebexCallingStandard | WebexVoice | WebexSuite | CxEssentials
        )
    }

    /// A customer with this package has Webex Calling, so Webex needs its calling
    /// location (`provisioningParameters.calling`) when the customer is provisioned.
    pub fn includes_calling(self) -> bool {
        self.is_calling()
            || matches!(
                self,
                CommonAreaCalling | CiscoCallingPlan | AttendantConsole
            )
    }

    /// A customer with this package gets a Webex Meetings site (`provisioningParameters.meetings`).
    pub fn includes_meetings(self) -> bool {
        matches!(self, WebexMeetings | WebexSuite)
    }

    /// A package a user (subscriber) can have; the others are customer-level
    /// packages or add-ons.
    pub fn is_user_package(self) -> bool {
        self.level().is_some()
    }

    /// How much a user package includes, for "no downgrade of the customer's full
    /// admin". Meetings < Voice < Calling < Calling Standard < CX Essentials < Suite.
    pub fn level(self) -> Option<u8> {
        Some(match self {
            WebexMeetings => 1,
            WebexVoice => 2,
            WebexCalling => 3,
            WebexCallingStandard => 4,
            CxEssentials => 5,
            WebexSuite => 6,
            _ => return None,
        })
    }

    /// A package from its key or its name as partners see it, ignoring case
    /// (a pasted spreadsheet may use either).
    pub fn from_text(text: &str) -> Option<Package> {
        let text = text.trim();
        Self::ALL
            .into_iter()
            .find(|p| p.key().eq_ignore_ascii_case(text) || p.name().eq_ignore_ascii_case(text))
    }

    /// At least one of these must be on the customer too (API reference).
    pub fn requires_one_of(self) -> &'static [Package] {
        match self {
            CiscoCallingPlan => &[
                CommonAreaCalling,
                WebexCalling,
                WebexSuite,
                WebexVoice,
                CxEssentials,
                WebexCallingStandard,
            ],
            AttendantConsole => &[WebexCalling, WebexSuite, CxEssentials],
            _ => &[],
        }
    }
}

/// The package level a customer was created with: its highest user package. Its
/// full admin is provisioned with it.
pub fn customer_level(packages: &[Package]) -> Option<Package> {
    packages
        .iter()
        .copied()
        .filter_map(|p| p.level().map(|l| (l, p)))
        .max()
        .map(|(_, p)| p)
}

/// The packages of a customer that its users can have, in Partner Hub's order.
pub fn user_packages(packages: &[Package]) -> impl Iterator<Item = Package> + '_ {
    packages.iter().copied().filter(|p| p.is_user_package())
}

/// Puts `package` in or out of a selection (kept in Partner Hub's order).
pub fn toggle(packages: &mut Vec<Package>, package: Package, on: bool) {
    packages.retain(|p| *p != package);
    if on {
        packages.push(package);
        crate::sort::sort_by(packages, Ord::cmp);
    }
}

/// A customer's package selection: at least one, and every dependency met.
pub fn check_selection(selected: &[Package]) -> Result<Vec<Package>, Problem> {
    let mut packages: Vec<Package> = Package::ALL
        .into_iter()
        .filter(|p| selected.contains(p))
        .collect();
    packages.dedup();
    if packages.is_empty() {
        return Err(Problem::NoPackage);
    }
    for package in &packages {
        let needs = package.requires_one_of();
        if !needs.is_empty() && !needs.iter().any(|n| packages.contains(n)) {
            return Err(Problem::PackageNeeds {
                package: *package,
                one_of: needs,
            });
        }
    }
    Ok(packages)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn keys_round_trip() {
        for p in Package::ALL {
            assert_eq!(Package::from_key(p.key()), Some(p));
            assert_eq!(
                serde_json::to_string(&p).unwrap(),
                format!("\"{}\"", p.key())
            );
        }
    }

    #[test]
    fn the_customer_level_is_its_highest_user_package() {
        assert_eq!(
            customer_level(&[WebexMeetings, WebexCalling, CiscoCallingPlan]),
            Some(WebexCalling)
        );
        assert_eq!(customer_level(&[CommonAreaCalling]), None);
        assert_eq!(Package::from_text("webex meetings"), Some(WebexMeetings));
        assert_eq!(Package::from_text("WEBEX_SUITE"), Some(WebexSuite));
        assert_eq!(Package::from_text("Gold"), None);
    }

    #[test]
    fn at_least_one_package() {
        assert_eq!(check_selection(&[]), Err(Problem::NoPackage));
    }

    #[test]
    fn calling_plan_needs_a_calling_package() {
        assert_eq!(
            check_selection(&[CiscoCallingPlan, WebexMeetings]),
            Err(Problem::PackageNeeds {
                package: CiscoCallingPlan,
                one_of: CiscoCallingPlan.requires_one_of()
            })
        );
        assert!(check_selection(&[CiscoCallingPlan, CommonAreaCalling]).is_ok());
    }

    #[test]
    fn attendant_console_needs_calling_suite_or_cx_essentials() {
        assert!(check_selection(&[AttendantConsole, WebexVoice]).is_err());
        assert_eq!(
            check_selection(&[AttendantConsole, WebexSuite]),
            Ok(vec![WebexSuite, AttendantConsole])
        );
    }

    proptest! {
        /// Any selection is either accepted in canonical order, or refused for a reason
        /// that really holds.
        #[test]
        fn selections_are_accepted_exactly_when_dependencies_hold(mask in 0u16..(1 << 11)) {
            let selected: Vec<Package> =
                Package::ALL.into_iter().enumerate().filter(|(i, _)| mask & (1 << i) != 0).map(|(_, p)| p).collect();
            let deps_hold = selected.iter().all(|p| {
                p.requires_one_of().is_empty() || p.requires_one_of().iter().any(|n| selected.contains(n))
            });
            match check_selection(&selected) {
                Ok(packages) => {
                    prop_assert!(deps_hold && !selected.is_empty());
                    prop_assert_eq!(packages, selected);
                }
                Err(Problem::NoPackage) => prop_assert!(selected.is_empty()),
                Err(Problem::PackageNeeds { package, one_of }) => {
                    prop_assert!(selected.contains(&package));
                    prop_assert!(!one_of.iter().any(|n| selected.contains(n)));
                }
                Err(other) => prop_assert!(false, "unexpected {other:?}"),
            }
        }
    }
}
