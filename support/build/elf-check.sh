#!/bin/sh
# elf-check.sh KR-ELFCHECK ROOT MACHINE TABLE GO-LIST [CERT]: runs
# kr-elfcheck over the files that go into the image (MACHINE: the
# target's ELF e_machine, KR_ELF_MACHINE_NUMBER; GO-LIST: the image
# paths of the Go programs the build installed, one a line; CERT, with
# kernel modules: the kernel build's signing certificate, DER), keeps
# its table in TABLE (for make security-report) and fails naming each
# file that is not hardened.
set -u
elfcheck=$1 root=$2 machine=$3 table=$4 golist=$5 cert=${6:-}

set -- -m "$machine" -p "$root" -g "$golist"
[ -z "$cert" ] || set -- "$@" -k "$cert"
"$elfcheck" "$@" "$root" > "$table.tmp" 2> "$table.log"
status=$?
if [ "$status" -ne 0 ]; then
	cat "$table.log" >&2
	# 2: kr-elfcheck could not run (a bad -m, -g or -k, a read error,
	# modules and no certificate), no verdict
	[ "$status" -ne 2 ] || { rm -f "$table.tmp"; exit 1; }
	awk -F '\t' '!/^#/ && $8 != "ok" { printf "  %s: %s\n", $1, $8 }' "$table.tmp" >&2
	echo "image: these ELF files are not hardened (see docs/security.md);" \
		"KR_IMAGE_ELF_CHECK=n builds the image anyway" >&2
	rm -f "$table.tmp"
	exit 1
fi
mv "$table.tmp" "$table"
