//! Exports (Webex API requests, CSV) and what blocks them. In Korean.

use crate::i18n::ExportWords;

pub(super) const WORDS: ExportWords = ExportWords {
    export_api_requests: "API 요청 내보내기",
    export_users_csv: "사용자 내보내기(CSV)",
    export_customers_csv: "고객 내보내기(CSV)",
    blockers_title: "Webex 프로비저닝 전에 고칠 항목",
    blockers_intro: "지금 상태로는 Webex에서 이 고객을 거부합니다(앱에서 검사하기 전에 저장된 값도 있습니다). 프로비저닝하려면 먼저 고치십시오.",
    blockers_export_first: "이 고객의 API 요청은 아직 내보낼 수 없습니다. 먼저 “Webex 프로비저닝 전에 고칠 항목”에 나온 값을 고치십시오.",
    fix_named: |field, place| format!("{place}의 {field} 고치기"),
    fix: "고치기",
    location_named: |name| format!("“{name}” 위치"),
    template_named: |name| format!("“{name}” 템플릿"),
    requests_exported: |n| format!("고객사 {}곳의 API 요청을 내보냈습니다.", crate::i18n::grouped(n)),
    requests_left_out: |n, names| format!("Webex에서 거부할 값이 있는 고객사 {}곳은 제외했습니다: {names}. 각 고객을 열어 고칠 항목을 확인하십시오.", crate::i18n::grouped(n)),
    nothing_to_export: "내보낼 고객이 없습니다. 표시된 고객이 없습니다.",
    edit_customer_information: "고객 정보 편집",
    edit_location_named: |name| format!("{name} 위치 편집"),
    location_keeps_country: "위치의 국가는 바꿀 수 없습니다. 사용자의 전화번호와 고객의 데이터 지역이 국가를 따릅니다.",
    changes_saved: |name| format!("{name}의 변경 사항을 저장했습니다."),
};
