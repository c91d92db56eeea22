//! Message catalogue. Every visible string comes from a [`Messages`] value; because it
//! is a struct, a language missing a string does not compile.
//!
//! Plain Rust with no framework, so that it builds natively and its tests run with
//! `cargo test`; the UI holds the current language (`ui::i18n`).

mod areas;
mod en;
mod ko;
pub mod places;
mod run;

pub use areas::{
    CheckWords, CommonWords, CustomerWords, ExportWords, ProvisioningWords, RestoreWords,
    SettingsWords, SetupWords, StorageWords, TemplateWords,
};
pub use run::problems_text;

use crate::domain::api_base_url::BaseUrlProblem;
use crate::domain::country::{Country, DataRegion};
use crate::domain::customer::CustomerStatus;
use crate::domain::document::Refused;
use crate::domain::provisioning::{Badge, RemoteStatus, TransportError};
use crate::domain::pstn::NumberSource;
use crate::domain::setup::SetupStep;
use crate::domain::time_zone;
use crate::domain::timeline::Note;
use crate::domain::user::UserRole;
use crate::domain::wizard::WizardStep;
use crate::domain::{
    CustomerField, Field, LocationField, NumberField, PartnerField, Problem, TemplateField,
    UserField,
};
use serde::{Deserialize, Serialize};

/// The kinds of change "Changes not yet in Webex" lists (`domain::changes::Change`,
/// with a number or extension taken away told apart).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(usize)]
pub enum ChangeWords {
    AddPackage,
    RemovePackage,
    UserPackage,
    UserName,
    UserNumber,
    NoNumber,
    UserExtension,
    NoExtension,
    UserLocation,
    UserMoving,
    RemoveUser,
    RenameLocation,
    LocationAddress,
    LocationTimeZone,
    LocationRoutingPrefix,
    AddUser,
    AddLocation,
}

impl ChangeWords {
    pub const COUNT: usize = ChangeWords::AddLocation as usize + 1;
}

/// A template with its named holes filled: `fill("Move {who}", &[("who", "Ana")])`.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Lang {
    En,
    Ko,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Ko];

    pub fn messages(self) -> &'static Messages {
        match self {
            Lang::En => &en::EN,
            Lang::Ko => &ko::KO,
        }
    }

    /// The email language a partner using the app in this language starts with.
    pub fn email_language(self) -> &'static str {
        match self {
            Lang::En => "en_US",
            Lang::Ko => "ko_KR",
        }
    }

    /// The BCP-47 tag for `<html lang>`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ko => "ko",
        }
    }

    /// The setup's words: not in [`Messages`], so that the first screen carries none of
    /// them (the build moves data only split-off code reads into the split module).
    pub fn setup(self) -> &'static SetupWords {
        match self {
            Lang::En => &en::SETUP,
            Lang::Ko => &ko::SETUP,
        }
    }

    /// The words of "Check with Webex" (split-off code only: see `areas::check`).
    pub fn check(self) -> &'static CheckWords {
        match self {
            Lang::En => &en::CHECK,
            Lang::Ko => &ko::CHECK,
        }
    }

    /// The language's own name, as the switcher shows it.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Ko => "한국어",
        }
    }

    /// The language of a BCP-47 tag ("ko", "ko-KR", "en-US"), when it is one we have.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_']).next().unwrap_or_default();
        Lang::ALL
            .into_iter()
            .find(|lang| lang.tag().eq_ignore_ascii_case(primary))
    }
}

/// The city and state labels of an address outside the country whose divisions a
/// language's own labels name.
#[derive(Clone, Copy)]
pub struct AddressAbroad {
    /// That country (ISO 3166 alpha-2).
    pub home: &'static str,
    pub city: &'static str,
    pub state: &'static str,
}

pub struct Messages {
    /// The language these messages are in.
    pub lang: Lang,
    /// `None` where the city and state labels fit any country's address.
    pub address_abroad: Option<AddressAbroad>,
    pub common: CommonWords,
    pub templates: TemplateWords,
    pub customers: CustomerWords,
    pub settings: SettingsWords,
    pub storage: StorageWords,
    pub exports: ExportWords,
    pub provisioning: ProvisioningWords,
    pub restore: RestoreWords,
}

/// A count with thousands grouped by commas, as both languages write them.
pub fn grouped(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(d);
    }
    out
}

impl Messages {
    /// The setup's words ([`Lang::setup`]).
    pub fn setup(&self) -> &'static SetupWords {
        self.lang.setup()
    }

    /// The label of a field, as its form shows it.
    pub fn field_label(&self, field: Field) -> &'static str {
        match field {
            Field::Template(TemplateField::Offer) => self.templates.offer_legend,
            Field::Template(TemplateField::Name) => self.templates.template_name,
            Field::Template(TemplateField::Country) => self.templates.country_or_region,
            Field::Template(TemplateField::ServiceProviderAdmin) => {
                self.templates.service_provider_admin
            }
            Field::Template(TemplateField::EmailLanguage) => self.templates.default_email_language,
            Field::Template(TemplateField::Subscription) => self.templates.wholesale_subscription,
            Field::Template(TemplateField::AuthMethod) => self.templates.authentication_method,
            Field::Template(TemplateField::SamlEntityId) => self.templates.idp_entity_id,
            Field::Template(TemplateField::OidcIdpName) => self.templates.oidc_idp_entity_id,
            Field::Template(TemplateField::PstnVendor) => self.templates.pstn_vendor,
            Field::Template(TemplateField::BrandName) => self.templates.brand_name,
            Field::Template(TemplateField::PartnerHubId) => self.templates.partner_hub_id,
            Field::Customer(CustomerField::CompanyName) => self.customers.company_name,
            Field::Customer(CustomerField::AdminEmail) => self.customers.customer_admin_email,
            Field::Customer(CustomerField::Template) => self.customers.template,
            Field::Customer(CustomerField::Packages) => self.customers.packages,
            Field::Location(LocationField::Name) => self.customers.location_name,
            Field::Location(LocationField::AddressLine1) => self.customers.address_line1,
            Field::Location(LocationField::AddressLine2) => self.customers.address_line2,
            Field::Location(LocationField::City) => self.customers.city,
            Field::Location(LocationField::State) => self.customers.state_or_province,
            Field::Location(LocationField::PostalCode) => self.customers.postal_code,
            Field::Location(LocationField::Country) => self.customers.country,
            Field::Location(LocationField::TimeZone) => self.customers.time_zone,
            Field::Location(LocationField::Language) => self.customers.location_language,
            Field::Location(LocationField::PstnConnection) => self.customers.pstn_connection,
            Field::Location(LocationField::RoutingPrefix) => self.customers.routing_prefix,
            Field::Customer(CustomerField::SupportedLocation) => self.customers.supported_location,
            Field::Partner(PartnerField::Name) => self.settings.partner_name,
            Field::Partner(PartnerField::AdminName) => self.settings.admin_name,
            Field::Partner(PartnerField::AdminEmail) => self.settings.admin_email,
            Field::Partner(PartnerField::SubscriptionName) => self.settings.subscription_name,
            Field::Partner(PartnerField::Regions) => self.settings.regions_title,
            Field::User(UserField::Table) => self.customers.users_title,
            Field::User(UserField::FirstName) => self.setup().first_name,
            Field::User(UserField::LastName) => self.setup().last_name,
            Field::User(UserField::Email) => self.setup().email,
            Field::User(UserField::Package) => self.setup().package,
            Field::User(UserField::Location) => self.setup().location,
            Field::User(UserField::Role) => self.setup().role,
            Field::Number(NumberField::Phone) => self.setup().phone_number,
            Field::Number(NumberField::Extension) => self.setup().extension,
        }
    }

    /// How a row of a repeated group is named: "User 2", "New location 1".
    /// How many rows of a field's group: "134 users", "3 new locations".
    pub fn rows_count(&self, field: Field, n: usize) -> String {
        match SetupStep::of_field(field) {
            Some(SetupStep::Locations) => (self.setup().new_locations_count)(n),
            _ => (self.setup().users_count)(n),
        }
    }

    pub fn row_label(&self, field: Field, position: usize) -> String {
        match SetupStep::of_field(field) {
            Some(SetupStep::Locations) => (self.setup().new_location_n)(position + 1),
            _ => (self.setup().user_n)(position + 1),
        }
    }

    pub fn status(&self, status: CustomerStatus) -> &'static str {
        match status {
            CustomerStatus::Created => self.customers.status_created,
            CustomerStatus::SetUp => self.setup().status_set_up,
        }
    }

    pub fn role(&self, role: UserRole) -> &'static str {
        match role {
            UserRole::User => self.setup().role_user,
            UserRole::FullAdmin => self.setup().role_full_admin,
            UserRole::ReadOnlyAdmin => self.setup().role_read_only_admin,
            UserRole::SupportAdmin => self.setup().role_support_admin,
            UserRole::UserAndDeviceAdmin => self.setup().role_user_and_device_admin,
        }
    }

    pub fn region(&self, region: DataRegion) -> &'static str {
        match region {
            DataRegion::NorthAmerica => self.settings.region_north_america,
            DataRegion::Europe => self.settings.region_europe,
            DataRegion::AsiaPacific => self.settings.region_asia_pacific,
        }
    }

    pub fn number_source(&self, source: NumberSource) -> &'static str {
        match source {
            NumberSource::NotChosen => self.customers.number_source_not_chosen,
            NumberSource::PartnerManaged => self.customers.number_source_partner,
            NumberSource::IntegratedProvider => self.customers.number_source_integrated,
            NumberSource::ExtensionsOnly => self.customers.number_source_extensions,
        }
    }

    pub fn badge(&self, badge: Badge) -> &'static str {
        match badge {
            Badge::NotProvisioned => self.provisioning.badge_not_provisioned,
            Badge::Provisioning => self.provisioning.badge_provisioning,
            Badge::Provisioned => self.provisioning.badge_provisioned,
            Badge::ProvisionedWithErrors => self.provisioning.badge_with_errors,
            Badge::Error => self.provisioning.badge_error,
            Badge::Removing => self.provisioning.badge_removing,
            Badge::NotInWebex => self.provisioning.badge_not_in_webex,
        }
    }

    pub fn remote_status(&self, status: RemoteStatus) -> &'static str {
        match status {
            RemoteStatus::Provisioning => self.provisioning.remote_status_provisioning,
            RemoteStatus::Provisioned => self.provisioning.remote_status_provisioned,
            RemoteStatus::ProvisionedWithErrors => self.provisioning.remote_status_with_errors,
            RemoteStatus::Updating => self.provisioning.remote_status_updating,
            RemoteStatus::Deleting => self.provisioning.remote_status_deleting,
            RemoteStatus::Error => self.provisioning.remote_status_error,
            RemoteStatus::PendingRplReview => self.provisioning.remote_status_review,
            RemoteStatus::Unknown => self.provisioning.remote_status_unknown,
        }
    }

    /// A status with Webex's own spelling beside it when this version does not know it:
    /// "unknown (suspended)".
    pub fn remote_status_text(&self, status: RemoteStatus, text: &str) -> String {
        match status {
            RemoteStatus::Unknown if !text.is_empty() => {
                format!("{} ({text})", self.remote_status(status))
            }
            _ => self.remote_status(status).to_string(),
        }
    }

    /// Why no answer came, as a sentence.
    pub fn transport(&self, e: TransportError) -> &'static str {
        match e {
            TransportError::Timeout => self.provisioning.transport_timeout,
            TransportError::Network => self.provisioning.transport_network,
            TransportError::Redirect => self.provisioning.transport_redirect,
            TransportError::TooLarge => self.provisioning.transport_too_large,
            TransportError::Aborted => self.provisioning.transport_aborted,
        }
    }

    /// The sentence shown next to a field whose value a rule rejected. (A method, not a
    /// field of the table: only the forms' pages call it, so its code is theirs, not the
    /// first screen's.)
    pub fn problem(&self, field: Field, problem: &Problem) -> String {
        match self.lang {
            Lang::En => en::problem(field, problem),
            Lang::Ko => ko::problem(field, problem),
        }
    }

    /// Why the document refused a change.
    pub fn refused(&self, refused: Refused) -> String {
        match refused {
            Refused::NotFound => self.customers.deleted_elsewhere.into(),
            Refused::TemplateInUse { customers } => (self.templates.template_in_use)(customers),
            Refused::UsedByTemplates { count } => (self.settings.used_by_templates)(count),
            Refused::LastOne => self.settings.last_one.into(),
            Refused::CustomerAdmin => self.customers.admin_cannot_be_removed.into(),
            Refused::ChangedSince => self.customers.undo_refused.into(),
            Refused::RunGoingOn => self.customers.while_running.into(),
        }
    }

    /// What the timeline says of an answer (only the customer page's timeline calls it).
    pub fn note(&self, note: &Note) -> String {
        match self.lang {
            Lang::En => en::note(note),
            Lang::Ko => ko::note(note),
        }
    }

    pub fn base_url_problem(&self, problem: BaseUrlProblem) -> &'static str {
        match problem {
            BaseUrlProblem::Empty => self.provisioning.base_url_empty,
            BaseUrlProblem::NotAbsolute => self.provisioning.base_url_not_absolute,
            BaseUrlProblem::NotHttps => self.provisioning.base_url_not_https,
            BaseUrlProblem::Credentials => self.provisioning.base_url_credentials,
            BaseUrlProblem::QueryOrFragment => self.provisioning.base_url_query,
            BaseUrlProblem::Malformed => self.provisioning.base_url_malformed,
        }
    }

    pub fn country_name(&self, country: &Country) -> &'static str {
        places::country_name(self.lang, country.code)
    }

    /// An address field's label for an address in `country`: a language's labels may
    /// name its own country's divisions (Korean: 시/군/구, 시/도), which another
    /// country's address does not have.
    pub fn address_label(&self, field: Field, country: &str) -> &'static str {
        match (self.address_abroad, field) {
            (Some(abroad), Field::Location(LocationField::City)) if country != abroad.home => {
                abroad.city
            }
            (Some(abroad), Field::Location(LocationField::State)) if country != abroad.home => {
                abroad.state
            }
            _ => self.field_label(field),
        }
    }

    /// A time zone as people know it: "(UTC−06:00) Central Time — Chicago".
    pub fn zone_label(&self, id: &str) -> String {
        let (Some(z), Some((name, city))) =
            (time_zone::find(id), places::zone_names(self.lang, id))
        else {
            return id.replace('_', " ");
        };
        format!("({}) {name} — {city}", time_zone::offset_text(z.offset))
    }
}

/// What a number counts, for a language that counts with a counter word (Korean: 명
/// for people, 곳 for places and organizations, 개 for things).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Counted {
    People,
    Places,
    Things,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::country;
    use crate::domain::package::Package;
    use std::collections::BTreeSet;

    /// Which problem this is: a problem added to the domain does not build here until it
    /// has a number, and a sample below.
    fn kind(problem: &Problem) -> usize {
        match problem {
            Problem::Required => 0,
            Problem::TooLong { .. } => 1,
            Problem::ControlCharacters => 2,
            Problem::InvisibleCharacters => 3,
            Problem::ForbiddenCharacter { .. } => 4,
            Problem::UnknownSubdivision => 5,
            Problem::AlreadyUsed => 6,
            Problem::NotAbsoluteUri => 7,
            Problem::UnknownChoice => 8,
            Problem::InvalidEmail => 9,
            Problem::NoPackage => 10,
            Problem::PackageNeeds { .. } => 11,
            Problem::PostalCodeFormat { .. } => 12,
            Problem::TimeZoneNotInCountry => 13,
            Problem::RegionNotServed { .. } => 14,
            Problem::MustConfirm => 15,
            Problem::Repeated => 16,
            Problem::PhoneFormat => 17,
            Problem::PhoneCountry { .. } => 18,
            Problem::PhoneLength { .. } => 19,
            Problem::ExtensionFormat { .. } => 20,
            Problem::NumberOrExtension => 21,
            Problem::PackageNotOnCustomer { .. } => 22,
            Problem::NotAUserPackage { .. } => 23,
            Problem::UnknownPackage { .. } => 24,
            Problem::UnknownLocation { .. } => 25,
            Problem::UnknownRole { .. } => 26,
            Problem::AdminDowngrade { .. } => 27,
            Problem::AdminSetUp => 28,
            Problem::PackageInUse { .. } => 29,
            Problem::Headquarters => 30,
            Problem::LocationInUse { .. } => 31,
            Problem::NoUsers => 32,
            Problem::CustomerAdmin => 33,
            Problem::LooksLikeAppId => 34,
            Problem::NotPartnerHubId => 35,
            Problem::TemplateNotLinked => 36,
            Problem::PstnNotChosen => 37,
            Problem::ExtensionsOnlyLocation => 38,
            Problem::ExtensionRequired => 39,
            Problem::NumbersAtLocation { .. } => 40,
            Problem::RoutingPrefixFormat { .. } => 41,
            Problem::AdminInWebex => 42,
            Problem::EmailInWebex => 43,
            Problem::RoleInWebex => 44,
            Problem::LocationNotInWebex => 45,
        }
    }
    const KINDS: usize = 46;

    /// One of each problem, and a second where a count changes the sentence.
    fn every_problem() -> Vec<Problem> {
        let korea = country::find("KR").expect("the table has Korea");
        vec![
            Problem::Required,
            Problem::TooLong { max: 80 },
            Problem::ControlCharacters,
            Problem::InvisibleCharacters,
            Problem::ForbiddenCharacter { ch: '%' },
            Problem::UnknownSubdivision,
            Problem::AlreadyUsed,
            Problem::NotAbsoluteUri,
            Problem::UnknownChoice,
            Problem::InvalidEmail,
            Problem::NoPackage,
            Problem::PackageNeeds {
                package: Package::AttendantConsole,
                one_of: &[Package::WebexCalling, Package::WebexSuite],
            },
            Problem::PostalCodeFormat { example: "12345" },
            Problem::TimeZoneNotInCountry,
            Problem::RegionNotServed {
                region: DataRegion::Europe,
            },
            Problem::MustConfirm,
            Problem::Repeated,
            Problem::PhoneFormat,
            Problem::PhoneCountry { country: korea },
            Problem::PhoneLength {
                country: korea,
                min: 9,
                max: 10,
            },
            Problem::PhoneLength {
                country: korea,
                min: 10,
                max: 10,
            },
            Problem::ExtensionFormat { min: 2, max: 6 },
            Problem::NumberOrExtension,
            Problem::PackageNotOnCustomer {
                package: Package::WebexCalling,
            },
            Problem::NotAUserPackage {
                package: Package::CommonAreaCalling,
            },
            Problem::UnknownPackage {
                text: "Gold".into(),
            },
            Problem::UnknownLocation {
                text: "Mars".into(),
            },
            Problem::UnknownRole {
                text: "boss".into(),
            },
            Problem::AdminDowngrade {
                level: Package::WebexMeetings,
            },
            Problem::AdminSetUp,
            Problem::AdminInWebex,
            Problem::EmailInWebex,
            Problem::RoleInWebex,
            Problem::LocationNotInWebex,
            Problem::PackageInUse {
                package: Package::WebexCalling,
                users: 2,
            },
            Problem::Headquarters,
            Problem::LocationInUse { users: 1 },
            Problem::LocationInUse { users: 4 },
            Problem::NoUsers,
            Problem::CustomerAdmin,
            Problem::LooksLikeAppId,
            Problem::NotPartnerHubId,
            Problem::TemplateNotLinked,
            Problem::PstnNotChosen,
            Problem::ExtensionsOnlyLocation,
            Problem::RoutingPrefixFormat { max: 7 },
            Problem::ExtensionRequired,
            Problem::NumbersAtLocation { users: 1 },
            Problem::NumbersAtLocation { users: 5 },
        ]
    }

    #[test]
    fn every_problem_has_a_sentence_in_each_language_for_every_field() {
        let problems = every_problem();
        let kinds: BTreeSet<usize> = problems.iter().map(kind).collect();
        assert_eq!(kinds.len(), KINDS, "a sample of each problem");
        for problem in &problems {
            for field in Field::all() {
                let en = Lang::En.messages().problem(field, problem);
                let ko = Lang::Ko.messages().problem(field, problem);
                let says = format!("{problem:?} on {field:?}: “{en}” / “{ko}”");
                assert!(en.len() > 10 && en.ends_with(['.', ')']), "{says}");
                assert!(ko.chars().any(|c| ('가'..='힣').contains(&c)), "{says}");
                assert!(
                    !en.contains('{') && !ko.contains('{'),
                    "a hole left: {says}"
                );
            }
        }
    }

    #[test]
    fn the_timeline_speaks_the_apps_language() {
        let notes = [
            Note::PrecheckPassed,
            Note::Status(RemoteStatus::ProvisionedWithErrors),
            Note::LocationsListed(1),
            Note::NumbersAdded(3),
            Note::Retrying {
                failure: Some(TransportError::Timeout),
                seconds: 2,
            },
            Note::GaveUp(None),
            Note::TokenRefused,
        ];
        for note in &notes {
            let ko = Lang::Ko.messages().note(note);
            assert!(
                ko.chars().any(|c| ('가'..='힣').contains(&c)),
                "{note:?} reads {ko}"
            );
        }
        let en = |note| Lang::En.messages().note(&note);
        assert_eq!(en(Note::LocationsListed(1)), "1 location listed");
        assert_eq!(en(Note::NumbersAdded(3)), "3 numbers added");
        assert_eq!(
            en(Note::Status(RemoteStatus::ProvisionedWithErrors)),
            "status: Provisioned with errors"
        );
        // A line this version does not know is shown as it was, in any language.
        let other = Note::Other("written by a later version".into());
        assert_eq!(
            Lang::Ko.messages().note(&other),
            "written by a later version"
        );
    }
}
