//! The Webex API over `fetch`, with the partner's token as a bearer token.
//!
//! Every request is bounded: it times out after [`REQUEST_TIMEOUT_MS`], stops when the
//! partner stops the run, never follows a redirect (which would carry the customer's
//! data, and on a 307 the token, elsewhere), and reads at most [`MAX_BODY_BYTES`] of an
//! answer.

use super::run::{next_page, retry_after_seconds, Answer};
use super::runner::{Connection, Outgoing};
use crate::domain::provisioning::TransportError;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortSignal, ReadableStreamDefaultReader, RequestRedirect, ResponseType};

/// A request with no whole answer by then has failed (and is retried, or looked up).
pub const REQUEST_TIMEOUT_MS: u32 = 30_000;
/// The most of an answer a run reads: Webex's largest pages are a few hundred KB.
pub const MAX_BODY_BYTES: usize = 1 << 20;

pub struct HttpConnection {
    /// A checked base URL, without a trailing slash.
    pub base_url: String,
    pub token: String,
    /// Aborted when the partner stops the run.
    pub stop: AbortSignal,
}

impl Connection for HttpConnection {
    async fn send(&self, request: Outgoing) -> Result<Answer, TransportError> {
        let timeout = AbortSignal::timeout_with_u32(REQUEST_TIMEOUT_MS);
        let signal = AbortSignal::any(&js_sys::Array::of2(&self.stop, &timeout));
        // Why a request failed: the browser says no more than that on purpose.
        let failure = || {
            if self.stop.aborted() {
                TransportError::Aborted
            } else if timeout.aborted() {
                TransportError::Timeout
            } else {
                TransportError::Network
            }
        };
        let init = web_sys::RequestInit::new();
        init.set_method(request.method.as_str());
        init.set_signal(Some(&signal));
        init.set_redirect(RequestRedirect::Manual);
        let headers = web_sys::Headers::new().map_err(|_| TransportError::Network)?;
        let _ = headers.set("Authorization", &format!("Bearer {}", self.token));
        let _ = headers.set("Accept", "application/json");
        if let Some(body) = &request.body {
            let _ = headers.set("Content-Type", "application/json");
            init.set_body(&wasm_bindgen::JsValue::from_str(body));
        }
        init.set_headers(&headers);
        let url = format!("{}{}", self.base_url, request.path);
        let fetched = JsFuture::from(window()?.fetch_with_str_and_init(&url, &init))
            .await
            .map_err(|_| failure())?;
        let response: web_sys::Response = fetched.unchecked_into();
        if response.type_() == ResponseType::Opaqueredirect {
            return Err(TransportError::Redirect);
        }
        let header = |name: &str| response.headers().get(name).ok().flatten();
        let declared = header("Content-Length").and_then(|v| v.trim().parse::<u64>().ok());
        if declared.is_some_and(|n| n > MAX_BODY_BYTES as u64) {
            if let Some(body) = response.body() {
                let _ = body.cancel();
            }
            return Err(TransportError::TooLarge);
        }
        let retry_after = header("Retry-After").and_then(|v| retry_after_seconds(&v));
        let tracking_id = header("TrackingID").or_else(|| header("trackingid"));
        // A next page is followed only under the base URL: the token goes nowhere else.
        let next = header("Link").and_then(|link| next_page(&link, &self.base_url));
        let body = read_body(&response)
            .await
            .map_err(|e| e.unwrap_or_else(failure))?;
        let tracking_id = tracking_id.or_else(|| body_tracking_id(&body));
        Ok(Answer {
            http: response.status(),
            body,
            retry_after,
            tracking_id,
            next,
        })
    }
}

/// The page's window (the app runs in a page, so there is one; a worker would have none).
fn window() -> Result<web_sys::Window, TransportError> {
    web_sys::window().ok_or(TransportError::Network)
}

/// The answer's body as text, read in chunks and given up past [`MAX_BODY_BYTES`];
/// `Err(None)` when reading failed (the caller knows why).
async fn read_body(response: &web_sys::Response) -> Result<String, Option<TransportError>> {
    let Some(stream) = response.body() else {
        return Ok(String::new());
    };
    let reader: ReadableStreamDefaultReader = stream.get_reader().unchecked_into();
    let mut bytes = Vec::new();
    loop {
        let chunk = JsFuture::from(reader.read()).await.map_err(|_| None)?;
        let done = js_sys::Reflect::get(&chunk, &"done".into())
            .ok()
            .and_then(|d| d.as_bool())
            .unwrap_or(true);
        if done {
            break;
        }
        let value = js_sys::Reflect::get(&chunk, &"value".into()).map_err(|_| None)?;
        let part = js_sys::Uint8Array::new(&value);
        if bytes.len() + part.length() as usize > MAX_BODY_BYTES {
            let _ = reader.cancel();
            return Err(Some(TransportError::TooLarge));
        }
        let start = bytes.len();
        bytes.resize(start + part.length() as usize, 0);
        part.copy_to(&mut bytes[start..]);
    }
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// Webex puts `trackingId` in error bodies too.
fn body_tracking_id(body: &str) -> Option<String> {
    #[derive(serde::Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Tracking {
        tracking_id: Option<String>,
    }
    serde_json::from_str::<Tracking>(body).ok()?.tracking_id
}
