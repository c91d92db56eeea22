//! Restore from a backup, demo data, and starting over. In Korean.

use crate::i18n::RestoreWords;

pub(super) const WORDS: RestoreWords = RestoreWords {
    restore_title: "백업에서 복원",
    restore_hint: "이 브라우저의 모든 데이터를 백업 파일(여기나 다른 브라우저의 “백업 다운로드”로 저장한 파일)의 데이터로 바꿉니다. 바꾸기 전에 파일에 무엇이 있는지 보여 줍니다. 파일을 이 영역에 끌어다 놓아도 됩니다.",
    backup_file: "백업 파일",
    backup_summary: |partner, t, c, l, u| format!("{partner}: 템플릿 {t}개, 고객사 {c}곳, 위치 {l}곳, 사용자 {u}명."),
    backup_holds: |file| format!("“{file}”의 내용"),
    it_replaces: "다음 현재 데이터를 바꿉니다:",
    backup_not_ours: "Wholesale Partner Hub 백업 파일이 아닙니다. “백업 다운로드”로 저장한 .json 파일을 선택하십시오.",
    backup_newer: |v| format!("더 새 버전의 Wholesale Partner Hub(형식 {v})에서 만든 백업입니다. 그 버전에서 여십시오. 아무것도 바뀌지 않았습니다."),
    backup_damaged: |detail| if detail.is_empty() { "손상된 백업입니다. 아무것도 바뀌지 않았습니다.".into() } else { format!("손상된 백업입니다. 아무것도 바뀌지 않았습니다. ({detail})") },
    backup_too_big: "백업이 이 브라우저의 저장 공간에 들어가지 않습니다(새 데이터를 쓸 때까지 현재 데이터가 남아 있어야 합니다). 아무것도 바뀌지 않았습니다. 필요 없는 데이터를 지우거나 다른 브라우저에서 복원하십시오.",
    download_current_first: "현재 데이터 먼저 다운로드",
    replace_data: "내 데이터 바꾸기",
    replace_data_title: "이 브라우저의 모든 데이터를 바꾸시겠습니까?",
    replace_data_body: "조직, 템플릿, 고객과 사용자 등 지금 있는 모든 데이터를 백업으로 바꿉니다. 되돌릴 수 없으니 필요하면 현재 데이터를 먼저 다운로드하십시오.",
    restored: "백업을 복원했습니다.",
    demo_title: "데모 데이터",
    demo_hint: "교육과 시연용: 템플릿 3개와 여러 지역의 고객사 30곳(위치, 사용자, 번호, 프로비저닝 상태 포함)이 있는 파트너입니다. 처음부터 다시 시작할 수도 있습니다. 어느 쪽이든 지금 데이터를 모두 바꾸니 필요하면 먼저 다운로드하십시오.",
    load_demo: "데모 데이터 불러오기",
    load_demo_title: "모든 데이터를 데모로 바꾸시겠습니까?",
    load_demo_body: "지금 있는 모든 데이터를 데모 파트너로 바꿉니다. 되돌릴 수 없으니 필요하면 현재 데이터를 먼저 다운로드하십시오.",
    demo_loaded: "데모 데이터를 불러왔습니다: 템플릿 3개, 고객사 30곳.",
    demo_load_failed: "데모 데이터를 불러올 수 없습니다. 코드를 가져오지 못했습니다. 연결을 확인하고 다시 시도하십시오.",
    reset_all: "모든 데이터 초기화",
    reset_title: "모든 데이터를 초기화하시겠습니까?",
    reset_body: "템플릿, 고객, 사용자, 조직 변경 사항 등 모든 데이터를 지우고 샘플 조직으로 다시 시작합니다. 되돌릴 수 없으니 필요하면 현재 데이터를 먼저 다운로드하십시오.",
    reset_done: "모든 데이터를 초기화했습니다.",
};
