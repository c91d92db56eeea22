//! The sentence shown next to a field whose value a rule rejected. In Korean.

use super::KO;
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
            Field::Location(LocationField::RoutingPrefix) => "이 위치 사용자의 내선 번호가 라우팅 접두사가 없는 다른 위치의 번호와 같습니다. 라우팅 접두사를 지정하십시오.".into(),
            Field::Template(TemplateField::Offer) => "이 템플릿의 상품을 선택하십시오.".into(),
            Field::Template(TemplateField::Country) => "국가 또는 지역을 선택하십시오.".into(),
            Field::Template(TemplateField::ServiceProviderAdmin) => "서비스 제공자 관리자를 선택하십시오.".into(),
            Field::Template(TemplateField::EmailLanguage) => "기본 이메일 언어를 선택하십시오.".into(),
            Field::Template(TemplateField::Subscription) => "Wholesale 구독을 선택하십시오.".into(),
            Field::Template(TemplateField::SamlEntityId) => {
                "IdP의 SAML 메타데이터에 있는 IdP 엔터티 ID를 입력하십시오.".into()
            }
            Field::Template(TemplateField::OidcIdpName) => {
                "OpenID Connect IdP 엔터티 ID(Cisco TAC와 설정한 IdP 이름)를 입력하십시오.".into()
            }
            Field::Template(TemplateField::BrandName) => "고객이 온보딩 이메일에서 볼 브랜드 이름을 입력하십시오.".into(),
            Field::Template(TemplateField::Name) => "템플릿 이름을 입력하십시오.".into(),
            Field::Partner(PartnerField::Name) => "조직 이름을 입력하십시오.".into(),
            Field::Partner(PartnerField::AdminName) => "관리자 이름을 입력하십시오.".into(),
            Field::Partner(PartnerField::AdminEmail) => "관리자 이메일 주소를 입력하십시오.".into(),
            Field::Partner(PartnerField::SubscriptionName) => "구독을 입력하십시오.".into(),
            Field::Customer(CustomerField::CompanyName) => "회사 이름을 입력하십시오.".into(),
            Field::Customer(CustomerField::AdminEmail) => "고객 관리자의 이메일 주소를 입력하십시오.".into(),
            Field::Customer(CustomerField::Template) => "이 고객을 만들 온보딩 템플릿을 선택하십시오.".into(),
            Field::Location(LocationField::Name) => "위치 이름을 입력하십시오.".into(),
            Field::Location(LocationField::AddressLine1) => "주소를 입력하십시오.".into(),
            Field::Location(LocationField::City) => "시/군/구를 입력하십시오.".into(),
            Field::Location(LocationField::State) => "시/도를 선택하십시오. 이 국가에서는 Webex에 필수입니다.".into(),
            Field::Location(LocationField::PostalCode) => "우편번호를 입력하십시오. 이 국가에서는 필수입니다.".into(),
            Field::Location(LocationField::Country) => "국가를 선택하십시오.".into(),
            Field::Location(LocationField::TimeZone) => "시간대를 선택하십시오.".into(),
            Field::Location(LocationField::Language) => "언어를 선택하십시오.".into(),
            Field::User(UserField::FirstName) => "이름을 입력하십시오.".into(),
            Field::User(UserField::LastName) => "성을 입력하십시오.".into(),
            Field::User(UserField::Email) => "이메일 주소를 입력하십시오.".into(),
            Field::User(UserField::Package) => "패키지를 선택하십시오.".into(),
            Field::User(UserField::Location) => "위치를 선택하십시오.".into(),
            Field::Template(TemplateField::PartnerHubId) => "Partner Hub에서 이 템플릿에 표시되는 프로비저닝 ID를 붙여 넣으십시오.".into(),
            Field::Template(TemplateField::AuthMethod | TemplateField::PstnVendor)
            | Field::Customer(CustomerField::Packages | CustomerField::SupportedLocation)
            | Field::Location(LocationField::AddressLine2 | LocationField::PstnConnection)
            | Field::User(UserField::Table | UserField::Role)
            | Field::Number(_)
            | Field::Partner(PartnerField::Regions) => "필수 항목입니다.".into(),
        },
        Problem::TooLong { max } => match field {
            Field::Location(LocationField::AddressLine1 | LocationField::AddressLine2) => {
                format!("Webex에서는 주소 한 줄에 {max}자까지만 받습니다. 줄이거나 나머지를 다른 줄로 옮기십시오.")
            }
            Field::Template(_)
            | Field::Customer(_)
            | Field::Location(LocationField::Name | LocationField::City | LocationField::State | LocationField::PostalCode | LocationField::Country | LocationField::TimeZone | LocationField::Language | LocationField::PstnConnection | LocationField::RoutingPrefix)
            | Field::User(_)
            | Field::Number(_)
            | Field::Partner(_) => format!("{max}자 이하로 입력하십시오."),
        },
        Problem::ForbiddenCharacter { ch } => match field {
            Field::Customer(CustomerField::CompanyName) => format!("Webex에서는 회사 이름에 “{ch}”를 쓸 수 없습니다. 지우거나 “퍼센트”로 풀어 쓰십시오."),
            Field::Template(_)
            | Field::Customer(CustomerField::AdminEmail | CustomerField::Template | CustomerField::Packages | CustomerField::SupportedLocation)
            | Field::Location(_)
            | Field::User(_)
            | Field::Number(_)
            | Field::Partner(_) => format!("Webex에서는 여기에 “{ch}”를 쓸 수 없습니다. 지우십시오."),
        },
        Problem::UnknownSubdivision => "목록에서 시/도를 선택하십시오.".into(),
        Problem::ControlCharacters => "탭이나 줄 바꿈 없이 한 줄로 입력하십시오.".into(),
        Problem::InvisibleCharacters => "텍스트와 함께 붙여 넣어지는 보이지 않는 문자(폭 없는 공백이나 텍스트 방향 표시)를 지우십시오.".into(),
        Problem::AlreadyUsed => match field {
            Field::Template(TemplateField::Name) => {
                "같은 이름의 템플릿이 이미 있습니다. 다른 이름을 입력하십시오.".into()
            }
            Field::Partner(PartnerField::AdminEmail) => "이미 관리자로 등록된 이메일 주소입니다.".into(),
            Field::Customer(CustomerField::CompanyName) => "같은 이름의 고객이 이미 있습니다.".into(),
            Field::Customer(CustomerField::AdminEmail) => "이미 다른 고객의 관리자나 사용자인 이메일 주소입니다.".into(),
            Field::User(UserField::Email) => "이미 고객 관리자나 다른 사용자가 사용 중인 이메일 주소입니다.".into(),
            Field::Number(NumberField::Phone) => "이미 다른 사용자에게 할당된 번호입니다.".into(),
            Field::Number(NumberField::Extension) => "이 위치나, 라우팅 접두사가 없는 이 고객의 다른 위치에서 이미 사용 중인 내선 번호입니다. 다른 번호를 쓰거나 위치에 라우팅 접두사를 지정하십시오.".into(),
            Field::Location(LocationField::Name) => "이 고객에게 같은 이름의 위치가 이미 있습니다.".into(),
            Field::Location(LocationField::RoutingPrefix) => "이 고객의 다른 위치에 같은 라우팅 접두사가 있습니다.".into(),
            Field::Template(TemplateField::PartnerHubId) => "이 프로비저닝 ID에 이미 다른 템플릿이 연결되어 있습니다. Partner Hub 템플릿마다 ID가 다릅니다.".into(),
            Field::Template(TemplateField::Offer | TemplateField::Country | TemplateField::ServiceProviderAdmin | TemplateField::EmailLanguage | TemplateField::Subscription | TemplateField::AuthMethod | TemplateField::SamlEntityId | TemplateField::OidcIdpName | TemplateField::PstnVendor | TemplateField::BrandName)
            | Field::Customer(CustomerField::Template | CustomerField::Packages | CustomerField::SupportedLocation)
            | Field::Location(LocationField::AddressLine1 | LocationField::AddressLine2 | LocationField::City | LocationField::State | LocationField::PostalCode | LocationField::Country | LocationField::TimeZone | LocationField::Language | LocationField::PstnConnection)
            | Field::User(UserField::Table | UserField::FirstName | UserField::LastName | UserField::Package | UserField::Location | UserField::Role)
            | Field::Partner(PartnerField::Name | PartnerField::AdminName | PartnerField::SubscriptionName | PartnerField::Regions) => "이미 사용 중입니다. 다른 값을 입력하십시오.".into(),
        },
        Problem::NotAbsoluteUri => {
            "https://idp.example.com/saml 또는 urn:example:idp 같은 절대 URI를 입력하십시오.".into()
        }
        Problem::Repeated => match field {
            Field::User(UserField::Email) => "앞의 사용자에게도 입력된 이메일 주소입니다.".into(),
            Field::Number(NumberField::Phone) => "앞의 사용자에게도 입력된 번호입니다.".into(),
            Field::Number(NumberField::Extension) => "같은 위치의 앞 사용자에게도 입력된 내선 번호입니다.".into(),
            Field::Location(LocationField::Name) => "다른 새 위치에 같은 이름이 있습니다.".into(),
            Field::Location(LocationField::RoutingPrefix) => "다른 새 위치에 같은 라우팅 접두사가 있습니다.".into(),
            Field::Template(_)
            | Field::Customer(_)
            | Field::Location(LocationField::AddressLine1 | LocationField::AddressLine2 | LocationField::City | LocationField::State | LocationField::PostalCode | LocationField::Country | LocationField::TimeZone | LocationField::Language | LocationField::PstnConnection)
            | Field::User(UserField::Table | UserField::FirstName | UserField::LastName | UserField::Package | UserField::Location | UserField::Role)
            | Field::Partner(_) => "두 번 입력되었습니다.".into(),
        },
        Problem::PhoneFormat => {
            "E.164 형식으로 입력하십시오: + 국가 코드와 번호, 최대 15자리(예: +82 2 1234 5678).".into()
        }
        Problem::PhoneCountry { country } => format!(
            "{} 위치의 번호는 +{}(으)로 시작합니다.",
            KO.country_name(country),
            country.calling_code
        ),
        Problem::PhoneLength { country, min, max } => {
            let name = KO.country_name(country);
            if min == max {
                format!("{name}의 번호는 국가 코드 뒤에 {min}자리입니다.")
            } else {
                format!("{name}의 번호는 국가 코드 뒤에 {min}~{max}자리입니다.")
            }
        }
        Problem::ExtensionFormat { min, max } => format!("{min}~{max}자리 숫자로 입력하십시오."),
        Problem::RoutingPrefixFormat { max } => format!("숫자만, 최대 {max}자리로 입력하십시오."),
        Problem::NumberOrExtension => {
            "통화 패키지 사용자에게는 전화 번호나 내선 번호 중 하나 이상이 필요합니다.".into()
        }
        Problem::PackageNotOnCustomer { package } => {
            format!("{}은(는) 이 고객의 패키지가 아닙니다.", package.name())
        }
        Problem::NotAUserPackage { package } => format!(
            "{}은(는) 고객 수준 패키지 또는 추가 기능입니다. 사용자 패키지를 선택하십시오.",
            package.name()
        ),
        Problem::UnknownLocation { text } => {
            format!("이 고객에게는 “{text}”(이)라는 위치가 없습니다. 위치를 선택하거나 위치 단계에서 추가하십시오.")
        }
        Problem::UnknownRole { text } => {
            format!("“{text}”은(는) 역할이 아닙니다. User, Full admin, Read-only admin, Support admin 또는 User and device admin을 사용하십시오.")
        }
        Problem::UnknownPackage { text } => {
            format!("“{text}”은(는) 패키지가 아닙니다. 이 고객의 패키지 중 하나를 선택하십시오.")
        }
        Problem::AdminDowngrade { level } => format!(
            "고객 전체 관리자의 패키지 다운그레이드는 지원되지 않습니다. 관리자는 고객을 만들 때의 패키지 수준인 {}을(를) 유지합니다.",
            level.name()
        ),
        Problem::AdminSetUp => "고객 관리자가 이미 사용자로 설정되어 있어 여기에서 이 이메일 주소를 더 이상 변경할 수 없습니다.".into(),
        Problem::AdminInWebex => KO.customers.admin_email_in_webex.into(),
        Problem::EmailInWebex => KO.customers.email_in_webex.into(),
        Problem::LocationNotInWebex => "Webex는 통화 기능이 없는 사용자의 위치를 보관하지 않습니다. 통화 패키지와 함께 위치를 선택하십시오.".into(),
        Problem::RoleInWebex => KO.customers.role_in_webex.into(),
        Problem::PackageInUse { package, users } => format!("사용자 {users}명이 {}을(를) 사용합니다. 먼저 다른 패키지로 바꾸십시오.", package.name()),
        Problem::Headquarters => "본사는 삭제할 수 없습니다. 고객에게는 항상 본사가 있습니다.".into(),
        Problem::LocationInUse { users } => format!("이 위치에 사용자 {users}명이 있습니다. 먼저 사용자를 옮기거나 삭제하십시오."),
        Problem::NoUsers => "사용자를 한 명 이상 추가하십시오.".into(),
        Problem::CustomerAdmin => "고객 관리자는 항상 고객의 사용자입니다.".into(),
        Problem::NoPackage => "패키지를 하나 이상 선택하십시오.".into(),
        Problem::PackageNeeds { package, one_of } => format!(
            "{}을(를) 사용하려면 다음 패키지 중 하나도 필요합니다: {}.",
            package.name(),
            one_of.iter().map(|p| p.name()).collect::<Vec<_>>().join(", ")
        ),
        Problem::PostalCodeFormat { example } => format!("이 국가의 형식으로 우편번호를 입력하십시오(예: {example})."),
        Problem::TimeZoneNotInCountry => "선택한 국가의 시간대 중 하나를 선택하십시오.".into(),
        Problem::RegionNotServed { region } => format!(
            "이 국가는 {} 데이터 지역에 속하며, 귀사는 이 지역을 서비스하지 않습니다. 설정에서 지역을 추가하거나 다른 국가를 선택하십시오.",
            KO.region(*region)
        ),
        Problem::MustConfirm => "이 고객이 Cisco Webex 지원 위치에 있는지 확인하십시오.".into(),
        Problem::UnknownChoice => "더 이상 사용할 수 없는 항목입니다. 다시 선택하십시오.".into(),
        Problem::InvalidEmail => "name@example.com 형식의 이메일 주소를 입력하십시오.".into(),
        Problem::LooksLikeAppId => "이 앱의 자체 ID로 보입니다. Partner Hub의 ID가 아닙니다. Partner Hub에서 템플릿을 열고 프로비저닝 ID를 복사하십시오.".into(),
        Problem::NotPartnerHubId => "Partner Hub 프로비저닝 ID가 아닙니다. Partner Hub의 템플릿에서 전체를 복사하십시오. ZjViMzYxODctYzhkZC00NzI3LThiMmYtZjljNDQ3ZjI5MDQ2 같은 형태입니다.".into(),
        Problem::PstnNotChosen => "이 위치의 전화번호가 Webex에 들어오는 방식을 선택하십시오. 이 위치의 통화 사용자에게 번호가 있습니다.".into(),
        Problem::ExtensionsOnlyLocation => "이 위치는 내선 번호만 사용합니다. 번호를 지우거나 위치의 PSTN 연결을 바꾸십시오.".into(),
        Problem::ExtensionRequired => "내선 번호를 입력하십시오. 이 위치는 내선 번호만 사용합니다.".into(),
        Problem::NumbersAtLocation { users } => format!("이 위치의 사용자 {users}명에게 전화번호가 있습니다. 먼저 번호를 지우거나 다른 PSTN 연결을 선택하십시오."),
        Problem::TemplateNotLinked => "템플릿이 아직 Partner Hub에 연결되지 않았습니다. Webex에는 Partner Hub 프로비저닝 ID가 필요합니다.".into(),
    }
}
