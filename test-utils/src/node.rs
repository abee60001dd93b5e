//! One `diem-node` process on free loopback ports, in its own temporary directory.

use crate::{
	best_number, finalized_number, free_port, node_binary, BLOCKS_TIMEOUT, START_TIMEOUT,
	STOP_TIMEOUT,
};
use serde_json::Value;
use std::{
	fs::File,
	io::Read,
	path::PathBuf,
	process::{Child, Command, ExitStatus, Stdio},
	time::{Duration, Instant},
};
use subxt::{
	rpcs::{rpc_params, RpcClient},
	OnlineClient, PolkadotConfig,
};

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
