//! Customer locations (headquarters and branches) and their addresses.

use crate::domain::address::{parse_postal_code, rules_for};
use crate::domain::country::{self, CountryCode};
use crate::domain::error::Errors;
use crate::domain::ids::{CustomerId, LocationId};
use crate::domain::language::{self, LanguageTag};
use crate::domain::phone::RoutingPrefix;
use crate::domain::pstn::NumberSource;
use crate::domain::subdivision;
use crate::domain::text::bounded_text;
use crate::domain::time_zone;
use crate::domain::{Field, FieldError, LocationField, Problem};
use serde::{Deserialize, Serialize};

bounded_text!(
    /// Unique within a customer.
    LocationName, 80
);
bounded_text!(
    /// Webex takes at most 50 characters an address line; lines saved under the
    /// earlier bound of 100 still open, and must be shortened before provisioning.
    AddressLine, 50, stored 100
);
bounded_text!(CityName, 60);
bounded_text!(StateName, 60);

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Address {
    pub line1: AddressLine,
    pub line2: Option<AddressLine>,
    pub city: CityName,
    pub state: Option<StateName>,
    pub postal_code: Option<String>,
    pub country: CountryCode,
}

/// What is known about a location apart from its id.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LocationDetails {
    pub name: LocationName,
    pub address: Address,
    /// An IANA name offered for the address's country.
    pub time_zone: String,
    pub language: LanguageTag,
    /// How its phone numbers reach Webex (locations of earlier releases: not chosen).
    #[serde(default, skip_serializing_if = "NumberSource::is_not_chosen")]
    pub numbers: NumberSource,
    /// Dialled before its extensions from the customer's other locations: with one, its
    /// extensions may repeat theirs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub routing_prefix: Option<RoutingPrefix>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Location {
    pub id: LocationId,
    pub details: LocationDetails,
}

/// Where an extension at `location` of `customer` must be unique: the location alone
/// when it has a routing prefix (dialled before its extensions from elsewhere), else
/// all of the customer's locations without one, together — a scope named by the
/// customer's own id (no location has it).
pub fn extension_scope(customer: CustomerId, location: LocationId, prefixed: bool) -> LocationId {
    if prefixed {
        location
    } else {
        LocationId::from_u128(customer.as_u128())
    }
}

/// A location form as typed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct LocationDraft {
    pub name: String,
    pub line1: String,
    pub line2: String,
    pub city: String,
    pub state: String,
    pub postal_code: String,
    pub country: String,
    pub time_zone: String,
    pub language: String,
    /// "PSTN connection": how the location's numbers reach Webex.
    pub numbers: NumberSource,
    pub routing_prefix: String,
}

impl Default for LocationDraft {
    fn default() -> Self {
        Self {
            name: String::new(),
            line1: String::new(),
            line2: String::new(),
            city: String::new(),
            state: String::new(),
            postal_code: String::new(),
            country: String::new(),
            time_zone: String::new(),
            language: "en_US".into(),
            numbers: NumberSource::NotChosen,
            routing_prefix: String::new(),
        }
    }
}

impl LocationDraft {
    /// The form of a saved location (to edit it, or to check it against today's rules).
    pub fn from_details(d: &LocationDetails) -> Self {
        let a = &d.address;
        Self {
            name: d.name.to_string(),
            line1: a.line1.to_string(),
            line2: a.line2.as_ref().map(|l| l.to_string()).unwrap_or_default(),
            city: a.city.to_string(),
            state: a.state.as_ref().map(|s| s.to_string()).unwrap_or_default(),
            postal_code: a.postal_code.clone().unwrap_or_default(),
            country: a.country.as_ref().to_string(),
            time_zone: d.time_zone.clone(),
            language: d.language.as_ref().to_string(),
            numbers: d.numbers,
            routing_prefix: d
                .routing_prefix
                .as_ref()
                .map(|p| p.as_str().to_string())
                .unwrap_or_default(),
        }
    }

    /// Chooses a state or province; where the country has several time zones, the
    /// location takes the state's (a Texas office is on Chicago's time).
    pub fn set_state(&mut self, state: String) {
        let code = subdivision::parse(&self.country, &state).unwrap_or_default();
        if let Some(zone) = time_zone::of_state(&self.country, code) {
            self.time_zone = zone.to_string();
        }
        self.state = state;
    }

    /// Nothing of the address is given yet (the country aside).
    pub fn is_unaddressed(&self) -> bool {
        [
            &self.line1,
            &self.line2,
            &self.city,
            &self.state,
            &self.postal_code,
        ]
        .iter()
        .all(|v| v.trim().is_empty())
    }

    /// Chooses a country, keeping the time zone only if that country has it, and the
    /// state only if neither country picks it from a list.
    /// Chooses the country: the time zone follows (one of the country's), and so does
    /// the language while it is the previous country's own (a Korean address speaks
    /// Korean), as a template's e-mail language does; one the partner chose stays.
    pub fn set_country(&mut self, code: String) {
        let own = |country: &str| language::of_country(country).unwrap_or("en_US");
        if self.language == own(&self.country) {
            self.language = own(&code).to_string();
        }
        let zones = country::find(&code).map(|c| c.time_zones).unwrap_or(&[]);
        if !zones.contains(&self.time_zone.as_str()) {
            self.time_zone = zones.first().map(|z| z.to_string()).unwrap_or_default();
        }
        if code != self.country
            && (subdivision::of(&code).is_some() || subdivision::of(&self.country).is_some())
        {
            self.state.clear();
        }
        self.country = code;
    }

    pub fn parse(&self) -> Result<LocationDetails, Vec<FieldError>> {
        let mut e = Errors::default();
        let name = e.check(
            Field::Location(LocationField::Name),
            LocationName::parse(&self.name),
        );
        let line1 = e.check(
            Field::Location(LocationField::AddressLine1),
            AddressLine::parse(&self.line1),
        );
        let line2 = e.check(
            Field::Location(LocationField::AddressLine2),
            optional(&self.line2, AddressLine::parse),
        );
        let city = e.check(
            Field::Location(LocationField::City),
            CityName::parse(&self.city),
        );
        let country = e.check(
            Field::Location(LocationField::Country),
            CountryCode::parse(&self.country),
        );
        let code = country.as_ref().map(|c| c.as_ref()).unwrap_or("");
        let rules = rules_for(code);
        let state = e.check(
            Field::Location(LocationField::State),
            parse_state(&self.state, code, rules.state_required),
        );
        let postal_code = e.check(
            Field::Location(LocationField::PostalCode),
            parse_postal_code(&self.postal_code, code),
        );
        let time_zone = e.check(Field::Location(LocationField::TimeZone), {
            let tz = self.time_zone.trim();
            match &country {
                _ if tz.is_empty() => Err(Problem::Required),
                Some(c) if !c.country().time_zones.contains(&tz) => {
                    Err(Problem::TimeZoneNotInCountry)
                }
                _ => Ok(tz.to_string()),
            }
        });
        let language = e.check(
            Field::Location(LocationField::Language),
            LanguageTag::parse(&self.language),
        );
        let routing_prefix = e.check(
            Field::Location(LocationField::RoutingPrefix),
            optional(&self.routing_prefix, RoutingPrefix::parse),
        );
        let details = (|| {
            Some(LocationDetails {
                name: name?,
                address: Address {
                    line1: line1?,
                    line2: line2?,
                    city: city?,
                    state: state?,
                    postal_code: postal_code?,
                    country: country?,
                },
                time_zone: time_zone?,
                language: language?,
                numbers: self.numbers,
                routing_prefix: routing_prefix?,
            })
        })();
        details.filter(|_| e.is_empty()).ok_or_else(|| e.into_vec())
    }
}

/// Where Webex wants a state or province it is one of the country's subdivisions,
/// kept as its ISO 3166-2 code; elsewhere it is optional free text.
fn parse_state(raw: &str, country: &str, required: bool) -> Result<Option<StateName>, Problem> {
    match optional(raw, StateName::parse)? {
        None if required => Err(Problem::Required),
        None => Ok(None),
        Some(text) if subdivision::of(country).is_some() => {
            subdivision::parse(country, text.as_ref())
                .and_then(|code| StateName::parse(code).map(Some))
        }
        Some(text) => Ok(Some(text)),
    }
}

impl Address {
    /// `stateOrProvince` as Webex wants it: the subdivision's code where the country has
    /// a list (a name saved before the list existed is read as its code), else the text.
    pub fn webex_state(&self) -> Option<String> {
        let state = self.state.as_ref()?.as_ref();
        let country = self.country.as_ref();
        match subdivision::of(country) {
            Some(_) => subdivision::parse(country, state).ok().map(str::to_string),
            None => Some(state.to_string()),
        }
    }
}

/// Empty is `None`; anything else must parse.
fn optional<T>(raw: &str, parse: fn(&str) -> Result<T, Problem>) -> Result<Option<T>, Problem> {
    if raw.trim().is_empty() {
        Ok(None)
    } else {
        parse(raw).map(Some)
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub fn seoul_office() -> LocationDraft {
        LocationDraft {
            name: "Seoul HQ".into(),
            line1: "110 Sejong-daero".into(),
            city: "Seoul".into(),
            postal_code: "04524".into(),
            country: "KR".into(),
            time_zone: "Asia/Seoul".into(),
            language: "ko_KR".into(),
            ..LocationDraft::default()
        }
    }

    fn fields(draft: &LocationDraft) -> Vec<(Field, Problem)> {
        draft
            .parse()
            .unwrap_err()
            .into_iter()
            .map(|e| (e.field, e.problem))
            .collect()
    }

    #[test]
    fn a_location_saved_before_the_pstn_choice_opens_as_not_chosen_and_keeps_a_choice() {
        let mut details = seoul_office().parse().unwrap();
        let json = serde_json::to_value(&details).unwrap();
        assert!(
            json.get("numbers").is_none(),
            "not written while not chosen"
        );
        let old: LocationDetails = serde_json::from_value(json).unwrap();
        assert_eq!(old.numbers, NumberSource::NotChosen);
        details.numbers = NumberSource::ExtensionsOnly;
        let json = serde_json::to_string(&details).unwrap();
        assert!(json.contains(r#""numbers":"extensions_only""#));
        let read: LocationDetails = serde_json::from_str(&json).unwrap();
        assert_eq!(LocationDraft::from_details(&read).parse().unwrap(), details);
    }

    #[test]
    fn a_complete_location_parses() {
        let details = seoul_office().parse().unwrap();
        assert_eq!(details.address.postal_code.as_deref(), Some("04524"));
        assert_eq!(details.address.state, None);
        assert_eq!(details.address.line2, None);
    }

    #[test]
    fn an_empty_form_names_every_required_field() {
        let got: Vec<Field> = fields(&LocationDraft::default())
            .into_iter()
            .map(|(f, _)| f)
            .collect();
        assert_eq!(
            got,
            vec![
                Field::Location(LocationField::Name),
                Field::Location(LocationField::AddressLine1),
                Field::Location(LocationField::City),
                Field::Location(LocationField::Country),
                Field::Location(LocationField::TimeZone)
            ]
        );
    }

    #[test]
    fn us_addresses_need_a_state_and_a_zip_code() {
        let mut draft = seoul_office();
        draft.set_country("US".into());
        assert_eq!(
            draft.time_zone, "America/New_York",
            "a Korean zone does not survive a move to the US"
        );
        draft.postal_code = "".into();
        assert_eq!(
            fields(&draft),
            vec![
                (Field::Location(LocationField::State), Problem::Required),
                (
                    Field::Location(LocationField::PostalCode),
                    Problem::Required
                )
            ]
        );
        draft.state = "CA".into();
        draft.postal_code = "9410".into();
        assert_eq!(
            fields(&draft),
            vec![(
                Field::Location(LocationField::PostalCode),
                Problem::PostalCodeFormat { example: "94105" }
            )]
        );
        draft.postal_code = "94105".into();
        assert!(draft.parse().is_ok());
    }

    #[test]
    fn webex_takes_at_most_50_characters_an_address_line() {
        let mut draft = seoul_office();
        draft.line1 = "가".repeat(50);
        draft.line2 = "b".repeat(51);
        assert_eq!(
            fields(&draft),
            vec![(
                Field::Location(LocationField::AddressLine2),
                Problem::TooLong { max: 50 }
            )]
        );
    }

    #[test]
    fn states_are_kept_as_their_iso_code_where_the_country_has_a_list() {
        let mut draft = seoul_office();
        draft.state = "Seoul".into();
        assert_eq!(
            draft.parse().unwrap().address.state.unwrap().as_ref(),
            "Seoul",
            "free text where Webex has no list"
        );
        draft.set_country("US".into());
        assert_eq!(
            draft.state, "",
            "a state does not survive a move to a country with a list"
        );
        draft.postal_code = "78701".into();
        draft.state = "texas".into();
        let details = draft.parse().unwrap();
        assert_eq!(details.address.state.as_ref().unwrap().as_ref(), "TX");
        assert_eq!(details.address.webex_state().as_deref(), Some("TX"));
        draft.state = "Tex.".into();
        assert_eq!(
            fields(&draft),
            vec![(
                Field::Location(LocationField::State),
                Problem::UnknownSubdivision
            )]
        );
    }

    #[test]
    fn a_saved_location_gives_back_its_form() {
        let details = seoul_office().parse().unwrap();
        assert_eq!(LocationDraft::from_details(&details).parse(), Ok(details));
    }

    #[test]
    fn the_language_follows_the_country_until_the_partner_chooses_one() {
        let mut draft = LocationDraft::default();
        draft.set_country("KR".into());
        assert_eq!(draft.language, "ko_KR", "a Korean address speaks Korean");
        draft.set_country("DE".into());
        assert_eq!(draft.language, "de_DE");
        draft.set_country("SG".into());
        assert_eq!(
            draft.language, "en_US",
            "a country without a language of its own"
        );
        draft.language = "fr_FR".into();
        draft.set_country("KR".into());
        assert_eq!(draft.language, "fr_FR", "chosen by the partner: it stays");
    }

    #[test]
    fn time_zones_must_belong_to_the_country() {
        let mut draft = seoul_office();
        draft.time_zone = "Europe/Berlin".into();
        assert_eq!(
            fields(&draft),
            vec![(
                Field::Location(LocationField::TimeZone),
                Problem::TimeZoneNotInCountry
            )]
        );
        draft.set_country("DE".into());
        assert_eq!(
            draft.time_zone, "Europe/Berlin",
            "a zone the new country has is kept"
        );
    }
}
