#!/bin/sh
# usage: summary.sh IMAGES_DIR BUILD_TIME_LOG MAKE_ARGS
# Prints what the build produced, its size, and how to boot it.
set -eu
images=$1 log=$2 args=$3
echo
echo "kitroot: build finished. Outputs in $images:"
for f in "$images"/*; do
	[ -f "$f" ] || continue
	case "$f" in *.config) continue ;; esac
	size=$(wc -c < "$f")
	printf '  %-28s %9d bytes (%d KiB)\n' "${f##*/}" "$size" $(( (size + 1023) / 1024 ))
done
if [ -s "$log" ]; then
	total=$(awk '{ s += $3 } END { printf "%.1f", s / 1000 }' "$log")
	echo "Step times: $log (sum of steps ${total} s)"
fi
echo "Boot it: make ${args:+$args }run    (serial console; 'poweroff' to leave)"
