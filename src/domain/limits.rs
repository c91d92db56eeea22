//! How long each typed field may be, from the one bound each type parses with, so a
//! form can stop input at the limit (`maxlength`) instead of refusing it on "Next".

use crate::domain::customer::CompanyName;
use crate::domain::email::EmailAddress;
use crate::domain::location::{AddressLine, CityName, LocationName, StateName};
use crate::domain::partner::{PartnerName, PersonName as AdminName, SubscriptionName};
use crate::domain::template::{BrandName, IdpEntityId, OidcIdpName, TemplateName};
use crate::domain::user::PersonName;
use crate::domain::Field;

/// The most characters `field` takes, where its type bounds it (choices have none).
pub fn max_chars(field: Field) -> Option<usize> {
    match field {
        Field::TemplateName => Some(TemplateName::MAX_CHARS),
        Field::SamlEntityId => Some(IdpEntityId::MAX_CHARS),
        Field::OidcIdpName => Some(OidcIdpName::MAX_CHARS),
        Field::BrandName => Some(BrandName::MAX_CHARS),
        Field::CompanyName => Some(CompanyName::MAX_CHARS),
        Field::CustomerAdminEmail | Field::UserEmail | Field::AdminEmail => {
            Some(EmailAddress::MAX_CHARS)
        }
        Field::LocationName => Some(LocationName::MAX_CHARS),
        Field::AddressLine1 | Field::AddressLine2 => Some(AddressLine::MAX_CHARS),
        Field::City => Some(CityName::MAX_CHARS),
        Field::State => Some(StateName::MAX_CHARS),
        Field::UserFirstName | Field::UserLastName => Some(PersonName::MAX_CHARS),
        Field::PartnerName => Some(PartnerName::MAX_CHARS),
        Field::AdminName => Some(AdminName::MAX_CHARS),
        Field::SubscriptionName => Some(SubscriptionName::MAX_CHARS),
        // Typed, but checked by shape (spaces, hyphens and dots are allowed in numbers; a
        // pasted ID cut short by `maxlength` would be refused for the wrong reason).
        Field::PostalCode | Field::PhoneNumber | Field::Extension | Field::PartnerHubId => None,
        Field::Offer
        | Field::Country
        | Field::ServiceProviderAdmin
        | Field::EmailLanguage
        | Field::Subscription
        | Field::AuthMethod
        | Field::PstnVendor
        | Field::Template
        | Field::Packages
        | Field::LocationCountry
        | Field::TimeZone
        | Field::LocationLanguage
        | Field::PstnConnection
        | Field::SupportedLocation
        | Field::Users
        | Field::UserPackage
        | Field::UserLocation
        | Field::UserRole
        | Field::Regions => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Problem;

    /// The bound a form sets is the bound the type parses with: one more is refused.
    #[test]
    fn each_limit_is_the_parsers_own() {
        type Parse = fn(&str) -> Result<(), Problem>;
        let cases: [(Field, Parse); 6] = [
            (Field::TemplateName, |s| TemplateName::parse(s).map(drop)),
            (Field::CompanyName, |s| CompanyName::parse(s).map(drop)),
            (Field::UserFirstName, |s| PersonName::parse(s).map(drop)),
            (Field::City, |s| CityName::parse(s).map(drop)),
            (Field::BrandName, |s| BrandName::parse(s).map(drop)),
            (Field::PartnerName, |s| PartnerName::parse(s).map(drop)),
        ];
        for (field, parse) in cases {
            let max = max_chars(field).unwrap();
            assert_eq!(parse(&"가".repeat(max)), Ok(()), "{field:?}");
            assert_eq!(
                parse(&"가".repeat(max + 1)),
                Err(Problem::TooLong { max }),
                "{field:?}"
            );
        }
        assert_eq!(max_chars(Field::Country), None);
    }
}
