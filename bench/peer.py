#!/usr/bin/env python3
"""What a district IT officer would write instead of tungnha merge: a plain json + sqlite3 script.

    python3 bench/peer.py DATABASE BATCH_FILE_OR_FOLDER...

One transaction per file; INSERT OR IGNORE on the event's name (its device and number); the latest VNeID, login and DVCTT answer of each
member (by event time); a household is covered when one of its current members has all three; coverage is set by
one UPDATE at the end. No checks of the format beyond json.loads, no checksums, no voids, merges or conflicts:
the peer is the floor of what is useful, not a replacement.
"""
import json
import os
import sqlite3
import sys

db = sqlite3.connect(sys.argv[1])
db.executescript("""
PRAGMA journal_mode = WAL;
PRAGMA synchronous = NORMAL;
CREATE TABLE IF NOT EXISTS event (device TEXT, seq INTEGER, at TEXT, type TEXT, commune TEXT,
    household TEXT, member TEXT, body TEXT, PRIMARY KEY (device, seq));
CREATE TABLE IF NOT EXISTS household (code TEXT PRIMARY KEY, commune TEXT, village TEXT, covered INTEGER DEFAULT 0);
CREATE TABLE IF NOT EXISTS member (code TEXT PRIMARY KEY, household TEXT, birth_year INTEGER, status TEXT DEFAULT 'present',
    vneid TEXT, vneid_at TEXT, login INTEGER, login_at TEXT, dvctt INTEGER, dvctt_at TEXT);
CREATE INDEX IF NOT EXISTS member_household ON member(household);
""")

LATEST = """UPDATE member SET {0} = ?, {0}_at = ? WHERE code = ? AND ({0}_at IS NULL OR {0}_at <= ?)"""


def files(paths):
    for path in paths:
        if os.path.isdir(path):
            for root, _, names in os.walk(path):
                for name in sorted(names):
                    if name.endswith(".jsonl"):
                        yield os.path.join(root, name)
        else:
            yield path


for path in files(sys.argv[2:]):
    with open(path, encoding="utf-8") as handle:
        lines = handle.read().splitlines()
    with db:
        for line in lines[1:-1]:
            event = json.loads(line)
            kind, data, at = event["type"], event["data"], event["at"]
            new = db.execute(
                "INSERT OR IGNORE INTO event VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (event["device"], event["seq"], at, kind, event["commune"], event.get("household"),
                 event.get("member"), line)).rowcount
            if not new:
                continue
            if kind == "household.registered":
                db.execute("INSERT OR IGNORE INTO household (code, commune, village) VALUES (?, ?, ?)",
                           (event["household"], event["commune"], data["village"]))
            elif kind == "member.added":
                db.execute("INSERT OR IGNORE INTO member (code, household, birth_year) VALUES (?, ?, ?)",
                           (event["member"], event["household"], data["birthYear"]))
            elif kind == "member.changed" and "status" in data["set"]:
                db.execute("UPDATE member SET status = ? WHERE code = ?", (data["set"]["status"], event["member"]))
            elif kind == "visit.recorded":
                for seen in data.get("observations", []):
                    for key in ("vneid", "login", "dvctt"):
                        if key in seen:
                            db.execute(LATEST.format(key), (seen[key], at, seen["member"], at))

with db:
    db.execute("""
        UPDATE household SET covered = EXISTS (
            SELECT 1 FROM member m WHERE m.household = household.code AND m.status = 'present'
            AND m.vneid IN ('level1', 'level2') AND m.login = 1 AND m.dvctt = 1)
        """)
covered, households = db.execute("SELECT sum(covered), count(*) FROM household").fetchone()
print(f"{households} households, {covered} covered")
