#!/usr/bin/env bash
# Guided entry as a volunteer types it, in a real terminal (tmux): a household with two members, a visit, then a
# second visit stopped half-way with the Ctrl-C key. Prints the screens and what the store holds afterwards.
# The same flow runs in `swift test` (GuidedEntryTests, on a pseudo-terminal it opens itself); this is the check
# a person can watch. Usage: scripts/check-guided-entry.sh [BINARY]   (default: .build/debug/tungnha)
set -euo pipefail
cd "$(dirname "$0")/.."
binary="$(realpath "${1:-.build/debug/tungnha}")"
command -v tmux >/dev/null || { apt-get update -qq && apt-get install -y -qq tmux >/dev/null; }
dir=$(mktemp -d)
trap 'tmux kill-session -t tungnha-guided 2>/dev/null || true; rm -rf "$dir"' EXIT
export TUNGNHA_DB="$dir/laptop.sqlite" TUNGNHA_NOW="2026-11-20T09:00:00+07:00" LANG=C.UTF-8
TUNGNHA_SEED=1 "$binary" init --commune 13285 --device-name "Laptop tổ 1" >/dev/null
TUNGNHA_SEED=2 "$binary" village add "Tổ dân phố Lê Lợi" >/dev/null

# Runs one command in tmux and types the answers, one line each; "^C" is the Ctrl-C key.
seed=100
session() {
    local command="$1"; shift
    seed=$((seed + 1))  # a fixed clock needs a seed of its own per run, or two runs make the same ids
    tmux new-session -d -s tungnha-guided -x 160 -y 60 \
        "env TUNGNHA_DB='$TUNGNHA_DB' TUNGNHA_NOW='$TUNGNHA_NOW' TUNGNHA_SEED=$seed LANG=C.UTF-8 $binary $command; echo \"[exit \$?]\"; sleep 60"
    sleep 0.5
    for answer in "$@"; do
        if [ "$answer" = "^C" ]; then tmux send-keys -t tungnha-guided C-c; else tmux send-keys -t tungnha-guided -l "$answer"; tmux send-keys -t tungnha-guided Enter; fi
        sleep 0.3
    done
    sleep 0.5
    echo "──── tungnha $command"
    tmux capture-pane -t tungnha-guided -p -S -100 | sed '/^$/d'
    tmux kill-session -t tungnha-guided
}

session "household add" c "Nguyễn Văn An" "Số 12, ngõ 5" "" c c "Nguyễn Văn An" 1970 nam "chủ hộ" c c "Lê Thị Lý" 1975 nữ vợ c k
session "visit" "nguyen van" 1 "" Lan gặp "1,2" 2 c c "" c ckh k "" "" c "1,4" "Đăng ký thường trú" 27/11/2026 c
session "visit" an 1 "" "" vắng "^C"

echo "──── what the store holds"
"$binary" household list
households=$("$binary" household list --json | grep -c '"code"')
visits=$("$binary" household list --json | grep '"visits"' | tr -dc '0-9')
[ "$households" = 1 ] && [ "$visits" = 1 ] || { echo "FAIL: expected 1 household with 1 visit, got $households and $visits" >&2; exit 1; }
echo "OK: one household, two members and one visit; the interrupted visit left nothing."
