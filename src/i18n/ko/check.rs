//! "Check with Webex".

use crate::i18n::CheckWords;

pub static CHECK: CheckWords = CheckWords {
    check_with_webex: "Webex로 확인",
    check_hint: "사전 확인과 조회만 보냅니다. Webex에는 아무것도 쓰지 않습니다.",
    check_progress: "사용자 {of}명 중 {done}명 확인함",
    cancel_check: "확인 취소",
    checked_at: "{at}에 확인함.",
    check_passed: "확인한 모든 항목을 Webex가 받아들입니다.",
    check_failed: "Webex가 거부할 항목({n}개):",
    check_stale: "확인한 뒤 고객이 바뀌었습니다. 프로비저닝 전에 다시 확인하세요.",
    check_incomplete: "모든 응답을 받기 전에 확인이 멈췄습니다: {why}",
    check_customer: "고객",
    check_warning: "Webex 경고",
    check_location_no_calling: "{name}: Webex Calling 없음",
    check_location_no_pstn: "{name}: Webex Calling, PSTN 연결 없음",
    check_location_pstn: "{name}: Webex Calling, PSTN {pstn}",
    col_who: "대상",
    col_field: "항목",
    col_webex_says: "Webex 응답",
    provision_passing: "통과한 사용자 프로비저닝({n}명)",
    check_page: "이 페이지를 Webex로 확인",
    check_pasted: "붙여 넣은 사용자를 Webex로 확인",
    webex_takes_row: "Webex에서 받아들임",
    webex_refuses_row: "Webex: {why}",
    check_needs_token:
        "Webex API 모드에는 액세스 토큰이 필요합니다. 설정에서 입력한 뒤 다시 확인하세요.",
};
