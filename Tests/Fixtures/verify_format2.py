#!/usr/bin/env python3
"""Checks FaceChart format-2 record files without FaceChart: the envelope checksum and, for a signed
session, the signature digest. Both are SHA-256 of RFC 8785 (JCS) canonical JSON, written here from the
RFC alone. Prints one JSON line per file: {"file", "checksum", "signature", "digest"}.

Usage: verify_format2.py FILE...
"""
import hashlib
import json
import math
import sys

UNSIGNED_MEMBERS = {"status", "signature", "void", "addenda"}


def number(value):
    """ECMAScript Number::toString, as RFC 8785 section 3.2.2.3 requires."""
    if isinstance(value, bool):
        raise TypeError("not a number")
    if isinstance(value, int):
        value = float(value)
    if not math.isfinite(value):
        raise ValueError("JSON numbers are finite")
    if value == 0:
        return "0"
    sign = "-" if value < 0 else ""
    # repr is the shortest text that reads back to the same double, e.g. "4.0", "1e-07", "1.5e+21".
    text, _, exponent = repr(abs(value)).partition("e")
    whole, _, fraction = text.partition(".")
    digits = whole + fraction
    n = len(whole) + int(exponent or 0)  # value = 0.digits x 10^n
    mantissa = digits.lstrip("0")
    n -= len(digits) - len(mantissa)
    mantissa = mantissa.rstrip("0")
    k = len(mantissa)
    if k <= n <= 21:
        return sign + mantissa + "0" * (n - k)
    if 0 < n <= 21:
        return sign + mantissa[:n] + "." + mantissa[n:]
    if -6 < n <= 0:
        return sign + "0." + "0" * (-n) + mantissa
    e = n - 1
    exponent_text = "e" + ("-" if e < 0 else "+") + str(abs(e))
    if k == 1:
        return sign + mantissa + exponent_text
    return sign + mantissa[0] + "." + mantissa[1:] + exponent_text


def string(text):
    out = ['"']
    for ch in text:
        code = ord(ch)
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch == "\b":
            out.append("\\b")
        elif ch == "\t":
            out.append("\\t")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\f":
            out.append("\\f")
        elif ch == "\r":
            out.append("\\r")
        elif code < 0x20:
            out.append("\\u%04x" % code)
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def canonical(value):
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, (int, float)):
        return number(value)
    if isinstance(value, str):
        return string(value)
    if isinstance(value, list):
        return "[" + ",".join(canonical(item) for item in value) + "]"
    if isinstance(value, dict):
        keys = sorted(value, key=lambda key: key.encode("utf-16-be"))
        return "{" + ",".join(string(key) + ":" + canonical(value[key]) for key in keys) + "}"
    raise TypeError(type(value))


def sha256(value):
    return hashlib.sha256(canonical(value).encode("utf-8")).hexdigest()


def check(path):
    with open(path, encoding="utf-8") as handle:
        envelope = json.load(handle)
    written = envelope.get("checksum", {})
    unsealed = {key: value for key, value in envelope.items() if key != "checksum"}
    result = {"file": path, "checksum": written.get("value") == sha256(unsealed)}
    record = envelope.get("record", {})
    signature = record.get("signature") if envelope.get("kind") == "session" else None
    if signature:
        signed = {key: value for key, value in record.items() if key not in UNSIGNED_MEMBERS}
        result["digest"] = sha256(signed)
        result["signature"] = signature["digest"]["algorithm"] == "SHA-256/RFC8785" and signature["digest"]["value"] == result["digest"]
    return result


if __name__ == "__main__":
    for file in sys.argv[1:]:
        print(json.dumps(check(file), sort_keys=True))
