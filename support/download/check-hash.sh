#!/bin/sh
# usage: check-hash.sh HASHFILE FILE
# Verifies FILE against the `sha256  HASH  NAME` line for its name in
# HASHFILE.  Exit 0 when it matches; 1 with a message saying the file,
# the expected and the actual hash otherwise; 2 when HASHFILE has no
# line for the file (an unverifiable download is never used).
set -eu
hashfile=$1 file=$2
name=${KR_HASH_NAME:-$(basename "$file")}
[ -r "$hashfile" ] || { echo "check-hash: $hashfile: cannot read the hash file" >&2; exit 2; }
expected=$(awk -v n="$name" '$1 == "sha256" && $3 == n { print $2; exit }' "$hashfile")
if [ -z "$expected" ]; then
	echo "check-hash: $hashfile has no sha256 line for $name; add one (sha256  HASH  $name)" >&2
	exit 2
fi
actual=$(sha256sum "$file" | cut -d' ' -f1)
if [ "$expected" != "$actual" ]; then
	echo "check-hash: $name: hash mismatch" >&2
	echo "  expected sha256 $expected (from $hashfile)" >&2
	echo "  actual   sha256 $actual" >&2
	exit 1
fi
