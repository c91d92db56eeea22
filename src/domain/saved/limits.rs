//! How long each typed field may be, from the one bound each type parses with, so a
//! form can stop input at the limit (`maxlength`) instead of refusing it on "Next".

use crate::domain::customer::CompanyName;
use crate::domain::email::EmailAddress;
use crate::domain::location::{AddressLine, CityName, LocationName, StateName};
use crate::domain::partner::{PartnerName, PersonName as AdminName, SubscriptionName};
use crate::domain::phone::RoutingPrefix;
use crate::domain::template::{BrandName, IdpEntityId, OidcIdpName, TemplateName};
use crate::domain::user::PersonName;
use crate::domain::{
    CustomerField, Field, LocationField, NumberField, PartnerField, TemplateField, UserField,
};

/// The most characters `field` takes, where its type bounds it (choices have none).
pub fn max_chars(field: Field) -> Option<usize> {
    match field {
        Field::Template(TemplateField::Name) => Some(TemplateName::MAX_CHARS),
        Field::Template(TemplateField::SamlEntityId) => Some(IdpEntityId::MAX_CHARS),
        Field::Template(TemplateField::OidcIdpName) => Some(OidcIdpName::MAX_CHARS),
        Field::Template(TemplateField::BrandName) => Some(BrandName::MAX_CHARS),
        Field::Customer(CustomerField::CompanyName) => Some(CompanyName::MAX_CHARS),
        Field::Customer(CustomerField::AdminEmail)
        | Field::User(UserField::Email)
        | Field::Partner(PartnerField::AdminEmail) => Some(EmailAddress::MAX_CHARS),
        Field::Location(LocationField::Name) => Some(LocationName::MAX_CHARS),
        Field::Location(LocationField::AddressLine1 | LocationField::AddressLine2) => {
            Some(AddressLine::MAX_CHARS)
        }
        Field::Location(LocationField::City) => Some(CityName::MAX_CHARS),
        Field::Location(LocationField::State) => Some(StateName::MAX_CHARS),
        Field::User(UserField::FirstName | UserField::LastName) => Some(PersonName::MAX_CHARS),
        Field::Partner(PartnerField::Name) => Some(PartnerName::MAX_CHARS),
        Field::Partner(PartnerField::AdminName) => Some(AdminName::MAX_CHARS),
        Field::Partner(PartnerField::SubscriptionName) => Some(SubscriptionName::MAX_CHARS),
        // Typed, but checked by shape (spaces, hyphens and dots are allowed in numbers; a
        // pasted ID cut short by `maxlength` would be refused for the wrong reason).
        Field::Location(LocationField::RoutingPrefix) => Some(RoutingPrefix::MAX_DIGITS),
        Field::Location(LocationField::PostalCode)
        | Field::Number(NumberField::Phone | NumberField::Extension)
        | Field::Template(TemplateField::PartnerHubId) => None,
        Field::Template(TemplateField::Offer | TemplateField::Country)
        | Field::Template(TemplateField::ServiceProviderAdmin | TemplateField::EmailLanguage)
        | Field::Template(
            TemplateField::Subscription | TemplateField::AuthMethod | TemplateField::PstnVendor,
        )
        | Field::Customer(CustomerField::Template | CustomerField::Packages)
        | Field::Location(LocationField::Country | LocationField::TimeZone)
        | Field::Location(LocationField::Language | LocationField::PstnConnection)
        | Field::Customer(CustomerField::SupportedLocation)
        | Field::User(UserField::Table | UserField::Package)
        | Field::User(UserField::Location | UserField::Role)
        | Field::Partner(PartnerField::Regions) => None,
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
            (Field::Template(TemplateField::Name), |s| {
                TemplateName::parse(s).map(drop)
            }),
            (Field::Customer(CustomerField::CompanyName), |s| {
                CompanyName::parse(s).map(drop)
            }),
            (Field::User(UserField::FirstName), |s| {
                PersonName::parse(s).map(drop)
            }),
            (Field::Location(LocationField::City), |s| {
                CityName::parse(s).map(drop)
            }),
            (Field::Template(TemplateField::BrandName), |s| {
                BrandName::parse(s).map(drop)
            }),
            (Field::Partner(PartnerField::Name), |s| {
                PartnerName::parse(s).map(drop)
            }),
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
        assert_eq!(max_chars(Field::Template(TemplateField::Country)), None);
    }
}
