//! States and provinces (ISO 3166-2 subdivisions) of the countries where Webex asks for
//! one in an address: `stateOrProvince` is the subdivision's code ("CA" for California,
//! the part after "US-"). Names are as the country writes them on an envelope.

use crate::domain::text::name_key;
use crate::domain::Problem;

/// A country's subdivisions: (code, name), sorted by name.
pub type Subdivisions = &'static [(&'static str, &'static str)];

/// Countries whose addresses need a state or province, with their subdivisions.
pub const SUBDIVISIONS: &[(&str, Subdivisions)] = &[
    (
        "AU",
        &[
            ("ACT", "Australian Capital Territory"),
            ("NSW", "New South Wales"),
            ("NT", "Northern Territory"),
            ("QLD", "Queensland"),
            ("SA", "South Australia"),
            ("TAS", "Tasmania"),
            ("VIC", "Victoria"),
            ("WA", "Western Australia"),
        ],
    ),
    (
        "BR",
        &[
            ("AC", "Acre"),
            ("AL", "Alagoas"),
            ("AP", "Amapá"),
            ("AM", "Amazonas"),
            ("BA", "Bahia"),
            ("CE", "Ceará"),
            ("DF", "Distrito Federal"),
            ("ES", "Espírito Santo"),
            ("GO", "Goiás"),
            ("MA", "Maranhão"),
            ("MT", "Mato Grosso"),
            ("MS", "Mato Grosso do Sul"),
            ("MG", "Minas Gerais"),
            ("PA", "Pará"),
            ("PB", "Paraíba"),
            ("PR", "Paraná"),
            ("PE", "Pernambuco"),
            ("PI", "Piauí"),
            ("RJ", "Rio de Janeiro"),
            ("RN", "Rio Grande do Norte"),
            ("RS", "Rio Grande do Sul"),
            ("RO", "Rondônia"),
            ("RR", "Roraima"),
            ("SC", "Santa Catarina"),
            ("SP", "São Paulo"),
            ("SE", "Sergipe"),
            ("TO", "Tocantins"),
        ],
    ),
    (
        "CA",
        &[
            ("AB", "Alberta"),
            ("BC", "British Columbia"),
            ("MB", "Manitoba"),
            ("NB", "New Brunswick"),
            ("NL", "Newfoundland and Labrador"),
            ("NT", "Northwest Territories"),
            ("NS", "Nova Scotia"),
            ("NU", "Nunavut"),
            ("ON", "Ontario"),
            ("PE", "Prince Edward Island"),
            ("QC", "Quebec"),
            ("SK", "Saskatchewan"),
            ("YT", "Yukon"),
        ],
    ),
    (
        "IN",
        &[
            ("AN", "Andaman and Nicobar Islands"),
            ("AP", "Andhra Pradesh"),
            ("AR", "Arunachal Pradesh"),
            ("AS", "Assam"),
            ("BR", "Bihar"),
            ("CH", "Chandigarh"),
            ("CG", "Chhattisgarh"),
            ("DH", "Dadra and Nagar Haveli and Daman and Diu"),
            ("DL", "Delhi"),
            ("GA", "Goa"),
            ("GJ", "Gujarat"),
            ("HR", "Haryana"),
            ("HP", "Himachal Pradesh"),
            ("JK", "Jammu and Kashmir"),
            ("JH", "Jharkhand"),
            ("KA", "Karnataka"),
            ("KL", "Kerala"),
            ("LA", "Ladakh"),
            ("LD", "Lakshadweep"),
            ("MP", "Madhya Pradesh"),
            ("MH", "Maharashtra"),
            ("MN", "Manipur"),
            ("ML", "Meghalaya"),
            ("MZ", "Mizoram"),
            ("NL", "Nagaland"),
            ("OD", "Odisha"),
            ("PY", "Puducherry"),
            ("PB", "Punjab"),
            ("RJ", "Rajasthan"),
            ("SK", "Sikkim"),
            ("TN", "Tamil Nadu"),
            ("TS", "Telangana"),
            ("TR", "Tripura"),
            ("UP", "Uttar Pradesh"),
            ("UK", "Uttarakhand"),
            ("WB", "West Bengal"),
        ],
    ),
    (
        "MX",
        &[
            ("AGU", "Aguascalientes"),
            ("BCN", "Baja California"),
            ("BCS", "Baja California Sur"),
            ("CAM", "Campeche"),
            ("CHP", "Chiapas"),
            ("CHH", "Chihuahua"),
            ("CMX", "Ciudad de México"),
            ("COA", "Coahuila"),
            ("COL", "Colima"),
            ("DUR", "Durango"),
            ("MEX", "Estado de México"),
            ("GUA", "Guanajuato"),
            ("GRO", "Guerrero"),
            ("HID", "Hidalgo"),
            ("JAL", "Jalisco"),
            ("MIC", "Michoacán"),
            ("MOR", "Morelos"),
            ("NAY", "Nayarit"),
            ("NLE", "Nuevo León"),
            ("OAX", "Oaxaca"),
            ("PUE", "Puebla"),
            ("QUE", "Querétaro"),
            ("ROO", "Quintana Roo"),
            ("SLP", "San Luis Potosí"),
            ("SIN", "Sinaloa"),
            ("SON", "Sonora"),
            ("TAB", "Tabasco"),
            ("TAM", "Tamaulipas"),
            ("TLA", "Tlaxcala"),
            ("VER", "Veracruz"),
            ("YUC", "Yucatán"),
            ("ZAC", "Zacatecas"),
        ],
    ),
    (
        "US",
        &[
            ("AL", "Alabama"),
            ("AK", "Alaska"),
            ("AS", "American Samoa"),
            ("AZ", "Arizona"),
            ("AR", "Arkansas"),
            ("CA", "California"),
            ("CO", "Colorado"),
            ("CT", "Connecticut"),
            ("DE", "Delaware"),
            ("DC", "District of Columbia"),
            ("FL", "Florida"),
            ("GA", "Georgia"),
            ("GU", "Guam"),
            ("HI", "Hawaii"),
            ("ID", "Idaho"),
            ("IL", "Illinois"),
            ("IN", "Indiana"),
            ("IA", "Iowa"),
            ("KS", "Kansas"),
            ("KY", "Kentucky"),
            ("LA", "Louisiana"),
            ("ME", "Maine"),
            ("MD", "Maryland"),
            ("MA", "Massachusetts"),
            ("MI", "Michigan"),
            ("MN", "Minnesota"),
            ("MS", "Mississippi"),
            ("MO", "Missouri"),
            ("MT", "Montana"),
            ("NE", "Nebraska"),
            ("NV", "Nevada"),
            ("NH", "New Hampshire"),
            ("NJ", "New Jersey"),
            ("NM", "New Mexico"),
            ("NY", "New York"),
            ("NC", "North Carolina"),
            ("ND", "North Dakota"),
            ("MP", "Northern Mariana Islands"),
            ("OH", "Ohio"),
            ("OK", "Oklahoma"),
            ("OR", "Oregon"),
            ("PA", "Pennsylvania"),
            ("PR", "Puerto Rico"),
            ("RI", "Rhode Island"),
            ("SC", "South Carolina"),
            ("SD", "South Dakota"),
            ("TN", "Tennessee"),
            ("TX", "Texas"),
            ("VI", "U.S. Virgin Islands"),
            ("UT", "Utah"),
            ("VT", "Vermont"),
            ("VA", "Virginia"),
            ("WA", "Washington"),
            ("WV", "West Virginia"),
            ("WI", "Wisconsin"),
            ("WY", "Wyoming"),
        ],
    ),
];

/// The subdivisions of `country`, if Webex wants one of them in its addresses.
pub fn of(country: &str) -> Option<Subdivisions> {
    SUBDIVISIONS
        .iter()
        .find(|(code, _)| *code == country)
        .map(|(_, list)| *list)
}

/// A subdivision of `country` as its code: given as the code ("ca", "US-CA") or the
/// name ("california"), as older data and pasted addresses have it.
pub fn parse(country: &str, raw: &str) -> Result<&'static str, Problem> {
    let list = of(country).ok_or(Problem::UnknownSubdivision)?;
    let raw = raw.trim();
    let code = raw
        .get(..country.len() + 1)
        .filter(|prefix| prefix.eq_ignore_ascii_case(&format!("{country}-")))
        .map_or(raw, |_| &raw[country.len() + 1..]);
    let key = name_key(raw);
    list.iter()
        .find(|(c, name)| c.eq_ignore_ascii_case(code) || name_key(name) == key)
        .map(|(c, _)| *c)
        .ok_or(Problem::UnknownSubdivision)
}

/// The name of a subdivision from its code, for showing a saved address.
pub fn name(country: &str, code: &str) -> Option<&'static str> {
    of(country)?
        .iter()
        .find(|(c, _)| *c == code)
        .map(|(_, name)| *name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::address::{rules_for, ADDRESS_RULES};
    use std::collections::HashSet;

    #[test]
    fn every_country_that_needs_a_state_has_its_list() {
        for (country, rules) in ADDRESS_RULES {
            assert_eq!(
                rules.state_required,
                of(country).is_some(),
                "{country}: a state is required exactly where the list is"
            );
        }
        for (country, list) in SUBDIVISIONS {
            assert!(rules_for(country).state_required, "{country}");
            let codes: HashSet<_> = list.iter().map(|(c, _)| *c).collect();
            assert_eq!(codes.len(), list.len(), "{country}: codes repeat");
            for (code, name) in *list {
                assert!((2..=3).contains(&code.len()), "{country}-{code}");
                assert!(code
                    .chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit()));
                assert_eq!(parse(country, name), Ok(*code), "{name}");
            }
        }
        assert_eq!(
            of("US").unwrap().len(),
            56,
            "50 states, DC and 5 territories"
        );
        assert_eq!(of("CA").unwrap().len(), 13);
        assert_eq!(of("MX").unwrap().len(), 32);
    }

    #[test]
    fn codes_names_and_prefixed_codes_all_give_the_code() {
        for raw in ["CA", "ca", " US-CA ", "us-ca", "California", "CALIFORNIA"] {
            assert_eq!(parse("US", raw), Ok("CA"), "{raw}");
        }
        assert_eq!(parse("MX", "nuevo león"), Ok("NLE"));
        assert_eq!(parse("BR", "SP"), Ok("SP"));
        assert_eq!(
            parse("CA", "CA"),
            Err(Problem::UnknownSubdivision),
            "CA is not a Canadian province"
        );
        assert_eq!(parse("US", "Calif."), Err(Problem::UnknownSubdivision));
        assert_eq!(parse("KR", "Seoul"), Err(Problem::UnknownSubdivision));
        assert_eq!(name("US", "TX"), Some("Texas"));
    }
}
