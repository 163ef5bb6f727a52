#!/bin/sh
# usage: source-date-epoch.sh TOPDIR
#
# Prints the time every output of this kitroot tree carries: the date of
# the commit being built.  A tree exported by `git archive` has no .git;
# it has that date written into support/build/commit-date (export-subst in
# .gitattributes).  Fails, saying how to fix it, when neither is there.
set -eu

top=$1
. "$(dirname "$0")/../lib/git-tree.sh"
if own_checkout "$top"; then
	git -C "$top" log -1 --format=%ct
	exit 0
fi
date=$(cat "$top/support/build/commit-date" 2>/dev/null || true)
case "$date" in
'' | *[!0-9]*)
	echo "kitroot: cannot tell this tree's commit date (no git checkout, and" >&2
	echo "  support/build/commit-date holds '$date')." >&2
	echo "  Set one: make SOURCE_DATE_EPOCH=<seconds since 1970>, or" >&2
	echo "  KR_SOURCE_DATE_EPOCH in menuconfig (Build options)." >&2
	exit 1 ;;
esac
echo "$date"
