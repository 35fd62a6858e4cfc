#!/usr/bin/env python3
"""Writes the signed examples of the sync format with the published example keys, as an outsider would, in Python:

    python3 scripts/make-signed-examples.py [--check]

- Tests/TungnhaKitTests/Fixtures/handwritten-batch.jsonl: a batch written by hand (keys in any order, spaces,
  \\u escapes), signed by its device; and handwritten-device.tungnha, that device's enrollment file.
- docs/examples/: the complete example of docs/sync-format.md, section 15 (batch, enrollment of its laptop and of
  the commune gathering machine it is sealed to, the sealed file).

The example keys are derived from published phrases (EXAMPLE_KEYS below): never use them for real data. With
--check, writes nothing and fails if a file differs from what it would write (the sealed file excepted: sealing
is random, so it is only checked to open).
"""

import base64
import hashlib
import json
import pathlib
import sys

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import tungnha_format as tf  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parent.parent
RAW = dict(encoding=serialization.Encoding.Raw, format=serialization.PublicFormat.Raw)

# Private keys (32 bytes each) are the SHA-256 of these phrases.
EXAMPLE_KEYS = {
    "5d2e8f14-7a3b-4c69-b1e0-3f9a6c2d8e71": "tungnha example: Laptop thôn 3",
    "89c9be85-2f1a-4b7e-9c3d-5e6f7a8b9c0d": "tungnha example: Máy chủ huyện",
    "3f6c2a9e-8b41-4d7a-9c15-e2b0a7d4f816": "tungnha example: Điện thoại tổ 2",
}


def keys(device):
    phrase = EXAMPLE_KEYS[device]
    sign = Ed25519PrivateKey.from_private_bytes(hashlib.sha256(f"{phrase} / sign".encode()).digest())
    seal = X25519PrivateKey.from_private_bytes(hashlib.sha256(f"{phrase} / seal".encode()).digest())
    return sign, seal


def b64(key):
    return base64.b64encode(key.public_key().public_bytes(**RAW)).decode()


def signed_end(lines, device):
    """The end line of a batch: count, SHA-256 of the lines, and the device's signature of it."""
    sign, _ = keys(device)
    sha = tf.checksum(lines)
    signature = sign.sign(f"tungnha-batch/2\n{device}\n{sha}\n".encode())
    end = {"end": "tungnha-batch", "events": len(lines) - 1, "sha256": sha, "signer": device, "key": b64(sign),
           "signature": base64.b64encode(signature).decode()}
    return json.dumps(end, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode()


def enrollment(device, label, role, commune, at):
    """A machine's enrollment file: its statement, and its signature of the statement's SHA-256."""
    sign, seal = keys(device)
    statement = {"format": "tungnha-enrollment", "version": 2, "statement": "self", "device": device, "label": label,
                 "role": role, "commune": commune, "scheme": "2025" if commune else None, "province": None,
                 "signKey": b64(sign), "sealKey": b64(seal), "continues": [], "at": at}
    line = json.dumps(statement, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode()
    sha = hashlib.sha256(line + b"\n").hexdigest()
    signature = base64.b64encode(sign.sign(f"tungnha-enrollment/2\n{device}\n{sha}\n".encode())).decode()
    end = {"end": "tungnha-enrollment", "sha256": sha, "signer": device, "key": b64(sign), "signature": signature}
    return line + b"\n" + json.dumps(end, separators=(",", ":"), sort_keys=True).encode() + b"\n"


def batch(path, device):
    """Re-signs a batch file whose lines before the end line are as wanted."""
    lines, _ = tf.lines_of(path.read_bytes())
    body = lines[:-1]
    return b"".join(line + b"\n" for line in body) + signed_end(body, device) + b"\n"


def sealed(plain, recipients):
    """Seals a batch to (device, X25519 public key) recipients: what tungnha export writes."""
    content_key = ChaCha20Poly1305.generate_key()
    entries = [{"device": device, "sealedKey": base64.b64encode(tf.SUITE.encrypt(content_key, public, info=tf.SEAL_INFO)).decode()}
               for device, public in recipients]
    first = plain.split(b"\n", 1)[0]
    header = json.loads(first)
    envelope = {"format": "tungnha-sealed", "version": 2, "recipients": entries, "batch": {
        "kind": header["kind"], "device": header["device"], "commune": header["commune"], "scheme": header["scheme"], "batch": header["batch"]}}
    line = json.dumps(envelope, separators=(",", ":"), sort_keys=True).encode()
    text = base64.b64encode(ChaCha20Poly1305(content_key).encrypt(bytes(12), plain, line))
    lines = [line] + [text[i:i + 76] for i in range(0, len(text), 76)]
    end = {"end": "tungnha-sealed", "bytes": len(text) * 3 // 4 - text.count(b"="), "sha256": tf.checksum(lines)}
    return b"".join(x + b"\n" for x in lines) + json.dumps(end, separators=(",", ":"), sort_keys=True).encode() + b"\n"


def main(check):
    fixtures = ROOT / "Tests/TungnhaKitTests/Fixtures"
    examples = ROOT / "docs/examples"
    laptop, gathering, phone = list(EXAMPLE_KEYS)
    files = {
        fixtures / "handwritten-batch.jsonl": batch(fixtures / "handwritten-batch.jsonl", phone),
        fixtures / "handwritten-device.tungnha": enrollment(phone, "Điện thoại tổ 2", "laptop", "13285", "2026-11-18T07:00:00+07:00"),
        examples / "batch.jsonl": batch(examples / "batch.jsonl", laptop),
        examples / "laptop.tungnha": enrollment(laptop, "Laptop thôn 3", "laptop", "13285", "2026-11-20T07:00:00+07:00"),
        examples / "gathering.tungnha": enrollment(gathering, "Máy tổng hợp Phường Phủ Lý", "commune-gathering", "13285", "2026-11-20T07:00:00+07:00"),
    }
    differ = [str(path) for path, data in files.items() if not path.exists() or path.read_bytes() != data]
    if check:
        _, private = keys(gathering)
        opened = tf.open_sealed((examples / "batch.sealed.jsonl").read_bytes(), gathering, private.private_bytes(
            encoding=serialization.Encoding.Raw, format=serialization.PrivateFormat.Raw, encryption_algorithm=serialization.NoEncryption()))
        if opened != files[examples / "batch.jsonl"]:
            differ.append("docs/examples/batch.sealed.jsonl")
        print("\n".join(f"differs: {path}" for path in differ) or "ok: every example is what this script writes")
        return 1 if differ else 0
    for path, data in files.items():
        path.write_bytes(data)
    _, seal = keys(gathering)
    (examples / "batch.sealed.jsonl").write_bytes(sealed(files[examples / "batch.jsonl"], [(gathering, seal.public_key())]))
    for device in (laptop, gathering):
        sign, seal = keys(device)
        print(f"{device}: fingerprint {tf.fingerprint(device, b64(sign), b64(seal))}")
    return 0


if __name__ == "__main__":
    sys.exit(main("--check" in sys.argv))
