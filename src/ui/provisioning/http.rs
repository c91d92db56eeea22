//! The Webex API over `fetch`, with the partner's token as a bearer token.

use crate::webex::requests::Method;
use crate::webex::run::Answer;
use crate::webex::runner::{Connection, Outgoing};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

pub struct HttpConnection {
    /// Without a trailing slash.
    pub base_url: String,
    pub token: String,
}

impl Connection for HttpConnection {
    async fn send(&self, request: Outgoing) -> Result<Answer, String> {
        let init = web_sys::RequestInit::new();
        init.set_method(match request.method {
            Method::Get => "GET",
            Method::Post => "POST",
        });
        let headers = web_sys::Headers::new().map_err(|_| "no headers".to_string())?;
        let _ = headers.set("Authorization", &format!("Bearer {}", self.token));
        let _ = headers.set("Accept", "application/json");
        if let Some(body) = &request.body {
            let _ = headers.set("Content-Type", "application/json");
            init.set_body(&wasm_bindgen::JsValue::from_str(body));
        }
        init.set_headers(&headers);
        let url = format!("{}{}", self.base_url, request.path);
        let fetched =
            JsFuture::from(leptos::prelude::window().fetch_with_str_and_init(&url, &init))
                .await
                // The browser says no more than this on purpose (CORS, offline, refused).
                .map_err(|_| {
                    "the service could not be reached or refused this browser".to_string()
                })?;
        let response: web_sys::Response = fetched.unchecked_into();
        let header = |name: &str| response.headers().get(name).ok().flatten();
        let retry_after = header("Retry-After").and_then(|v| v.trim().parse().ok());
        let tracking_id = header("TrackingID").or_else(|| header("trackingid"));
        let body = match response.text() {
            Ok(promise) => JsFuture::from(promise)
                .await
                .ok()
                .and_then(|v| v.as_string())
                .unwrap_or_default(),
            Err(_) => String::new(),
        };
        let tracking_id = tracking_id.or_else(|| body_tracking_id(&body));
        Ok(Answer {
            http: response.status(),
            body,
            retry_after,
            tracking_id,
        })
    }
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
