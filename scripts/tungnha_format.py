"""What an outsider needs to check tungnha batch and enrollment files (docs/sync-format.md, sections 8, 16, 17):
lines as the format reads them, the end line's signature, enrollment statements, sealed files, the privacy rule.

Needs the `cryptography` package (48 or later, for HPKE).
"""

import base64
import hashlib
import json
import sqlite3
import unicodedata

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hpke
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
SEAL_INFO = b"tungnha-sealed/2"
SUITE = hpke.Suite(hpke.KEM.X25519, hpke.KDF.HKDF_SHA256, hpke.AEAD.CHACHA20_POLY1305)


def lines_of(data):
    """The file's lines as the format reads them: no UTF-8 byte-order mark, no carriage return before a newline.
    Returns (lines, ends_with_newline)."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    lines = data.split(b"\n")
    ends_with_newline = lines[-1] == b""
    if ends_with_newline:
        lines.pop()
    return [line[:-1] if line.endswith(b"\r") and (i < len(lines) - 1 or ends_with_newline) else line for i, line in enumerate(lines)], ends_with_newline


def checksum(lines):
    """SHA-256 of lines, each followed by a newline: what an end line states."""
    digest = hashlib.sha256()
    for line in lines:
        digest.update(line + b"\n")
    return digest.hexdigest()


def verify(signer, key_b64, signature_b64, sha256, kind="batch"):
    """True when the Ed25519 signature signs `tungnha-<kind>/2`, the signer and the SHA-256, a line each."""
    message = f"tungnha-{kind}/2\n{signer}\n{sha256}\n".encode()
    try:
        Ed25519PublicKey.from_public_bytes(base64.b64decode(key_b64)).verify(base64.b64decode(signature_b64), message)
        return True
    except (InvalidSignature, ValueError):
        return False


def fingerprint(device, sign_key_b64, seal_key_b64):
    """The 25-character code two people compare: 125 bits of a SHA-256, Crockford base 32, in groups of 5."""
    digest = hashlib.sha256(f"tungnha-key/2\n{device}\n{sign_key_b64}\n{seal_key_b64}\n".encode()).digest()
    number = int.from_bytes(digest[:16], "big") >> 3
    code = "".join(CROCKFORD[(number >> (5 * (24 - i))) & 31] for i in range(25))
    return "-".join(code[i:i + 5] for i in range(0, 25, 5))


def read_enrollment(path):
    """The statements of an enrollment file, each checked against its signature; raises ValueError."""
    lines, _ = lines_of(open(path, "rb").read())
    while lines and not lines[-1].strip(b" \t"):
        lines.pop()
    if not lines or len(lines) % 2:
        raise ValueError(f"{path}: not an enrollment file")
    statements = []
    for index in range(0, len(lines), 2):
        statement, end = json.loads(lines[index]), json.loads(lines[index + 1])
        if statement.get("format") != "tungnha-enrollment" or end.get("end") != "tungnha-enrollment":
            raise ValueError(f"{path}:{index + 1}: not an enrollment statement")
        if hashlib.sha256(lines[index] + b"\n").hexdigest() != end["sha256"]:
            raise ValueError(f"{path}:{index + 2}: sha256 does not match the statement")
        if not verify(end["signer"], end["key"], end["signature"], end["sha256"], kind="enrollment"):
            raise ValueError(f"{path}:{index + 2}: bad signature")
        if statement["statement"] == "self" and (end["signer"] != statement["device"] or end["key"] != statement["signKey"]):
            raise ValueError(f"{path}:{index + 2}: a machine introducing itself must sign with its own key")
        statement["signedBy"] = end["signer"]
        statements.append(statement)
    return statements


def store_keys(path):
    """A tungnha store's own device id and X25519 private key (to open what is sealed to it), and the signing keys of
    the machines it trusts."""
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
        device = db.execute("SELECT value FROM setting WHERE key = 'device.id'").fetchone()[0]
        row = db.execute("SELECT sign_private, seal_private FROM machine_key WHERE device = ?", (device,)).fetchone()
        trusted = {d: base64.b64encode(k).decode() for d, k in db.execute("SELECT device, sign_key FROM trusted_machine")}
    return device, (row[1] if row else None), trusted


def open_sealed(data, device, private_key):
    """The batch a sealed file holds, opened with the X25519 private key (32 raw bytes) of recipient `device`."""
    lines, _ = lines_of(data)
    while lines and not lines[-1].strip(b" \t"):
        lines.pop()
    envelope, end = json.loads(lines[0]), json.loads(lines[-1])
    if checksum(lines[:-1]) != end["sha256"]:
        raise ValueError("the sealed file's sha256 does not match")
    mine = [r for r in envelope["recipients"] if r["device"] == device]
    if not mine:
        raise ValueError(f"sealed to {len(envelope['recipients'])} other machines, not {device[:8]}")
    key = SUITE.decrypt(base64.b64decode(mine[0]["sealedKey"]), X25519PrivateKey.from_private_bytes(private_key), info=SEAL_INFO)
    ciphertext = base64.b64decode(b"".join(lines[1:-1]))
    try:
        return ChaCha20Poly1305(key).decrypt(bytes(12), ciphertext, lines[0])
    except InvalidTag:
        raise ValueError("the sealed batch does not open: damaged or changed")


# The privacy rule of free text (Model/PersonalData.swift).

SECRET_NAMES = [s.split() for s in (
    "mat khau", "mk", "mat ma", "pin", "otp", "passcode", "password", "pass", "pwd", "cccd", "cmnd", "cmt", "can cuoc",
    "chung minh", "dinh danh", "ma xac thuc", "ma xac nhan", "ma bao mat", "ma kich hoat")]
LINKING = {"la", "so", "moi", "cu", "ma", "code", "is"}


def kind(ch):
    if unicodedata.decimal(ch, None) is not None or unicodedata.digit(ch, None) is not None:
        return "digit"
    if ch.isalpha() or unicodedata.category(ch) == "Mn":
        return "letter"
    return "other"


def digit_run(text):
    longest = run = gap = 0
    for ch in text:
        k = kind(ch)
        if k == "digit":
            run = 1 if gap > 3 else run + 1
            gap = 0
            longest = max(longest, run)
        elif k == "letter":
            run = gap = 0
        elif run:
            gap += 1
    return longest


def without_dates_and_times(text):
    out, i = [], 0
    while i < len(text):
        if not (text[i].isascii() and text[i].isdigit()) or (i and text[i - 1].isascii() and text[i - 1].isdigit()):
            out.append(text[i])
            i += 1
            continue
        groups, seps, j = [], [], i
        while True:
            k = j
            while k < len(text) and text[k].isascii() and text[k].isdigit():
                k += 1
            groups.append(text[j:k])
            if k + 1 < len(text) and text[k] in "/.-:hHgG" and text[k + 1].isascii() and text[k + 1].isdigit():
                seps.append(text[k])
                j = k + 1
            else:
                j = k
                break
        out.append("x" if date_or_time(groups, seps) else text[i:j])
        i = j
    return "".join(out)


def date_or_time(groups, seps):
    n, lengths = [int(g) for g in groups], [len(g) for g in groups]
    year = lambda y: 1900 <= y <= 2099
    if len(n) == 3 and seps[0] in "/.-" and seps[1] == seps[0]:
        if lengths[0] <= 2 and lengths[1] <= 2 and lengths[2] == 4:
            return 1 <= n[0] <= 31 and 1 <= n[1] <= 12 and year(n[2])
        if lengths[0] == 4 and lengths[1] <= 2 and lengths[2] <= 2:
            return year(n[0]) and 1 <= n[1] <= 12 and 1 <= n[2] <= 31
        return False
    if len(n) == 2 and seps[0] in "/.-":
        return lengths[0] <= 2 and lengths[1] == 4 and 1 <= n[0] <= 12 and year(n[1])
    if len(n) == 2 and seps[0] in ":hHgG":
        return lengths[0] <= 2 and lengths[1] == 2 and 0 <= n[0] <= 23 and 0 <= n[1] <= 59
    return False


def fold(text):
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(ch for ch in text if unicodedata.category(ch) != "Mn").lower()


def tokens(text):
    result, word, digits, gap = [], "", 0, 0
    for ch in fold(text) + " ":
        k = kind(ch)
        if k == "digit":
            if word or gap > 3:
                result += [("word", word)] if word else []
                result += [("number", digits)] if digits else []
                word, digits = "", 0
            digits, gap = digits + 1, 0
        elif k == "letter":
            if digits:
                result.append(("number", digits))
                digits, gap = 0, 0
            word += ch
        else:
            if word:
                result.append(("word", word))
                word = ""
            if digits:
                gap += 1
    if digits:
        result.append(("number", digits))
    return result


def secret_number(text):
    def names(toks):
        return [(s, s + len(n)) for s in range(len(toks)) for n in SECRET_NAMES
                if toks[s:s + len(n)] == [("word", w) for w in n]]

    if not names(tokens(text)):
        return False
    toks = tokens(without_dates_and_times(text))

    def number(start, step):
        index, linking = start, 0
        while 0 <= index < len(toks):
            what, value = toks[index]
            if what == "number":
                return value >= 3
            if value not in LINKING or linking >= 2:
                return False
            linking += 1
            index += step
        return False

    return any(number(end, 1) or number(start - 1, -1) for start, end in names(toks))


def privacy_problem(text):
    """None, or why free text is refused: an ID-like run of digits, or a number next to a secret's name."""
    if digit_run(text) > 8 and digit_run(without_dates_and_times(text)) > 8:
        return "contains a run of 9 or more digits (no ID numbers, passwords or one-time codes)"
    if sum(kind(ch) == "digit" for ch in text) >= 3 and secret_number(text):
        return "holds a number next to a word naming a password, one-time code or ID number"
    return None
