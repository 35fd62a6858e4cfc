#!/usr/bin/env bash
# The floor of what SQLite does on this machine: the sqlite3 shell loads the same batch files into a plain
# table, one row per event (.import of every line, then json_extract of the envelope), in one transaction.
# Usage: bench/floor.sh BATCH_FOLDER DATABASE
set -euo pipefail
folder=$1
database=$2
rm -f "$database"
script=$(mktemp)
{
  echo "CREATE TABLE line (text TEXT);"
  echo "CREATE TABLE event (device TEXT, seq INTEGER, at TEXT, type TEXT, scheme TEXT, commune TEXT, household TEXT, body TEXT);"
  echo ".mode ascii"
  echo '.separator "\t" "\n"'
  echo "BEGIN;"
  find "$folder" -name '*.jsonl' | sort | while read -r file; do echo ".import '$file' line"; done
  echo "INSERT INTO event SELECT json_extract(text, '\$.device'), json_extract(text, '\$.seq'),"
  echo "  json_extract(text, '\$.at'), json_extract(text, '\$.type'), json_extract(text, '\$.scheme'), json_extract(text, '\$.commune'),"
  echo "  json_extract(text, '\$.household'), text FROM line WHERE json_extract(text, '\$.seq') IS NOT NULL;"
  echo "DROP TABLE line;"
  echo "COMMIT;"
  echo "SELECT count(*) FROM event;"
} > "$script"
sqlite3 "$database" < "$script"
rm -f "$script"
