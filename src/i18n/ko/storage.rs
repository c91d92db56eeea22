//! What storage did or could not do. In Korean.

use crate::i18n::StorageWords;

pub(super) const WORDS: StorageWords = StorageWords {
    unreadable_title: "저장된 데이터를 읽을 수 없습니다",
    unreadable_foreign: "이 브라우저에 저장된 데이터는 Wholesale Partner Hub가 저장한 것이 아닙니다.",
    unreadable_future: |v| format!("이 버전보다 새로운 Wholesale Partner Hub가 저장한 데이터입니다(형식 {v})."),
    unreadable_corrupt: "저장된 데이터가 손상되었습니다.",
    unreadable_kept: "데이터는 그대로 따로 보관했으며, 앱은 이 데이터 없이 시작했습니다. 사본을 보관하려면 다운로드하십시오.",
    unreadable_blocked: "데이터를 따로 옮길 수 없어, 다운로드하거나 버리기 전까지는 변경 내용이 저장되지 않습니다.",
    download_unreadable: "읽을 수 없는 데이터 다운로드",
    discard_unreadable: "버리기",
    discard_unreadable_title: "읽을 수 없는 데이터를 버리시겠습니까?",
    discard_unreadable_body: "이 브라우저에서 삭제됩니다. 필요할 수 있다면 먼저 다운로드하십시오.",
    unreadable_superseded: "다른 탭에 열려 있는 이전 버전의 Wholesale Partner Hub가 이 브라우저의 데이터가 업그레이드된 뒤에 저장한 데이터입니다.",
    quota_full: "저장 공간이 가득 찼습니다. 마지막 변경 내용은 저장되지 않았으며, 이전에 저장된 내용은 안전합니다. 필요 없는 항목을 삭제하거나 백업을 다운로드하십시오.",
    quota_needs: |needed, free| format!(
        "이 변경에는 브라우저 저장 공간이 약 {}자 필요하지만, 남은 공간은 약 {}자입니다.",
        crate::i18n::grouped(needed),
        crate::i18n::grouped(free)
    ),
    storage_unavailable: "이 브라우저에서는 데이터를 저장할 수 없습니다(저장소가 꺼져 있거나 차단됨). 변경 내용은 이 탭을 닫을 때까지만 유지됩니다.",
    updated_elsewhere: "다른 탭에서 변경한 내용으로 업데이트했습니다.",
    changed_elsewhere: "방금 다른 탭에서 변경되어 변경 내용을 저장하지 않았습니다. 화면에 최신 내용을 표시했으니, 필요하면 다시 변경하십시오.",
    newer_version_elsewhere: "다른 탭에서 새 버전의 Wholesale Partner Hub가 데이터를 저장했기 때문에 이 탭에서는 더 이상 저장하지 않습니다. 마지막 변경 내용은 저장되지 않았습니다. 새 버전으로 계속하려면 이 페이지를 새로 고치십시오.",
    reload: "새로 고침",
    draft_lost: "저장된 사본이 손상되어 작성 중이던 마법사를 복원할 수 없었습니다. 처음부터 다시 시작합니다.",
};
