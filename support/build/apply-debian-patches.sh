#!/bin/sh
# Apply the patch series of a Debian source package to a source tree.
#
# usage: apply-debian-patches.sh DEBIAN_TARBALL DIR
#
# Debian's packaging (FILE.debian.tar.xz) carries debian/patches/series:
# patches in order, '#' comments, optional -pN after a name.  The
# tarball is hash-verified by the download step before this runs.
set -eu

die() { echo "apply-debian-patches: $*" >&2; exit 1; }
[ $# -eq 2 ] || die "usage: apply-debian-patches.sh DEBIAN_TARBALL DIR"
tarball=$1 dir=$2
work="$dir/.debian"
rm -rf "$work"
mkdir -p "$work"
tar -xf "$tarball" -C "$work" debian/patches ||
	die "$tarball: no debian/patches in it"
series="$work/debian/patches/series"
[ -r "$series" ] || die "$tarball: no debian/patches/series"
sed 's/#.*//' "$series" | while read -r patch level; do
	[ -n "$patch" ] || continue
	echo "    applying Debian's $patch"
	patch -d "$dir" ${level:--p1} -N -s < "$work/debian/patches/$patch" ||
		die "Debian's $patch does not apply to $dir; run make NAME-dirclean and retry"
done
