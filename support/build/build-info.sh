#!/bin/sh
# usage: build-info.sh IMAGES_DIR TOPDIR DEFCONFIG TRIPLET
#
# Writes IMAGES_DIR/build-info (what a rebuilder must hold equal to get
# the same bytes: docs/reproducibility.md), then IMAGES_DIR/SHA256SUMS
# over every output including build-info.  Nothing in either may depend
# on the build machine beyond the tool versions listed, nor on O.
# Needs in the environment: KR_VERSION, KR_ARCH, SOURCE_DATE_EPOCH.
set -eu

images=$1 top=$2 defconfig=$3 triplet=$4

commit=unknown
. "$(dirname "$0")/../lib/git-tree.sh"
if own_checkout "$top"; then
	commit=$(git -C "$top" rev-parse HEAD)
	# Untracked files count: a new package directory changes the build.
	[ -z "$(git -C "$top" --no-optional-locks status --porcelain)" ] || commit="$commit+uncommitted-changes"
fi

# tool NAME COMMAND...: the first line of its --version, and the Debian
# package (with version) that owns the program.
tool() {
	name=$1
	shift
	path=$(command -v "$1" 2>/dev/null) || { printf '  %-10s (not installed)\n' "$name"; return 0; }
	version=$("$@" 2>&1 | head -n 1)
	# dpkg knows a program by one of its names (/bin or /usr/bin).
	pkg=$({ dpkg -S "$path" || dpkg -S "${path#/usr}" || dpkg -S "$(readlink -f "$path")"; } 2>/dev/null |
		head -n 1 | cut -d: -f1) || pkg=
	[ -z "$pkg" ] || pkg=" [$pkg $(dpkg-query -W -f='${Version}' "$pkg" 2>/dev/null)]"
	printf '  %-10s %s%s\n' "$name" "$version" "$pkg"
}

out="$images/build-info"
{
	echo "# kitroot build-info: rebuild the same commit with this configuration,"
	echo "# these host tools and this SOURCE_DATE_EPOCH to get the files in"
	echo "# SHA256SUMS.  See docs/reproducibility.md."
	echo "kitroot-version: $KR_VERSION"
	echo "kitroot-commit: $commit"
	echo "source-date-epoch: $SOURCE_DATE_EPOCH ($(date -u -d "@$SOURCE_DATE_EPOCH" +%Y-%m-%dT%H:%M:%SZ))"
	echo "architecture: $KR_ARCH"
	echo "host-tools:"
	tool cross-gcc "$triplet-gcc" --version
	tool cross-ld "$triplet-ld" --version
	tool host-gcc gcc --version
	tool make make --version
	tool xz xz --version
	tool gzip gzip --version
	tool zstd zstd --version
	tool perl perl -e 'print "perl $^V\n"'
	echo "config (savedefconfig):"
	sed 's/^/  /' "$defconfig"
} > "$out.tmp"
mv "$out.tmp" "$out"

(
	cd "$images"
	# Every file, the OCI archives in oci/ too; security-report.*
	# records a boot of the build, not the build.
	find . -type f ! -name SHA256SUMS ! -name '*.tmp' ! -name 'security-report.*' -printf '%P\n' |
		LC_ALL=C sort | while read -r f; do sha256sum "$f"; done
) > "$images/SHA256SUMS.tmp"
mv "$images/SHA256SUMS.tmp" "$images/SHA256SUMS"
