//! The partner organization's settings. In Korean.

use crate::i18n::SettingsWords;

pub(super) const WORDS: SettingsWords = SettingsWords {
    settings_title: "파트너 조직",
    partner_name: "조직 이름",
    admins_title: "서비스 제공자 관리자",
    admin_name: "이름",
    admin_email: "이메일",
    add_admin: "관리자 추가",
    subscriptions_title: "Wholesale 구독",
    subscription_name: "구독",
    add_subscription: "구독 추가",
    regions_title: "서비스 지역",
    regions_hint: "서비스하는 모든 데이터 지역에 고객 조직을 만들 수 있습니다.",
    backup_title: "데이터 백업",
    backup_hint: "모든 데이터는 이 브라우저에만 저장됩니다. 사본을 보관하거나 다른 브라우저로 옮기려면 백업을 다운로드하십시오.",
    download_backup: "백업 다운로드",
    saved: "저장했습니다.",
    remove_admin_title: |name| format!("관리자 “{name}”을(를) 제거하시겠습니까?"),
    remove_subscription_title: |name| format!("구독 “{name}”을(를) 제거하시겠습니까?"),
    remove_body: "새 템플릿에서 더 이상 선택할 수 없습니다.",
    region_north_america: "북미",
    region_europe: "유럽",
    region_asia_pacific: "아시아 태평양",
    last_one: "조직에 하나 이상 있어야 합니다. 먼저 다른 항목을 추가하십시오.",
    used_by_templates: |count| {
        format!("온보딩 템플릿 {count}개에서 사용 중입니다. 먼저 해당 템플릿을 변경하십시오.")
    },
};
