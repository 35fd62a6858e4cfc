#!/usr/bin/env python3
"""Check tungnha batch files against the written format (docs/sync-format.md).

    python3 scripts/validate-batch.py [--key BASE64]... [--enrollment FILE]... [--store STORE.sqlite] FILE...

Every line is validated against docs/sync-format.schema.json by its position (line 1 the
header, then events, then the end line), and the rules between lines are checked too:
counts, the SHA-256 checksum, the signature, commune and device agreement, sequence ranges
without gaps, event times against the batch's, and the privacy rule of free text.
The signature is always checked against the key the end line carries; with --key (a device's
Ed25519 public key, base64) or --enrollment (an enrollment file: its machines' keys), the signer
must also be one of those. A sealed file is opened with --store (a tungnha store it is sealed to;
its trusted machines' keys count as given). Lines are read as tungnha reads them: a UTF-8
byte-order mark and Windows line endings (CRLF) are allowed (warned about).
Prints "ok FILE (N lines)" for a good file, or "FILE:LINE: problem" for each problem.
Exit status 0 only when every file passes. Needs the `jsonschema` and `cryptography` packages.
"""

import argparse
import datetime
import json
import pathlib
import re
import sys

import tungnha_format as tf

try:
    import jsonschema
    from jsonschema import Draft202012Validator
except ImportError:  # pragma: no cover
    sys.exit("validate-batch.py needs the jsonschema package: pip install jsonschema")

SCHEMA_PATH = pathlib.Path(__file__).resolve().parent.parent / "docs" / "sync-format.schema.json"
FORMAT = "tungnha-batch"
# As tungnha's sync status: an event typed in more than this after its batch was written is a wrong clock.
CLOCK_TOLERANCE_MINUTES = 5


def strict_integer(_checker, instance):
    # tungnha reads 1.0 or 1e0 as a non-integer; JSON Schema would accept them as integers.
    return isinstance(instance, int) and not isinstance(instance, bool)


StrictValidator = jsonschema.validators.extend(
    Draft202012Validator,
    type_checker=Draft202012Validator.TYPE_CHECKER.redefine("integer", strict_integer),
)


class LineError(Exception):
    pass


def load_schema():
    with open(SCHEMA_PATH, encoding="utf-8") as handle:
        root = json.load(handle)
    Draft202012Validator.check_schema(root)
    validators = {}
    for part in ("header", "event", "footer"):
        sub = {key: value for key, value in root.items() if key != "oneOf"}
        sub["$ref"] = f"#/$defs/{part}"
        validators[part] = StrictValidator(sub)
    named = {}
    for name, definition in root["$defs"].items():
        if "pattern" in definition:
            named[definition["pattern"]] = name
    digit_run = root["$defs"]["text"]["not"]["pattern"]
    return validators, named, digit_run


def reject_duplicates(pairs):
    seen = {}
    for key, value in pairs:
        if key in seen:
            raise LineError(f"duplicate key {key!r}")
        seen[key] = value
    return seen


def reject_constant(name):
    raise LineError(f"{name} is not JSON")


def check_strings(value):
    # tungnha refuses lone surrogates (\ud800 without its pair); Python would let them through.
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise LineError("a \\u escape gives a lone surrogate")
    elif isinstance(value, list):
        for item in value:
            check_strings(item)
    elif isinstance(value, dict):
        for key, item in value.items():
            check_strings(key)
            check_strings(item)


def parse(line):
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError as error:
        raise LineError(f"not UTF-8 (byte {error.start + 1})")
    try:
        value = json.loads(text, object_pairs_hook=reject_duplicates, parse_constant=reject_constant)
    except json.JSONDecodeError as error:
        raise LineError(f"not JSON: {error.msg} at column {error.colno}")
    check_strings(value)
    return value


def minutes_after(later, earlier):
    """How many minutes `later` is after `earlier` (RFC 3339 texts the schema accepted), or None if unreadable."""
    later, earlier = parse_time(later), parse_time(earlier)
    return None if later is None or earlier is None else (later - earlier).total_seconds() / 60


def json_path(error):
    path = ""
    for part in error.absolute_path:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    return path or "$"


def describe(error, named, digit_run):
    if error.context:
        # anyOf [X, null]: the interesting failure is the one against X, not "is not null".
        better = [e for e in error.context if not (e.validator == "type" and e.schema.get("type") == "null")]
        if better:
            error = min(better, key=lambda e: len(list(e.relative_schema_path)))
    where = json_path(error)
    if error.validator == "not" and isinstance(error.validator_value, dict) and error.validator_value.get("pattern") == digit_run:
        return f"{where}: contains a run of 9 or more digits (no ID numbers, passwords or one-time codes)"
    if error.validator == "not" and "$comment" in error.schema:
        return f"{where}: {error.schema['$comment']}"
    if error.validator == "pattern" and error.validator_value in named:
        name = named[error.validator_value]
        if name == "text":
            return f"{where}: blank text"
        return f"{where}: {error.instance!r} is not a valid {name}"
    if error.validator == "maxLength":
        return f"{where}: longer than {error.validator_value} characters"
    return f"{where}: {error.message}"


# Fields whose strings are not free text: codes, references, enumerations, dates, the phone.
NOT_TEXT = {"phone", "target", "replaces", "member", "into", "followUp", "source", "how", "outcome", "vneid", "help", "targetType",
            "newCommune", "sex", "status"}


def free_text(value, key=None):
    if isinstance(value, str) and key not in NOT_TEXT:
        yield key, value
    elif isinstance(value, dict):
        for name, item in value.items():
            yield from free_text(item, name)
    elif isinstance(value, list) and key not in NOT_TEXT:
        for item in value:
            yield from free_text(item, key)


def read_batch(path, opener):
    """The bytes of the batch in `path`: the file itself, or the batch a sealed file holds."""
    data = pathlib.Path(path).read_bytes()
    first = tf.lines_of(data)[0][:1] or [b""]
    try:
        sealed = json.loads(first[0]).get("format") == "tungnha-sealed"
    except (ValueError, AttributeError):
        sealed = False
    if not sealed:
        return data, False
    if opener is None:
        raise ValueError("a sealed file: give --store, a store it is sealed to, to open it")
    return tf.open_sealed(data, *opener), True


def validate_file(path, validators, named, digit_run, opener=None, keys=None):
    """Returns (number of lines, problems, warnings); problems and warnings are (line, text)."""
    problems, warnings = [], []
    try:
        data, sealed = read_batch(path, opener)
    except OSError as error:
        return 0, [(0, f"cannot read: {error.strerror}")], []
    except ValueError as error:
        return 0, [(0, str(error))], []
    if not data:
        return 0, [(0, "the file is empty")], []
    if data.startswith(b"\xef\xbb\xbf"):
        warnings.append((1, "starts with a byte order mark (BOM): tungnha reads it, other tools may not"))
    if b"\r\n" in data:
        warnings.append((0, "Windows line endings (CRLF): tungnha reads them, and the checksum and signature ignore them"))
    lines, ends_with_newline = tf.lines_of(data)

    def schema_check(part, value, number):
        for error in sorted(validators[part].iter_errors(value), key=lambda e: list(map(str, e.absolute_path))):
            problems.append((number, f"{part}: {describe(error, named, digit_run)}"))

    header = None
    header_ok = False
    footer = None
    footer_offset = None
    events = 0
    offset = 0
    seqs = {}
    own_seqs = []
    for index, line in enumerate(lines):
        number = index + 1
        start = offset
        offset += len(line) + 1
        if footer is not None:
            if line.strip(b" \r\t"):
                problems.append((number, "data after the end line"))
            continue
        try:
            value = parse(line)
        except LineError as error:
            problems.append((number, str(error)))
            if number == 1:
                break
            events += 1  # most likely an event line; counting it keeps the count check quiet
            continue
        if number == 1:
            if not isinstance(value, dict) or value.get("format") != FORMAT:
                problems.append((1, 'not a batch file: line 1 must be the header with "format": "tungnha-batch"'))
                break
            if value.get("version") != 2 or not strict_integer(None, value.get("version")):
                problems.append((1, f"format version {value.get('version')!r}; this document describes version 2"))
                break
            header = value
            before = len(problems)
            schema_check("header", value, 1)
            header_ok = len(problems) == before
            first, last = value.get("firstSeq"), value.get("lastSeq")
            if isinstance(first, int) and isinstance(last, int) and last < first:
                problems.append((1, f"lastSeq {last} is below firstSeq {first}"))
                header_ok = False
            problem = tf.privacy_problem(value.get("deviceLabel", "")) if isinstance(value.get("deviceLabel"), str) else None
            if problem:
                problems.append((1, f"header: deviceLabel {problem}"))
            if f'"{FORMAT}"'.encode() not in line[:512]:
                warnings.append((1, f'"{FORMAT}" is not within the first 512 bytes: tungnha merging a folder will skip this file'))
            continue
        if isinstance(value, dict) and "end" in value:
            footer = value
            footer_offset = index
            schema_check("footer", value, number)
            if not ends_with_newline and number == len(lines):
                problems.append((number, "the end line does not end with a newline"))
            continue
        events += 1
        before = len(problems)
        schema_check("event", value, number)
        if len(problems) > before or not isinstance(value, dict):
            continue
        for key, text in free_text(value.get("data")):
            problem = tf.privacy_problem(text)
            if problem:
                problems.append((number, f"event: {key} {problem}"))
        if header_ok:
            late = minutes_after(value["at"], header["writtenAt"])
            if late is not None and late > CLOCK_TOLERANCE_MINUTES:
                problems.append((number, f"event at {value['at']}, more than 5 minutes after the batch was written ({header['writtenAt']})"))
            if (value["commune"], value["scheme"]) != (header["commune"], header["scheme"]):
                problems.append((number, f"event of commune {value['commune']} ({value['scheme']}) in a file for {header['commune']} ({header['scheme']})"))
            if header["kind"] == "device" and value["device"] != header["device"]:
                problems.append((number, "a device batch may hold only its own device's events"))
            if value["device"] == header["device"]:
                first, last = header.get("firstSeq"), header.get("lastSeq")
                if first is None or last is None or not first <= value["seq"] <= last:
                    shown = "..".join("null" if x is None else str(x) for x in (first, last))
                    problems.append((number, f"seq {value['seq']} of the writing device is outside firstSeq..lastSeq ({shown})"))
                else:
                    own_seqs.append(value["seq"])
            late = minutes_after(value["at"], value["entered"])
            if late is not None and late > CLOCK_TOLERANCE_MINUTES:
                warnings.append((number, f"at is {late:.0f} minutes after entered: the visit happened after it was typed in (a wrong clock?)"))
            late = minutes_after(value["entered"], header["writtenAt"])
            if late is not None and late > CLOCK_TOLERANCE_MINUTES:
                warnings.append((number, f"entered {late:.0f} minutes after the file was written (writtenAt): a wrong clock?"))
        key = (value["device"], value["seq"])
        if key in seqs:
            warnings.append((number, f"device {key[0][:8]} seq {key[1]} also on line {seqs[key]}"))
        seqs.setdefault(key, number)

    if header is not None and footer is None:
        problems.append((len(lines), "no end line: the file is cut short"))
    if header is not None and footer is not None:
        declared = header.get("events")
        ending = footer.get("events")
        if declared != events or ending != events:
            problems.append((0, f"event counts disagree: header {declared}, end line {ending}, lines {events}"))
        actual = tf.checksum(lines[:footer_offset])
        if isinstance(footer.get("sha256"), str) and footer["sha256"].lower() != actual:
            problems.append((0, f"sha256 mismatch: the end line says {footer['sha256']}, the lines before it give {actual}"))
        elif not all(isinstance(footer.get(k), str) for k in ("signer", "key", "signature")):
            problems.append((0, "unsigned: the end line has no signer, key and signature"))
        elif not tf.verify(footer["signer"], footer["key"], footer["signature"], actual):
            problems.append((0, f"bad signature: it does not sign this file's sha256 with the key of {footer['signer'][:8]}"))
        elif keys is not None and footer["key"] not in keys.get(footer["signer"], set()):
            problems.append((0, f"signed by {footer['signer'][:8]} with a key none of --key, --enrollment or --store gives"))
    if header_ok and header["kind"] == "device" and own_seqs and not problems:
        expected = list(range(header["firstSeq"], header["lastSeq"] + 1))
        if sorted(own_seqs) != expected:
            problems.append((0, f"the events do not cover seq {header['firstSeq']}..{header['lastSeq']} exactly once each"))
    if sealed and not problems:
        warnings.append((0, "sealed: opened with the key of --store"))
    return len(lines), problems, warnings


def parse_time(text):
    """An RFC 3339 text as a datetime (fractions cut to microseconds), or None if unreadable."""
    try:
        text = re.sub(r"(\.[0-9]{1,6})[0-9]*", r"\1", text.replace("z", "Z").replace("Z", "+00:00"))
        return datetime.datetime.fromisoformat(text.replace("t", "T"))
    except (TypeError, ValueError, AttributeError):
        return None


def main(argv):
    if len(argv) < 2 or argv[1] in ("-h", "--help"):
        print(__doc__.strip())
        return 2 if len(argv) < 2 else 0
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--key", action="append", default=[])
    parser.add_argument("--enrollment", action="append", default=[])
    parser.add_argument("--store")
    parser.add_argument("files", nargs="+")
    options = parser.parse_args(argv[1:])
    keys, opener = None, None
    if options.key or options.enrollment or options.store:
        keys = {}
        for key in options.key:
            keys.setdefault(None, set()).add(key)
        for path in options.enrollment:
            for statement in tf.read_enrollment(path):
                keys.setdefault(statement["device"], set()).add(statement["signKey"])
        if options.store:
            device, private, trusted = tf.store_keys(options.store)
            opener = (device, private) if private else None
            for other, key in trusted.items():
                keys.setdefault(other, set()).add(key)
        # A key given alone stands for whichever device signed with it.
        for signer in list(keys):
            keys[signer] |= keys.get(None, set())
        keys = KeysFor(keys)
    validators, named, digit_run = load_schema()
    failed = 0
    for path in options.files:
        count, problems, warnings = validate_file(path, validators, named, digit_run, opener, keys)
        for line, text in warnings:
            print(f"{path}:{line}: warning: {text}" if line else f"{path}: warning: {text}")
        if problems:
            failed += 1
            for line, text in problems:
                print(f"{path}:{line}: {text}" if line else f"{path}: {text}")
            print(f"FAILED {path} ({len(problems)} problem{'s' if len(problems) != 1 else ''})")
        else:
            print(f"ok {path} ({count} lines)")
    return 1 if failed else 0


class KeysFor(dict):
    """The keys allowed for a signer; a bare --key counts for any signer."""

    def get(self, signer, default=None):
        return super().get(signer, super().get(None, default))


if __name__ == "__main__":
    sys.exit(main(sys.argv))
