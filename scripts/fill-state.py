#!/usr/bin/env python3
"""Adds N funded accounts to a raw chain spec's genesis state, for measuring how the cost of a
transaction grows with the state (scripts/bench-throughput.sh --accounts-in-state N).

    fill-state.py SPEC.json N [--balance HASH]

Each account is the blake2-256 hash of "diem/fill/<i>" (no key: state, not senders), holding
`--balance` HASH (default 10) as a `System.Account` entry with one provider; the HASH total
issuance grows by the same amount, so the chain's books stay balanced. Writes SPEC.json in place.
Needs the `xxhash` module (py-substrate-interface's venv has it).
"""

import argparse
import hashlib
import json
import sys

try:
    import xxhash
except ImportError:
    sys.exit("fill-state.py: the xxhash module is missing (pip install xxhash)")

UNIT = 10**12
# pallet-balances' ExtraFlags: the "new logic" bit every account created today carries.
NEW_LOGIC = 1 << 127


def twox128(data: bytes) -> bytes:
    return xxhash.xxh64(data, seed=0).digest()[::-1] + xxhash.xxh64(data, seed=1).digest()[::-1]


def blake2_128(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=16).digest()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("spec")
    parser.add_argument("count", type=int)
    parser.add_argument("--balance", type=int, default=10, help="HASH per account")
    args = parser.parse_args()
    if args.count < 0 or args.balance <= 0:
        sys.exit("fill-state.py: the count must be >= 0 and the balance > 0")
    with open(args.spec) as f:
        spec = json.load(f)
    try:
        top = spec["genesis"]["raw"]["top"]
    except KeyError:
        sys.exit(f"fill-state.py: {args.spec} is not a raw chain spec (build-spec --raw)")

    account_prefix = twox128(b"System") + twox128(b"Account")
    issuance_key = "0x" + (twox128(b"Balances") + twox128(b"TotalIssuance")).hex()
    if issuance_key not in top:
        sys.exit("fill-state.py: the spec has no Balances.TotalIssuance")
    free = args.balance * UNIT
    # AccountInfo { nonce, consumers, providers: 1, sufficients, data: { free, reserved, frozen, flags } }
    value = "0x" + (
        (0).to_bytes(4, "little") * 2
        + (1).to_bytes(4, "little")
        + (0).to_bytes(4, "little")
        + free.to_bytes(16, "little")
        + (0).to_bytes(16, "little") * 2
        + NEW_LOGIC.to_bytes(16, "little")
    ).hex()
    added = 0
    for i in range(args.count):
        account = hashlib.blake2b(f"diem/fill/{i}".encode(), digest_size=32).digest()
        key = "0x" + (account_prefix + blake2_128(account) + account).hex()
        if key not in top:
            top[key] = value
            added += 1
    issuance = int.from_bytes(bytes.fromhex(top[issuance_key][2:]), "little") + added * free
    top[issuance_key] = "0x" + issuance.to_bytes(16, "little").hex()
    with open(args.spec, "w") as f:
        json.dump(spec, f)
    print(f"fill-state.py: {added} accounts of {args.balance} HASH added to {args.spec}")


if __name__ == "__main__":
    main()
