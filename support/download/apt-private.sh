#!/bin/sh
# Debian's archive as a backup mirror, through a private apt state.
#
# usage: apt-private.sh source  PKG VERSION FILE OUTDIR
#        apt-private.sh binary  PKG VERSION ARCH OUTDIR
#        apt-private.sh debs    ARCH OUTDIR PKG[:ARCH]=VERSION...
#        apt-private.sh lists   (refresh the private package lists only)
#
# The state (lists, cache, sources list) lives under $KR_DL_DIR/.apt and
# is derived from the host's own apt configuration on every run, so the
# host's apt sources and package database are never touched.  Nothing is
# installed: `source` only downloads the named file of a source package,
# `binary` only downloads one .deb, `debs` many in one go (Go dependency
# sets have hundreds; a package of a foreign architecture is named
# PKG:ARCH, ARCH is only named in messages).
set -eu

prog=apt-private
die() { echo "$prog: $*" >&2; exit 1; }

: "${KR_DL_DIR:?KR_DL_DIR must name the download directory}"
state="$KR_DL_DIR/.apt"
# Suites searched, newest last: apt picks the version we pin, wherever it is.
suites="${KR_DEBIAN_SUITES:-bookworm bookworm-updates bookworm-backports trixie}"
# main, and non-free-firmware for the Raspberry Pi's boot firmware
# (pkg/raspi-firmware, whose licence menuconfig shows before it is used).
components="main non-free-firmware"
# The build machine's architecture, and the foreign ones whose .debs a
# package pins (the arm64 EFI stub, the Pi's firmware).
architectures="amd64 arm64"
keyring=/usr/share/keyrings/debian-archive-keyring.gpg

command -v apt-get >/dev/null 2>&1 ||
	die "apt-get not found: the Debian archive backend needs a Debian or Ubuntu host"
[ -r "$keyring" ] ||
	die "$keyring missing: install the debian-archive-keyring package"

# The archive URI the host already uses; deb822 first, then one-line lists.
host_uri() {
	for f in /etc/apt/sources.list.d/*.sources; do
		[ -r "$f" ] || continue
		awk '/^URIs:/ { for (i = 2; i <= NF; i++) if ($i ~ /\/debian\/?$/) { print $i; exit } }' "$f"
	done | head -n 1
	for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
		[ -r "$f" ] || continue
		awk '$1 == "deb" { for (i = 2; i <= NF; i++) if ($i ~ /^[a-z]+:\/\/.*\/debian\/?$/) { print $i; exit } }' "$f"
	done | head -n 1
}

uri="${KR_DEBIAN_MIRROR:-$(host_uri | head -n 1)}"
[ -n "$uri" ] || die "no Debian archive found in /etc/apt (set KR_DEBIAN_MIRROR to one)"

mkdir -p "$state/lists/partial" "$state/cache/archives/partial"
list="$state/sources.list"
: > "$list.tmp"
for s in $suites; do
	printf 'deb [signed-by=%s] %s %s %s\n' "$keyring" "$uri" "$s" "$components" >> "$list.tmp"
	printf 'deb-src [signed-by=%s] %s %s %s\n' "$keyring" "$uri" "$s" "$components" >> "$list.tmp"
done
mv "$list.tmp" "$list"

apt_opts() {
	printf '%s\n' \
		-o "Dir::Etc::SourceList=$list" \
		-o "Dir::Etc::SourceParts=$state/none" \
		-o "Dir::State::Lists=$state/lists" \
		-o "Dir::Cache=$state/cache" \
		-o "Dir::State::status=/dev/null" \
		-o "APT::Architecture=amd64" \
		$(for a in $architectures; do printf -- '-o\nAPT::Architectures::=%s\n' "$a"; done) \
		-o "Acquire::http::Timeout=15" \
		-o "Acquire::Retries=1" \
		-o "APT::Sandbox::User=root" \
		-o "Debug::NoLocking=1"
}

# apt's own lines (progress, "Failed to fetch" for a .dsc the fallback
# below does without) go to a log, shown only when the step fails.
# quietly CMD...: runs CMD so; the log stays in $apt_log until the next.
apt_log=$(mktemp) || die "cannot make a temporary file"
trap 'rm -f "$apt_log"' EXIT
quietly() {
	"$@" > "$apt_log" 2>&1 && return 0
	status=$?
	sed 's/^/  apt: /' "$apt_log" >&2
	return $status
}

# Refresh the lists at most once a day (they are only an index), and
# whenever the sources or architectures changed: the stamp holds them.
refresh() {
	stamp="$state/lists/.kitroot-updated"
	want=$(cat "$list"; echo "architectures: $architectures")
	if [ -z "$(find "$stamp" -mmin -1440 2>/dev/null)" ] || [ "$(cat "$stamp")" != "$want" ]; then
		# shellcheck disable=SC2046
		quietly apt-get -q $(apt_opts) update ||
			die "could not update the private apt lists from $uri"
		printf '%s\n' "$want" > "$stamp"
	fi
}

mode="${1:-}"
case "$mode" in
source)
	[ $# -eq 5 ] || die "usage: $0 source PKG VERSION FILE OUTDIR"
	pkg=$2 ver=$3 file=$4 out=$5
	refresh
	work=$(mktemp -d "$out/.apt-src.XXXXXX")
	trap 'rm -rf "$work" "$apt_log"' EXIT
	# --download-only fetches the .dsc and every file it lists; we keep
	# only the one asked for.  Missing .dsc on the mirror: fall back to
	# the file alone through the Sources index.
	(cd "$work" && apt-get -q $(apt_opts) source --download-only \
		"$pkg=$ver" > "$apt_log" 2>&1) || true
	if [ ! -f "$work/$file" ]; then
		dir=$(apt-get $(apt_opts) source --print-uris "$pkg=$ver" 2>/dev/null |
			awk -v f="$file" '$2 == f { gsub("\x27", "", $1); print $1 }')
		[ -n "$dir" ] || { sed 's/^/  apt: /' "$apt_log" >&2
			die "$pkg $ver: $file is not in the Debian archive at $uri"; }
		curl -fsSL --connect-timeout 10 -o "$work/$file" "$dir" ||
			die "$pkg $ver: download of $file from the Debian archive failed"
	fi
	mv "$work/$file" "$out/$file"
	;;
binary)
	[ $# -eq 5 ] || die "usage: $0 binary PKG VERSION ARCH OUTDIR"
	pkg=$2 ver=$3 arch=$4 out=$5
	refresh
	work=$(mktemp -d "$out/.apt-bin.XXXXXX")
	trap 'rm -rf "$work" "$apt_log"' EXIT
	(cd "$work" && quietly apt-get -q $(apt_opts) download "$pkg:$arch=$ver") ||
		die "$pkg $ver ($arch): not downloadable from the Debian archive at $uri"
	mv "$work"/*.deb "$out/"
	;;
lists)
	refresh
	;;
debs)
	[ $# -ge 4 ] || die "usage: $0 debs ARCH OUTDIR PKG=VERSION..."
	arch=$2 out=$3
	shift 3
	refresh
	work=$(mktemp -d "$out/.apt-debs.XXXXXX")
	trap 'rm -rf "$work" "$apt_log"' EXIT
	(cd "$work" && quietly apt-get -q $(apt_opts) download "$@") ||
		die "$# packages ($arch): not all downloadable from the Debian archive at $uri"
	mv "$work"/*.deb "$out/"
	;;
*)
	die "usage: $0 source|binary|debs|lists ..."
	;;
esac
