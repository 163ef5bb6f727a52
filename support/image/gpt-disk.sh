#!/bin/sh
# usage: gpt-disk.sh OUT ESP_IMAGE DATA_MIB SEED BLANK_MARKER
#
# A raw GPT disk image: ESP_IMAGE (a FAT image, a whole number of MiB)
# as the EFI system partition at 1 MiB, then a data partition of
# DATA_MIB MiB named "kitroot-data" (Linux filesystem type) for the
# system's persistent state: its first sector holds BLANK_MARKER (a
# text, zero-padded), which tells the system's boot step it may make a
# filesystem there (pkg/data-partition); the rest is zeros (sparse).
# The disk and partition GUIDs are derived from SEED, so the same
# inputs give the same bytes.  sfdisk writes the table into the file:
# no root, no loop device.
set -eu

prog=gpt-disk
die() { echo "$prog: $*" >&2; exit 1; }
[ $# -eq 5 ] || die "usage: gpt-disk.sh OUT ESP_IMAGE DATA_MIB SEED BLANK_MARKER"
out=$1 esp=$2 data_mib=$3 seed=$4 marker=$5
[ "$(stat -c %s "$marker")" -le 512 ] || die "$marker: longer than a sector"
. "$(dirname "$0")/guid.sh"

mib=2048 # sectors of 512 bytes
esp_bytes=$(stat -c %s "$esp")
[ $((esp_bytes % 1048576)) -eq 0 ] || die "$esp: not a whole number of MiB"
esp_sectors=$((esp_bytes / 512))
data_start=$((mib + esp_sectors))
data_sectors=$((data_mib * mib))
# 1 MiB at the end for the backup GPT (33 sectors), as at the start.
total=$((data_start + data_sectors + mib))

rm -f "$out.tmp"
truncate -s $((total * 512)) "$out.tmp"
sfdisk --quiet --no-reread --no-tell-kernel "$out.tmp" > "$out.log" 2>&1 <<EOT || { cat "$out.log" >&2; rm -f "$out.tmp" "$out.log"; die "sfdisk failed"; }
label: gpt
label-id: $(guid "$seed:disk")
unit: sectors
first-lba: $mib
start=$mib, size=$esp_sectors, type=C12A7328-F81F-11D2-BA4B-00A0C93EC93B, uuid=$(guid "$seed:esp"), name="EFI system partition"
start=$data_start, size=$data_sectors, type=0FC63DAF-8483-4772-8E79-3D69D8477DE4, uuid=$(guid "$seed:data"), name="kitroot-data"
EOT
rm -f "$out.log"
dd if="$esp" of="$out.tmp" bs=1M seek=1 conv=notrunc,sparse status=none ||
	{ rm -f "$out.tmp"; die "could not copy $esp into the image"; }
dd if="$marker" of="$out.tmp" bs=512 seek="$data_start" conv=notrunc,sync status=none ||
	{ rm -f "$out.tmp"; die "could not write the blank marker"; }
mv "$out.tmp" "$out"
