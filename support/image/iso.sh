#!/bin/sh
# usage: iso.sh OUT VOLUME_ID efi EFI_BOOT_IMAGE
#        iso.sh OUT VOLUME_ID s390 BOOT_IMAGE [FILE...]
#
# A bootable ISO 9660 image, with Rock Ridge names.
#
# efi: a hybrid image that boots under UEFI: EFI_BOOT_IMAGE (a FAT
# image holding the UKI at the removable-media path) is its El Torito
# EFI boot image, and a GPT (behind a protective MBR) names it as an EFI
# system partition too (--efi-boot-part --efi-boot-image), so the same
# file boots as a CD, from a BMC's virtual media and written to a USB
# stick.
#
# s390: BOOT_IMAGE (s390-ins-image.sh's: the kernel with its command
# line and initrd in place) is the El Torito boot image the s390-ccw
# firmware of a KVM or QEMU guest loads at address 0; the FILEs (the .ins and
# what it names) are in the root directory too, for an HMC's
# removable-media load and for z/VM.
#
# Every date (the root directory's too: --set_all_file_dates), and the
# GUIDs xorriso derives from them, is SOURCE_DATE_EPOCH (which must be
# set), whatever the clock says: the same inputs give the same bytes.
set -eu

prog=iso
die() { echo "$prog: $*" >&2; exit 1; }
[ $# -ge 4 ] || die "usage: iso.sh OUT VOLUME_ID efi|s390 BOOT_IMAGE [FILE...]"
out=$1 volid=$2 kind=$3 boot=$4
shift 4
: "${SOURCE_DATE_EPOCH:?iso: SOURCE_DATE_EPOCH must be set}"
export SOURCE_DATE_EPOCH

tree=$out.tree
rm -rf "$tree" "$out.tmp"
mkdir -p "$tree"
case $kind in
efi)
	[ $# -eq 0 ] || die "efi: no files besides the boot image"
	cp "$boot" "$tree/efiboot.img"
	set -- -e efiboot.img -no-emul-boot -efi-boot-part --efi-boot-image --protective-msdos-label
	;;
s390)
	cp "$boot" "$tree/cdboot.img"
	for f in "$@"; do cp "$f" "$tree/" || die "cannot copy $f"; done
	# The firmware loads the whole file, whatever the boot record's
	# sector count (which cannot say more than 32 MiB).
	set -- -b cdboot.img -no-emul-boot
	;;
*) die "unknown boot kind '$kind' (efi or s390)" ;;
esac
find "$tree" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
# --set_all_file_dates: without it the root directory's date is the
# clock's, even with SOURCE_DATE_EPOCH set.
xorriso -as mkisofs -quiet -o "$out.tmp" -V "$volid" -r --set_all_file_dates "=$SOURCE_DATE_EPOCH" \
	"$@" "$tree" > "$out.log" 2>&1 ||
	{ cat "$out.log" >&2; rm -rf "$tree" "$out.tmp" "$out.log"; die "xorriso failed"; }
rm -rf "$tree" "$out.log"
mv "$out.tmp" "$out"
