//! Every fixture under tests/fixtures/ parsed and compared, field by field,
//! with its hand-written expected output (cases.<provider>.json).

use linkedin_network::http::HttpResponse;
use linkedin_network::json::to_json_string;
use linkedin_network::operations::parse_response;
use linkedin_network::providers;
use linkedin_network::query::Resource;
use serde_json::Value;
use std::path::Path;

/// Lists every place where `actual` differs from `expected`, by JSON path.
fn differences(path: &str, expected: &Value, actual: &Value, out: &mut Vec<String>) {
    match (expected, actual) {
        (Value::Object(want), Value::Object(got)) => {
            for (key, value) in want {
                let at = format!("{path}.{key}");
                match got.get(key) {
                    Some(found) => differences(&at, value, found, out),
                    None => out.push(format!("{at}: missing (expected {value})")),
                }
            }
            for key in got.keys().filter(|key| !want.contains_key(*key)) {
                out.push(format!("{path}.{key}: unexpected key"));
            }
        }
        (Value::Array(want), Value::Array(got)) => {
            if want.len() != got.len() {
                out.push(format!(
                    "{path}: {} elements, expected {}",
                    got.len(),
                    want.len()
                ));
            }
            for (index, (value, found)) in want.iter().zip(got).enumerate() {
                differences(&format!("{path}[{index}]"), value, found, out);
            }
        }
        _ if expected != actual => out.push(format!("{path}: got {actual}, expected {expected}")),
        _ => {}
    }
}

fn run_case(case: &Value) -> Vec<String> {
    let name = case["name"].as_str().unwrap();
    let provider = providers::find(case["provider"].as_str().unwrap()).unwrap();
    let resource = Resource::parse(case["resource"].as_str().unwrap()).unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let body = std::fs::read_to_string(root.join(case["body"].as_str().unwrap())).unwrap();
    let headers: Vec<(String, String)> = case["headers"]
        .as_object()
        .unwrap()
        .iter()
        .map(|(key, value)| (key.clone(), value.as_str().unwrap().to_string()))
        .collect();
    let response = HttpResponse {
        status: u16::try_from(case["status"].as_u64().unwrap()).unwrap(),
        headers: &headers,
        body: &body,
    };
    let now = case["nowMs"].as_i64();
    // A case may name the call its response answers (`{"offset", "limit"}`):
    // the provider's own first planned call for that range is passed along.
    let call = case.get("call").map(|call| {
        let offset = call["offset"].as_u64().unwrap();
        let limit = call["limit"].as_u64().unwrap();
        provider.plan(resource, offset, limit).remove(0)
    });
    let (kind, actual) = match parse_response(provider, resource, &response, call.as_ref(), now) {
        Ok(page) => (
            "page",
            serde_json::from_str(&to_json_string(&page)).unwrap(),
        ),
        Err(error) => (
            "error",
            serde_json::from_str(&to_json_string(&error)).unwrap(),
        ),
    };
    if std::env::var_os("FIXTURES_PRINT").is_some() {
        eprintln!("ACTUAL\t{name}\t{actual}");
    }
    let mut out = Vec::new();
    match case.get(kind) {
        Some(expected) => differences(kind, expected, &actual, &mut out),
        None => out.push(format!("got {kind} {actual}")),
    }
    out.into_iter()
        .map(|line| format!("{name}: {line}"))
        .collect()
}

#[test]
fn every_fixture_normalizes_to_its_expected_output() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut count = 0;
    let mut failures = Vec::new();
    let mut manifests: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| {
            path.file_name()
                .unwrap()
                .to_str()
                .unwrap()
                .starts_with("cases.")
        })
        .collect();
    manifests.sort();
    assert!(!manifests.is_empty());
    for manifest in manifests {
        let cases: Vec<Value> =
            serde_json::from_str(&std::fs::read_to_string(manifest).unwrap()).unwrap();
        for case in &cases {
            count += 1;
            failures.extend(run_case(case));
        }
    }
    assert!(
        failures.is_empty(),
        "{} differences:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(count >= 60, "only {count} fixture cases");
}
