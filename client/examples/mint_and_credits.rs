//! A dApp's first steps with subxt on the DIEM chain, the program `docs/rpc.md` walks through:
//! quote a mint through `DiemApi`, mint with a 1 % tolerance, wait for finality, and read the
//! account's inference credits through `InferenceCreditsApi`.
//!
//! ```text
//! cargo run -p diem-cli --example mint_and_credits -- [URL] [SECRET_URI]
//! ```
//!
//! Defaults: `ws://127.0.0.1:9944` and `//Alice`. The client's end-to-end test runs it against a
//! dev node, so what the docs show is what works.

// The interface generated from the runtime's metadata by `#[subxt::subxt(runtime_metadata_path
// = "metadata/diem.scale")] pub mod runtime {}`: the one `diem-cli` generates, reused here so the
// workspace compiles it once. A dApp's own crate puts that attribute on its own module.
use diem_cli::chain::runtime;
use std::str::FromStr;
use subxt::{OnlineClient, PolkadotConfig};
use subxt_signer::{sr25519::Keypair, SecretUri};

/// One DIEM or HASH in base units (12 decimals).
const UNIT: u128 = 1_000_000_000_000;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
	let mut args = std::env::args().skip(1);
	let url = args.next().unwrap_or_else(|| "ws://127.0.0.1:9944".into());
	let signer =
		Keypair::from_uri(&SecretUri::from_str(&args.next().unwrap_or_else(|| "//Alice".into()))?)?;

	let api = OnlineClient::<PolkadotConfig>::from_insecure_url(&url).await?;
	let at = api.at_current_block().await?;

	// The HASH stake one DIEM locks now; mint with at most 1 % more.
	let quote = runtime::runtime_apis().diem_api().mint_quote(UNIT);
	let cost = at.runtime_apis().call(quote).await?.map_err(|e| format!("no quote: {e:?}"))?;
	let mint = runtime::tx().diem().mint(UNIT, cost + cost / 100);
	let events = at
		.transactions()
		.sign_and_submit_then_watch_default(&mint, &signer)
		.await?
		.wait_for_finalized_success()
		.await?;
	let minted =
		events.find_first::<runtime::diem::events::Minted>().ok_or("no Minted event")??;
	println!("minted {} DIEM base units for {} HASH base units of stake", minted.diem, minted.cost);

	// This epoch's allowance and usage; `None` for an account without credit stake.
	let account = signer.public_key().to_account_id();
	let credits = runtime::runtime_apis().inference_credits_api().credit_state(account);
	match api.at_current_block().await?.runtime_apis().call(credits).await? {
		Some(state) => println!(
			"epoch {}: {} of {} credit base units left",
			state.epoch, state.remaining, state.allowance
		),
		None => println!("no credit stake"),
	}
	Ok(())
}
