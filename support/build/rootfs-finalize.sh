#!/bin/sh
# usage: rootfs-finalize.sh TARGET_DIR ROOTFS_DIR 'OVERLAY...' 'SCRIPT...' 'ARGS'
#
# Makes ROOTFS_DIR, the root filesystem as the image holds it: a copy of
# the packages' TARGET_DIR (hard links kept), the overlay directories
# copied over it in order, then each post-build script run as
#   SCRIPT ROOTFS_DIR ARGS...
# with TARGET_DIR=ROOTFS_DIR, KR_CONFIG, HOST_DIR, BUILD_DIR, IMAGES_DIR,
# O, TOPDIR and SOURCE_DATE_EPOCH in its environment.  The copy is made
# anew every time, so what leaves an overlay leaves the image, and a
# script never sees its own earlier output.  docs/customising.md.
#
# An overlay is refused, before anything is copied, when it would write
# through a symlink of the image (var/run -> /run: the copy would land
# on the build host), replace a directory with a file or the reverse,
# carry a device, FIFO or socket (the permission tables make those),
# change a container's config.json (a container's confinement is its
# spec's), or add to a container the image does not have.
set -eu

die() { printf 'kitroot: %s\n' "$*" >&2; exit 1; }
[ $# -eq 5 ] || die "usage: rootfs-finalize.sh TARGET_DIR ROOTFS_DIR OVERLAYS SCRIPTS ARGS"
target=$1 rootfs=$2 overlays=$3 scripts=$4 script_args=$5

[ -d "$target" ] || die "$target: not a directory"

rm -rf "$rootfs.tmp"
cp -a "$target" "$rootfs.tmp" || die "could not copy $target to $rootfs.tmp"

# $1 overlay, $2 its path p (relative): refused cases, named by path.
check_entry() {
	src=$1/$2 dst=$rootfs.tmp/$2
	case $2 in
	containers/*/*/config.json)
		die "overlay $1: $2: a container's config.json comes from its spec; change the spec (an external tree's copy of the package) instead" ;;
	containers/*/*/*)
		c=${2#containers/}; c=containers/${c%%/*}; rest=${2#"$c"/}; c=$c/${rest%%/*}
		[ -d "$rootfs.tmp/$c" ] || die "overlay $1: $2: the image has no container $c (its kind and order come from its spec: look under $target/containers/)" ;;
	esac
	# every directory above the entry, in the image, must be a directory
	parent=$(dirname -- "$2")
	while [ "$parent" != . ]; do
		if [ -L "$rootfs.tmp/$parent" ]; then
			die "overlay $1: $2: /$parent is a symlink in the image (to $(readlink -- "$rootfs.tmp/$parent")); put the file where the link points"
		fi
		parent=$(dirname -- "$parent")
	done
	if [ -d "$src" ] && [ ! -L "$src" ]; then
		if [ -L "$dst" ]; then
			die "overlay $1: $2: a directory in the overlay, a symlink in the image (to $(readlink -- "$dst"))"
		fi
		if [ -e "$dst" ] && [ ! -d "$dst" ]; then
			die "overlay $1: $2: a directory in the overlay, a file in the image"
		fi
	elif [ -f "$src" ] || [ -L "$src" ]; then
		if [ -d "$dst" ] && [ ! -L "$dst" ]; then
			die "overlay $1: $2: a file in the overlay, a directory in the image"
		fi
	else
		die "overlay $1: $2: not a file, directory or symlink: devices and FIFOs come from a package's permission table"
	fi
}

for overlay in $overlays; do
	case $overlay in
	/*) ;;
	*) die "overlay '$overlay': give an absolute path (or one from \$(TOPDIR) or \$(KR_EXTERNAL_NAME_PATH))" ;;
	esac
	[ -d "$overlay" ] || die "overlay $overlay: not a directory (KR_ROOTFS_OVERLAY)"
	# sorted, so a directory is checked before what it holds
	find "$overlay" -mindepth 1 -printf '%P\n' | LC_ALL=C sort > "$rootfs.list"
	if grep -q '[[:space:]]' "$rootfs.list"; then
		die "overlay $overlay: '$(grep '[[:space:]]' "$rootfs.list" | head -n 1)' has a blank in its name, which the initramfs cannot store"
	fi
	while IFS= read -r p; do
		check_entry "$overlay" "$p"
	done < "$rootfs.list"
	rm -f "$rootfs.list"
	# --remove-destination: a file hard-linked in the image (busybox) is
	# replaced at this name only, never written through.
	cp -a --remove-destination --no-preserve=ownership "$overlay/." "$rootfs.tmp/" ||
		die "overlay $overlay: could not copy it into the image"
done

for script in $scripts; do
	[ -f "$script" ] || die "post-build script $script: no such file (KR_POST_BUILD_SCRIPT)"
	[ -x "$script" ] || die "post-build script $script: not executable (chmod +x it)"
	echo ">>> post-build $script"
	# shellcheck disable=SC2086
	TARGET_DIR=$rootfs.tmp "$script" "$rootfs.tmp" $script_args ||
		die "post-build script $script failed (status $?)"
done

rm -rf "$rootfs"
mv "$rootfs.tmp" "$rootfs"
