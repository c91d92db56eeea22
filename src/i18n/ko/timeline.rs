//! What the timeline says of each answer Webex gave (or did not). In Korean.

use super::KO;
use crate::domain::provisioning::TransportError;
use crate::domain::timeline::Note;

/// 타임라인이 응답을 요약하는 말. 타임라인의 다른 열처럼 기술적인 말입니다.
pub(in crate::i18n) fn note(note: &Note) -> String {
    let after = |failure: &Option<TransportError>, what: &str| match failure {
        Some(f) => format!("{}; {what}", transport(*f)),
        None => what.to_string(),
    };
    match note {
        Note::PrecheckPassed => "사전 확인 통과".into(),
        Note::PrecheckRefused => "사전 확인 거부됨".into(),
        Note::CustomerFound => "앞서 만든 고객을 찾음".into(),
        Note::NoCustomerYet => "이 externalId의 고객이 아직 없음".into(),
        Note::CustomerNotListedYet => "아직 목록에 없음: 만들기 전에 다시 찾는 중".into(),
        Note::CustomerCreatedAgain => "여러 번 찾아도 목록에 없음: 다시 만드는 중".into(),
        Note::CustomerNotConfirmed => "두 번 만들어도 목록에 없음: 중지됨".into(),
        Note::CustomerAccepted(id) => format!("접수됨: 고객 {id}"),
        Note::Status(s) => format!("상태: {}", KO.remote_status(*s)),
        Note::LocationsListed(n) => format!("위치 {n}곳 조회됨"),
        Note::LocationCreated(id) => format!("위치 {id} 만들어짐"),
        Note::CallingLocations(n) => format!("통화를 사용하는 위치 {n}곳"),
        Note::CallingEnabled => "통화 사용 설정됨".into(),
        Note::AnnouncementLanguages(n) => format!("안내 언어 {n}개"),
        Note::AnnouncementsInEnglish(language) => {
            format!("안내는 영어로: Webex에서 {language}을(를) 제공하지 않음")
        }
        Note::CallingAlreadyEnabled => "통화가 이미 사용 설정됨: 목록을 다시 읽는 중".into(),
        Note::PstnConnection(kind) => format!("PSTN 연결: {kind}"),
        Note::NoPstnConnection => "PSTN 연결 없음".into(),
        Note::ConnectionOptions(n) => format!("연결 옵션 {n}개"),
        Note::PstnSet => "PSTN 연결 설정됨".into(),
        Note::NumbersListed(n) => format!("번호 {n}개 조회됨"),
        Note::NumbersAdded(n) => format!("번호 {n}개 추가됨"),
        Note::NumbersValidated(n) => format!("사용 가능한 번호 {n}개"),
        Note::NumbersActivated(n) => format!("번호 {n}개 활성화됨"),
        Note::UpdateAccepted => "변경 접수됨".into(),
        Note::Refused => "거부됨".into(),
        Note::LocationUpdated => "위치 변경됨".into(),
        Note::RoutingPrefix(prefix) if prefix.is_empty() => "Webex에 라우팅 접두사 없음".into(),
        Note::RoutingPrefix(prefix) => format!("Webex의 라우팅 접두사: {prefix}"),
        Note::RoutingPrefixSet => "라우팅 접두사 설정됨".into(),
        Note::SubscriberUpdated(status) => format!("구독자 변경됨: {status}"),
        Note::SubscriberRemoved => "구독자 삭제됨".into(),
        Note::PersonFound => "사용자(person) ID 읽음".into(),
        Note::PersonRead => "사용자(person) 읽음".into(),
        Note::PersonUpdated => "요청대로 사용자(person) 업데이트됨".into(),
        Note::MoveStarted => "이동 작업 시작됨".into(),
        Note::MoveStatus(status) => format!("이동 작업: {status}"),
        Note::Moved => "이동됨".into(),
        Note::RemovalAccepted => "삭제 접수됨".into(),
        Note::RemovedFromWebex => "Webex에서 삭제됨".into(),
        Note::UserFound => "앞서 만든 사용자를 찾음".into(),
        Note::UserNotListedYet => "아직 목록에 없음: 다시 찾는 중".into(),
        Note::UserElsewhere => "이미 있지만 이 고객의 사용자가 아님: 거부됨".into(),
        Note::UserSentAgain => "만들어지지 않음: 다시 보내는 중".into(),
        Note::UserNotConfirmed => "두 번 만들어도 목록에 없음: 파트너에게 맡김".into(),
        Note::Subscriber(status) => format!("구독자: {status}"),
        Note::UserExists => "이미 있음: 찾는 중".into(),
        Note::Unexpected(excerpt) => format!("예상하지 못한 응답: {excerpt}"),
        Note::Retrying { failure, seconds } => after(failure, &format!("{seconds}초 후 다시 시도")),
        Note::Lost(failure) => after(failure, "결과를 알 수 없음: 다시 만들기 전에 찾는 중"),
        Note::TokenRefused => "토큰이 거부됨".into(),
        Note::StoppedByPartner => "파트너가 중지함".into(),
        Note::AskedToWait(seconds) => format!("{seconds}초 기다리라는 응답: 중지됨"),
        Note::GaveUp(failure) => after(failure, "더 시도하지 않음"),
        Note::Other(line) => line.clone(),
    }
}

fn transport(e: TransportError) -> &'static str {
    match e {
        TransportError::Timeout => "30초 안에 응답 없음",
        TransportError::Network => "네트워크 또는 CORS 오류",
        TransportError::Redirect => "리디렉션을 따르지 않음",
        TransportError::TooLarge => "1MB를 넘는 응답",
        TransportError::Aborted => "파트너가 중지함",
    }
}
