//! Customer organizations. For now only what templates need to know about them:
//! which template each was created from (the create-customer wizard comes next).

use crate::domain::ids::{CustomerId, TemplateId};
use crate::domain::text::bounded_text;
use crate::domain::time::Timestamp;
use serde::{Deserialize, Serialize};

bounded_text!(
    /// Unique per partner (case-insensitive).
    CompanyName, 100
);

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Customer {
    pub id: CustomerId,
    pub company_name: CompanyName,
    pub template_id: TemplateId,
    pub created_at: Timestamp,
}
