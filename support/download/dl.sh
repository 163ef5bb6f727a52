#!/bin/sh
# Fetch one source file into the shared download cache, verified.
#
# usage: dl.sh OUT HASHFILE [URL...] [debian:PKG=VERSION[/FILE]]
#
# Sites are tried in order: the cache (OUT itself), the primary mirror
# ($KR_PRIMARY_SITE, file:// or http(s)://), each upstream URL, then
# Debian's archive through support/download/apt-private.sh.  Each try downloads to
# a temporary file beside OUT and is renamed into place only after its
# sha256 matched HASHFILE, so an interrupted or corrupt download never
# leaves a file that looks complete.  A mismatching file is discarded.
set -eu

die() { echo "dl: $*" >&2; exit 1; }
[ $# -ge 2 ] || die "usage: dl.sh OUT HASHFILE [URL...] [debian:PKG=VERSION[/FILE]]"
out=$1 hashfile=$2
shift 2
name=$(basename "$out")
dir=$(dirname "$out")
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$dir"

verify() { KR_HASH_NAME=$name sh "$here/check-hash.sh" "$hashfile" "$1"; }

if [ -f "$out" ]; then
	rc=0
	verify "$out" || rc=$?
	[ $rc -eq 0 ] && exit 0
	[ $rc -eq 2 ] && exit 1
	echo "dl: $out: cached copy is corrupt, discarded" >&2
	rm -f "$out"
fi

tmp="$out.part.$$"
trap 'rm -f "$tmp"' EXIT INT TERM

# curl fails fast on a dead site: short connect timeout, abort a stall.
fetch_url() {
	curl -fsSL --connect-timeout "${KR_DL_CONNECT_TIMEOUT:-5}" \
		--speed-limit 1024 --speed-time 30 -o "$tmp" "$1"
}

fetch_debian() {
	spec=${1#debian:}
	pkg=${spec%%=*}
	rest=${spec#*=}
	ver=${rest%%/*}
	file=$name
	[ "$rest" != "$ver" ] && file=${rest#*/}
	tdir=$(mktemp -d "$dir/.deb.XXXXXX")
	if sh "$here/apt-private.sh" source "$pkg" "$ver" "$file" "$tdir"; then
		mv "$tdir/$file" "$tmp"
		rmdir "$tdir"
		return 0
	fi
	rm -rf "$tdir"
	return 1
}

sites=""
[ -n "${KR_PRIMARY_SITE:-}" ] && sites="${KR_PRIMARY_SITE%/}/$name"
tried=""
for site in $sites "$@"; do
	case "$site" in
	debian:*)
		[ "${KR_NO_DEBIAN_MIRROR:-}" = 1 ] && continue
		echo ">>> $name: trying Debian's archive (${site#debian:})" >&2
		fetch_debian "$site" || { tried="$tried $site"; continue; }
		;;
	*)
		echo ">>> $name: trying $site" >&2
		fetch_url "$site" || { tried="$tried $site"; rm -f "$tmp"; continue; }
		;;
	esac
	rc=0
	verify "$tmp" || rc=$?
	if [ $rc -eq 0 ]; then
		mv "$tmp" "$out"
		exit 0
	fi
	[ $rc -eq 2 ] && exit 1
	echo "dl: $name from $site discarded" >&2
	rm -f "$tmp"
	tried="$tried $site"
done
die "$name: no site gave a verified copy (tried:$tried)"
