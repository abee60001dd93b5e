//! Helpers for end-to-end tests against the real `diem-node` binary.
//!
//! Every node gets free loopback ports and its own temporary directory, every wait has a
//! deadline, and [`Node`] stops its process on drop, so a failing test never leaves a node
//! running or hangs. When a wait fails, the panic message carries the tail of the node's log.

#![allow(dead_code)]
// each test binary uses a different subset
// Test code: a failed expectation should panic with its message.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic, clippy::indexing_slicing)]

use serde_json::Value;
use std::{
	fs::File,
	io::Read,
	net::TcpListener,
	path::PathBuf,
	process::{Child, Command, ExitStatus, Stdio},
	time::{Duration, Instant},
};
use subxt::{
	rpcs::{rpc_params, RpcClient},
	OnlineClient, PolkadotConfig,
};

/// How long a node may take from spawn to answering RPC (wasm compilation included).
pub const START_TIMEOUT: Duration = Duration::from_secs(90);
/// Generous bound for a handful of 6-second blocks to be produced and finalized.
pub const BLOCKS_TIMEOUT: Duration = Duration::from_secs(120);
/// How long a node may take to shut down after SIGTERM.
pub const STOP_TIMEOUT: Duration = Duration::from_secs(30);

/// A port on 127.0.0.1 that nothing listens on right now.
pub fn free_port() -> u16 {
	let listener = TcpListener::bind("127.0.0.1:0").expect("bind an ephemeral loopback port");
	listener.local_addr().expect("local addr").port()
}

/// The `diem-node` binary: cargo names it for the node crate's own tests; other crates' tests
/// (which include this module by path) find it beside their test binary's directory, in the
/// same profile (`cargo test --workspace` builds it), or at `$DIEM_NODE`.
pub fn node_binary() -> PathBuf {
	if let Some(path) = option_env!("CARGO_BIN_EXE_diem-node") {
		return PathBuf::from(path);
	}
	if let Some(path) = std::env::var_os("DIEM_NODE") {
		return PathBuf::from(path);
	}
	let exe = std::env::current_exe().expect("test binary path");
	// <target>/<profile>/deps/<test> -> <target>/<profile>/diem-node
	let path = exe.parent().and_then(|deps| deps.parent()).map(|dir| dir.join("diem-node"));
	match path {
		Some(path) if path.exists() => path,
		_ => panic!("no diem-node beside {}: build the workspace or set DIEM_NODE", exe.display()),
	}
}

/// Runs `diem-cli --json --url <url> [--key <key>] <args>` (the binary beside `diem-node`);
/// returns its exit code and JSON output.
pub fn diem_cli(url: &str, key: Option<&str>, args: &[&str]) -> (i32, Value) {
	let binary = node_binary().with_file_name("diem-cli");
	let mut command = Command::new(&binary);
	command.args(["--url", url, "--json"]).env_remove("DIEM_KEY").env_remove("DIEM_URL");
	if let Some(key) = key {
		command.args(["--key", key]);
	}
	let output =
		command.args(args).output().unwrap_or_else(|e| panic!("{}: {e}", binary.display()));
	let json = serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
		panic!(
			"diem-cli {args:?}: output is not JSON ({e}); stderr: {}",
			String::from_utf8_lossy(&output.stderr)
		)
	});
	(output.status.code().unwrap_or(-1), json)
}

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

/// `0x`-prefixed lowercase hex.
pub fn hex(bytes: &[u8]) -> String {
	polkadot_sdk::sp_core::bytes::to_hex(bytes, false)
}

/// The bytes of `0x`-prefixed hex.
pub fn unhex(text: &str) -> Vec<u8> {
	polkadot_sdk::sp_core::bytes::from_hex(text).unwrap_or_else(|e| panic!("{text}: {e:?}"))
}

/// Calls runtime API `function` with SCALE `args` at block `at` (the best block when `None`)
/// over `state_call`, and decodes the answer.
pub async fn state_call<R: codec::Decode>(
	rpc: &RpcClient,
	function: &str,
	args: &[u8],
	at: Option<&str>,
) -> R {
	let answer: Value =
		rpc.request("state_call", rpc_params![function, hex(args), at]).await.expect(function);
	R::decode(&mut &unhex(answer.as_str().expect("hex answer"))[..]).expect("answer decodes")
}

/// Polls `check` every half second until it returns `Some`, failing (with `node`'s log) after
/// `limit`.
pub async fn wait_for<T, F, Fut>(node: &Node, limit: Duration, what: &str, mut check: F) -> T
where
	F: FnMut() -> Fut,
	Fut: std::future::Future<Output = Option<T>>,
{
	let deadline = Instant::now() + limit;
	loop {
		if let Some(value) = check().await {
			return value;
		}
		if Instant::now() > deadline {
			node.fail(format!("{what}: not within {limit:?}"));
		}
		tokio::time::sleep(Duration::from_millis(500)).await;
	}
}

/// Signs `call` with `signer`, waits (at most `limit`) for it in a finalized block, and for
/// its success; returns its events.
pub async fn submit(
	node: &Node,
	client: &OnlineClient<PolkadotConfig>,
	signer: &impl subxt::transactions::Signer<PolkadotConfig>,
	call: &impl subxt::transactions::Payload,
	what: &str,
	limit: Duration,
) -> subxt::extrinsics::ExtrinsicEvents<PolkadotConfig> {
	let at = client.at_current_block().await.expect("current block");
	let progress = at
		.transactions()
		.sign_and_submit_then_watch_default(call, signer)
		.await
		.unwrap_or_else(|e| node.fail(format!("{what}: submit failed: {e}")));
	let in_block = match tokio::time::timeout(limit, progress.wait_for_finalized()).await {
		Ok(Ok(in_block)) => in_block,
		Ok(Err(e)) => node.fail(format!("{what}: not finalized: {e}")),
		Err(_) => node.fail(format!("{what}: not finalized in time")),
	};
	in_block.wait_for_success().await.unwrap_or_else(|e| node.fail(format!("{what}: {e}")))
}

/// A running `diem-node` process with its ports, data directory and log file.
pub struct Node {
	pub name: String,
	pub rpc_port: u16,
	pub p2p_port: u16,
	pub prometheus_port: u16,
	child: Option<Child>,
	log_path: PathBuf,
	args: Vec<String>,
	// Held so the base path and log outlive the process (and survive a restart).
	dir: tempfile::TempDir,
}

impl Node {
	/// Starts `diem-node` with `args` plus loopback-only ports, a temporary base path and no
	/// telemetry. Output goes to a log file shown when a wait fails.
	pub fn start(name: &str, args: &[&str]) -> Node {
		let dir = tempfile::Builder::new()
			.prefix(&format!("diem-e2e-{name}-"))
			.tempdir()
			.expect("temporary directory");
		let log_path = dir.path().join("node.log");
		let (rpc_port, p2p_port, prometheus_port) = (free_port(), free_port(), free_port());
		let mut node = Node {
			name: name.into(),
			rpc_port,
			p2p_port,
			prometheus_port,
			child: None,
			log_path,
			args: args.iter().map(|a| a.to_string()).collect(),
			dir,
		};
		node.spawn();
		node
	}

	/// Launches the process (appending to the log), on the node's ports and base path.
	fn spawn(&mut self) {
		let log = File::options().create(true).append(true).open(&self.log_path).expect("log file");
		let child = Command::new(node_binary())
			.args(&self.args)
			.arg("--base-path")
			.arg(self.base_path())
			.args(["--rpc-port", &self.rpc_port.to_string()])
			.args(["--prometheus-port", &self.prometheus_port.to_string()])
			.args(["--listen-addr", &format!("/ip4/127.0.0.1/tcp/{}", self.p2p_port)])
			.args(["--no-telemetry", "--no-mdns"])
			.args(["--name", &self.name])
			.stdout(Stdio::null())
			.stderr(log)
			.spawn()
			.expect("spawn diem-node");
		self.child = Some(child);
	}

	/// The node's database and keystore directory.
	pub fn base_path(&self) -> PathBuf {
		self.dir.path().join("data")
	}

	/// Starts the stopped (or killed) node again on the same database, ports and arguments.
	pub fn restart(&mut self) {
		assert!(self.child.is_none(), "node {} is still running", self.name);
		self.spawn();
	}

	/// SIGKILL: the process gets no chance to close its database.
	pub fn kill9(&mut self) {
		let Some(mut child) = self.child.take() else {
			panic!("node {} is not running", self.name)
		};
		let _ = child.kill();
		let _ = child.wait();
	}

	/// The process id while the node runs.
	pub fn pid(&self) -> Option<u32> {
		self.child.as_ref().map(Child::id)
	}

	/// The node's resident memory in KiB (`VmRSS`), while it runs.
	pub fn resident_kib(&self) -> Option<u64> {
		let status = std::fs::read_to_string(format!("/proc/{}/status", self.pid()?)).ok()?;
		let line = status.lines().find(|line| line.starts_with("VmRSS:"))?;
		line.split_whitespace().nth(1)?.parse().ok()
	}

	/// The whole log (every run of the process).
	pub fn log(&self) -> String {
		std::fs::read_to_string(&self.log_path).unwrap_or_default()
	}

	pub fn ws_url(&self) -> String {
		format!("ws://127.0.0.1:{}", self.rpc_port)
	}

	/// The last lines of the node's log, for failure messages.
	pub fn log_tail(&self) -> String {
		let text = self.log();
		let lines: Vec<&str> = text.lines().collect();
		lines[lines.len().saturating_sub(40)..].join("\n")
	}

	/// Panics with the log tail and `message`.
	pub fn fail(&self, message: impl std::fmt::Display) -> ! {
		panic!("node {}: {message}\n--- last log lines ---\n{}", self.name, self.log_tail())
	}

	fn ensure_running(&mut self) {
		if let Some(status) = self.child.as_mut().and_then(|c| c.try_wait().ok().flatten()) {
			self.fail(format!("exited early with {status}"));
		}
	}

	/// Waits until the node answers RPC and returns a raw RPC client and a subxt client.
	pub async fn connect(&mut self) -> (RpcClient, OnlineClient<PolkadotConfig>) {
		let deadline = Instant::now() + START_TIMEOUT;
		loop {
			self.ensure_running();
			if let Ok(rpc) = RpcClient::from_insecure_url(self.ws_url()).await {
				// Wait for genesis to be readable before building the full client.
				if rpc.request::<Value>("chain_getBlockHash", rpc_params![0]).await.is_ok() {
					match OnlineClient::<PolkadotConfig>::from_rpc_client(rpc.clone()).await {
						Ok(client) => return (rpc, client),
						Err(e) if Instant::now() > deadline => self.fail(format!("subxt: {e}")),
						Err(_) => {}
					}
				}
			}
			if Instant::now() > deadline {
				self.fail(format!("no RPC on {} within {START_TIMEOUT:?}", self.ws_url()));
			}
			tokio::time::sleep(Duration::from_millis(500)).await;
		}
	}

	/// Waits until the finalized block number is at least `number`; returns it.
	pub async fn wait_finalized(&mut self, rpc: &RpcClient, number: u64) -> u64 {
		let deadline = Instant::now() + BLOCKS_TIMEOUT;
		loop {
			self.ensure_running();
			let finalized = finalized_number(rpc).await;
			match finalized {
				Ok(n) if n >= number => return n,
				Ok(_) | Err(_) if Instant::now() > deadline => self.fail(format!(
					"finalized block did not reach #{number} within {BLOCKS_TIMEOUT:?} (now {finalized:?}, best {:?})",
					best_number(rpc).await
				)),
				_ => tokio::time::sleep(Duration::from_millis(500)).await,
			}
		}
	}

	/// The Prometheus metrics text the node serves on its metrics port.
	pub fn metrics(&self) -> String {
		use std::io::Write;
		let mut stream = std::net::TcpStream::connect(("127.0.0.1", self.prometheus_port))
			.unwrap_or_else(|e| self.fail(format!("metrics port: {e}")));
		let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
		stream
			.write_all(b"GET /metrics HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n")
			.unwrap_or_else(|e| self.fail(format!("metrics request: {e}")));
		let mut body = String::new();
		let _ = stream.read_to_string(&mut body);
		body
	}

	/// Sends SIGTERM and waits for the process to exit; returns its exit status.
	pub fn stop(&mut self) -> ExitStatus {
		let Some(mut child) = self.child.take() else {
			panic!("node {} already stopped", self.name)
		};
		let _ = Command::new("kill").args(["-TERM", &child.id().to_string()]).status();
		let deadline = Instant::now() + STOP_TIMEOUT;
		loop {
			if let Ok(Some(status)) = child.try_wait() {
				return status;
			}
			if Instant::now() > deadline {
				let _ = child.kill();
				let _ = child.wait();
				self.fail(format!("did not stop within {STOP_TIMEOUT:?} of SIGTERM"));
			}
			std::thread::sleep(Duration::from_millis(100));
		}
	}
}

impl Drop for Node {
	fn drop(&mut self) {
		// A test that panicked before `stop` must not leave the process behind.
		if let Some(mut child) = self.child.take() {
			let _ = child.kill();
			let _ = child.wait();
		}
	}
}

fn hex_number(value: &Value) -> Option<u64> {
	u64::from_str_radix(value.as_str()?.trim_start_matches("0x"), 16).ok()
}

/// Number of a header returned by `chain_getHeader`.
pub fn header_number(header: &Value) -> Option<u64> {
	hex_number(header.get("number")?)
}

pub async fn finalized_number(rpc: &RpcClient) -> Result<u64, String> {
	let hash: Value =
		rpc.request("chain_getFinalizedHead", rpc_params![]).await.map_err(|e| e.to_string())?;
	let header: Value =
		rpc.request("chain_getHeader", rpc_params![hash]).await.map_err(|e| e.to_string())?;
	header_number(&header).ok_or_else(|| format!("bad header {header}"))
}

pub async fn best_number(rpc: &RpcClient) -> Result<u64, String> {
	let header: Value =
		rpc.request("chain_getHeader", rpc_params![]).await.map_err(|e| e.to_string())?;
	header_number(&header).ok_or_else(|| format!("bad header {header}"))
}

/// The hash of block `number` on the node's canonical chain, as a hex string.
pub async fn block_hash(rpc: &RpcClient, number: u64) -> String {
	let hash: Value =
		rpc.request("chain_getBlockHash", rpc_params![number]).await.expect("chain_getBlockHash");
	hash.as_str().unwrap_or_else(|| panic!("no block #{number}")).to_string()
}

/// The Aura slot of a block, read from its pre-runtime digest (`PreRuntime(*b"aura", slot)`).
pub async fn aura_slot(rpc: &RpcClient, hash: &str) -> u64 {
	let header: Value =
		rpc.request("chain_getHeader", rpc_params![hash]).await.expect("chain_getHeader");
	let logs = header["digest"]["logs"].as_array().expect("digest logs");
	// SCALE: variant 6 (PreRuntime), engine id "aura", compact length 8, then the u64 slot in
	// little endian.
	const AURA_PRE_DIGEST: &str = "0x066175726120";
	let log = logs
		.iter()
		.filter_map(Value::as_str)
		.find(|log| log.starts_with(AURA_PRE_DIGEST) && log.len() == AURA_PRE_DIGEST.len() + 16)
		.unwrap_or_else(|| panic!("block {hash} has no Aura pre-digest: {header}"));
	let slot_hex = &log[AURA_PRE_DIGEST.len()..];
	let mut bytes = [0u8; 8];
	for (i, byte) in bytes.iter_mut().enumerate() {
		*byte = u8::from_str_radix(&slot_hex[2 * i..2 * i + 2], 16).expect("hex");
	}
	u64::from_le_bytes(bytes)
}
