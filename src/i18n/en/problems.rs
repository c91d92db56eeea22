//! The sentence shown next to a field whose value a rule rejected. In English.

use super::EN;
use crate::domain::{
    CustomerField, Field, LocationField, NumberField, PartnerField, Problem, TemplateField,
    UserField,
};

#[allow(
    clippy::too_many_lines,
    reason = "one arm per problem and field group: a table, exhaustive on purpose"
)]
pub(in crate::i18n) fn problem(field: Field, problem: &Problem) -> String {
    match problem {
        Problem::Required => match field {
            Field::Location(LocationField::RoutingPrefix) => "This location's users have extensions another location without a routing prefix has: give it a routing prefix.".into(),
            Field::Template(TemplateField::Offer) => "Choose the offer this template is for.".into(),
            Field::Template(TemplateField::Country) => "Choose a country or region.".into(),
            Field::Template(TemplateField::ServiceProviderAdmin) => "Choose a service provider admin.".into(),
            Field::Template(TemplateField::EmailLanguage) => "Choose a default email language.".into(),
            Field::Template(TemplateField::Subscription) => "Choose a wholesale subscription.".into(),
            Field::Template(TemplateField::SamlEntityId) => "Enter the IdP entity ID from your IdP's SAML metadata.".into(),
            Field::Template(TemplateField::OidcIdpName) => {
                "Enter the OpenID Connect IdP entity ID (the IdP name set up with Cisco TAC)."
                    .into()
            }
            Field::Template(TemplateField::BrandName) => "Enter the brand name customers see in onboarding emails.".into(),
            Field::Template(TemplateField::Name) => "Enter a template name.".into(),
            Field::Partner(PartnerField::Name) => "Enter the organization name.".into(),
            Field::Partner(PartnerField::AdminName) => "Enter the administrator's name.".into(),
            Field::Partner(PartnerField::AdminEmail) => "Enter the administrator's email address.".into(),
            Field::Partner(PartnerField::SubscriptionName) => "Enter the subscription.".into(),
            Field::Customer(CustomerField::CompanyName) => "Enter the company name.".into(),
            Field::Customer(CustomerField::AdminEmail) => "Enter the customer admin's email address.".into(),
            Field::Customer(CustomerField::Template) => "Choose the onboarding template to create this customer from.".into(),
            Field::Location(LocationField::Name) => "Enter a location name.".into(),
            Field::Location(LocationField::AddressLine1) => "Enter the street address.".into(),
            Field::Location(LocationField::City) => "Enter the city.".into(),
            Field::Location(LocationField::State) => "Choose the state or province; Webex needs one for this country.".into(),
            Field::Location(LocationField::PostalCode) => "Enter the ZIP or postal code; this country needs one.".into(),
            Field::Location(LocationField::Country) => "Choose a country.".into(),
            Field::Location(LocationField::TimeZone) => "Choose a time zone.".into(),
            Field::Location(LocationField::Language) => "Choose a language.".into(),
            Field::User(UserField::FirstName) => "Enter the first name.".into(),
            Field::User(UserField::LastName) => "Enter the last name.".into(),
            Field::User(UserField::Email) => "Enter the email address.".into(),
            Field::User(UserField::Package) => "Choose a package.".into(),
            Field::User(UserField::Location) => "Choose a location.".into(),
            Field::Template(TemplateField::PartnerHubId) => "Paste the provisioning ID that Partner Hub shows for this template.".into(),
            Field::Template(TemplateField::AuthMethod | TemplateField::PstnVendor)
            | Field::Customer(CustomerField::Packages | CustomerField::SupportedLocation)
            | Field::Location(LocationField::AddressLine2 | LocationField::PstnConnection)
            | Field::User(UserField::Table | UserField::Role)
            | Field::Number(_)
            | Field::Partner(PartnerField::Regions) => "This is required.".into(),
        },
        Problem::TooLong { max } => match field {
            Field::Location(LocationField::AddressLine1 | LocationField::AddressLine2) => {
                format!("Webex takes at most {max} characters per address line. Shorten it, or move the rest to the other line.")
            }
            Field::Template(_)
            | Field::Customer(_)
            | Field::Location(LocationField::Name | LocationField::City | LocationField::State | LocationField::PostalCode | LocationField::Country | LocationField::TimeZone | LocationField::Language | LocationField::PstnConnection | LocationField::RoutingPrefix)
            | Field::User(_)
            | Field::Number(_)
            | Field::Partner(_) => format!("Use at most {max} characters."),
        },
        Problem::ForbiddenCharacter { ch } => match field {
            Field::Customer(CustomerField::CompanyName) => format!("Webex does not accept “{ch}” in a company name. Remove it, or write it out (“percent”)."),
            Field::Template(_)
            | Field::Customer(CustomerField::AdminEmail | CustomerField::Template | CustomerField::Packages | CustomerField::SupportedLocation)
            | Field::Location(_)
            | Field::User(_)
            | Field::Number(_)
            | Field::Partner(_) => format!("Webex does not accept “{ch}” here. Remove it."),
        },
        Problem::UnknownSubdivision => "Choose the state or province from the list.".into(),
        Problem::ControlCharacters => "Use a single line without tabs or line breaks.".into(),
        Problem::InvisibleCharacters => "Remove the invisible characters (zero-width spaces or text-direction marks), often pasted along with text.".into(),
        Problem::AlreadyUsed => match field {
            Field::Template(TemplateField::Name) => {
                "A template with this name already exists. Choose another name.".into()
            }
            Field::Partner(PartnerField::AdminEmail) => "This email address already belongs to an administrator.".into(),
            Field::Customer(CustomerField::CompanyName) => "A customer with this name already exists.".into(),
            Field::Customer(CustomerField::AdminEmail) => "This email address is already an admin or user of another customer.".into(),
            Field::User(UserField::Email) => "This email address is already used by the customer admin or another user.".into(),
            Field::Number(NumberField::Phone) => "This number is already assigned to another user.".into(),
            Field::Number(NumberField::Extension) => "This extension is already used at this location, or at another location of this customer without a routing prefix. Use another, or give the locations routing prefixes.".into(),
            Field::Location(LocationField::Name) => "This customer already has a location with this name.".into(),
            Field::Location(LocationField::RoutingPrefix) => "Another location of this customer has this routing prefix.".into(),
            Field::Template(TemplateField::PartnerHubId) => "Another template is already linked to this provisioning ID. Each Partner Hub template has its own.".into(),
            Field::Template(TemplateField::Offer | TemplateField::Country | TemplateField::ServiceProviderAdmin | TemplateField::EmailLanguage | TemplateField::Subscription | TemplateField::AuthMethod | TemplateField::SamlEntityId | TemplateField::OidcIdpName | TemplateField::PstnVendor | TemplateField::BrandName)
            | Field::Customer(CustomerField::Template | CustomerField::Packages | CustomerField::SupportedLocation)
            | Field::Location(LocationField::AddressLine1 | LocationField::AddressLine2 | LocationField::City | LocationField::State | LocationField::PostalCode | LocationField::Country | LocationField::TimeZone | LocationField::Language | LocationField::PstnConnection)
            | Field::User(UserField::Table | UserField::FirstName | UserField::LastName | UserField::Package | UserField::Location | UserField::Role)
            | Field::Partner(PartnerField::Name | PartnerField::AdminName | PartnerField::SubscriptionName | PartnerField::Regions) => "This is already used. Choose another.".into(),
        },
        Problem::NotAbsoluteUri => {
            "Enter an absolute URI, such as https://idp.example.com/saml or urn:example:idp.".into()
        }
        Problem::Repeated => match field {
            Field::User(UserField::Email) => "This email address is entered for an earlier user too.".into(),
            Field::Number(NumberField::Phone) => "This number is entered for an earlier user too.".into(),
            Field::Number(NumberField::Extension) => "This extension is entered for an earlier user at the same location.".into(),
            Field::Location(LocationField::Name) => "Another new location has this name.".into(),
            Field::Location(LocationField::RoutingPrefix) => "Another new location has this routing prefix.".into(),
            Field::Template(_)
            | Field::Customer(_)
            | Field::Location(LocationField::AddressLine1 | LocationField::AddressLine2 | LocationField::City | LocationField::State | LocationField::PostalCode | LocationField::Country | LocationField::TimeZone | LocationField::Language | LocationField::PstnConnection)
            | Field::User(UserField::Table | UserField::FirstName | UserField::LastName | UserField::Package | UserField::Location | UserField::Role)
            | Field::Partner(_) => "This is entered twice.".into(),
        },
        Problem::PhoneFormat => {
            "Enter the number in E.164 format: + country code and number, at most 15 digits, e.g. +82 2 1234 5678.".into()
        }
        Problem::PhoneCountry { country } => format!(
            "A number for a location in {} starts with +{}.",
            EN.country_name(country),
            country.calling_code
        ),
        Problem::PhoneLength { country, min, max } => {
            let name = EN.country_name(country);
            if min == max {
                format!("A number in {name} has {min} digits after the country code.")
            } else {
                format!("A number in {name} has {min} to {max} digits after the country code.")
            }
        }
        Problem::ExtensionFormat { min, max } => format!("Use {min} to {max} digits."),
        Problem::RoutingPrefixFormat { max } => format!("Use digits only, at most {max}."),
        Problem::NumberOrExtension => {
            "Users with a calling package need a phone number, an extension, or both.".into()
        }
        Problem::PackageNotOnCustomer { package } => {
            format!("{} is not one of this customer's packages.", package.name())
        }
        Problem::NotAUserPackage { package } => format!(
            "{} is a customer-level package or an add-on; choose a user package.",
            package.name()
        ),
        Problem::UnknownLocation { text } => {
            format!("This customer has no location called “{text}”. Choose one, or add it on the Locations step.")
        }
        Problem::UnknownRole { text } => {
            format!("“{text}” is not a role. Use User, Full admin, Read-only admin, Support admin or User and device admin.")
        }
        Problem::UnknownPackage { text } => {
            format!("“{text}” is not a package. Choose one of this customer's packages.")
        }
        Problem::AdminDowngrade { level } => format!(
            "Downgrading the package of the customer's full admin is not supported: the admin keeps {}, the package level the customer was created with.",
            level.name()
        ),
        Problem::AdminSetUp => "The customer admin is already set up as a user, so this email address can no longer change here.".into(),
        Problem::AdminInWebex => EN.customers.admin_email_in_webex.into(),
        Problem::EmailInWebex => EN.customers.email_in_webex.into(),
        Problem::LocationNotInWebex => "Webex keeps no location for a user without calling: choose one with a calling package.".into(),
        Problem::RoleInWebex => EN.customers.role_in_webex.into(),
        Problem::PackageInUse { package, users } => match users {
            1 => format!("1 user has {}: give that user another package first.", package.name()),
            n => format!("{n} users have {}: give them another package first.", package.name()),
        },
        Problem::Headquarters => "The headquarters stays: a customer always has one.".into(),
        Problem::LocationInUse { users } => match users {
            1 => "1 user is at this location: move or remove that user first.".into(),
            n => format!("{n} users are at this location: move or remove them first."),
        },
        Problem::NoUsers => "Add at least one user.".into(),
        Problem::CustomerAdmin => "The customer admin is always a user of the customer.".into(),
        Problem::NoPackage => "Choose at least one package.".into(),
        Problem::PackageNeeds { package, one_of } => format!(
            "{} needs one of these packages too: {}.",
            package.name(),
            one_of.iter().map(|p| p.name()).collect::<Vec<_>>().join(", ")
        ),
        Problem::PostalCodeFormat { example } => {
            format!("Enter the postal code in this country's format, for example {example}.")
        }
        Problem::TimeZoneNotInCountry => "Choose one of the time zones of the selected country.".into(),
        Problem::RegionNotServed { region } => format!(
            "This country is in the {} data region, which your organization does not serve. Add the region in Settings or choose another country.",
            EN.region(*region)
        ),
        Problem::MustConfirm => "Confirm that this customer is in a Cisco Webex supported location.".into(),
        Problem::UnknownChoice => "This choice is no longer available. Choose again.".into(),
        Problem::InvalidEmail => "Enter an email address like name@example.com.".into(),
        Problem::LooksLikeAppId => "This looks like this app's own ID, not Partner Hub's. Open the template in Partner Hub and copy its provisioning ID.".into(),
        Problem::NotPartnerHubId => "This is not a Partner Hub provisioning ID. Copy it whole from the template in Partner Hub; it looks like ZjViMzYxODctYzhkZC00NzI3LThiMmYtZjljNDQ3ZjI5MDQ2.".into(),
        Problem::TemplateNotLinked => "The template is not linked to Partner Hub yet: Webex needs its Partner Hub provisioning ID.".into(),
        Problem::PstnNotChosen => "Choose how this location's phone numbers reach Webex: its calling users have numbers.".into(),
        Problem::ExtensionsOnlyLocation => "This location uses extensions only: remove the number, or change the location's PSTN connection.".into(),
        Problem::ExtensionRequired => "Enter an extension: this location uses extensions only.".into(),
        Problem::NumbersAtLocation { users } => match users {
            1 => "1 user at this location has a phone number: remove it first, or choose another PSTN connection.".into(),
            n => format!("{n} users at this location have phone numbers: remove them first, or choose another PSTN connection."),
        },
    }
}
