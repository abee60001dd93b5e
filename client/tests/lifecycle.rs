//! End to end through `diem-cli` against `diem-node --dev` with 24-second credit epochs: the
//! whole DIEM lifecycle, with the chain's state checked through the runtime APIs (the CLI's
//! read commands) after every step, and bad vouchers refused with their reasons.
//!
//! Intermediate steps wait for inclusion (`--wait in-block`); checkpoints wait for finality.

// Test code: a failed expectation should panic with its message.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic, clippy::indexing_slicing)]

use diem_test_utils::Node;
use serde_json::Value as Json;
use std::{
	path::Path,
	process::Command,
	time::{Duration, Instant},
};

/// One HASH or DIEM (12 decimals).
const UNIT: u128 = 1_000_000_000_000;
/// Credit epochs of this test's chain: four slots.
const EPOCH_MS: u64 = 24_000;
/// Longest wait for an epoch boundary or an unbonding period.
const WAIT: Duration = Duration::from_secs(150);

/// The dev chain spec with short credit epochs, written to `dir`.
fn short_epoch_spec(dir: &Path) -> String {
	diem_test_utils::patched_spec(dir, "dev", "short-epochs", |patch| {
		patch["inferenceCredits"]["epochLength"] = EPOCH_MS.into();
	})
}

/// The well-known development mnemonic (`//Alice` is `<DEV_PHRASE>//Alice`): keys from the
/// environment and from files are checked with it.
const DEV_PHRASE: &str = "bottom drive obey lake curtain smoke basket hold race lonely fit walk";

/// Where a command's signing key comes from.
#[derive(Clone, Copy)]
enum KeySource<'a> {
	None,
	/// `--key <secret>`
	Arg(&'a str),
	/// `DIEM_KEY=<secret>`
	Env(&'a str),
	/// `--key-file <path>`
	File(&'a Path),
}

impl<'a> From<Option<&'a str>> for KeySource<'a> {
	fn from(key: Option<&'a str>) -> Self {
		key.map_or(KeySource::None, KeySource::Arg)
	}
}

/// Runs `diem-cli --json` and returns its exit code and JSON output.
fn cli_raw<'a>(
	node: &Node,
	key: impl Into<KeySource<'a>>,
	wait: &str,
	args: &[&str],
) -> (i32, Json) {
	let mut command = Command::new(env!("CARGO_BIN_EXE_diem-cli"));
	command.args(["--url", &node.ws_url(), "--json", "--wait", wait]);
	command.env_remove("DIEM_KEY").env_remove("DIEM_URL");
	match key.into() {
		KeySource::None => {}
		KeySource::Arg(key) => {
			command.args(["--key", key]);
		}
		KeySource::Env(key) => {
			command.env("DIEM_KEY", key);
		}
		KeySource::File(path) => {
			command.arg("--key-file").arg(path);
		}
	}
	let output = command.args(args).output().expect("run diem-cli");
	let stdout = String::from_utf8_lossy(&output.stdout);
	let stderr = String::from_utf8_lossy(&output.stderr);
	assert!(
		!stdout.contains("bottom drive") && !stderr.contains("bottom drive"),
		"diem-cli {args:?} echoed the mnemonic"
	);
	let json = serde_json::from_str(stdout.trim()).unwrap_or_else(|e| {
		node.fail(format!(
			"diem-cli {args:?}: output is not JSON ({e}): {stdout}\nstderr: {stderr}"
		))
	});
	(output.status.code().unwrap_or(-1), json)
}

/// Runs a command that must succeed; intermediate steps wait for inclusion only.
fn cli<'a>(node: &Node, key: impl Into<KeySource<'a>>, args: &[&str]) -> Json {
	run_ok(node, key, "in-block", args)
}

/// Runs a command that must succeed and waits for finality (checkpoints).
fn cli_final<'a>(node: &Node, key: impl Into<KeySource<'a>>, args: &[&str]) -> Json {
	let json = run_ok(node, key, "finalized", args);
	let mut flags = Vec::new();
	finalized_flags(&json, &mut flags);
	assert!(!flags.is_empty() && flags.iter().all(|f| *f), "not all finalized: {json}");
	json
}

/// Every receipt's `finalized` flag in a command's output.
fn finalized_flags(json: &Json, flags: &mut Vec<bool>) {
	match json {
		Json::Object(object) => {
			if let Some(Json::Bool(flag)) = object.get("finalized") {
				flags.push(*flag);
			}
			object.values().for_each(|value| finalized_flags(value, flags));
		}
		Json::Array(values) => values.iter().for_each(|value| finalized_flags(value, flags)),
		_ => {}
	}
}

fn run_ok<'a>(node: &Node, key: impl Into<KeySource<'a>>, wait: &str, args: &[&str]) -> Json {
	let (code, json) = cli_raw(node, key, wait, args);
	if code != 0 {
		node.fail(format!("diem-cli {args:?} failed with {code}: {json}"));
	}
	json
}

/// A base-unit amount the CLI printed (a string).
fn units(value: &Json) -> u128 {
	value.as_str().unwrap_or_else(|| panic!("not an amount: {value}")).parse().unwrap()
}

fn event<'a>(receipt: &'a Json, pallet: &str, name: &str) -> &'a Json {
	receipt["receipt"]["events"]
		.as_array()
		.unwrap()
		.iter()
		.find(|e| e["pallet"] == pallet && e["event"] == name)
		.unwrap_or_else(|| panic!("no {pallet}.{name} in {receipt}"))
}

/// The fee a transaction paid (its `TransactionFeePaid` event).
fn fee(receipt: &Json) -> u128 {
	number(&event(receipt, "TransactionPayment", "TransactionFeePaid")["fields"]["actual_fee"])
}

/// An event field's integer: a JSON number, or a string beyond 2^53.
fn number(value: &Json) -> u128 {
	value.as_u64().map(u128::from).unwrap_or_else(|| units(value))
}

fn current_epoch(node: &Node) -> u64 {
	cli(node, None, &["info"])["epoch"]["index"].as_u64().expect("an epoch")
}

/// Polls until `done` holds, failing after [`WAIT`].
fn wait_until(node: &Node, what: &str, mut done: impl FnMut() -> bool) {
	let deadline = Instant::now() + WAIT;
	while !done() {
		if Instant::now() > deadline {
			node.fail(format!("{what}: not within {WAIT:?}"));
		}
		std::thread::sleep(Duration::from_secs(2));
	}
}

fn wait_for_epoch(node: &Node, epoch: u64) {
	wait_until(node, &format!("epoch {epoch}"), || current_epoch(node) >= epoch);
}

fn balance(node: &Node, who: &str) -> Json {
	cli(node, None, &["balance", who])
}

fn credits(node: &Node, who: &str) -> Json {
	cli(node, None, &["credits", "status", who])["credits"].clone()
}

/// `who`'s (allowance, used, remaining) in `epoch`: the current epoch, or the previous one
/// (still redeemable) once the boundary has passed.
fn usage(node: &Node, who: &str, epoch: u64) -> (u128, u128, u128) {
	let state = credits(node, who);
	let entry = if state["epoch"] == epoch { &state } else { &state["previous"] };
	assert_eq!(entry["epoch"], epoch, "epoch {epoch} is no longer redeemable: {state}");
	(units(&entry["allowance"]), units(&entry["used"]), units(&entry["remaining"]))
}

/// Writes vouchers (hex lines) to a redeem file.
fn redeem_file(dir: &Path, name: &str, vouchers: &[String]) -> String {
	let path = dir.join(name);
	std::fs::write(&path, vouchers.join("\n")).unwrap();
	path.to_string_lossy().into_owned()
}

#[test]
fn the_whole_diem_lifecycle_through_the_cli() {
	let dir = tempfile::tempdir().unwrap();
	let spec = short_epoch_spec(dir.path());
	let mut node = Node::start("lifecycle", &["--dev", "--chain", &spec]);
	let runtime = tokio::runtime::Runtime::new().unwrap();
	let (rpc, _client) = runtime.block_on(node.connect());
	runtime.block_on(node.wait_finalized(&rpc, 1));

	let info = cli(&node, None, &["info"]);
	assert_eq!(info["epoch"]["length_ms"], EPOCH_MS, "{info}");

	// docs/rpc.md's subxt program, run as written: Eve mints 1 DIEM (finalized) and has no
	// credit stake.
	let example = run_example(&node, "mint_and_credits", &[&node.ws_url(), "//Eve"]);
	assert!(
		example.contains("minted 1000000000000 DIEM base units")
			&& example.contains("no credit stake"),
		"{example}"
	);
	assert_eq!(units(&balance(&node, "//Eve")["position"]["outstanding"]), UNIT);

	// Charlie registers as an operator with Dave as its redeem key; governance approves it.
	let charlie =
		cli(&node, Some("//Charlie"), &["address"])["account"].as_str().unwrap().to_string();
	cli(
		&node,
		Some("//Charlie"),
		&["operator", "register", "--redeem-key", "//Dave", "--metadata", "https://op.example"],
	);
	cli(&node, Some("//Alice"), &["admin", "approve-operator", "//Charlie", "--capacity", "1000"]);
	let status = cli(&node, None, &["operator", "status", "//Charlie"]);
	assert_eq!(status["status"]["status"], "approved", "{status}");
	assert_eq!(units(&status["bond"]), 10_000 * UNIT);

	// Alice stakes 100 HASH more: it is held from her free HASH (the fee apart) and counts as
	// unlocked stake. Then she claims her staking rewards into her free HASH.
	let before = balance(&node, "//Alice");
	let stake = cli(&node, Some("//Alice"), &["hash", "stake", "100"]);
	let staked = balance(&node, "//Alice");
	assert_eq!(
		units(&staked["stake"]["unlocked"]),
		units(&before["stake"]["unlocked"]) + 100 * UNIT,
		"{staked}"
	);
	assert_eq!(units(&staked["hash"]["reserved"]), units(&before["hash"]["reserved"]) + 100 * UNIT);
	assert_eq!(
		units(&staked["hash"]["free"]),
		units(&before["hash"]["free"]) - 100 * UNIT - fee(&stake)
	);
	let pending = units(&staked["stake"]["claimable_rewards"]);
	assert!(pending > 0, "no staking rewards accrued: {staked}");
	let claim = cli(&node, Some("//Alice"), &["hash", "claim"]);
	let claimed = number(&event(&claim, "ComputeStaking", "RewardsClaimed")["fields"]["amount"]);
	// The claim pays what had accrued by its block: at least what the API showed before.
	assert!(claimed >= pending, "claimed {claimed}, {pending} were claimable before");
	let rewarded = balance(&node, "//Alice");
	assert_eq!(
		units(&rewarded["hash"]["free"]),
		units(&staked["hash"]["free"]) + claimed - fee(&claim)
	);
	assert!(units(&rewarded["stake"]["claimable_rewards"]) < claimed, "{rewarded}");

	// Alice mints 10 DIEM: the cost is the quote, and her position and stake show it.
	let before = balance(&node, "//Alice");
	let quote = units(&cli(&node, None, &["diem", "quote", "10"])["cost"]);
	let mint = cli(&node, Some("//Alice"), &["diem", "mint", "10"]);
	assert_eq!(units(&mint["cost"]), quote, "{mint}");
	assert_eq!(units(&mint["quoted"]), quote);
	let after = balance(&node, "//Alice");
	assert_eq!(
		units(&after["position"]["outstanding"]),
		units(&before["position"]["outstanding"]) + 10 * UNIT
	);
	assert_eq!(units(&after["position"]["locked"]), units(&before["position"]["locked"]) + quote);
	assert_eq!(units(&after["stake"]["locked"]), units(&before["stake"]["locked"]) + quote);
	assert_eq!(units(&after["diem"]["free"]), units(&before["diem"]["free"]) + 10 * UNIT);

	// Alice transfers 5 DIEM to Bob.
	cli(&node, Some("//Alice"), &["diem", "transfer", "//Bob", "5"]);
	assert_eq!(units(&balance(&node, "//Bob")["diem"]["free"]), 5 * UNIT);
	assert_eq!(
		units(&balance(&node, "//Alice")["diem"]["free"]),
		units(&after["diem"]["free"]) - 5 * UNIT
	);

	// Alice approves Bob for 2 DIEM (`Assets.approve_transfer`: 0.01 HASH of hers reserved
	// while the approval stands); Bob moves 1.5 of it to Charlie; Alice pays Charlie 0.5 with
	// a memo; Bob moves the last 0.5, which uses the approval up and returns the deposit.
	let diem_of = |who: &str| balance(&node, who)["diem"].clone();
	let hash_reserved = |who: &str| units(&balance(&node, who)["hash"]["reserved"]);
	let allowance =
		|| cli(&node, None, &["diem", "allowance", "//Alice", "//Bob"])["allowance"].clone();
	let unapproved = diem_of("//Alice");
	let reserved = hash_reserved("//Alice");
	cli(&node, Some("//Alice"), &["diem", "approve", "//Bob", "2"]);
	assert_eq!(hash_reserved("//Alice"), reserved + UNIT / 100, "the approval deposit");
	assert_eq!(units(&allowance()["amount"]), 2 * UNIT);
	assert_eq!(units(&diem_of("//Alice")["free"]), units(&unapproved["free"]));
	cli(&node, Some("//Bob"), &["diem", "transfer-from", "//Alice", "//Charlie", "1.5"]);
	assert_eq!(units(&allowance()["amount"]), UNIT / 2);
	assert_eq!(units(&diem_of("//Charlie")["free"]), 3 * UNIT / 2);
	let pay =
		cli(&node, Some("//Alice"), &["diem", "pay", "//Charlie", "0.5", "--memo", "order-42"]);
	assert_eq!(number(&event(&pay, "DiemLedger", "Paid")["fields"]["amount"]), UNIT / 2);
	assert_eq!(units(&diem_of("//Charlie")["free"]), 2 * UNIT);
	cli(&node, Some("//Bob"), &["diem", "transfer-from", "//Alice", "//Charlie", "0.5"]);
	assert!(allowance().is_null(), "the used-up approval is still there: {}", allowance());
	assert_eq!(hash_reserved("//Alice"), reserved, "the deposit came back");
	assert_eq!(units(&diem_of("//Charlie")["free"]), 5 * UNIT / 2);
	assert_eq!(units(&diem_of("//Alice")["free"]), units(&unapproved["free"]) - 5 * UNIT / 2);

	// Alice burns 10 DIEM: the stake unlocked is the position's average cost of 10 DIEM
	// (rounded down), and the position keeps the rest. Then she unstakes what was unlocked
	// (withdrawn at the end, after the one-minute unbonding of the dev chain).
	let position = balance(&node, "//Alice")["position"].clone();
	let (locked, outstanding) = (units(&position["locked"]), units(&position["outstanding"]));
	let unlocked = locked.checked_mul(10 * UNIT).unwrap() / outstanding;
	assert!(unlocked > 0 && unlocked <= quote, "burn unlocks {unlocked}, mint cost {quote}");
	let burn = cli(&node, Some("//Alice"), &["diem", "burn", "10"]);
	assert_eq!(number(&event(&burn, "Diem", "Burned")["fields"]["unlocked"]), unlocked);
	let burned = balance(&node, "//Alice");
	assert_eq!(
		units(&burned["position"]["outstanding"]),
		units(&before["position"]["outstanding"])
	);
	assert_eq!(units(&burned["position"]["locked"]), locked - unlocked);
	assert_eq!(units(&burned["stake"]["locked"]), units(&after["stake"]["locked"]) - unlocked);
	assert_eq!(
		units(&burned["stake"]["unlocked"]),
		units(&rewarded["stake"]["unlocked"]) - quote + unlocked
	);
	let unstake = cli_final(&node, Some("//Alice"), &["hash", "unstake", &units_text(unlocked)]);
	let unbonding_end =
		event(&unstake, "ComputeStaking", "Unbonding")["fields"]["end"].as_u64().unwrap();
	let unbonding = balance(&node, "//Alice")["stake"]["unbonding"].clone();
	assert_eq!(
		unbonding,
		serde_json::json!([{ "amount": unlocked.to_string(), "end_block": unbonding_end }])
	);

	// Bob stakes 4 DIEM for credits, and authorizes his ed25519 key as a spender (cap 2).
	cli(&node, Some("//Bob"), &["credits", "stake", "4"]);
	let bob_ed = cli_raw_key_scheme(&node, "//Bob", "ed25519", &["address"])["account"]
		.as_str()
		.unwrap()
		.to_string();
	cli_final(&node, Some("//Bob"), &["credits", "add-spender", &bob_ed, "--cap", "2"]);
	let state = credits(&node, "//Bob");
	assert_eq!(units(&state["staked"]), 4 * UNIT);
	assert_eq!(
		state["spenders"],
		serde_json::json!([{
			"spender": bob_ed,
			"cap_per_epoch": (2 * UNIT).to_string(),
			"used": "0",
			"removed_in": null,
		}])
	);

	// From the next epoch the whole stake counts: an allowance of 4 credits.
	let epoch = current_epoch(&node) + 1;
	wait_for_epoch(&node, epoch);
	let state = credits(&node, "//Bob");
	assert_eq!(
		(state["epoch"].as_u64(), units(&state["allowance"]), units(&state["used"])),
		(Some(epoch), 4 * UNIT, 0)
	);

	let e = epoch.to_string();
	let sign = |scheme: &str, cumulative: &str, extra: &[&str]| -> String {
		let mut args = vec![
			"credits",
			"sign-voucher",
			"--operator",
			&charlie,
			"--cumulative",
			cumulative,
			"--epoch",
			&e,
		];
		args.extend_from_slice(extra);
		let json = cli_raw_key_scheme(&node, "//Bob", scheme, &args);
		json["voucher"].as_str().unwrap().to_string()
	};
	// Bob (sr25519) used 1.5 credits, his ed25519 spender 1.
	let v_sr = sign("sr25519", "1.5", &[]);
	let v_ed = sign("ed25519", "1", &["--payer", "//Bob"]);
	let redeem = cli(
		&node,
		Some("//Dave"),
		&["operator", "redeem", &redeem_file(dir.path(), "one.txt", &[v_sr.clone(), v_ed])],
	);
	let results: Vec<&str> = redeem["vouchers"]
		.as_array()
		.unwrap()
		.iter()
		.map(|v| v["status"].as_str().unwrap())
		.collect();
	assert_eq!(results, ["paid", "paid"], "{redeem}");
	assert_eq!(units(&redeem["credits_paid"]), 2_500_000_000_000);
	assert_eq!(usage(&node, "//Bob", epoch), (4 * UNIT, 2_500_000_000_000, 1_500_000_000_000));

	// Bad vouchers: a tampered one; one signed for another chain, refused, while its twin
	// signed for this chain (the only difference) is paid 0.4; a replayed one; and one over the
	// allowance, which is paid what is left of it (4 - 1.9 asked, 4 - 2.9 left).
	let genesis = info["genesis"].as_str().unwrap().to_string();
	assert_eq!(genesis.len(), 66, "{info}");
	let mut tampered = sign("ed25519", "1.8", &["--payer", "//Bob"]);
	let last = tampered.pop().unwrap();
	tampered.push(if last == '0' { '1' } else { '0' });
	let other_chain = sign("sr25519", "1.9", &["--genesis", &format!("0x{}", "11".repeat(32))]);
	let this_chain = sign("sr25519", "1.9", &["--genesis", &genesis]);
	let over = sign("sr25519", "4", &[]);
	let file = redeem_file(dir.path(), "two.txt", &[tampered, other_chain, this_chain, v_sr, over]);
	let redeem = cli(&node, Some("//Dave"), &["operator", "redeem", &file]);
	let rows = redeem["vouchers"].as_array().unwrap();
	let outcome = |i: usize| {
		(
			rows[i]["status"].as_str().unwrap(),
			rows[i]["reason"].as_str().or(rows[i]["limit"].as_str()).unwrap_or(""),
		)
	};
	assert_eq!(outcome(0), ("refused", "BadSignature"), "{redeem}");
	assert_eq!(outcome(1), ("refused", "BadSignature"), "{redeem}");
	assert_eq!(outcome(2), ("paid", ""), "{redeem}");
	assert_eq!(outcome(3), ("refused", "NotIncreasing"), "{redeem}");
	assert_eq!(outcome(4), ("partly_paid", "AllowanceExhausted"), "{redeem}");
	assert_eq!(
		(units(&rows[4]["asked"]), units(&rows[4]["paid"])),
		(2_100_000_000_000, 1_100_000_000_000)
	);
	assert_eq!(units(&redeem["credits_paid"]), 1_500_000_000_000);
	assert_eq!(usage(&node, "//Bob", epoch), (4 * UNIT, 4 * UNIT, 0));
	let status = cli(&node, None, &["operator", "status", "//Charlie"]);
	let redeemed =
		status["epochs"].as_array().unwrap().iter().find(|x| x["epoch"] == epoch).unwrap();
	assert_eq!(units(&redeemed["redeemed"]), 4 * UNIT, "{status}");

	// Charlie stops operating: its redeem key is dropped at once; the bond stays held through
	// the dispute delay, and an early release is refused by name.
	let leaving = cli(&node, Some("//Charlie"), &["operator", "unregister"]);
	let bond_release_epoch = event(&leaving, "InferenceCredits", "OperatorUnregistered")["fields"]
		["bond_release_epoch"]
		.as_u64()
		.unwrap();
	let status = cli(&node, None, &["operator", "status", "//Charlie"]);
	assert_eq!(status["status"]["status"], "leaving", "{status}");
	let (code, early) =
		cli_raw(&node, Some("//Charlie"), "in-block", &["operator", "release-bond"]);
	assert_eq!((code, early["error"]["name"].as_str()), (1, Some("BondStillLocked")), "{early}");

	// The allowance renews each epoch and nothing rolls over: 4 credits in the next epoch, and
	// 4 (not 8) in the one after, though the next one's went unused.
	wait_for_epoch(&node, epoch + 1);
	assert_eq!(usage(&node, "//Bob", epoch + 1), (4 * UNIT, 0, 4 * UNIT));
	wait_for_epoch(&node, epoch + 2);
	assert_eq!(usage(&node, "//Bob", epoch + 2), (4 * UNIT, 0, 4 * UNIT));

	// Bob revokes his spender key: it stays listed, marked with the epoch of its removal, while
	// vouchers it signed before can still be redeemed.
	let removed_from = current_epoch(&node);
	cli(&node, Some("//Bob"), &["credits", "remove-spender", &bob_ed]);
	let spender = credits(&node, "//Bob")["spenders"][0].clone();
	assert_eq!(spender["spender"], bob_ed.as_str());
	let removed_in = spender["removed_in"].as_u64().unwrap_or_else(|| panic!("{spender}"));
	assert!((removed_from..=current_epoch(&node)).contains(&removed_in), "{spender}");
	// Bob unstakes; the DIEM is released after the boundary and withdrawn.
	cli(&node, Some("//Bob"), &["credits", "unstake", "4"]);
	let state = credits(&node, "//Bob");
	assert_eq!(units(&state["staked"]), 0, "{state}");
	let unlocking: Vec<u128> =
		state["unlocking"].as_array().unwrap().iter().map(|c| units(&c["amount"])).collect();
	assert_eq!(unlocking, [4 * UNIT], "{state}");
	let (code, early) = cli_raw(&node, Some("//Bob"), "in-block", &["credits", "withdraw"]);
	assert_eq!((code, early["error"]["kind"].as_str()), (1, Some("chain")), "{early}");
	assert_eq!(early["error"]["name"], "NothingToWithdraw", "{early}");
	// Claims for the vouchers' epoch open four epochs later; Bob's DIEM is released by then.
	let claimable_now = || {
		let status = cli(&node, None, &["operator", "status", "//Charlie"]);
		let epochs = status["epochs"].as_array().cloned().unwrap_or_default();
		epochs.iter().any(|x| x["epoch"] == epoch && units(&x["claimable"]) > 0)
	};
	wait_until(&node, "the epoch's claims to open", claimable_now);
	// Bob's key comes from the environment this time, as a mnemonic with a derivation path.
	let bob_secret = format!("{DEV_PHRASE}//Bob");
	cli_final(&node, KeySource::Env(&bob_secret), &["credits", "withdraw"]);
	let bob = balance(&node, "//Bob");
	assert_eq!(
		(units(&bob["diem"]["free"]), units(&bob["diem"]["held_for_credits"])),
		(5 * UNIT, 0)
	);

	// The epoch's claims are open (its redemption window and the dispute delay have passed):
	// Charlie claims what the status showed, and receives it (less the fee).
	let status = cli(&node, None, &["operator", "status", "//Charlie"]);
	let claimable = units(
		&status["epochs"].as_array().unwrap().iter().find(|x| x["epoch"] == epoch).unwrap()
			["claimable"],
	);
	assert!(claimable > 0, "nothing claimable: {status}");
	// Charlie's key comes from a file, as a mnemonic with a derivation path.
	let key_file = dir.path().join("charlie.key");
	std::fs::write(&key_file, format!("{DEV_PHRASE}//Charlie\n")).unwrap();
	let free_before = units(&balance(&node, "//Charlie")["hash"]["free"]);
	let claim = cli_final(&node, KeySource::File(&key_file), &["operator", "claim", "--epoch", &e]);
	assert_eq!(units(&claim["claimed"]), claimable, "{claim}");
	let claim_fee = fee(&claim["claims"][0]);
	assert_eq!(
		units(&balance(&node, "//Charlie")["hash"]["free"]),
		free_before + claimable - claim_fee
	);

	// Alice's unbonding is over: the stake returns to her free HASH.
	wait_until(&node, "Alice's unbonding", || {
		cli(&node, None, &["info"])["best_block"].as_u64().unwrap() >= unbonding_end
	});
	let hash_before = units(&balance(&node, "//Alice")["hash"]["free"]);
	let withdraw = cli_final(&node, Some("//Alice"), &["hash", "withdraw"]);
	let withdrawn = number(&event(&withdraw, "ComputeStaking", "Withdrawn")["fields"]["amount"]);
	assert_eq!(withdrawn, unlocked);
	let alice = balance(&node, "//Alice");
	assert_eq!(units(&alice["hash"]["free"]), hash_before + unlocked - fee(&withdraw));
	assert!(alice["stake"]["unbonding"].as_array().unwrap().is_empty(), "{alice}");

	// Charlie's dispute delay is over: the bond returns to its free HASH and the operator is
	// gone.
	wait_for_epoch(&node, bond_release_epoch);
	let charlie_before = balance(&node, "//Charlie")["hash"].clone();
	let release = cli_final(&node, Some("//Charlie"), &["operator", "release-bond"]);
	let bond = number(&event(&release, "InferenceCredits", "OperatorRemoved")["fields"]["bond"]);
	assert_eq!(bond, 10_000 * UNIT);
	let charlie_after = balance(&node, "//Charlie")["hash"].clone();
	assert_eq!(units(&charlie_after["reserved"]), units(&charlie_before["reserved"]) - bond);
	assert_eq!(
		units(&charlie_after["free"]),
		units(&charlie_before["free"]) + bond - fee(&release)
	);
	let (code, gone) = cli_raw(&node, None, "in-block", &["operator", "status", "//Charlie"]);
	assert_eq!(code, 1, "{gone}");

	drop(rpc);
	let status = node.stop();
	assert!(status.success(), "node did not shut down cleanly: {status}");
}

/// `diem-cli --key <key> --scheme <scheme> <args>` (no transaction, so no wait matters).
fn cli_raw_key_scheme(node: &Node, key: &str, scheme: &str, args: &[&str]) -> Json {
	let mut full = vec!["--scheme", scheme];
	full.extend_from_slice(args);
	run_ok(node, Some(key), "in-block", &full)
}

/// Runs one of the client's examples and returns its standard output; fails the test if it
/// fails or takes longer than [`WAIT`]. `cargo test --workspace` (or `--examples`) builds them
/// into `<target>/<profile>/examples/`; a missing or older binary than its source is refused.
fn run_example(node: &Node, name: &str, args: &[&str]) -> String {
	let exe = std::env::current_exe().unwrap();
	// <target>/<profile>/deps/<this test> -> <target>/<profile>/examples/<name>
	let binary = exe.parent().and_then(Path::parent).unwrap().join("examples").join(name);
	let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples").join(format!("{name}.rs"));
	let modified = |path: &Path| std::fs::metadata(path).and_then(|m| m.modified()).ok();
	assert!(
		modified(&binary).is_some_and(|built| Some(built) >= modified(&source)),
		"{} is missing or older than its source: build with `cargo test --workspace` or add \
		 `--examples`",
		binary.display()
	);
	let mut child = Command::new(&binary)
		.args(args)
		.stdout(std::process::Stdio::piped())
		.stderr(std::process::Stdio::piped())
		.spawn()
		.unwrap_or_else(|e| panic!("{}: {e}", binary.display()));
	let deadline = Instant::now() + WAIT;
	while child.try_wait().unwrap().is_none() {
		if Instant::now() > deadline {
			let _ = child.kill();
			node.fail(format!("example {name}: not done within {WAIT:?}"));
		}
		std::thread::sleep(Duration::from_millis(200));
	}
	let output = child.wait_with_output().unwrap();
	let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
	if !output.status.success() {
		node.fail(format!(
			"example {name} failed ({}): {stdout}{}",
			output.status,
			String::from_utf8_lossy(&output.stderr)
		));
	}
	stdout
}

/// Base units as the decimal text the CLI takes.
fn units_text(base_units: u128) -> String {
	format!("{}.{:012}", base_units / UNIT, base_units % UNIT)
}

/// DIEM on the DEX end to end on a dev node (beside the lifecycle test, on its own node): the
/// buy-or-mint quote is what a mint and a swap then cost; Bob swaps DIEM back within a bound,
/// and past it the swap fails and changes nothing; Alice adds and removes liquidity; an account
/// that never held HASH stakes DIEM for credits, paying its fee in DIEM.
#[test]
fn diem_trades_on_the_dex_and_pays_fees_through_the_cli() {
	let mut node = Node::start("dex", &["--dev"]);
	let runtime = tokio::runtime::Runtime::new().unwrap();
	let (rpc, _client) = runtime.block_on(node.connect());
	runtime.block_on(node.wait_finalized(&rpc, 1));
	let reserves = |node: &Node| {
		let pools = cli(node, None, &["dex", "pools"]);
		let pool = &pools["pools"][0];
		assert_eq!(pool["pool"], serde_json::json!(["HASH", "DIEM"]), "{pools}");
		(units(&pool["reserves"][0]), units(&pool["reserves"][1]))
	};
	// The genesis pool: 22,500 HASH against 250 DIEM.
	assert_eq!(reserves(&node), (22_500 * UNIT, 250 * UNIT));

	// Mint or buy 2 DIEM: the quote of each is what it then costs.
	let quote = cli(&node, None, &["diem", "quote", "2"]);
	let (mint_cost, buy_cost) = (units(&quote["mint_cost"]), units(&quote["buy_cost"]));
	assert_eq!(
		quote["cheaper"], "mint",
		"the pool sits at the curve's price plus its fee: {quote}"
	);
	let mint =
		cli(&node, Some("//Bob"), &["diem", "mint", "2", "--max-cost", &units_text(mint_cost)]);
	assert_eq!(units(&mint["cost"]), mint_cost, "{mint}");
	let buy = cli(
		&node,
		Some("//Bob"),
		&[
			"dex",
			"swap",
			"2",
			"--from",
			"hash",
			"--to",
			"diem",
			"--exact-out",
			"--max-in",
			&units_text(buy_cost),
		],
	);
	assert_eq!(units(&buy["amount_in"]), buy_cost, "{buy}");
	assert_eq!(units(&buy["amount_out"]), 2 * UNIT, "{buy}");
	let bob_diem = || units(&balance(&node, "//Bob")["diem"]["free"]);
	assert_eq!(bob_diem(), 4 * UNIT);

	// Bob sells 1 DIEM back: past the bound nothing moves, at the quote it goes through.
	let back = units(
		&cli(&node, None, &["dex", "quote", "1", "--from", "diem", "--to", "hash"])["amount_out"],
	);
	let pool_before = reserves(&node);
	let (code, refused) = cli_raw(
		&node,
		Some("//Bob"),
		"in-block",
		&["dex", "swap", "1", "--from", "diem", "--to", "hash", "--min-out", &units_text(back + 1)],
	);
	assert_eq!(code, 1, "{refused}");
	assert!(refused.to_string().contains("ProvidedMinimumNotSufficientForSwap"), "{refused}");
	assert_eq!((bob_diem(), reserves(&node)), (4 * UNIT, pool_before));
	let sold = cli(
		&node,
		Some("//Bob"),
		&["dex", "swap", "1", "--from", "diem", "--to", "hash", "--min-out", &units_text(back)],
	);
	assert_eq!(units(&sold["amount_out"]), back, "{sold}");
	assert_eq!(bob_diem(), 3 * UNIT);

	// Alice adds liquidity at the pool's price and takes it out again.
	let added = cli(
		&node,
		Some("//Alice"),
		&["dex", "add-liquidity", "diem", "--hash", "900", "--amount", "10", "--slippage", "5"],
	);
	let lp = units(&added["lp_minted"]);
	let (hash_in, diem_in) = (units(&added["hash_added"]), units(&added["asset_added"]));
	assert!(lp > 0 && diem_in <= 10 * UNIT && hash_in <= 900 * UNIT, "{added}");
	let removed =
		cli(&node, Some("//Alice"), &["dex", "remove-liquidity", "diem", "--lp", &units_text(lp)]);
	let (hash_out, diem_out) =
		(units(&removed["hash_received"]), units(&removed["asset_received"]));
	// The share comes back, rounded down (no swap happened in between to earn it fees).
	assert!(diem_out <= diem_in && diem_out * 1000 >= diem_in * 999, "{removed}");
	assert!(hash_out <= hash_in && hash_out * 1000 >= hash_in * 999, "{removed}");

	// An account that never held HASH: it receives 3 DIEM and stakes 1 for credits paying its
	// fee in DIEM. Without `--fee-asset diem` it cannot pay at all.
	cli(&node, Some("//Alice"), &["diem", "transfer", "//OnlyDiem", "3"]);
	let (code, unpaid) = cli_raw(&node, Some("//OnlyDiem"), "in-block", &["credits", "stake", "1"]);
	assert_eq!(code, 1, "{unpaid}");
	assert!(unpaid.to_string().contains("Inability to pay"), "{unpaid}");
	let staked =
		cli_final(&node, Some("//OnlyDiem"), &["--fee-asset", "diem", "credits", "stake", "1"]);
	let paid = event(&staked, "AssetTxPayment", "AssetTxFeePaid");
	let fee_in_diem = number(&paid["fields"]["actual_fee"]);
	assert!(fee_in_diem > 0, "{paid}");
	let only_diem = balance(&node, "//OnlyDiem");
	assert_eq!(units(&only_diem["hash"]["free"]), 0, "{only_diem}");
	assert_eq!(units(&only_diem["diem"]["held_for_credits"]), UNIT, "{only_diem}");
	assert_eq!(units(&only_diem["diem"]["free"]), 2 * UNIT - fee_in_diem, "{only_diem}");

	drop(rpc);
	let status = node.stop();
	assert!(status.success(), "node did not shut down cleanly: {status}");
}

#[test]
fn credits_are_leased_and_offers_listed_through_the_cli() {
	let dir = tempfile::tempdir().unwrap();
	// Epochs of eight slots: listing, taking and the refused unstake fit in the epoch before
	// the lease begins.
	let spec = diem_test_utils::patched_spec(dir.path(), "dev", "market-epochs", |patch| {
		patch["inferenceCredits"]["epochLength"] = (2 * EPOCH_MS).into();
	});
	let mut node = Node::start("market", &["--dev", "--chain", &spec]);
	let runtime = tokio::runtime::Runtime::new().unwrap();
	let (rpc, _client) = runtime.block_on(node.connect());
	runtime.block_on(node.wait_finalized(&rpc, 1));
	let account =
		|who: &str| cli(&node, Some(who), &["address"])["account"].as_str().unwrap().to_string();
	let (bob, charlie, eve) = (account("//Bob"), account("//Charlie"), account("//Eve"));
	let refused_with = |key: &str, args: &[&str], error: &str| {
		let (code, refused) = cli_raw(&node, Some(key), "in-block", args);
		assert_eq!(code, 1, "{args:?}: {refused}");
		assert!(refused.to_string().contains(error), "{args:?}: {refused}");
	};

	// Charlie, an approved operator, publishes two offers; the market lists them cheapest
	// first with his record. Before approval he may not.
	cli(&node, Some("//Charlie"), &["operator", "register", "--redeem-key", "//Dave"]);
	let offer = |unit: &'static str, price: &'static str| {
		[
			"operator",
			"offer",
			"set",
			"--model",
			"llama-3.3-70b",
			"--unit",
			unit,
			"--price",
			price,
			"--max-context",
			"131072",
			"--endpoint",
			"https://op.example/v1",
		]
	};
	refused_with("//Charlie", &offer("input-tokens", "0.25"), "NotApprovedOperator");
	cli(&node, Some("//Alice"), &["admin", "approve-operator", "//Charlie", "--capacity", "1000"]);
	cli(&node, Some("//Charlie"), &offer("output-tokens", "0.75"));
	cli(&node, Some("//Charlie"), &offer("input-tokens", "0.25"));
	let offers = cli(&node, None, &["market", "offers", "--model", "llama-3.3-70b"]);
	let offers = offers["offers"].as_array().unwrap().clone();
	assert_eq!(offers.len(), 2, "{offers:?}");
	assert_eq!(offers[0]["unit"], "per 1M input tokens", "{offers:?}");
	assert_eq!(units(&offers[0]["price"]), UNIT / 4);
	assert_eq!(offers[1]["operator"], charlie.as_str());
	assert_eq!(offers[0]["record"]["standing"], "approved");
	assert_eq!(units(&offers[0]["record"]["capacity_left"]), 1_000 * UNIT);
	let none = cli(&node, None, &["market", "offers", "--model", "none"]);
	assert!(none["offers"].as_array().unwrap().is_empty(), "{none}");

	// Bob stakes 2 DIEM for credits (of 3 minted: staking keeps the account's DIEM alive) and
	// lists 2 credits a epoch for the next two epochs at 2 HASH per credit.
	cli(&node, Some("//Bob"), &["diem", "mint", "3"]);
	cli(&node, Some("//Bob"), &["credits", "stake", "2"]);
	let first = current_epoch(&node) + 1;
	let listed = cli(
		&node,
		Some("//Bob"),
		&[
			"market",
			"lease",
			"list",
			"--credits",
			"2",
			"--first",
			&first.to_string(),
			"--epochs",
			"2",
			"--price",
			"2",
		],
	);
	let listing = listed["listing"].as_u64().expect("a listing id").to_string();
	let book = cli(&node, None, &["market", "leases"]);
	assert_eq!(book["listings"][0]["lister"], bob.as_str(), "{book}");
	assert_eq!(book["listings"][0]["last"], first + 1, "{book}");
	refused_with("//Bob", &["market", "lease", "take", &listing], "SelfLease");

	// Eve takes them and pays Bob at once.
	let bob_hash = units(&balance(&node, "//Bob")["hash"]["free"]);
	let taken = cli(&node, Some("//Eve"), &["market", "lease", "take", &listing]);
	let fields = &event(&taken, "Market", "LeaseTaken")["fields"];
	assert_eq!(fields["beneficiary"], eve.as_str(), "{taken}");
	let (from, first_credits) =
		(fields["first"].as_u64().unwrap(), number(&fields["first_credits"]));
	let leased = first_credits + 2 * UNIT * u128::from(first + 1 - from);
	let paid = units(&taken["paid"]);
	assert_eq!(paid, leased * 2, "{taken}");
	assert_eq!(units(&balance(&node, "//Bob")["hash"]["free"]), bob_hash + paid);
	assert!(cli(&node, None, &["market", "leases"])["listings"].as_array().unwrap().is_empty());
	// Bob's committed DIEM cannot be unstaked while the lease runs.
	refused_with("//Bob", &["credits", "unstake", "2"], "StakeCommitted");

	// In the first leased epoch Eve's allowance is the lease; Bob's own is gone (but for the
	// part of the epoch that had passed if Eve took it during that epoch). Eve's voucher to
	// Charlie is paid; Bob's only from what is left of his own.
	wait_for_epoch(&node, first);
	let epoch = current_epoch(&node);
	assert!(epoch <= first + 1, "the lease ended before it was used");
	let allowance = |who: &str| units(&credits(&node, who)["allowance"]);
	let leased_now = if epoch == from { first_credits } else { 2 * UNIT };
	assert_eq!(allowance("//Eve"), leased_now);
	let bob_left = 2 * UNIT - leased_now;
	assert_eq!(allowance("//Bob"), bob_left);
	let sign = |who: &str, cumulative: &str| {
		cli(
			&node,
			Some(who),
			&[
				"credits",
				"sign-voucher",
				"--operator",
				&charlie,
				"--cumulative",
				cumulative,
				"--epoch",
				&epoch.to_string(),
			],
		)["voucher"]
			.as_str()
			.unwrap()
			.to_string()
	};
	let vouchers = [sign("//Eve", "0.5"), sign("//Bob", "0.5")];
	let redeem = cli(
		&node,
		Some("//Dave"),
		&["operator", "redeem", &redeem_file(dir.path(), "leased.txt", &vouchers)],
	);
	assert_eq!(redeem["vouchers"][0]["status"], "paid", "{redeem}");
	let bob_paid = bob_left.min(UNIT / 2);
	if bob_paid == 0 {
		assert_eq!(redeem["vouchers"][1]["status"], "refused", "{redeem}");
		assert_eq!(redeem["vouchers"][1]["reason"], "AllowanceExhausted", "{redeem}");
	} else if bob_paid < UNIT / 2 {
		assert_eq!(redeem["vouchers"][1]["status"], "partly_paid", "{redeem}");
	}
	assert_eq!(units(&redeem["credits_paid"]), UNIT / 2 + bob_paid, "{redeem}");
	let mine = cli(&node, None, &["market", "leases", "--account", "//Bob"]);
	assert_eq!(mine["lent"][0]["beneficiary"], eve.as_str(), "{mine}");
	refused_with("//Bob", &["market", "lease", "cancel", &listing], "NoSuchListing");

	// Once the lease's last epoch is under way, nothing later is committed: the unstake goes
	// through (it counts to the end of this epoch).
	if current_epoch(&node) == first {
		refused_with("//Bob", &["credits", "unstake", "2"], "StakeCommitted");
	}
	wait_for_epoch(&node, first + 1);
	cli(&node, Some("//Bob"), &["credits", "unstake", "2"]);

	// Charlie withdraws an offer; its deposit comes back.
	let reserved = units(&balance(&node, "//Charlie")["hash"]["reserved"]);
	cli_final(
		&node,
		Some("//Charlie"),
		&["operator", "offer", "remove", "--model", "llama-3.3-70b", "--unit", "output-tokens"],
	);
	assert_eq!(units(&balance(&node, "//Charlie")["hash"]["reserved"]), reserved - 10 * UNIT);
	assert_eq!(cli(&node, None, &["market", "offers"])["offers"].as_array().unwrap().len(), 1);

	drop(rpc);
	let status = node.stop();
	assert!(status.success(), "node did not shut down cleanly: {status}");
}

/// Whether `error` (a failed command's JSON) is the chain error `name`.
fn is_chain_error(error: &Json, name: &str) -> bool {
	error["error"]["kind"] == "chain" && error["error"]["name"] == name
}

#[test]
fn governance_passes_referenda_and_the_committee_runs_safe_mode_through_the_cli() {
	// `--dev` runs the tracks on their fast timing and seats Alice, Bob and Charlie on the
	// technical committee.
	let mut node = Node::start("governance", &["--dev"]);
	let runtime = tokio::runtime::Runtime::new().unwrap();
	let (rpc, _client) = runtime.block_on(node.connect());
	runtime.block_on(node.wait_finalized(&rpc, 1));
	let operator_status =
		|who: &str| cli(&node, None, &["operator", "status", who])["status"]["status"].clone();
	let referendum = |index: &str| cli(&node, None, &["gov", "status", index]);
	// Alice votes aye with 100,000 HASH and waits until the referendum is approved and its call
	// has run (`until`).
	let pass = |index: &str, until: &dyn Fn() -> bool| {
		cli(
			&node,
			Some("//Alice"),
			&["gov", "vote", index, "aye", "--amount", "100000", "--conviction", "1"],
		);
		wait_until(&node, &format!("referendum {index} approved"), || {
			referendum(index)["state"] == "approved"
		});
		wait_until(&node, &format!("referendum {index} enacted"), until);
	};

	// An operator approved by a referendum on the operator_admin track; the same call on the
	// diem_admin track is refused when it is enacted (that origin does not reach it), and no
	// signed account can make it.
	cli(&node, Some("//Bob"), &["operator", "register", "--redeem-key", "//Dave"]);
	let approve_bob =
		cli(&node, None, &["admin", "approve-operator", "//Bob", "--capacity", "500", "--encode"])
			["call"]
			.as_str()
			.unwrap()
			.to_string();
	let (code, refused) = cli_raw(
		&node,
		Some("//Alice"),
		"in-block",
		&["gov", "submit", "0x0102", "--track", "operator_admin"],
	);
	assert_eq!(code, 2, "a call of no runtime: {refused}");
	let submitted =
		cli(&node, Some("//Alice"), &["gov", "submit", &approve_bob, "--track", "operator_admin"]);
	assert_eq!(submitted["call"], "InferenceCredits.approve_operator", "{submitted}");
	assert_eq!(submitted["track"], "operator_admin", "{submitted}");
	let index = submitted["index"].as_u64().unwrap().to_string();
	assert_eq!(operator_status("//Bob"), "pending");
	let ongoing = referendum(&index);
	assert_eq!(ongoing["state"], "ongoing", "{ongoing}");
	assert!(ongoing["decision_deposit"].is_string(), "deposit placed: {ongoing}");
	pass(&index, &|| operator_status("//Bob") == "approved");
	let status = cli(&node, None, &["gov", "status"]);
	assert_eq!(status["committee"]["members"].as_array().unwrap().len(), 3, "{status}");
	assert_eq!(status["safe_mode_until"], Json::Null, "{status}");

	// The fast track: the committee whitelists a call (two of three members), then a
	// referendum on whitelisted_caller dispatches it as Root.
	cli(&node, Some("//Charlie"), &["operator", "register", "--redeem-key", "//Ferdie"]);
	let approve_charlie = cli(
		&node,
		None,
		&["admin", "approve-operator", "//Charlie", "--capacity", "200", "--encode"],
	)["call"]
		.as_str()
		.unwrap()
		.to_string();
	let (code, refused) = cli_raw(
		&node,
		Some("//Eve"),
		"in-block",
		&["gov", "committee", "whitelist", &approve_charlie],
	);
	assert_eq!(code, 2, "Eve is not a member: {refused}");
	let motion = cli(&node, Some("//Alice"), &["gov", "committee", "whitelist", &approve_charlie]);
	assert_eq!(motion["threshold"], 2, "{motion}");
	let hash = motion["motion"].as_str().unwrap().to_string();
	let open = cli(&node, None, &["gov", "status"]);
	assert_eq!(open["committee"]["motions"][0]["call"], "Whitelist.whitelist_call", "{open}");
	cli(&node, Some("//Bob"), &["gov", "committee", "vote", &hash, "aye"]);
	let closed = cli(&node, Some("//Bob"), &["gov", "committee", "close", &hash]);
	assert_eq!(closed["executed"], true, "{closed}");
	event(&closed, "Whitelist", "CallWhitelisted");
	let submitted = cli(
		&node,
		Some("//Alice"),
		&["gov", "submit", &approve_charlie, "--track", "whitelisted_caller"],
	);
	assert_eq!(submitted["call"], "Whitelist.dispatch_whitelisted_call_with_preimage");
	let index = submitted["index"].as_u64().unwrap().to_string();
	pass(&index, &|| operator_status("//Charlie") == "approved");

	// Safe mode, entered by a committee motion: a DIEM transfer is refused while it lasts,
	// governance still runs (a referendum is submitted, its deposit placed, a vote cast), and
	// it ends on its own (two minutes on the dev chain's fast timing).
	cli(&node, Some("//Alice"), &["diem", "mint", "5"]);
	let enter_safe_mode = |proposer: &str, seconder: &str| {
		let entered = cli(&node, Some(proposer), &["gov", "safe-mode", "enter"]);
		let hash = entered["motion"].as_str().unwrap().to_string();
		cli(&node, Some(seconder), &["gov", "committee", "vote", &hash, "aye"]);
		let closed = cli(&node, Some(seconder), &["gov", "committee", "close", &hash]);
		event(&closed, "SafeMode", "Entered");
	};
	let safe_mode_until = || cli(&node, None, &["gov", "status"])["safe_mode_until"].clone();
	enter_safe_mode("//Alice", "//Charlie");
	assert!(safe_mode_until().is_u64(), "safe mode entered");
	let (code, refused) =
		cli_raw(&node, Some("//Alice"), "in-block", &["diem", "transfer", "//Eve", "1"]);
	assert_eq!(code, 1, "{refused}");
	assert!(is_chain_error(&refused, "CallFiltered"), "{refused}");
	let submitted = cli(
		&node,
		Some("//Alice"),
		&["gov", "submit", &approve_bob, "--track", "operator_admin", "--no-deposit"],
	);
	let index = submitted["index"].as_u64().unwrap().to_string();
	cli(&node, Some("//Bob"), &["gov", "deposit", &index]);
	cli(&node, Some("//Bob"), &["gov", "vote", &index, "nay", "--amount", "10"]);
	wait_until(&node, "safe mode ending on its own", || safe_mode_until().is_null());
	cli(&node, Some("//Alice"), &["diem", "transfer", "//Eve", "1"]);

	// A second episode, ended early by a committee motion to exit.
	enter_safe_mode("//Bob", "//Alice");
	let (code, refused) =
		cli_raw(&node, Some("//Alice"), "in-block", &["diem", "transfer", "//Eve", "1"]);
	assert!(code == 1 && is_chain_error(&refused, "CallFiltered"), "{refused}");
	let exit = cli(&node, Some("//Bob"), &["gov", "safe-mode", "exit"]);
	let hash = exit["motion"].as_str().unwrap().to_string();
	cli(&node, Some("//Alice"), &["gov", "committee", "vote", &hash, "aye"]);
	let closed = cli(&node, Some("//Alice"), &["gov", "committee", "close", &hash]);
	event(&closed, "SafeMode", "Exited");
	assert!(safe_mode_until().is_null());
	cli_final(&node, Some("//Alice"), &["diem", "transfer", "//Eve", "1"]);
	assert_eq!(units(&balance(&node, "//Eve")["diem"]["free"]), 2 * UNIT);

	drop(rpc);
	let status = node.stop();
	assert!(status.success(), "node did not shut down cleanly: {status}");
}

#[test]
fn a_loan_against_diem_is_liquidated_when_the_twap_falls_through_the_cli() {
	let mut node = Node::start("lending", &["--dev"]);
	let runtime = tokio::runtime::Runtime::new().unwrap();
	let (rpc, _client) = runtime.block_on(node.connect());
	runtime.block_on(node.wait_finalized(&rpc, 1));
	let status = |who: &str| cli(&node, None, &["lend", "status", who]);
	// The dev preset opens the market; its TWAP spans the window (20 blocks, observations
	// every 5) from block 25 on.
	wait_long(&node, "the oracle's first window", || {
		status("//Alice")["market"]["twap"].is_string()
	});
	let market = status("//Alice")["market"].clone();
	// The genesis pool: 22,500 HASH against 250 DIEM, 90 HASH per DIEM.
	assert_eq!(units(&market["twap"]), 90 * UNIT, "{market}");

	// Alice lends 5,000 HASH.
	let supplied = cli(&node, Some("//Alice"), &["lend", "supply", "5000"]);
	event(&supplied, "Lending", "Supplied");
	// Bob borrows 800 HASH against 20 DIEM (worth 1,800 HASH: his limit is 900) in one batch.
	// 21: a hold leaves an asset account its minimum balance free.
	cli(&node, Some("//Alice"), &["diem", "transfer", "//Bob", "21"]);
	let (code, over) =
		cli_raw(&node, Some("//Bob"), "in-block", &["lend", "borrow", "901", "--collateral", "20"]);
	assert_eq!(code, 1, "{over}");
	assert!(is_chain_error(&over, "BorrowLimitExceeded"), "{over}");
	let bob_hash_before = units(&balance(&node, "//Bob")["hash"]["free"]);
	let borrowed = cli(&node, Some("//Bob"), &["lend", "borrow", "800", "--collateral", "20"]);
	let bob_fee = fee(&borrowed);
	let bob = status("//Bob");
	assert_eq!(units(&bob["position"]["collateral"]), 20 * UNIT, "{bob}");
	assert!(units(&bob["position"]["debt"]) >= 800 * UNIT, "{bob}");
	assert_eq!(
		units(&balance(&node, "//Bob")["hash"]["free"]),
		bob_hash_before + 800 * UNIT - bob_fee
	);

	// Alice sells 80 DIEM into the pool in four swaps: spot falls to about 52 HASH per DIEM,
	// and Bob's own borrowing pauses at once; the TWAP follows over its window.
	for _ in 0..4 {
		cli(
			&node,
			Some("//Alice"),
			&["dex", "swap", "20", "--from", "diem", "--to", "hash", "--slippage", "50"],
		);
	}
	let paused = status("//Bob")["market"].clone();
	assert_eq!(paused["borrowing_paused"], "PriceDeviation", "{paused}");
	let (code, refused) =
		cli_raw(&node, Some("//Charlie"), "in-block", &["lend", "liquidate", "//Bob"]);
	assert_eq!(code, 1, "{refused}");
	assert!(
		is_chain_error(&refused, "LoanHealthy"),
		"one block's price is not the TWAP: {refused}"
	);
	// Liquidatable once 20 × TWAP × 65% < the debt: a TWAP below about 61.5.
	wait_long(&node, "Bob's loan to become unhealthy", || {
		let health = &status("//Bob")["position"]["health_factor"];
		health.is_string() && units(health) < UNIT
	});

	// Charlie liquidates half the debt (the close factor) for collateral plus 8%.
	let charlie_before = balance(&node, "//Charlie");
	let before = status("//Bob");
	let debt_before = units(&before["position"]["debt"]);
	let liquidated = cli_final(&node, Some("//Charlie"), &["lend", "liquidate", "//Bob"]);
	let fields = &event(&liquidated, "Lending", "Liquidated")["fields"];
	let (repaid, seized) = (number(&fields["repaid"]), number(&fields["collateral"]));
	let twap = number(&fields["price"]);
	assert_eq!((units(&liquidated["repaid"]), units(&liquidated["collateral"])), (repaid, seized));
	// Half the debt, within the interest of the blocks between the reading and the liquidation.
	assert!(repaid * 2 >= debt_before && repaid * 2 <= debt_before + UNIT, "{liquidated}");
	// Collateral worth the repaid HASH plus 8% at the TWAP (price is 18-decimal fixed point).
	let expected = repaid * 108 / 100 * 1_000_000_000_000_000_000 / twap;
	assert!(seized.abs_diff(expected) <= 1, "{seized} vs {expected}: {liquidated}");
	let charlie_after = balance(&node, "//Charlie");
	assert_eq!(
		units(&charlie_after["hash"]["free"]),
		units(&charlie_before["hash"]["free"]) - repaid - fee(&liquidated)
	);
	assert_eq!(
		units(&charlie_after["diem"]["free"]),
		units(&charlie_before["diem"]["free"]) + seized
	);
	let after = status("//Bob");
	let position = &after["position"];
	assert_eq!(units(&position["collateral"]), 20 * UNIT - seized, "{after}");
	let market = &after["market"];
	// The books add up: what Bob owes is what the market lent; what the market holds and is
	// owed covers what it owes Alice and the reserve.
	assert!(units(&market["borrowed"]).abs_diff(units(&position["debt"])) <= 1, "{after}");
	assert_eq!(units(&market["collateral"]), 20 * UNIT - seized, "{after}");
	assert_eq!(units(&market["bad_debt"]), 0, "{after}");
	let alice = status("//Alice");
	assert!(units(&alice["position"]["supplied"]) >= 5_000 * UNIT, "{alice}");
	assert!(
		units(&market["liquidity"]) + units(&market["borrowed"])
			>= units(&alice["position"]["supplied"]) + units(&market["reserve"]),
		"{after}"
	);

	drop(rpc);
	let status = node.stop();
	assert!(status.success(), "node did not shut down cleanly: {status}");
}

/// Polls until `done` holds, failing after five minutes: a TWAP window and its interval on the
/// dev chain take up to 150 seconds.
fn wait_long(node: &Node, what: &str, mut done: impl FnMut() -> bool) {
	let limit = Duration::from_secs(300);
	let deadline = Instant::now() + limit;
	while !done() {
		if Instant::now() > deadline {
			node.fail(format!("{what}: not within {limit:?}"));
		}
		std::thread::sleep(Duration::from_secs(3));
	}
}
