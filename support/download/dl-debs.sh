#!/bin/sh
# Fetch a pinned set of Debian binary packages into the download cache,
# each verified against a hash file.
#
# usage: dl-debs.sh DIR HASHFILE LIST
#
# LIST has one "PACKAGE VERSION ARCH" line per .deb (# comments allowed);
# HASHFILE has "sha256  HASH  FILE.deb" for each.  Files already in DIR
# that verify are kept; the rest are fetched from Debian's archive in one
# apt call, verified one by one and renamed into place, so DIR never
# holds a file that did not match.  A mismatch is discarded and fails.
set -eu

die() { echo "dl-debs: $*" >&2; exit 1; }
[ $# -eq 3 ] || die "usage: dl-debs.sh DIR HASHFILE LIST"
dir=$1 hashfile=$2 list=$3
here=$(cd "$(dirname "$0")" && pwd)
[ -r "$list" ] || die "$list: cannot read the package list"
mkdir -p "$dir"

# apt names a file PKG_VERSION_ARCH.deb with the epoch's colon as %3a.
deb_name() { printf '%s_%s_%s.deb\n' "$1" "$(printf '%s' "$2" | sed 's/:/%3a/')" "$3"; }
verify() { KR_HASH_NAME=$1 sh "$here/check-hash.sh" "$hashfile" "$2"; }

missing="" n=0 line=0
while read -r pkg ver arch rest; do
	line=$((line + 1))
	case "$pkg" in ''|'#'*) continue ;; esac
	[ -n "$arch" ] && [ -z "$rest" ] || die "$list:$line: expected PACKAGE VERSION ARCH"
	n=$((n + 1))
	f=$(deb_name "$pkg" "$ver" "$arch")
	if [ -f "$dir/$f" ]; then
		rc=0
		verify "$f" "$dir/$f" || rc=$?
		[ $rc -eq 0 ] && continue
		[ $rc -eq 2 ] && exit 1
		echo "dl-debs: $dir/$f: cached copy is corrupt, discarded" >&2
		rm -f "$dir/$f"
	fi
	# (apt takes the build machine's architecture, or "all", unless told)
	case $arch in amd64 | all) missing="$missing $pkg=$ver" ;; *) missing="$missing $pkg:$arch=$ver" ;; esac
done < "$list"

[ -z "$missing" ] && exit 0
[ "${KR_NO_DEBIAN_MIRROR:-}" = 1 ] &&
	die "$(echo $missing | wc -w) of $n packages of $list are not in $dir and the Debian archive is off (KR_NO_DEBIAN_MIRROR=1)"
echo ">>> $(basename "$list"): fetching $(echo $missing | wc -w) of $n packages from Debian's archive" >&2
tmp=$(mktemp -d "$dir/.fetch.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
# shellcheck disable=SC2086
sh "$here/apt-private.sh" debs amd64 "$tmp" $missing
bad=0
for f in "$tmp"/*.deb; do
	name=$(basename "$f")
	if verify "$name" "$f"; then
		mv "$f" "$dir/$name"
	else
		echo "dl-debs: $name discarded" >&2
		bad=$((bad + 1))
	fi
done
[ $bad -eq 0 ] || die "$bad packages of $list did not verify (see above); nothing of them was kept"
