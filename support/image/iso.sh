#!/bin/sh
# usage: iso.sh OUT EFI_BOOT_IMAGE VOLUME_ID
#
# A hybrid ISO 9660 image that boots under UEFI: EFI_BOOT_IMAGE (a FAT
# image holding the UKI at the removable-media path) is its El Torito
# EFI boot image, and a GPT (behind a protective MBR) names it as an EFI
# system partition too (--efi-boot-part --efi-boot-image), so the same
# file boots as a CD, from a BMC's virtual media and written to a USB
# stick.  Every date (the root directory's too: --set_all_file_dates),
# and the GUIDs xorriso derives from them, is SOURCE_DATE_EPOCH (which
# must be set), whatever the clock says: the same inputs give the same
# bytes.
set -eu

prog=iso
die() { echo "$prog: $*" >&2; exit 1; }
[ $# -eq 3 ] || die "usage: iso.sh OUT EFI_BOOT_IMAGE VOLUME_ID"
out=$1 efiboot=$2 volid=$3
: "${SOURCE_DATE_EPOCH:?iso: SOURCE_DATE_EPOCH must be set}"
export SOURCE_DATE_EPOCH

tree=$out.tree
rm -rf "$tree" "$out.tmp"
mkdir -p "$tree"
cp "$efiboot" "$tree/efiboot.img"
touch -d "@$SOURCE_DATE_EPOCH" "$tree/efiboot.img" "$tree"
# --set_all_file_dates: without it the root directory's date is the
# clock's, even with SOURCE_DATE_EPOCH set.
xorriso -as mkisofs -quiet -o "$out.tmp" -V "$volid" -r --set_all_file_dates "=$SOURCE_DATE_EPOCH" \
	-e efiboot.img -no-emul-boot -efi-boot-part --efi-boot-image --protective-msdos-label \
	"$tree" > "$out.log" 2>&1 ||
	{ cat "$out.log" >&2; rm -rf "$tree" "$out.tmp" "$out.log"; die "xorriso failed"; }
rm -rf "$tree" "$out.log"
mv "$out.tmp" "$out"
