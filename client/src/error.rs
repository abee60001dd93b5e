//! What can go wrong, and the exit code each kind gives.

use serde_json::{json, Value as Json};

/// A failed command. The exit code tells scripts which kind.
#[derive(Debug)]
pub enum Error {
	/// Bad arguments or input files (exit code 2).
	Input(String),
	/// No node, or a node whose runtime this CLI was not built for (exit code 3).
	Connection(String),
	/// The chain refused the call: the pallet error's name and docs (exit code 1).
	Chain { pallet: String, name: String, docs: String },
	/// Anything else: refused by the pool, timed out, unexpected answers (exit code 1).
	Failed(String),
}

impl Error {
	pub fn exit_code(&self) -> i32 {
		match self {
			Error::Chain { .. } | Error::Failed(_) => 1,
			Error::Input(_) => 2,
			Error::Connection(_) => 3,
		}
	}

	pub fn to_json(&self) -> Json {
		match self {
			Error::Chain { pallet, name, docs } => {
				json!({ "error": { "kind": "chain", "pallet": pallet, "name": name, "docs": docs } })
			}
			Error::Input(message) => json!({ "error": { "kind": "input", "message": message } }),
			Error::Connection(message) => {
				json!({ "error": { "kind": "connection", "message": message } })
			}
			Error::Failed(message) => json!({ "error": { "kind": "failed", "message": message } }),
		}
	}
}

impl std::fmt::Display for Error {
	fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
		match self {
			Error::Chain { pallet, name, docs } => write!(f, "{pallet}.{name}: {docs}"),
			Error::Input(message) | Error::Connection(message) | Error::Failed(message) => {
				f.write_str(message)
			}
		}
	}
}

impl std::error::Error for Error {}
