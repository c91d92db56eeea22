//! The Webex API's base URL as a partner enters it. Requests, and the access token
//! with them, go there, so only an absolute `https:` URL is accepted (or `http:` on
//! this machine, for local testing): a relative one would send the token to the app's
//! own host, and a `javascript:` or `ftp:` one is no API at all.

/// Cisco's own service. Any other host is allowed (a proxy, a test double) and warned of.
pub const WEBEX_HOST: &str = "webexapis.com";

/// A base URL that requests may go to: scheme and host in lower case, no trailing `/`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ApiBaseUrl {
    url: String,
    host: String,
}

/// Why a base URL is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BaseUrlProblem {
    Empty,
    /// No scheme and host (`wholesale-evil`, `//host/v1`, `/v1`).
    NotAbsolute,
    /// Not `https:` (or `http:` on this machine).
    NotHttps,
    /// `user:password@` before the host.
    Credentials,
    /// A `?query` or `#fragment`: paths are appended to the base URL.
    QueryOrFragment,
    /// A host or path no URL has (spaces, backslashes, an empty host, a bad port).
    Malformed,
}

impl ApiBaseUrl {
    pub fn parse(raw: &str) -> Result<Self, BaseUrlProblem> {
        let raw = raw.trim();
        if raw.is_empty() {
            return Err(BaseUrlProblem::Empty);
        }
        let Some((scheme, rest)) = raw.split_once("://") else {
            // `javascript:alert(1)`, `mailto:x`: a scheme, but not a web address.
            return Err(match raw.split_once(':') {
                Some((scheme, _)) if is_scheme(scheme) => BaseUrlProblem::NotHttps,
                _ => BaseUrlProblem::NotAbsolute,
            });
        };
        if !is_scheme(scheme) {
            return Err(BaseUrlProblem::NotAbsolute);
        }
        let scheme = scheme.to_ascii_lowercase();
        if raw.contains(['?', '#']) {
            return Err(BaseUrlProblem::QueryOrFragment);
        }
        if raw
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || c == '\\')
        {
            return Err(BaseUrlProblem::Malformed);
        }
        let (authority, path) = match rest.find('/') {
            Some(i) => rest.split_at(i),
            None => (rest, ""),
        };
        if authority.contains('@') {
            return Err(BaseUrlProblem::Credentials);
        }
        let (host, port) = split_port(authority).ok_or(BaseUrlProblem::Malformed)?;
        let host = host.to_ascii_lowercase();
        let host_ok = if let Some(v6) = host.strip_prefix('[') {
            v6.strip_suffix(']').is_some_and(|inner| {
                !inner.is_empty()
                    && inner
                        .bytes()
                        .all(|b| b.is_ascii_hexdigit() || b == b':' || b == b'.')
            })
        } else {
            !host.is_empty()
                && !host.starts_with(['.', '-'])
                && host
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-')
        };
        if !host_ok {
            return Err(BaseUrlProblem::Malformed);
        }
        match scheme.as_str() {
            "https" => {}
            "http" if is_loopback(&host) => {}
            _ => return Err(BaseUrlProblem::NotHttps),
        }
        let path = path.trim_end_matches('/');
        let port = port.map(|p| format!(":{p}")).unwrap_or_default();
        Ok(Self {
            url: format!("{scheme}://{host}{port}{path}"),
            host,
        })
    }

    pub fn as_str(&self) -> &str {
        &self.url
    }

    pub fn host(&self) -> &str {
        &self.host
    }

    /// Cisco's own service (anything else is warned of beside the field and on the
    /// provisioning panel).
    pub fn is_webex(&self) -> bool {
        self.host == WEBEX_HOST
    }
}

/// The partner's access token with the base URL it was entered for: it may be sent
/// there and nowhere else. The saved settings can be rewritten by any page of the same
/// origin, so a base URL that changed since, by anyone, gets no token.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BoundToken {
    pub base_url: String,
    pub token: String,
}

impl BoundToken {
    /// The token, if it was entered for `base_url`.
    pub fn for_url(&self, base_url: &str) -> Option<&str> {
        (!self.token.is_empty() && self.base_url == base_url).then_some(self.token.as_str())
    }

    /// How "Remember the token in this tab" keeps it: the base URL, a line break, the
    /// token (a base URL has no line break; a typed token has none either).
    pub fn remembered(&self) -> String {
        format!("{}\n{}", self.base_url, self.token)
    }

    /// A remembered token; one kept by an earlier release (the token alone, bound to
    /// nothing) is not read.
    pub fn from_remembered(kept: &str) -> Option<Self> {
        let (base_url, token) = kept.split_once('\n')?;
        Some(Self {
            base_url: base_url.to_string(),
            token: token.to_string(),
        })
    }
}

fn is_scheme(s: &str) -> bool {
    let mut bytes = s.bytes();
    bytes.next().is_some_and(|b| b.is_ascii_alphabetic())
        && bytes.all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.'))
}

/// `host[:port]` (`[v6]:port` too); `None` when the port is not a port.
fn split_port(authority: &str) -> Option<(&str, Option<u16>)> {
    let colon = match authority.rfind(':') {
        Some(i) if !authority[i..].contains(']') => i,
        _ => return Some((authority, None)),
    };
    let (host, port) = (&authority[..colon], &authority[colon + 1..]);
    if port.is_empty() || !port.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some((host, Some(port.parse().ok().filter(|p| *p > 0)?)))
}

/// This machine: `localhost`, `127.0.0.0/8`, `[::1]`.
fn is_loopback(host: &str) -> bool {
    let v4 = host.strip_prefix("127.").is_some_and(|rest| {
        let parts: Vec<&str> = rest.split('.').collect();
        parts.len() == 3
            && parts
                .iter()
                .all(|p| !p.is_empty() && p.len() <= 3 && p.parse::<u8>().is_ok())
    });
    v4 || host == "localhost" || host == "[::1]"
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn the_inputs_that_would_send_the_token_elsewhere_are_refused() {
        use BaseUrlProblem::*;
        for (raw, problem) in [
            ("", Empty),
            ("   ", Empty),
            ("wholesale-evil", NotAbsolute),
            ("//host/v1", NotAbsolute),
            ("/v1", NotAbsolute),
            ("webexapis.com/v1", NotAbsolute),
            ("http://example.com", NotHttps),
            ("http://webexapis.com/v1", NotHttps),
            ("http://127.0.0.1.evil.example/v1", NotHttps),
            ("ftp://webexapis.com/v1", NotHttps),
            ("javascript:alert(1)", NotHttps),
            ("data:text/html,x", NotHttps),
            ("https://user:pw@webexapis.com/v1", Credentials),
            ("https://webexapis.com@evil.example/v1", Credentials),
            ("https://webexapis.com/v1?x=1", QueryOrFragment),
            ("https://webexapis.com/v1#x", QueryOrFragment),
            ("https://webex apis.com", Malformed),
            ("https:///v1", Malformed),
            ("https://webexapis.com\\@evil.example", Malformed),
            ("https://webexapis.com:0/v1", Malformed),
            ("https://webexapis.com:99999/v1", Malformed),
            ("https://webexapis.com:/v1", Malformed),
        ] {
            assert_eq!(ApiBaseUrl::parse(raw), Err(problem), "{raw:?}");
        }
    }

    #[test]
    fn webex_and_other_https_hosts_and_this_machine_over_http_are_accepted() {
        let webex = ApiBaseUrl::parse(" HTTPS://WebexAPIs.com/v1/ ").unwrap();
        assert_eq!(webex.as_str(), "https://webexapis.com/v1");
        assert!(webex.is_webex());
        let other = ApiBaseUrl::parse("https://proxy.partner.example:8443/webex/v1").unwrap();
        assert_eq!(
            other.as_str(),
            "https://proxy.partner.example:8443/webex/v1"
        );
        assert!(!other.is_webex(), "accepted, with a warning");
        assert!(!ApiBaseUrl::parse("https://webexapis.com.evil.example/v1")
            .unwrap()
            .is_webex());
        for local in [
            "http://127.0.0.1:4175",
            "http://localhost:8080/v1",
            "http://[::1]:9000",
            "http://127.1.2.3",
        ] {
            assert!(ApiBaseUrl::parse(local).is_ok(), "{local}");
        }
    }

    #[test]
    fn a_token_goes_only_where_it_was_entered_for() {
        let bound = BoundToken {
            base_url: "https://webexapis.com/v1".into(),
            token: "secret".into(),
        };
        assert_eq!(bound.for_url("https://webexapis.com/v1"), Some("secret"));
        assert_eq!(
            bound.for_url("https://evil.example/v1"),
            None,
            "rewritten by another page"
        );
        assert_eq!(
            bound.for_url("https://webexapis.com/v1/"),
            None,
            "only the exact URL"
        );
        let empty = BoundToken {
            token: String::new(),
            ..bound.clone()
        };
        assert_eq!(empty.for_url("https://webexapis.com/v1"), None);
        assert_eq!(
            BoundToken::from_remembered(&bound.remembered()),
            Some(bound)
        );
        assert_eq!(
            BoundToken::from_remembered("secret"),
            None,
            "an earlier release's"
        );
    }

    proptest! {
        /// Whatever is typed, an accepted URL is https (or http on this machine), has a
        /// host, and reads back as itself.
        #[test]
        fn accepted_urls_are_absolute_and_stable(raw in "[a-zA-Z:/@.?#\\\\ 0-9-]{0,30}") {
            if let Ok(url) = ApiBaseUrl::parse(&raw) {
                prop_assert!(url.as_str().starts_with("https://") || url.as_str().starts_with("http://"));
                prop_assert!(!url.host().is_empty());
                prop_assert!(url.as_str().starts_with("https://") || is_loopback(url.host()));
                prop_assert_eq!(ApiBaseUrl::parse(url.as_str()), Ok(url.clone()));
            }
        }
    }
}
