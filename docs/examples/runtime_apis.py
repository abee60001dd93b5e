"""The DIEM runtime APIs from Python, with py-substrate-interface 1.8.

py-substrate-interface does not read runtime APIs from the metadata; it needs their type
definitions in its own format. `diem_runtime_api.json` (beside this file) holds them for every
DIEM runtime API, generated from the runtime's metadata by `web/scripts/python-types.mjs`.

    pip install substrate-interface==1.8.1
    python docs/examples/runtime_apis.py ws://127.0.0.1:9944

The test suite runs this file against a dev node (web/test/e2e/run.mjs).
"""

import json
import pathlib
import sys

from substrateinterface import Keypair, SubstrateInterface

UNIT = 10**12  # HASH and DIEM have 12 decimals

url = sys.argv[1] if len(sys.argv) > 1 else "ws://127.0.0.1:9944"
definitions = json.loads((pathlib.Path(__file__).parent / "diem_runtime_api.json").read_text())
substrate = SubstrateInterface(url=url, type_registry=definitions)

# The curve: supply and the marginal rate (HASH base units per DIEM).
status = substrate.runtime_call("DiemApi", "curve_status").value
print(f"DIEM supply {status['supply'] / UNIT} DIEM, marginal rate {status['marginal_rate'] / UNIT} HASH")

# What minting 1 DIEM locks now: a Result, Ok(HASH base units) or Err(QuoteError).
quote = substrate.runtime_call("DiemApi", "mint_quote", [UNIT]).value
print(f"minting 1 DIEM locks {quote['Ok'] / UNIT} HASH")

# Buy or mint, an account's DIEM and its credits.
alice = Keypair.create_from_uri("//Alice")
both = substrate.runtime_call("DiemMarketApi", "buy_or_mint", [UNIT]).value
balance = substrate.runtime_call("DiemLedgerApi", "balance", [alice.ss58_address]).value
epoch = substrate.runtime_call("InferenceCreditsApi", "epoch").value
print(f"buy 1 DIEM: {both['buy_cost']}, Alice holds {balance['free'] / UNIT} DIEM, epoch {epoch['current']['index']}")

# A voucher's message: the typed payload, encoded again, is exactly the raw signing bytes.
terms = {
    "epoch": epoch["current"]["index"],
    "operator": Keypair.create_from_uri("//Bob").ss58_address,
    "payer": alice.ss58_address,
    "signer": alice.ss58_address,
    "cumulative": UNIT,
}
payload = substrate.runtime_call("InferenceCreditsApi", "voucher_payload", [terms])
raw = substrate.runtime_call("InferenceCreditsApi", "voucher_signing_bytes", [terms, "Raw"]).value
message = bytes(payload.data.data)
assert "0x" + message.hex() == raw, "the payload and the signing bytes differ"
signature = alice.sign(message)
print(f"voucher message {len(message)} bytes, signed: {signature.hex()[:18]}…")

assert status["supply"] > 0 and quote["Ok"] > 0 and balance["free"] >= 0
