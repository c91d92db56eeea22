//! The app's frame and the words every page shares. In Korean.

use super::KO;
use crate::i18n::CommonWords;
use crate::i18n::Counted;

pub(super) const WORDS: CommonWords = CommonWords {
    app_name: "Wholesale Partner Hub",
    nav_label: "주 메뉴",
    nav_customers: "고객",
    nav_templates: "템플릿",
    nav_settings: "설정",
    language: "표시 언어",
    skip_to_content: "본문으로 건너뛰기",
    not_found_title: "페이지를 찾을 수 없습니다",
    not_found_body: "이 주소에는 페이지가 없습니다. 이동되었거나 삭제되었을 수 있습니다.",
    go_to_customers: "고객으로 이동",
    back: "이전",
    next: "다음",
    submit: "제출",
    cancel: "취소",
    edit: "편집",
    save: "저장",
    save_changes: "변경 사항 저장",
    remove: "제거",
    delete: "삭제",
    duplicate: "복제",
    copy: "복사",
    copied: "복사됨",
    choose: "선택…",
    on: "켜짐",
    off: "꺼짐",
    not_set: "설정 안 함",
    unknown: "알 수 없음(제거됨)",
    error_summary_title: "다음 항목을 수정하십시오:",
    step_of: |n, total| format!("{total}단계 중 {n}단계"),
    step_done: " (완료)",
    progress: "진행 상황",
    n_of_m: |n, m, what| {
        format!(
            "{} 중 {}",
            (KO.common.counted)(m, what),
            (KO.common.counted)(n, what)
        )
    },
    counted: |n, what| {
        let counter = match what {
            Counted::People => "명",
            Counted::Places => "곳",
            Counted::Things => "개",
        };
        format!("{}{counter}", crate::i18n::grouped(n))
    },
    page_load_failed_body: "처음 여는 페이지는 코드를 내려받아야 하는데, 내려받지 못했습니다. 연결을 확인한 뒤 새로 고치세요. 저장한 내용은 그대로 유지됩니다.",
    page_load_failed_title: "이 페이지를 불러오지 못했습니다",
    update_ready: "Wholesale Partner Hub의 새 버전이 준비되었습니다. 새로 고치면 새 버전을 사용합니다. 저장한 내용은 그대로 유지됩니다.",
};
