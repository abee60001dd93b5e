//! `docs/cli.md` is `diem-cli --help` for every command. This test renders it and fails when
//! the committed file differs; `scripts/cli-docs.sh` (`DIEM_UPDATE_DOCS=1`) rewrites it.

// Test code: a failed expectation should panic with its message.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic, clippy::indexing_slicing)]

use clap::CommandFactory;
use diem_cli::cli::Cli;
use std::path::PathBuf;

/// The help of `command` and, depth first, of its subcommands.
fn render(command: &mut clap::Command, path: &str, out: &mut String) {
	let help = command.render_long_help().to_string();
	out.push_str(&format!("## `{path}`\n\n```text\n{}\n```\n\n", help.trim_end()));
	let names: Vec<String> = command
		.get_subcommands()
		.map(|sub| sub.get_name().to_string())
		.filter(|name| name != "help")
		.collect();
	for name in names {
		let sub = command.find_subcommand_mut(&name).expect("listed subcommand");
		render(sub, &format!("{path} {name}"), out);
	}
}

fn reference() -> String {
	let mut command = Cli::command().term_width(100);
	command.build();
	let mut out = String::from(
		"# diem-cli reference\n\n\
		 Generated from `diem-cli --help` by `scripts/cli-docs.sh`; `client/tests/cli_reference.rs`\n\
		 fails when this file is stale. Start with the [quick start](quickstart.md).\n\n",
	);
	render(&mut command, "diem-cli", &mut out);
	out.truncate(out.trim_end().len());
	out.push('\n');
	out
}

#[test]
fn docs_cli_md_is_the_current_help() {
	let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../docs/cli.md");
	let expected = reference();
	if std::env::var_os("DIEM_UPDATE_DOCS").is_some() {
		std::fs::write(&path, &expected).expect("write docs/cli.md");
		return;
	}
	let committed = std::fs::read_to_string(&path).unwrap_or_default();
	assert!(
		committed == expected,
		"docs/cli.md is not the current `diem-cli --help`: run scripts/cli-docs.sh and commit it"
	);
}

/// `docs/rpc.md` quotes `examples/mint_and_credits.rs` (which the lifecycle test runs): every
/// line of its Rust block must still be a line of the example.
#[test]
fn docs_rpc_md_quotes_the_tested_example() {
	let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
	let docs = std::fs::read_to_string(root.join("../docs/rpc.md")).unwrap();
	let example = std::fs::read_to_string(root.join("examples/mint_and_credits.rs")).unwrap();
	let example_lines: Vec<&str> = example.lines().map(str::trim).collect();
	let block = docs
		.split("```rust\n")
		.nth(1)
		.and_then(|rest| rest.split("```").next())
		.expect("a Rust block in docs/rpc.md");
	let quoted: Vec<&str> = block.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
	assert!(quoted.len() > 10, "the Rust block is too short to be the example: {block}");
	for line in quoted {
		assert!(
			example_lines.contains(&line),
			"docs/rpc.md quotes a line the example lacks: {line}"
		);
	}
}
