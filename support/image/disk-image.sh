#!/bin/sh
# usage: disk-image.sh OUT gpt|dos BOOT_IMAGE DATA_MIB SEED BLANK_MARKER
#
# A raw disk image: BOOT_IMAGE (a FAT image, a whole number of MiB) as
# the first partition at 1 MiB, then a data partition of DATA_MIB MiB for
# the system's persistent state: its first sector holds BLANK_MARKER (a
# text, zero-padded), which tells the system's boot step it may make a
# filesystem there (pkg/data-partition); the rest is zeros (sparse).
#   gpt: the UEFI images' disk: an EFI system partition, and a data
#        partition named "kitroot-data" (Linux filesystem type).
#   dos: an MBR, as the Raspberry Pi's boot ROM reads: a bootable FAT32
#        (LBA) partition and a Linux one, whose PARTUUID the system is
#        told on its command line (dos_partuuid, below, prints it).
# The disk and partition IDs are derived from SEED, so the same inputs
# give the same bytes.  sfdisk writes the table into the file: no root,
# no loop device.
set -eu

prog=disk-image
die() { echo "$prog: $*" >&2; exit 1; }
here=$(dirname "$0")
. "$here/guid.sh"

# dos_disk_id SEED: the MBR's disk signature, 8 hex digits.
dos_disk_id() { printf '%s' "$1:disk" | sha256sum | cut -c1-8; }
# With --partuuid SEED N: the PARTUUID Linux gives partition N.
if [ "${1:-}" = --partuuid ]; then
	[ $# -eq 3 ] || die "usage: disk-image.sh --partuuid SEED N"
	printf '%s-%02x\n' "$(dos_disk_id "$2")" "$3"
	exit 0
fi

[ $# -eq 6 ] || die "usage: disk-image.sh OUT gpt|dos BOOT_IMAGE DATA_MIB SEED BLANK_MARKER"
out=$1 label=$2 boot=$3 data_mib=$4 seed=$5 marker=$6
[ "$(stat -c %s "$marker")" -le 512 ] || die "$marker: longer than a sector"

mib=2048 # sectors of 512 bytes
boot_bytes=$(stat -c %s "$boot")
[ $((boot_bytes % 1048576)) -eq 0 ] || die "$boot: not a whole number of MiB"
boot_sectors=$((boot_bytes / 512))
data_start=$((mib + boot_sectors))
data_sectors=$((data_mib * mib))
case $label in
gpt)
	# 1 MiB at the end for the backup GPT (33 sectors), as at the start.
	total=$((data_start + data_sectors + mib))
	table="label: gpt
label-id: $(guid "$seed:disk")
unit: sectors
first-lba: $mib
start=$mib, size=$boot_sectors, type=C12A7328-F81F-11D2-BA4B-00A0C93EC93B, uuid=$(guid "$seed:esp"), name=\"EFI system partition\"
start=$data_start, size=$data_sectors, type=0FC63DAF-8483-4772-8E79-3D69D8477DE4, uuid=$(guid "$seed:data"), name=\"kitroot-data\"" ;;
dos)
	total=$((data_start + data_sectors))
	table="label: dos
label-id: 0x$(dos_disk_id "$seed")
unit: sectors
start=$mib, size=$boot_sectors, type=c, bootable
start=$data_start, size=$data_sectors, type=83" ;;
*) die "$label: the partition table is gpt or dos" ;;
esac

rm -f "$out.tmp"
truncate -s $((total * 512)) "$out.tmp"
printf '%s\n' "$table" | sfdisk --quiet --no-reread --no-tell-kernel "$out.tmp" > "$out.log" 2>&1 ||
	{ cat "$out.log" >&2; rm -f "$out.tmp" "$out.log"; die "sfdisk failed"; }
rm -f "$out.log"
dd if="$boot" of="$out.tmp" bs=1M seek=1 conv=notrunc,sparse status=none ||
	{ rm -f "$out.tmp"; die "could not copy $boot into the image"; }
dd if="$marker" of="$out.tmp" bs=512 seek="$data_start" conv=notrunc,sync status=none ||
	{ rm -f "$out.tmp"; die "could not write the blank marker"; }
mv "$out.tmp" "$out"
