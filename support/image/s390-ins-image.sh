#!/bin/sh
# usage: s390-ins-image.sh INS OUT
#
# Writes OUT, the memory an HMC or z/VM has filled after loading INS:
# each file the .ins names (relative to the .ins), at its address, in
# the .ins's order, later files over earlier ones, gaps as zeros.  A
# CD's boot image is exactly that: the s390-ccw firmware of a KVM or
# QEMU guest loads it at address 0 and starts the kernel at its entry
# point, so the ISO boots what the .ins loads.
set -eu

prog=s390-ins-image
die() { echo "$prog: $*" >&2; exit 1; }
[ $# -eq 2 ] || die "usage: s390-ins-image.sh INS OUT"
ins=$1 out=$2
dir=$(dirname "$ins")
[ -s "$ins" ] || die "$ins: missing or empty"

: > "$out.tmp"
trap 'rm -f "$out.tmp"' EXIT
n=0
# Lines: "* comment", or "FILE ADDRESS" with a hex address.
while read -r file addr rest; do
	n=$((n + 1))
	case $file in '' | '*'*) continue ;; esac
	case $file in */* | ..) die "$ins:$n: $file: a file beside the .ins, not a path" ;; esac
	case $addr in 0x[0-9a-fA-F]*) ;; *) die "$ins:$n: '$addr' is not a hex address (0x...)" ;; esac
	[ -z "$rest" ] || die "$ins:$n: more than a file and an address"
	[ -f "$dir/$file" ] || die "$ins:$n: $dir/$file: no such file"
	dd if="$dir/$file" of="$out.tmp" bs=1M seek=$((addr)) oflag=seek_bytes conv=notrunc status=none ||
		die "$ins:$n: cannot place $file at $addr"
done < "$ins"
mv "$out.tmp" "$out"
trap - EXIT
