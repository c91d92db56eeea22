//! Field-keyed validation errors. The domain decides *what* is wrong; the UI decides
//! how to say it in the user's language.

use crate::domain::country::DataRegion;
use crate::domain::package::Package;
use serde::{Deserialize, Serialize};

/// A form field whose value a rule can reject.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Field {
    // Onboarding template wizard
    Offer,
    TemplateName,
    Country,
    ServiceProviderAdmin,
    EmailLanguage,
    Subscription,
    AuthMethod,
    SamlEntityId,
    OidcIdpName,
    PstnVendor,
    BrandName,
    // Create-customer wizard
    CompanyName,
    CustomerAdminEmail,
    Template,
    Packages,
    LocationName,
    AddressLine1,
    AddressLine2,
    City,
    State,
    PostalCode,
    LocationCountry,
    TimeZone,
    LocationLanguage,
    SupportedLocation,
    // Partner organization (settings)
    PartnerName,
    AdminName,
    AdminEmail,
    SubscriptionName,
    Regions,
}

/// What is wrong with a value, independent of language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// Nothing was entered or chosen.
    Required,
    /// Longer than the field allows (in characters).
    TooLong { max: usize },
    /// Contains control characters such as tabs or line breaks.
    ControlCharacters,
    /// Another record already uses this value (names compare case-insensitively).
    AlreadyUsed,
    /// Not an absolute URI (`scheme:rest`, e.g. `https://idp.example.com/saml`).
    NotAbsoluteUri,
    /// The chosen option is not one of the offered ones (stale or tampered value).
    UnknownChoice,
    /// Not an e-mail address (`name@example.com`).
    InvalidEmail,
    /// The partner organization must keep at least one of these.
    LastOne,
    /// Still referenced by this many onboarding templates.
    UsedByTemplates { count: usize },
    /// No package chosen; a customer needs at least one.
    NoPackage,
    /// `package` needs at least one of `one_of` on the same customer.
    PackageNeeds {
        package: Package,
        one_of: &'static [Package],
    },
    /// Not in the country's postal-code format; `example` shows one that is.
    PostalCodeFormat { example: &'static str },
    /// Not one of the time zones of the location's country.
    TimeZoneNotInCountry,
    /// The country's data region is not one the partner serves.
    RegionNotServed { region: DataRegion },
    /// The confirmation checkbox must be ticked.
    MustConfirm,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    pub field: Field,
    pub problem: Problem,
}

impl FieldError {
    pub fn new(field: Field, problem: Problem) -> Self {
        Self { field, problem }
    }
}

/// Collects the errors of several fields while parsing a draft.
#[derive(Default, Debug)]
pub struct Errors(Vec<FieldError>);

impl Errors {
    /// Records the error of `result`, if any, and passes its value on.
    pub fn check<T>(&mut self, field: Field, result: Result<T, Problem>) -> Option<T> {
        match result {
            Ok(value) => Some(value),
            Err(problem) => {
                self.0.push(FieldError::new(field, problem));
                None
            }
        }
    }

    pub fn push(&mut self, field: Field, problem: Problem) {
        self.0.push(FieldError::new(field, problem));
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn into_vec(self) -> Vec<FieldError> {
        self.0
    }
}
