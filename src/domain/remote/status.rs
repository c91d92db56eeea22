//! What Webex says of a customer and of the requests sent about it: the customer's
//! status, the problems it names, a package's state, and why no answer came. Shared by
//! the provisioning record and its timeline.

use serde::{Deserialize, Serialize};

/// A wholesale customer's status as `GET /wholesale/customers/{id}` reports it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RemoteStatus {
    Provisioning,
    Provisioned,
    ProvisionedWithErrors,
    Updating,
    Deleting,
    Error,
    /// Waiting for the Denied Party List compliance check.
    PendingRplReview,
    /// A status this version does not know (Webex's spelling is kept beside it): not
    /// final, so a run keeps following the customer, and a refresh reads on.
    Unknown,
}

impl RemoteStatus {
    pub fn from_api(text: &str) -> Option<Self> {
        Some(match text {
            "provisioning" => Self::Provisioning,
            "provisioned" => Self::Provisioned,
            "provisioned_with_errors" => Self::ProvisionedWithErrors,
            "updating" => Self::Updating,
            "deleting" => Self::Deleting,
            "error" => Self::Error,
            "pending_rpl_review" => Self::PendingRplReview,
            "unknown" => Self::Unknown,
            _ => return None,
        })
    }

    /// A status as Webex spelled it: one this version knows, or [`Self::Unknown`].
    pub fn read(text: &str) -> Self {
        Self::from_api(text).unwrap_or(Self::Unknown)
    }

    /// The API's spelling.
    pub fn api_key(self) -> &'static str {
        match self {
            Self::Provisioning => "provisioning",
            Self::Provisioned => "provisioned",
            Self::ProvisionedWithErrors => "provisioned_with_errors",
            Self::Updating => "updating",
            Self::Deleting => "deleting",
            Self::Error => "error",
            Self::PendingRplReview => "pending_rpl_review",
            Self::Unknown => "unknown",
        }
    }

    /// Webex is done with the customer, for better or worse.
    pub fn is_final(self) -> bool {
        matches!(
            self,
            Self::Provisioned | Self::ProvisionedWithErrors | Self::Error
        )
    }
}

/// A problem as Webex reported it: its code (where it gave one) and its description.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiProblem {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<i64>,
    pub description: String,
}

/// A package's status in the customer's `resourceDetails`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PackageState {
    pub package: String,
    pub status: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<ApiProblem>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<ApiProblem>,
}

/// Why no usable answer came from Webex: the transport's failures, which the run
/// classifies and the UI words.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TransportError {
    /// No answer within a request's time limit.
    Timeout,
    /// The network failed, or the browser refused the answer (offline, CORS).
    Network,
    /// The service answered with a redirect, which is never followed: it would carry
    /// the customer's data (and on a 307, the token) somewhere the partner did not choose.
    Redirect,
    /// The answer was larger than a run reads.
    TooLarge,
    /// The partner stopped the run while the request was out.
    Aborted,
}
