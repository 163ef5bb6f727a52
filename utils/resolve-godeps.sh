#!/bin/sh
# Resolve the Go dependency set of a Debian source package, for a Go
# package's NAME.godeps and NAME.hash (maintainers run this when they
# move runc or containerd to another Debian version).
#
# usage: resolve-godeps.sh SOURCE=VERSION OUTDIR
#
# Takes the golang-* build dependencies of the source package, lets
# apt's solver pick the set it would install on an empty system (so one
# of two alternatives, never both), downloads those golang-*-dev
# packages into OUTDIR and writes OUTDIR/godeps (PACKAGE VERSION ARCH
# lines) and OUTDIR/hashes (sha256 lines).  Nothing is installed.
set -eu

die() { echo "resolve-godeps: $*" >&2; exit 1; }
[ $# -eq 2 ] || die "usage: resolve-godeps.sh SOURCE=VERSION OUTDIR"
src=${1%%=*} ver=${1#*=} out=$2
here=$(cd "$(dirname "$0")" && pwd)
: "${KR_DL_DIR:=$HOME/.cache/kitroot/dl}"
export KR_DL_DIR
state="$KR_DL_DIR/.apt"
mkdir -p "$out"
sh "$here/../support/download/apt-private.sh" lists
opts="-o Dir::Etc::SourceList=$state/sources.list -o Dir::Etc::SourceParts=$state/none
 -o Dir::State::Lists=$state/lists -o Dir::Cache=$state/cache -o Dir::State::status=/dev/null
 -o APT::Architecture=amd64"
# shellcheck disable=SC2086
deps=$(apt-cache $opts showsrc "$src" | awk -v v="$ver" '
	/^Package:/ { p = 0 } /^Version:/ { p = ($2 == v) }
	p && /^Build-Depends:/ { f = 1; sub(/^Build-Depends:/, "") }
	p && f && /^[A-Z]/ && !/^Build-Depends:/ { f = 0 }
	p && f { print }' | tr ',' '\n' | sed 's/(.*)//; s/\[.*\]//; s/ //g' |
	grep '^golang-' | grep -v '^golang-any$' | sort -u)
[ -n "$deps" ] || die "$src $ver: no golang-* build dependencies found (is the version right?)"
# shellcheck disable=SC2086
apt-get $opts -s install --no-install-recommends $deps |
	sed -n 's/^Inst \([^ ]*\) (\([^ ]*\) .*\[\([a-z0-9]*\)\]).*/\1 \2 \3/p' |
	grep '^golang-[^ ]*-dev ' | sort > "$out/godeps"
echo "$(wc -l < "$out/godeps") packages; downloading" >&2
# shellcheck disable=SC2046
sh "$here/../support/download/apt-private.sh" debs amd64 "$out" $(awk '{ print $1 "=" $2 }' "$out/godeps")
(cd "$out" && for f in *.deb; do printf 'sha256  %s  %s\n' "$(sha256sum "$f" | cut -d' ' -f1)" "$f"; done) > "$out/hashes"
echo "wrote $out/godeps and $out/hashes" >&2
