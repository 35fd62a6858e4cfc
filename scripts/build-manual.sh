#!/usr/bin/env bash
# Builds the manual pages docs/man/tungnha.1 (Vietnamese) and docs/man/tungnha.en.1 (English) with
# swift-argument-parser's GenerateManual plugin. That plugin's generator drops every non-ASCII character, so tungnha
# describes itself with "~uXXXX~" for each one (TUNGNHA_MANUAL_ASCII=1) and this script turns them back into UTF-8.
# Read one with: man -l docs/man/tungnha.1
set -euo pipefail
cd "$(dirname "$0")/.."
out=.build/plugins/GenerateManual/outputs/tungnha/tungnha.1
mkdir -p docs/man
for lang in vi en; do
    locale=C.UTF-8; [ "$lang" = en ] && locale=en_US.UTF-8
    LANG=$locale TUNGNHA_MANUAL_ASCII=1 swift package plugin generate-manual --configuration debug >/dev/null
    target=docs/man/tungnha.1; [ "$lang" = en ] && target=docs/man/tungnha.en.1
    perl -CSD -pe 's/~u([0-9A-F]{2,6})~/chr(hex($1))/ge' "$out" > "$target"
    echo "$target: $(wc -l < "$target") lines"
done
