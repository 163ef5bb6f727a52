#!/bin/sh
# usage: fat-image.sh OUT SIZE_MIB VOLUME_ID LABEL FILE:PATH...
#
# A FAT file system image of SIZE_MIB MiB (FAT32 from 34 MiB up, as the
# UEFI specification asks of a system partition; FAT12/16 below, which
# firmware reads as well, for the ISO's boot image), holding each FILE
# at PATH ("::/EFI/BOOT/NAME"; directories are made).  Made
# without root or loop devices: mkfs.vfat --invariant with the given
# VOLUME_ID (8 hex digits), then mtools, whose file times come from
# SOURCE_DATE_EPOCH (which must be set): the same inputs give the same
# bytes.
set -eu

prog=fat-image
die() { echo "$prog: $*" >&2; exit 1; }
[ $# -ge 5 ] || die "usage: fat-image.sh OUT SIZE_MIB VOLUME_ID LABEL FILE:PATH..."
out=$1 size=$2 volid=$3 label=$4
shift 4
: "${SOURCE_DATE_EPOCH:?fat-image: SOURCE_DATE_EPOCH must be set}"
# FAT keeps local times: UTC, so the time zone of the build does not
# show in the image.
export SOURCE_DATE_EPOCH MTOOLS_SKIP_CHECK=1 MTOOLSRC=/dev/null TZ=UTC

need=0
for f in "$@"; do
	file=${f%%:*}
	[ -f "$file" ] || die "$file: not found"
	need=$((need + $(stat -c %s "$file")))
done
# Room for the FAT, the directories and cluster slack: 1 MiB plus 2%.
[ $((need + need / 50 + 1048576)) -le $((size * 1048576)) ] ||
	die "$(( (need + 1048575) / 1048576 )) MiB of files do not fit in a $size MiB FAT image"

rm -f "$out.tmp"
fat=
[ "$size" -lt 34 ] || fat="-F 32"
# shellcheck disable=SC2086
mkfs.vfat --invariant $fat -i "$volid" -n "$label" -C "$out.tmp" $((size * 1024)) > "$out.log" 2>&1 ||
	{ cat "$out.log" >&2; rm -f "$out.tmp" "$out.log"; die "mkfs.vfat failed"; }
for f in "$@"; do
	file=${f%%:*} path=${f#*:}
	dir=${path%/*} made=::
	for part in $(echo "${dir#::}" | tr / ' '); do
		made=$made/$part
		mmd -D s -i "$out.tmp" "$made" 2>/dev/null || true
	done
	mcopy -i "$out.tmp" -D o "$file" "$path" >> "$out.log" 2>&1 ||
		{ cat "$out.log" >&2; rm -f "$out.tmp" "$out.log"; die "mcopy of $file to $path failed"; }
done
rm -f "$out.log"
mv "$out.tmp" "$out"
