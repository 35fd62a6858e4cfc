#!/usr/bin/env bash
# What the store's own tables cost to write, without tungnha (see bench/README.md, "What the schema itself costs"):
#   bash bench/schema-floor.sh [HOUSEHOLDS...]          default: 200000 1000000
# Needs the batch files bench/run.sh generated. For each size: batches 1–2 are merged into a store, and batch 3
# (the weekly delivery) into a copy of it. Then the sqlite3 shell writes exactly the rows that delivery wrote,
# copied from the store after it, table by table, into another copy of the store before it: the events and every
# derived row that changed. And it writes every row of the store after it into an empty store of the same schema:
# the full merge's rows. Same settings as a merge (WAL, synchronous=NORMAL, a 64 MB page cache); each table in a
# transaction of its own; no JSON read, no check, no fold. Results to stdout and $BENCH_DIR/N/schema-floor.md.
set -euo pipefail
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(200000 1000000)
root=${BENCH_DIR:-/tmp/tungnha-bench}
work=$root/build
source "$(dirname "$0")/release.sh"

settings="PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-65536; PRAGMA wal_autocheckpoint=16384;"
# The seconds of each statement the shell timed, one per line.
timed() { sqlite3 "$1" 2>&1 | sed -n 's/^Run Time: real \([0-9.]*\).*/\1/p'; }

for households in "${sizes[@]}"; do
  dir=$root/$households
  [ -d "$dir/b3" ] || { echo "no batch files in $dir: run bash bench/run.sh $households first" >&2; exit 1; }
  rm -f "$dir"/schema-*.sqlite*
  gathering "$dir" "$dir/schema-before.sqlite"
  "$bin/tungnha" merge "$dir/b12" --db "$dir/schema-before.sqlite" --json > /dev/null
  sqlite3 "$dir/schema-before.sqlite" "PRAGMA wal_checkpoint(TRUNCATE);" > /dev/null
  cp "$dir/schema-before.sqlite" "$dir/schema-after.sqlite"
  read -r week _ <<< "$(measure "$bin/tungnha" merge "$dir/b3" --db "$dir/schema-after.sqlite" --json)"
  sqlite3 "$dir/schema-after.sqlite" "PRAGMA wal_checkpoint(TRUNCATE);" > /dev/null
  read -r floor3 _ <<< "$(measure bash bench/floor.sh "$dir/b3" "$dir/schema-floor3.sqlite")"
  cp "$dir/schema-before.sqlite" "$dir/schema-weekly.sqlite"
  changed=$(sqlite3 "$dir/schema-weekly.sqlite" "ATTACH '$dir/schema-after.sqlite' AS a;
    CREATE TABLE changed AS SELECT f.key FROM household_fold f JOIN a.household_fold g ON g.key = f.key
      WHERE g.state IS NOT f.state OR g.events <> f.events;
    SELECT count(*) FROM changed;")
  # One row per household instead: the household's report columns as columns, under the report's covering index,
  # and the rest of its household row, its fold, its timeline and its members' rows as one blob. Visits stay a log.
  for store in schema-weekly schema-after; do
    sqlite3 "$dir/$store.sqlite" <<'EOF'
CREATE TABLE together (key INTEGER PRIMARY KEY, scheme TEXT, commune TEXT, village_key TEXT, covered INTEGER, visits INTEGER,
  last_visit_ms INTEGER, last_activity_ms INTEGER, village TEXT, merged_into TEXT, moved INTEGER, rest BLOB);
INSERT INTO together SELECT f.key, h.scheme, h.commune, h.village_key, h.covered, h.visits, h.last_visit_ms, h.last_activity_ms,
  h.village, h.merged_into, h.moved,
  CAST(coalesce(h.code, '') || coalesce(h.head_name, '') || coalesce(h.address, '') || coalesce(h.phone, '') || coalesce(h.declared_members, '') || coalesce(h.note, '') || coalesce(h.consent, '') || coalesce(h.consent_asked, '') || coalesce(h.registered_at, '') || coalesce(h.registered_by, '') || coalesce(h.closest_member, '') || coalesce(h.gaps, '') || coalesce(h.members, '') || coalesce(h.last_outcome, '') || coalesce(h.last_volunteer, '') || coalesce(h.follow_up, '') || coalesce(h.search, '') AS BLOB)
  || f.events || coalesce(f.state, x'') || coalesce(t.points, x'')
  || coalesce((SELECT CAST(group_concat(coalesce(m.code, '') || coalesce(m.recorded_in, '') || coalesce(m.counted, '') || coalesce(m.name, '') || coalesce(m.birth_year, '') || coalesce(m.sex, '') || coalesce(m.relation, '') || coalesce(m.status, '') || coalesce(m.vneid, '') || coalesce(m.login, '') || coalesce(m.dvctt, '') || coalesce(m.paid_online, '') || coalesce(m.smartphone, '') || coalesce(m.observed_ms, '') || coalesce(m.able, '') || coalesce(m.added_ms, ''), '') AS BLOB) FROM member m WHERE m.household_key = f.key), x'')
FROM household_fold f LEFT JOIN household h ON h.key = f.key LEFT JOIN household_timeline t ON t.key = f.key;
CREATE INDEX together_place ON together(scheme, commune, village_key, covered, visits, last_visit_ms, last_activity_ms, village,
  merged_into, moved) WHERE merged_into IS NULL AND moved = 0;
EOF
  done
  # Every column of a household's row but its key and code: its fold and its figures, as a merge changes them.
  fold_columns=$(sqlite3 "$dir/schema-weekly.sqlite" "SELECT group_concat(name || ' = g.' || name, ', ') FROM pragma_table_info('household_fold')
    WHERE name NOT IN ('key', 'code')")
  mapfile -t weekly < <(timed "$dir/schema-weekly.sqlite" <<EOF
ATTACH '$dir/schema-after.sqlite' AS a;
$settings
.timer on
BEGIN; INSERT INTO event SELECT * FROM a.event WHERE rowid > (SELECT max(rowid) FROM main.event); COMMIT;
BEGIN; UPDATE household_fold SET $fold_columns FROM a.household_fold g
  WHERE g.key = household_fold.key AND household_fold.key IN (SELECT key FROM changed); COMMIT;
BEGIN; INSERT OR REPLACE INTO household_timeline SELECT * FROM a.household_timeline WHERE key IN (SELECT key FROM changed); COMMIT;
BEGIN; INSERT OR REPLACE INTO member SELECT * FROM a.member m WHERE household_key IN (SELECT key FROM changed)
  AND NOT EXISTS (SELECT 1 FROM main.member o WHERE o.household_key = m.household_key AND o.code = m.code
    AND o.vneid IS m.vneid AND o.login IS m.login AND o.dvctt IS m.dvctt AND o.observed_ms IS m.observed_ms); COMMIT;
BEGIN; INSERT INTO visit SELECT * FROM a.visit WHERE rowid > (SELECT max(rowid) FROM main.visit); COMMIT;
PRAGMA wal_checkpoint(TRUNCATE);
EOF
  )
  mapfile -t together < <(timed "$dir/schema-weekly.sqlite" <<EOF
ATTACH '$dir/schema-after.sqlite' AS a;
$settings
.timer on
BEGIN; INSERT OR REPLACE INTO together SELECT * FROM a.together WHERE key IN (SELECT key FROM changed); COMMIT;
PRAGMA wal_checkpoint(TRUNCATE);
EOF
  )
  read -r floor _ <<< "$(measure bash bench/floor.sh "$dir/batches" "$dir/schema-floor.sqlite")"
  sqlite3 "$dir/schema-after.sqlite" .schema | grep -v '^CREATE TABLE sqlite_' | sqlite3 "$dir/schema-full.sqlite"
  mapfile -t full < <(timed "$dir/schema-full.sqlite" <<EOF
ATTACH '$dir/schema-after.sqlite' AS a;
$settings
.timer on
BEGIN; INSERT INTO device SELECT * FROM a.device; INSERT INTO event SELECT * FROM a.event; COMMIT;
BEGIN; INSERT INTO household_fold SELECT * FROM a.household_fold; COMMIT;
BEGIN; INSERT INTO household_timeline SELECT * FROM a.household_timeline; COMMIT;
BEGIN; INSERT INTO member SELECT * FROM a.member; COMMIT;
BEGIN; INSERT INTO visit SELECT * FROM a.visit; COMMIT;
PRAGMA wal_checkpoint(TRUNCATE);
BEGIN; INSERT INTO together SELECT * FROM a.together; COMMIT;
PRAGMA wal_checkpoint(TRUNCATE);
EOF
  )
  sum() { python3 -c "import sys; print(f'{sum(map(float, sys.argv[1:])):.2f}')" "$@"; }
  {
    echo "### $households households: the store's rows written by the sqlite3 shell"
    echo
    echo "The weekly delivery changed $changed households. Seconds:"
    echo
    echo "| | the weekly delivery's rows | every row (the full merge) |"
    echo "|---|---|---|"
    names=("event (with its indexes)" "household_fold (with the household's figures and the report's covering index)" "household_timeline" "member" "visit (with its index)" "the last checkpoint")
    for i in "${!names[@]}"; do echo "| ${names[$i]} | ${weekly[$i]} | ${full[$i]} |"; done
    echo "| **all of them** | **$(sum "${weekly[@]}")** | **$(sum "${full[@]:0:6}")** |"
    echo "| one row per household in place of household_fold, household_timeline and member | ${together[0]} (checkpoint ${together[1]}) | ${full[6]} (checkpoint ${full[7]}) |"
    echo "| so all of them would be | $(sum "${weekly[0]}" "${weekly[4]}" "${together[@]}") | $(sum "${full[0]}" "${full[4]}" "${full[@]:6:2}") |"
    echo "| bench/floor.sh, the same batch files | $floor3 | $floor |"
    echo "| tungnha merge, the same batch files | $week | (bench/run.sh) |"
  } | tee "$dir/schema-floor.md"
  rm -f "$dir"/schema-*.sqlite*
done
