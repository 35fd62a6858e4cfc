#!/usr/bin/env python3
"""Check tungnha batch files against the written format (docs/sync-format.md).

    python3 scripts/validate-batch.py FILE...

Every line is validated against docs/sync-format.schema.json by its position (line 1 the
header, then events, then the end line), and the rules between lines are checked too:
counts, the SHA-256 checksum, commune and device agreement, and sequence ranges.
Prints "ok FILE (N lines)" for a good file, or "FILE:LINE: problem" for each problem.
Exit status 0 only when every file passes. Needs the `jsonschema` package.
"""

import datetime
import hashlib
import json
import pathlib
import re
import sys

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
    if text.startswith("\ufeff"):
        raise LineError("starts with a byte order mark (BOM); write UTF-8 without one")
    try:
        value = json.loads(text, object_pairs_hook=reject_duplicates, parse_constant=reject_constant)
    except json.JSONDecodeError as error:
        raise LineError(f"not JSON: {error.msg} at column {error.colno}")
    check_strings(value)
    return value


def minutes_after(later, earlier):
    """How many minutes `later` is after `earlier` (RFC 3339 texts the schema accepted), or None if unreadable."""
    try:
        def moment(text):
            text = re.sub(r"(\.[0-9]{1,6})[0-9]*", r"\1", text.replace("Z", "+00:00").replace("z", "+00:00"))
            return datetime.datetime.fromisoformat(text.replace("t", "T"))
        return (moment(later) - moment(earlier)).total_seconds() / 60
    except (TypeError, ValueError):
        return None


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


def validate_file(path, validators, named, digit_run):
    """Returns (number of lines, problems, warnings); problems and warnings are (line, text)."""
    problems, warnings = [], []
    try:
        data = pathlib.Path(path).read_bytes()
    except OSError as error:
        return 0, [(0, f"cannot read: {error.strerror}")], []
    if not data:
        return 0, [(0, "the file is empty")], []
    lines = data.split(b"\n")
    ends_with_newline = lines[-1] == b""
    if ends_with_newline:
        lines.pop()

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
            if f'"{FORMAT}"'.encode() not in line[:512]:
                warnings.append((1, f'"{FORMAT}" is not within the first 512 bytes: tungnha merging a folder will skip this file'))
            continue
        if isinstance(value, dict) and "end" in value:
            footer = value
            footer_offset = start
            schema_check("footer", value, number)
            if not ends_with_newline and number == len(lines):
                problems.append((number, "the end line does not end with a newline"))
            continue
        events += 1
        before = len(problems)
        schema_check("event", value, number)
        if len(problems) > before or not isinstance(value, dict):
            continue
        if header_ok:
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
        actual = hashlib.sha256(data[:footer_offset]).hexdigest()
        if isinstance(footer.get("sha256"), str) and footer["sha256"].lower() != actual:
            problems.append((0, f"sha256 mismatch: the end line says {footer['sha256']}, the bytes before it give {actual}"))
    if header_ok and header["kind"] == "device" and own_seqs and not problems:
        expected = list(range(header["firstSeq"], header["lastSeq"] + 1))
        if sorted(own_seqs) != expected:
            warnings.append((0, f"the events do not cover seq {header['firstSeq']}..{header['lastSeq']} exactly once each"))
    return len(lines), problems, warnings


def main(argv):
    if len(argv) < 2 or argv[1] in ("-h", "--help"):
        print(__doc__.strip())
        return 2 if len(argv) < 2 else 0
    validators, named, digit_run = load_schema()
    failed = 0
    for path in argv[1:]:
        count, problems, warnings = validate_file(path, validators, named, digit_run)
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


if __name__ == "__main__":
    sys.exit(main(sys.argv))
