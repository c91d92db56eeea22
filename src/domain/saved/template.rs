//! Onboarding templates as saved: the common settings every customer created from one
//! gets. (The template wizard's draft is `forms::template_wizard`.)

use crate::domain::country::CountryCode;
use crate::domain::ids::{AdminId, ProvisioningId, SubscriptionId, TemplateId};
use crate::domain::language::LanguageTag;
use crate::domain::partner_hub::PartnerHubId;
use crate::domain::text::bounded_text;
use crate::domain::time::Timestamp;
use crate::domain::Problem;
use serde::{Deserialize, Serialize};

bounded_text!(
    /// Unique per partner (case-insensitive, white space folded).
    TemplateName, 80
);
bounded_text!(
    /// Identifies the provider in the onboarding e-mails Webex sends.
    BrandName, 64
);
bounded_text!(
    /// The IdP name given when the OpenID Connect IdP was set up through Cisco TAC.
    OidcIdpName, 128
);

/// The EntityID from the partner IdP's SAML metadata: an absolute URI.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct IdpEntityId(String);

impl IdpEntityId {
    pub const MAX_CHARS: usize = 1024;

    pub fn parse(raw: &str) -> Result<Self, Problem> {
        let s = raw.trim();
        if s.is_empty() {
            return Err(Problem::Required);
        }
        if s.chars().count() > Self::MAX_CHARS {
            return Err(Problem::TooLong {
                max: Self::MAX_CHARS,
            });
        }
        if is_absolute_uri(s) {
            Ok(Self(s.to_string()))
        } else {
            Err(Problem::NotAbsoluteUri)
        }
    }
}

/// RFC 3986 `scheme ":" hier-part`, and for web schemes a non-empty authority.
fn is_absolute_uri(s: &str) -> bool {
    const FORBIDDEN: &[char] = &['<', '>', '"', '{', '}', '|', '\\', '^', '`'];
    if s.chars()
        .any(|c| c.is_whitespace() || c.is_control() || FORBIDDEN.contains(&c))
    {
        return false;
    }
    let Some((scheme, rest)) = s.split_once(':') else {
        return false;
    };
    let mut chars = scheme.chars();
    let scheme_ok = chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    if !scheme_ok || rest.is_empty() {
        return false;
    }
    if scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https") {
        let Some(after) = rest.strip_prefix("//") else {
            return false;
        };
        let host = after.split(['/', '?', '#']).next().unwrap_or("");
        let host = host.rsplit('@').next().unwrap_or("");
        let host = host.split(':').next().unwrap_or("");
        return !host.is_empty()
            && host
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '-' | '.' | '[' | ']'));
    }
    true
}

impl AsRef<str> for IdpEntityId {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for IdpEntityId {
    type Error = String;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value).map_err(|p| format!("invalid IdP entity ID: {p:?}"))
    }
}

impl From<IdpEntityId> for String {
    fn from(value: IdpEntityId) -> String {
        value.0
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AuthKind {
    /// Webex Common Identity is the IdP.
    #[default]
    Webex,
    /// The partner's own SAML IdP.
    Saml,
    /// The partner's OpenID Connect IdP.
    Oidc,
}

/// Stored externally tagged (`"Webex"`, `{"Saml": {...}}`): serde's internally tagged
/// form buffers every value and cost about 8 KB of wasm here.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum AuthMethod {
    Webex,
    Saml { idp_entity_id: IdpEntityId },
    Oidc { idp_name: OidcIdpName },
}

impl AuthMethod {
    pub fn kind(&self) -> AuthKind {
        match self {
            Self::Webex => AuthKind::Webex,
            Self::Saml { .. } => AuthKind::Saml,
            Self::Oidc { .. } => AuthKind::Oidc,
        }
    }
}

/// Everything the wizard asks for, known to be valid.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TemplateSettings {
    pub name: TemplateName,
    pub country: CountryCode,
    pub admin: AdminId,
    pub email_language: LanguageTag,
    pub subscription: SubscriptionId,
    pub auth: AuthMethod,
    /// Key into [`pstn::CCP_VENDORS`]; Cisco recommends leaving it unset.
    pub pstn_vendor: Option<String>,
    pub restrict_admin_invites: bool,
    pub brand_name: BrandName,
    pub disable_webex_calling: bool,
    /// The template's provisioning ID in Partner Hub, once the partner linked it
    /// (templates of earlier releases have none: "not linked").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partner_hub_id: Option<PartnerHubId>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OnboardingTemplate {
    pub id: TemplateId,
    pub provisioning_id: ProvisioningId,
    pub settings: TemplateSettings,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}
