//! Chain specs with chosen genesis validators, and networks of dev validators.

use crate::{node_binary, Node};
use serde_json::Value;
use std::process::Command;
use subxt::rpcs::{rpc_params, RpcClient};

/// Writes `<dir>/<name>.json`: the chain spec of `chain` (`dev`, `local`) with its genesis patch
/// changed by `edit`. Returns the path, for `--chain`.
pub fn patched_spec(
	dir: &std::path::Path,
	chain: &str,
	name: &str,
	edit: impl FnOnce(&mut Value),
) -> String {
	let output = Command::new(node_binary())
		.args(["build-spec", "--chain", chain])
		.output()
		.expect("diem-node build-spec");
	assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
	let mut spec: Value = serde_json::from_slice(&output.stdout).expect("chain spec JSON");
	edit(&mut spec["genesis"]["runtimeGenesis"]["patch"]);
	let path = dir.join(format!("{name}.json"));
	std::fs::write(&path, serde_json::to_vec(&spec).expect("spec JSON")).expect("write spec");
	path.to_string_lossy().into_owned()
}

/// A key's public part in `scheme` (`sr25519`, `ed25519`) as SS58 (`diem-node key inspect`).
pub fn public_key(scheme: &str, seed: &str) -> String {
	let output = Command::new(node_binary())
		.args(["key", "inspect", "--scheme", scheme, "--output-type", "json", seed])
		.output()
		.expect("diem-node key inspect");
	let json: Value = serde_json::from_slice(&output.stdout).expect("key inspect JSON");
	json["ss58PublicKey"].as_str().expect("ss58PublicKey").to_string()
}

/// A fixed 32-byte ed25519 network secret, hex encoded (validators of a non-dev chain need one).
pub fn node_key(n: usize) -> String {
	format!("{:064x}", n + 1)
}

/// The `local` chain spec with the dev validators `names` (`alice`, `bob`, ...) as the genesis
/// validator set, further changed by `edit`. Returns the path.
pub fn dev_validators_spec(
	dir: &std::path::Path,
	names: &[&str],
	edit: impl FnOnce(&mut Value),
) -> String {
	let seeds: Vec<String> = names.iter().map(|name| format!("//{}", capitalized(name))).collect();
	patched_spec(dir, "local", &format!("{}-validators", names.len()), |patch| {
		set_genesis_validators(
			patch,
			seeds.iter().map(|seed| (public_key("sr25519", seed), public_key("ed25519", seed))),
		);
		edit(patch);
	})
}

fn capitalized(name: &str) -> String {
	let mut chars = name.chars();
	chars.next().map(|c| c.to_ascii_uppercase().to_string() + chars.as_str()).unwrap_or_default()
}

/// Starts the dev validators `names` on `spec` (each with `--<name>`, its dev keys), the first
/// as every other's bootnode. Returns the nodes, an RPC client per node and the bootnode address.
pub async fn start_validators(spec: &str, names: &[&str]) -> (Vec<Node>, Vec<RpcClient>, String) {
	let start = |i: usize, bootnode: Option<&str>| {
		let name = names[i];
		let mut args = vec!["--chain".to_string(), spec.to_string(), format!("--{name}")];
		args.extend(["--node-key".to_string(), node_key(i)]);
		if let Some(bootnode) = bootnode {
			args.extend(["--bootnodes".to_string(), bootnode.to_string()]);
		}
		let args: Vec<&str> = args.iter().map(String::as_str).collect();
		Node::start(name, &args)
	};
	let mut nodes = vec![start(0, None)];
	let (first_rpc, _) = nodes[0].connect().await;
	let peer_id: Value = first_rpc.request("system_localPeerId", rpc_params![]).await.unwrap();
	let bootnode =
		format!("/ip4/127.0.0.1/tcp/{}/p2p/{}", nodes[0].p2p_port, peer_id.as_str().unwrap());
	for i in 1..names.len() {
		nodes.push(start(i, Some(&bootnode)));
	}
	let mut rpcs = vec![first_rpc];
	for node in nodes.iter_mut().skip(1) {
		rpcs.push(node.connect().await.0);
	}
	(nodes, rpcs, bootnode)
}

/// Makes the validators (account = Aura key as SS58, GRANDPA key as SS58) the genesis
/// validator set of a chain spec's genesis patch, with their session keys.
pub fn set_genesis_validators(
	patch: &mut Value,
	validators: impl Iterator<Item = (String, String)>,
) {
	let validators: Vec<(String, String)> = validators.collect();
	patch["validatorSet"]["validators"] =
		validators.iter().map(|(account, _)| Value::from(account.clone())).collect();
	patch["session"]["keys"] = validators
		.iter()
		.map(|(account, grandpa)| {
			serde_json::json!([account, account, { "aura": account, "grandpa": grandpa }])
		})
		.collect();
}
