//! Field-keyed validation errors. The domain decides *what* is wrong; the UI decides
//! how to say it in the user's language.

use crate::domain::country::{Country, DataRegion};
use crate::domain::package::Package;

/// Declares one form's fields and their `ALL` from one list, so that `ALL` cannot miss
/// one.
macro_rules! field_group {
    ($(#[$meta:meta])* $group:ident { $($(#[$doc:meta])* $name:ident,)* }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum $group {
            $($(#[$doc])* $name,)*
        }

        impl $group {
            /// Every field of the group, in declaration order.
            pub const ALL: &'static [$group] = &[$($group::$name,)*];
        }
    };
}

/// A form field whose value a rule can reject, grouped by the form it belongs to: a
/// wizard's `WizardStep::of_field` names a whole other form with one arm
/// (`Field::Partner(_)`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    Template(TemplateField),
    Customer(CustomerField),
    /// A location's fields: the customer's headquarters, the setup's new locations.
    Location(LocationField),
    /// A user row's fields in the setup.
    User(UserField),
    /// A user row's phone number fields in the setup.
    Number(NumberField),
    /// The partner organization's fields (settings).
    Partner(PartnerField),
}

impl Field {
    /// Every field, group by group.
    pub fn all() -> impl Iterator<Item = Field> {
        let template = TemplateField::ALL.iter().map(|&f| Field::Template(f));
        let customer = CustomerField::ALL.iter().map(|&f| Field::Customer(f));
        let location = LocationField::ALL.iter().map(|&f| Field::Location(f));
        let user = UserField::ALL.iter().map(|&f| Field::User(f));
        let number = NumberField::ALL.iter().map(|&f| Field::Number(f));
        let partner = PartnerField::ALL.iter().map(|&f| Field::Partner(f));
        template
            .chain(customer)
            .chain(location)
            .chain(user)
            .chain(number)
            .chain(partner)
    }
}

field_group! {
    /// The onboarding template wizard's fields.
    TemplateField {
        Offer,
        Name,
        Country,
        ServiceProviderAdmin,
        EmailLanguage,
        Subscription,
        AuthMethod,
        SamlEntityId,
        OidcIdpName,
        PstnVendor,
        BrandName,
        /// The template's provisioning ID from Partner Hub.
        PartnerHubId,
    }
}

field_group! {
    /// The create-customer wizard's own fields, beside its headquarters' location fields.
    CustomerField {
        CompanyName,
        AdminEmail,
        Template,
        Packages,
        SupportedLocation,
    }
}

field_group! {
    /// A location's fields.
    LocationField {
        Name,
        AddressLine1,
        AddressLine2,
        City,
        State,
        PostalCode,
        Country,
        TimeZone,
        Language,
        /// How the location's phone numbers reach Webex.
        PstnConnection,
        /// Dialled before its extensions from another location (optional).
        RoutingPrefix,
    }
}

field_group! {
    /// A user row's fields.
    UserField {
        /// The users as a whole (none yet, too many).
        Table,
        FirstName,
        LastName,
        Email,
        Package,
        Location,
        Role,
    }
}

field_group! {
    /// A user row's phone number fields.
    NumberField {
        Phone,
        Extension,
    }
}

field_group! {
    /// The partner organization's fields.
    PartnerField {
        Name,
        AdminName,
        AdminEmail,
        SubscriptionName,
        Regions,
    }
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
    /// Contains invisible characters (zero-width, or ones that reverse the text's
    /// direction), which make two different names look the same.
    InvisibleCharacters,
    /// Webex refuses this character here (`%` in a company name).
    ForbiddenCharacter { ch: char },
    /// Not one of the country's states or provinces (Webex wants its ISO 3166-2 code).
    UnknownSubdivision,
    /// Another record already uses this value (names compare case-insensitively).
    AlreadyUsed,
    /// Not an absolute URI (`scheme:rest`, e.g. `https://idp.example.com/saml`).
    NotAbsoluteUri,
    /// The chosen option is not one of the offered ones (stale or tampered value).
    UnknownChoice,
    /// Not an e-mail address (`name@example.com`).
    InvalidEmail,
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
    /// The same value is entered on an earlier row of this form.
    Repeated,
    /// Not `+`, country code and number, at most 15 digits.
    PhoneFormat,
    /// A number for a location in `country` starts with `+` and its calling code.
    PhoneCountry { country: &'static Country },
    /// National numbers of `country` have `min` to `max` digits.
    PhoneLength {
        country: &'static Country,
        min: usize,
        max: usize,
    },
    /// Extensions are `min` to `max` digits.
    ExtensionFormat { min: usize, max: usize },
    /// A routing prefix is digits, at most `max`.
    RoutingPrefixFormat { max: usize },
    /// A calling package needs a phone number, an extension, or both.
    NumberOrExtension,
    /// The customer does not have this package.
    PackageNotOnCustomer { package: Package },
    /// A customer-level package or an add-on: not a user's package.
    NotAUserPackage { package: Package },
    /// The text names no package.
    UnknownPackage { text: String },
    /// The text (an imported row's) names no location of the customer.
    UnknownLocation { text: String },
    /// The text (an imported row's) names no role.
    UnknownRole { text: String },
    /// The customer's full admin keeps the customer's package level (`level`).
    AdminDowngrade { level: Package },
    /// The customer admin is a user already: the admin e-mail no longer changes.
    AdminSetUp,
    /// Webex has the customer: it knows the admin by this e-mail.
    AdminInWebex,
    /// Webex has the user: it knows the person by this e-mail.
    EmailInWebex,
    /// Webex has the user: their role is given in Control Hub.
    RoleInWebex,
    /// Webex has the user without calling: it keeps no location for them.
    LocationNotInWebex,
    /// `users` users hold `package`, so it stays on the customer.
    PackageInUse { package: Package, users: usize },
    /// The headquarters stays (the customer is created with it).
    Headquarters,
    /// `users` users are at this location.
    LocationInUse { users: usize },
    /// A setup needs at least one user (or a new location).
    NoUsers,
    /// The customer's admin is always a user of it.
    CustomerAdmin,
    /// A UUID where Partner Hub's provisioning ID goes: this app's own ID, not Partner Hub's.
    LooksLikeAppId,
    /// Not a provisioning ID as Partner Hub issues them (the base64 text of a UUID).
    NotPartnerHubId,
    /// Webex API mode: the customer's template has no Partner Hub provisioning ID yet.
    TemplateNotLinked,
    /// Webex API mode: calling users here have numbers, and how numbers reach the
    /// location's inventory is not chosen.
    PstnNotChosen,
    /// The location uses extensions only: a calling user there has no number.
    ExtensionsOnlyLocation,
    /// The location uses extensions only: a calling user there needs an extension.
    ExtensionRequired,
    /// `users` users at this location have numbers: it cannot be extensions only.
    NumbersAtLocation { users: usize },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    pub field: Field,
    pub problem: Problem,
    /// Which row of a repeated group (a user, a new location) the field is on.
    pub row: Option<RowRef>,
}

/// A row of a repeated group: its stable key (ties the error to the row's controls
/// while rows are added and removed) and its position (how people count it: 1, 2, ...).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct RowRef {
    pub key: u32,
    pub position: usize,
}

impl FieldError {
    pub fn new(field: Field, problem: Problem) -> Self {
        Self {
            field,
            problem,
            row: None,
        }
    }

    pub fn in_row(mut self, row: RowRef) -> Self {
        self.row = Some(row);
        self
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

    /// Takes the value of a sub-form's parse, or its errors.
    pub fn absorb<T>(&mut self, result: Result<T, Vec<FieldError>>) -> Option<T> {
        match result {
            Ok(value) => Some(value),
            Err(errors) => {
                self.0.extend(errors);
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

    /// Takes another parse's errors, placing them on `row`.
    pub fn extend_in_row(&mut self, errors: Vec<FieldError>, row: RowRef) {
        self.0.extend(errors.into_iter().map(|e| e.in_row(row)));
    }
}
