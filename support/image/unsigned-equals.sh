#!/bin/sh
# usage: unsigned-equals.sh SIGNED UNSIGNED
#
# Succeeds when SIGNED, an Authenticode-signed EFI program, is UNSIGNED
# with a signature added: sbattach --remove takes the signature (and
# the padding sbsign added) away, and what is left must be UNSIGNED's
# bytes.  Says which certificate signed it; the signature itself is for
# the firmware to judge.
set -eu

prog=unsigned-equals
die() { echo "$prog: $*" >&2; exit 1; }
[ $# -eq 2 ] || die "usage: unsigned-equals.sh SIGNED UNSIGNED"
signed=$1 unsigned=$2
[ -f "$signed" ] || die "$signed: not found"
tmp=$(mktemp "${TMPDIR:-/tmp}/kitroot-unsigned.XXXXXX")
trap 'rm -f "$tmp"' EXIT
cp "$signed" "$tmp"
sbattach --remove "$tmp" > /dev/null 2>&1 || die "$signed: carries no signature sbattach can remove"
if ! cmp -s "$tmp" "$unsigned"; then
	die "$signed with its signature removed differs from this build's unsigned UKI ($unsigned)"
fi
echo "$prog: $signed is this build's UKI ($unsigned) plus a signature"
