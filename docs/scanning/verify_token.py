#!/usr/bin/env python3
"""Checks Tessera API tokens offline, without calling any server: shape and checksum only.

A token is `tsr_` + 40 random base62 characters + a 6-character base62 CRC-32 (IEEE) of
those 40 characters, most significant digit first, 0-padded (lib/tokens/format.ts).
A valid checksum says the string is a Tessera token, not that it still works.

    python3 verify_token.py tsr_...            prints "valid" or "invalid", exits 0 or 1
    python3 verify_token.py < candidates.txt   one per line in, "valid" or "invalid" per line out
Standard library only; Python 3.8 or later.
"""
import re
import sys
import zlib

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
SHAPE = re.compile(r"tsr_[0-9A-Za-z]{46}")


def base62(value: int, width: int) -> str:
    out = ""
    while True:
        value, digit = divmod(value, 62)
        out = ALPHABET[digit] + out
        if value == 0:
            break
    return out.rjust(width, "0")


def is_tessera_token(candidate: str) -> bool:
    if not SHAPE.fullmatch(candidate):
        return False
    return base62(zlib.crc32(candidate[4:44].encode("ascii")), 6) == candidate[44:]


def main() -> int:
    if len(sys.argv) > 1:
        results = [is_tessera_token(arg) for arg in sys.argv[1:]]
        for ok in results:
            print("valid" if ok else "invalid")
        return 0 if all(results) else 1
    for line in sys.stdin.read().splitlines():
        print("valid" if is_tessera_token(line.strip()) else "invalid")
    return 0


if __name__ == "__main__":
    sys.exit(main())
