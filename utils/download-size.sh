#!/bin/sh
# usage: utils/download-size.sh [NAME_defconfig...]
#
# What each configuration downloads: the files `make source` puts in
# the download cache (make source-list), their number and total size.
# Files not in the cache yet are counted apart (run make source first).
# Default: every configs/*_defconfig.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck disable=SC2046
[ $# -gt 0 ] || set -- $(cd "$top/configs" && ls -- *_defconfig)
work=$(mktemp -d "${TMPDIR:-/tmp}/kitroot-dlsize.XXXXXX")
trap 'rm -rf "$work"' EXIT
printf '%-36s %6s %10s %s\n' configuration files MB missing
for c in "$@"; do
	o=$work/${c%_defconfig}
	make -s -C "$top" O="$o" "$c" > "$o.log" 2>&1 || { echo "$c: cannot configure:"; cat "$o.log"; exit 1; }
	make -s -C "$top" O="$o" source-list 2> "$o.log" | grep '^/' > "$o.list" ||
		{ echo "$c: make source-list failed:"; cat "$o.log"; exit 1; }
	n=0 bytes=0 missing=0
	while read -r f; do
		if [ -f "$f" ]; then n=$((n + 1)) bytes=$((bytes + $(stat -c %s "$f")))
		else missing=$((missing + 1)); fi
	done < "$o.list"
	printf '%-36s %6d %10s %d\n' "${c%_defconfig}" "$n" "$(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1e6 }')" "$missing"
done
