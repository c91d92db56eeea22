//! Test support: Cisco's OpenAPI specs (`tests/webex-api/`) as a checker of requests.
//!
//! A request passes when its method and path are an operation of the spec, every query
//! parameter it names is one the operation declares, and its body validates against the
//! operation's request schema. The schemas are tightened on loading: an object's
//! properties are all it may have (`additionalProperties: false`), so a misspelt field
//! fails instead of passing unnoticed as an extra one. A `$ref`'s siblings are dropped
//! (a known quirk of these files).

use super::requests::{Method, Request};
use jsonschema::Validator;
use serde_json::{Map, Value};
use std::collections::HashMap;
use std::sync::OnceLock;

pub struct Spec {
    /// (spec path, method) → the operation's body validator, if it takes a body.
    operations: HashMap<(String, &'static str), Operation>,
}

struct Operation {
    query: Vec<String>,
    body: Option<Validator>,
    /// HTTP status → the answer's schema, as published (not tightened: answers may
    /// carry more than the spec names).
    answers: HashMap<u16, Validator>,
}

/// Both spec files, loaded once for all tests.
pub fn spec() -> &'static Spec {
    static SPEC: OnceLock<Spec> = OnceLock::new();
    SPEC.get_or_init(|| {
        let mut operations = HashMap::new();
        for file in [
            "webex-wholesale.json",
            "webex-locations.json",
            "webex-calling-locations.json",
            "webex-numbers.json",
            "webex-pstn.json",
            "webex-people.json",
            "webex-person-calling.json",
        ] {
            let path = format!("{}/tests/webex-api/{file}", env!("CARGO_MANIFEST_DIR"));
            let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
            let doc: Value = serde_json::from_str(&text).expect("a JSON spec");
            for (path, item) in doc["paths"].as_object().expect("paths") {
                for (method, name) in [
                    ("get", "GET"),
                    ("post", "POST"),
                    ("put", "PUT"),
                    ("delete", "DELETE"),
                ] {
                    let Some(op) = item.get(method) else { continue };
                    let query = op["parameters"]
                        .as_array()
                        .into_iter()
                        .flatten()
                        .filter(|p| p["in"] == "query")
                        .map(|p| p["name"].as_str().unwrap().to_string())
                        .collect();
                    let body = op
                        .pointer("/requestBody/content/application~1json/schema")
                        .map(|schema| {
                            let schema = tighten(inline(schema, &doc));
                            jsonschema::options()
                                .with_draft(jsonschema::Draft::Draft4)
                                .build(&schema)
                                .expect("a valid schema")
                        });
                    let answers = op["responses"]
                        .as_object()
                        .into_iter()
                        .flatten()
                        .filter_map(|(status, answer)| {
                            let schema = answer.pointer("/content/application~1json/schema")?;
                            let validator = jsonschema::options()
                                .with_draft(jsonschema::Draft::Draft4)
                                .build(&inline(schema, &doc))
                                .expect("a valid schema");
                            Some((status.parse().ok()?, validator))
                        })
                        .collect();
                    operations.insert(
                        (path.clone(), name),
                        Operation {
                            query,
                            body,
                            answers,
                        },
                    );
                }
            }
        }
        assert!(operations.len() > 10, "the specs' operations were found");
        Spec { operations }
    })
}

/// The schema with every `$ref` replaced by what it points to (siblings dropped).
fn inline(schema: &Value, doc: &Value) -> Value {
    match schema {
        Value::Object(map) => {
            if let Some(Value::String(target)) = map.get("$ref") {
                let pointer = target.strip_prefix('#').expect("a local $ref");
                return inline(doc.pointer(pointer).expect("$ref resolves"), doc);
            }
            Value::Object(
                map.iter()
                    .map(|(k, v)| (k.clone(), inline(v, doc)))
                    .collect(),
            )
        }
        Value::Array(items) => Value::Array(items.iter().map(|v| inline(v, doc)).collect()),
        other => other.clone(),
    }
}

/// Objects with declared properties accept nothing else.
fn tighten(schema: Value) -> Value {
    match schema {
        Value::Object(map) => {
            let mut map: Map<String, Value> =
                map.into_iter().map(|(k, v)| (k, tighten(v))).collect();
            if map.contains_key("properties") && !map.contains_key("additionalProperties") {
                map.insert("additionalProperties".into(), Value::Bool(false));
            }
            Value::Object(map)
        }
        Value::Array(items) => Value::Array(items.into_iter().map(tighten).collect()),
        other => other,
    }
}

impl Spec {
    /// Why `request` breaks the spec, if it does.
    pub fn check(&self, request: &Request) -> Result<(), String> {
        let body = request
            .body
            .as_ref()
            .map(|b| serde_json::to_value(b).expect("plain data"));
        self.check_json(request.method, &request.path, body.as_ref())
    }

    /// The same for a request as JSON (to check one altered by a test).
    pub fn check_json(
        &self,
        method: Method,
        path: &str,
        body: Option<&Value>,
    ) -> Result<(), String> {
        let method = method.as_str();
        let (path, query) = path.split_once('?').unwrap_or((path, ""));
        let op = self
            .find(path, method)
            .ok_or_else(|| format!("{method} {path} is not an operation of the spec"))?;
        for pair in query.split('&').filter(|p| !p.is_empty()) {
            let name = pair.split('=').next().unwrap_or_default();
            // The one parameter not in the spec: the `cursor` of the next page's link
            // that Webex pages `/locations` with (a run sends it back as it came).
            let linked = method == "GET" && path == "/locations" && name == "cursor";
            if !op.query.iter().any(|q| q == name) && !linked {
                return Err(format!("{method} {path} takes no query parameter {name:?}"));
            }
        }
        match (&op.body, body) {
            (Some(schema), Some(body)) => {
                let errors: Vec<String> = schema
                    .iter_errors(body)
                    .map(|e| format!("{} at {}", e, e.instance_path()))
                    .collect();
                if errors.is_empty() {
                    Ok(())
                } else {
                    Err(format!("{method} {path}: {}", errors.join("; ")))
                }
            }
            (None, None) => Ok(()),
            (Some(_), None) => Err(format!("{method} {path} needs a body")),
            (None, Some(_)) => Err(format!("{method} {path} takes no body")),
        }
    }

    /// Why an answer breaks the spec's schema for it, if it does (statuses the spec gives
    /// no schema for pass).
    pub fn check_answer(
        &self,
        method: Method,
        path: &str,
        http: u16,
        body: &str,
    ) -> Result<(), String> {
        let method = method.as_str();
        let path = path.split_once('?').map_or(path, |(p, _)| p);
        let op = self
            .find(path, method)
            .ok_or_else(|| format!("{method} {path}: no such operation"))?;
        let Some(schema) = op.answers.get(&http) else {
            return Ok(());
        };
        // An accepted update may carry its URL in `Location` alone (as the spec's
        // headers say), with no body.
        if http == 202 && body.is_empty() {
            return Ok(());
        }
        let value: Value = serde_json::from_str(body)
            .map_err(|e| format!("{method} {path} {http}: not JSON: {e}"))?;
        let errors: Vec<String> = schema
            .iter_errors(&value)
            .map(|e| format!("{e} at {}", e.instance_path()))
            .collect();
        if errors.is_empty() {
            Ok(())
        } else {
            Err(format!("{method} {path} {http}: {}", errors.join("; ")))
        }
    }

    /// A literal path before a templated one (`/customers/validate`, not `/customers/{id}`).
    fn find(&self, path: &str, method: &'static str) -> Option<&Operation> {
        if let Some(op) = self.operations.get(&(path.to_string(), method)) {
            return Some(op);
        }
        let segments: Vec<&str> = path.split('/').collect();
        self.operations.iter().find_map(|((spec_path, m), op)| {
            let spec_segments: Vec<&str> = spec_path.split('/').collect();
            let matches = *m == method
                && spec_segments.len() == segments.len()
                && spec_segments.iter().zip(&segments).all(|(s, p)| {
                    (s.starts_with('{') && s.ends_with('}') && !p.is_empty()) || s == p
                });
            matches.then_some(op)
        })
    }
}
