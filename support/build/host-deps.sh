#!/bin/sh
# usage: host-deps.sh [ARCH] [reproducibility|test]
#
# Checks that the build machine has every tool kitroot needs for ARCH
# (with "reproducibility", the tools make reproducibility-check uses;
# with "test", those and what make test needs besides).
# On Debian or Ubuntu, as root, it installs what is missing with apt-get;
# elsewhere it lists what is missing and the Debian package names.
# Fast when all is there: one `command -v` or file test per need.
set -eu

top=$(cd "$(dirname "$0")/../.." && pwd)
. "$top/support/lib/arch.sh"
arch=${1:-x86_64}
triplet=$(arch_fact "$top" "$arch" KR_GNU_TRIPLET)
qemu=$(arch_fact "$top" "$arch" KR_QEMU_SYSTEM)
qemu_pkg=$(arch_fact "$top" "$arch" KR_QEMU_PACKAGE)

# need KIND WHAT PACKAGE: KIND is cmd (a program on PATH) or file.
missing_pkgs=
missing_what=
need() {
	case "$1" in
	cmd) command -v "$2" >/dev/null 2>&1 && return 0 ;;
	file) [ -e "$2" ] && return 0 ;;
	esac
	missing_what="$missing_what $2"
	case " $missing_pkgs " in *" $3 "*) ;; *) missing_pkgs="$missing_pkgs $3" ;; esac
}

need cmd make make
need cmd gcc gcc
need cmd "$triplet-gcc" "gcc-$(echo "$triplet" | tr _ -)"
need cmd "$triplet-ld" "binutils-$(echo "$triplet" | tr _ -)"
need cmd flex flex
need cmd bison bison
need cmd bc bc
need cmd perl perl
need cmd patch patch
need cmd rsync rsync
need cmd curl curl
need cmd xz xz-utils
need cmd bzip2 bzip2
need cmd gzip gzip
need cmd zstd zstd
need cmd cpio cpio
need cmd ccache ccache
need cmd pkg-config pkg-config
need cmd dpkg-deb dpkg
need cmd gperf gperf
# The package descriptions, SBOMs and cve-check (support/sbom/).
need cmd jq jq
need cmd apt-get apt
need file /usr/share/keyrings/debian-archive-keyring.gpg debian-archive-keyring
need file /usr/include/ncurses.h libncurses-dev
need file /usr/include/libelf.h libelf-dev
need file /usr/include/openssl/ssl.h libssl-dev
need cmd "$qemu" "$qemu_pkg"
# ISO images: the UEFI images' hybrid ISO, IBM Z's IPL-able one.
need cmd xorriso xorriso
# UEFI images (support/image/), where the arch has them: the UKI is
# assembled with objcopy and signed with sbsign (the signing time pinned
# with faketime); FAT, GPT, ISO and qcow2 made without root.
if [ -n "$(arch_fact "$top" "$arch" KR_ARCH_EFI_BOOT_FILE 2>/dev/null || true)" ]; then
	need cmd objcopy binutils
	need cmd sbsign sbsigntool
	need cmd faketime faketime
	need cmd openssl openssl
	need cmd mkfs.vfat dosfstools
	need cmd mcopy mtools
	need cmd sfdisk fdisk
	need cmd qemu-img qemu-utils
	need file "$(arch_fact "$top" "$arch" KR_ARCH_EFI_FIRMWARE_CODE)" "$(arch_fact "$top" "$arch" KR_ARCH_EFI_FIRMWARE_PACKAGE)"
	# virt-fw-vars (pkg/virt-firmware) runs with Debian's Python
	need file /usr/bin/python3 python3
	need file /usr/lib/python3/dist-packages/cryptography/__init__.py python3-cryptography
	need file /usr/lib/python3/dist-packages/pkg_resources/__init__.py python3-pkg-resources
fi
# The kernel's GCC plugins (STACKLEAK) build against the compiler's
# plugin headers, named by its major version.  A cross compiler not
# installed yet is taken to be of the host compiler's version (Debian's
# gcc-defaults gives both the same), so both go in one apt-get run; the
# check after installing corrects a wrong guess.
plugin_pkg_for() {
	if [ "$triplet" = "$(gcc -dumpmachine 2>/dev/null)" ]; then echo "gcc-$1-plugin-dev"
	else echo "gcc-$1-plugin-dev-$(echo "$triplet" | tr _ -)"; fi
}
if command -v "$triplet-gcc" >/dev/null 2>&1; then
	gcc_major=$("$triplet-gcc" -dumpversion | cut -d. -f1)
	need file "$("$triplet-gcc" -print-file-name=plugin)/include/gcc-plugin.h" "$(plugin_pkg_for "$gcc_major")"
elif command -v gcc >/dev/null 2>&1; then
	gcc_major=$(gcc -dumpversion | cut -d. -f1)
	need file "$triplet-gcc's plugin headers" "$(plugin_pkg_for "$gcc_major")"
fi
# make reproducibility-check needs these; make test runs it, and checks
# the security report's JSON with python3.
case ${2:-} in
reproducibility | test)
	need cmd faketime faketime
	need cmd disorderfs disorderfs
	need cmd fusermount fuse3
	need cmd unshare util-linux
	need cmd taskset util-linux
	;;
esac
[ "${2:-}" != test ] || need cmd python3 python3
[ "${2:-}" != test ] || need cmd skopeo skopeo
[ "${2:-}" != test ] || need cmd umoci umoci
[ "${2:-}" != test ] || need cmd ssh openssh-client
[ "${2:-}" != test ] || need cmd ssh-keygen openssh-client
# The SBOM validators (test/sbom/: CycloneDX's library, from npm).
[ "${2:-}" != test ] || need cmd node nodejs
[ "${2:-}" != test ] || need cmd npm npm

# The native x86_64 triplet names come with gcc and binutils themselves.
[ "$triplet" = "$(gcc -dumpmachine 2>/dev/null)" ] &&
	missing_pkgs=$(echo "$missing_pkgs" | sed 's/ gcc-x86-64-linux-gnu//; s/ binutils-x86-64-linux-gnu/ binutils/')

[ -z "$missing_pkgs" ] && exit 0

echo "host-deps: missing:$missing_what" >&2
if [ -r /etc/debian_version ] && command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
	echo "host-deps: installing:$missing_pkgs" >&2
	export DEBIAN_FRONTEND=noninteractive
	# A stale package list is the usual reason an install fails.
	# shellcheck disable=SC2086
	apt-get install -y -q --no-install-recommends $missing_pkgs >&2 || {
		apt-get update -q >&2 &&
		apt-get install -y -q --no-install-recommends $missing_pkgs >&2; } || {
		echo "host-deps: apt-get could not install:$missing_pkgs" >&2; exit 1; }
	# Once more: what only an installed package tells (the plugin
	# package of a cross compiler of another version) is installed now.
	[ -n "${KR_HOST_DEPS_AGAIN:-}" ] && exit 0
	KR_HOST_DEPS_AGAIN=1 exec sh "$0" "$@"
fi
echo "host-deps: install these packages (Debian/Ubuntu names), then run make again:" >&2
echo "   $missing_pkgs" >&2
exit 1
