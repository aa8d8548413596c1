//! A reader that stops early (`rasd extract … | head`) ends rasd quietly:
//! exit code 0, no panic, no error message.

use serde_json::Value;
use std::path::Path;
use std::process::{Command, Stdio};

#[test]
fn a_closed_pipe_ends_the_output_quietly() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let seed = std::fs::read_to_string(repo.join("data/examples/libya-2019-africom.jsonl")).unwrap();
    let doc: Value = serde_json::from_str(seed.lines().next().unwrap()).unwrap();
    // far more output than a pipe buffers (64 KiB), so writing must meet the closed pipe
    let lines: Vec<String> = (0..300)
        .map(|i| {
            let mut d = doc.clone();
            d["id"] = format!("seed-copy-{i}").into();
            d.to_string()
        })
        .collect();
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("corpus.jsonl");
    std::fs::write(&input, lines.join("\n") + "\n").unwrap();
    let places = "قصف في حلب وإدلب ودمشق. ".repeat(3000);
    for args in [vec!["extract", input.to_str().unwrap()], vec!["places", places.as_str()]] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_rasd"))
            .args(&args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "rasd {}: {err}", args[0]);
        assert!(!err.contains("panicked") && !err.contains("Broken pipe"), "rasd {}: {err}", args[0]);
    }
}
