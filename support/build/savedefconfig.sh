#!/bin/sh
# savedefconfig.sh CONFIG OUT SOURCE CMD: writes the minimal defconfig
# of CONFIG to OUT, led by the description comment of OUT (when it
# exists) or of SOURCE, the defconfig O was configured from.  CMD is
# the kconfig command, with %s where the output file goes.
set -u
die() { printf 'kitroot: %s\n' "$*" >&2; exit 1; }
[ $# -eq 4 ] || die "usage: savedefconfig.sh CONFIG OUT SOURCE CMD"
config=$1 out=$2 source=$3 cmd=$4

[ -f "$config" ] || die "$config: no such file: there is no configuration to save;
  make one first (make NAME_defconfig or make menuconfig)"
sh "$(dirname -- "$0")/config-last-wins.sh" "$config" || exit 1
out_dir=$(dirname -- "$out")
[ -d "$out_dir" ] || die "$out: its directory does not exist"

# A defconfig's description: its leading comment lines, up to the first
# setting ("# KR_X is not set" is a setting, not a comment).
description() {
	awk '/^# [A-Za-z0-9_]+ is not set$/ || !/^#/ { exit } { print }' "$1"
}

tmp=$(mktemp "$out_dir/.savedefconfig.XXXXXX") || die "$out_dir: cannot write there"
trap 'rm -f "$tmp" "$tmp.body"' EXIT
if [ -f "$out" ]; then
	description "$out" > "$tmp"
elif [ -n "$source" ] && [ -f "$source" ]; then
	description "$source" > "$tmp"
fi
# shellcheck disable=SC2059
sh -c "$(printf "$cmd" "$tmp.body")" || die "kconfig could not write the defconfig"
cat "$tmp.body" >> "$tmp" && chmod 644 "$tmp" && mv -f "$tmp" "$out" || die "$out: could not write it"
if [ -s "$out" ] && head -n 1 "$out" | grep -q '^# ' && ! head -n 1 "$out" | grep -q ' is not set$'; then
	echo "wrote $out"
else
	echo "wrote $out (it has no description: add a comment line at its top, which make list-defconfigs shows)"
fi
