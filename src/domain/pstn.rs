//! Cloud Connected PSTN (CCP) providers a template may name. Optional, and Cisco
//! recommends leaving it unset in templates (see "Customer PSTN setup").

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
