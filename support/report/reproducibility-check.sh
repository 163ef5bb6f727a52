#!/bin/sh
# usage: reproducibility-check.sh TOPDIR CONFIG [REFERENCE_O]
#
# Builds CONFIG twice from scratch and compares the two images/ trees
# byte for byte (docs/reproducibility.md).  Build A runs as the caller
# runs make.  Build B differs in everything a build must not depend on:
#   - a copy of the tree at another path, and another, deeper O
#   - the wall clock 397 days ahead (faketime)
#   - time zone, locale, umask, user and host name (uts namespace)
#   - -j3 on one CPU (A: -j2 on every CPU)
#   - directory entries listed in random order (disorderfs on the tree
#     copy and on O)
# REFERENCE_O, an output directory already built from scratch with the
# same configuration, stands in for build A.  KR_EXTERNAL in the
# environment names the configuration's external trees.
# KR_REPRO_DIR picks the work directory (default: a new one in /tmp);
# it is removed when the builds match, and kept for a look otherwise.
set -eu
# The builds are make's children only by accident: none of its flags.
unset MAKEFLAGS MFLAGS MAKELEVEL MAKEOVERRIDES

top=$(cd "$1" && pwd) config=$2 reference=${3:-}
[ -f "$config" ] || { echo "reproducibility-check: no configuration at $config (run make <name>_defconfig first)" >&2; exit 1; }
work=${KR_REPRO_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/kitroot-repro.XXXXXX")}
mkdir -p "$work"
work=$(cd "$work" && pwd)
mounts=

say() { echo "reproducibility-check: $*"; }
unmount_all() {
	for m in $mounts; do fusermount -u "$m" 2>/dev/null || umount "$m" 2>/dev/null || true; done
	mounts=
}
trap unmount_all EXIT
trap 'exit 130' INT TERM

# build NAME O LOG [PREFIX...]: configure O from CONFIG, build it.
build() {
	name=$1 o=$2 log=$3 tree=$4
	shift 4
	mkdir -p "$o"
	cp "$config" "$o/.config"
	t0=$(date +%s)
	say "build $name in $o (log: $log)"
	if ! "$@" sh -c 'make -C "$1" O="$2" olddefconfig && make -C "$1" O="$2" $3' \
		build "$tree" "$o" "$jobs" > "$log" 2>&1; then
		tail -n 30 "$log" >&2
		say "build $name failed: see $log" >&2
		exit 1
	fi
	say "build $name took $(( $(date +%s) - t0 )) s"
}

. "$top/support/lib/cache-trust.sh"
say "$(cache_trust)"

# Build A: the caller's environment.
if [ -n "$reference" ]; then
	images_a=$(cd "$reference" && pwd)/images
	[ -f "$images_a/SHA256SUMS" ] || { echo "reproducibility-check: $reference holds no finished build" >&2; exit 1; }
	say "build A: the existing build in $reference"
else
	jobs=-j2
	build A "$work/a/output" "$work/build-a.log" "$top"
	images_a=$work/a/output/images
fi

# Build B: a copy of the tree (with its git metadata, so it names the
# same commit) somewhere else.
tree_b=$work/b/elsewhere/kitroot-copy
o_b=$work/b/another/place/for/output
mkdir -p "$tree_b.real" "$o_b.real" "$tree_b" "$o_b"
# (.git is a file in a git worktree: copied as it is, it still points
# at the same repository.)
if [ -e "$top/.git" ]; then
	git -C "$top" ls-files --cached --others --exclude-standard |
		while read -r f; do [ -e "$top/$f" ] && echo "$f"; done > "$work/files"
	echo .git >> "$work/files"
	tar -C "$top" -cf - -T "$work/files" | tar -C "$tree_b.real" -xf -
else
	tar -C "$top" --exclude=./output -cf - . | tar -C "$tree_b.real" -xf -
fi

varied="build path, O path, date (+397 days), time zone, locale, umask, user name, host name, -j level and CPU count"
disorder=
if command -v disorderfs >/dev/null 2>&1 &&
	disorderfs --shuffle-dirents=yes "$tree_b.real" "$tree_b" > "$work/disorderfs.log" 2>&1; then
	mounts="$tree_b"
	if disorderfs --shuffle-dirents=yes "$o_b.real" "$o_b" >> "$work/disorderfs.log" 2>&1; then
		mounts="$mounts $o_b"
		disorder=y
		varied="$varied, directory order"
	fi
fi
if [ -z "$disorder" ]; then
	unmount_all
	rmdir "$tree_b" "$o_b"
	mv "$tree_b.real" "$tree_b"
	mv "$o_b.real" "$o_b"
	say "WARNING: directory order NOT varied: disorderfs (FUSE) is not usable here" >&2
	sed 's/^/    /' "$work/disorderfs.log" >&2
fi

# External trees (KR_EXTERNAL, given by make): build B takes each from
# another path too: a tree inside kitroot's from the copy, any other
# from a copy of its own.
ext_b=
i=0
for d in $(echo "${KR_EXTERNAL:-}" | tr ':' ' '); do
	i=$((i + 1))
	case $d in
	"$top"/*) e=$tree_b/${d#"$top"/} ;;
	*)
		e=$work/b/external-$i/$(basename "$d")
		mkdir -p "$e"
		tar -C "$d" -cf - . | tar -C "$e" -xf -
		;;
	esac
	ext_b=${ext_b:+$ext_b:}$e
done
[ -z "${KR_EXTERNAL:-}" ] || varied="$varied, external trees' paths"

set --
command -v faketime >/dev/null 2>&1 &&
	set -- env FAKETIME_DONT_FAKE_MONOTONIC=1 faketime -f +397d ||
	{ say "WARNING: date NOT varied: faketime is not installed" >&2; varied=$(echo "$varied" | sed 's/date (+397 days), //'); }
jobs=-j3
build B "$o_b" "$work/build-b.log" "$tree_b" \
	env KR_EXTERNAL="$ext_b" TZ=Pacific/Chatham LANG=fr_FR.UTF-8 LC_ALL=C.UTF-8 USER=rebuilder LOGNAME=rebuilder \
	taskset -c 0 unshare --uts sh -c 'umask 0077 && hostname rebuilder-b.invalid && exec "$@"' sh "$@"
images_b=$o_b/images
# Where build B's time went (it is the slow one: one CPU, FUSE).
if [ -s "$o_b/build-time.log" ]; then
	say "build B's slowest steps:"
	awk '{ printf "  %7.1f s  %s %s\n", $3 / 1000, $1, $2 }' "$o_b/build-time.log" | sort -rn | head -n 10
fi

say "varied: $varied"
# A security report is an observation of one boot, not a build output.
(cd "$images_a" && find . -type f ! -name 'security-report.*' | LC_ALL=C sort) > "$work/list-a"
(cd "$images_b" && find . -type f ! -name 'security-report.*' | LC_ALL=C sort) > "$work/list-b"
status=0
if ! cmp -s "$work/list-a" "$work/list-b"; then
	say "the two builds made different files:"
	diff "$work/list-a" "$work/list-b" | sed -n 's/^</  only in A:/p; s/^>/  only in B:/p'
	status=1
fi
same=0
differ=
for f in $(cat "$work/list-a"); do
	[ -f "$images_b/$f" ] || continue
	if cmp -s "$images_a/$f" "$images_b/$f"; then
		same=$((same + 1))
	else
		differ="$differ ${f#./}"
	fi
done
if [ -n "$differ" ]; then
	status=1
	say "these files differ:$differ"
	for f in $differ; do
		if command -v diffoscope >/dev/null 2>&1; then
			diffoscope --text "$work/diffoscope-$f.txt" "$images_a/$f" "$images_b/$f" > /dev/null 2>&1 || true
			say "diffoscope $f: $work/diffoscope-$f.txt"
			head -n 40 "$work/diffoscope-$f.txt" | sed 's/^/    /'
		else
			cmp "$images_a/$f" "$images_b/$f" | sed 's/^/    /' || true
		fi
	done
	command -v diffoscope >/dev/null 2>&1 || say "(apt-get install diffoscope shows what differs inside)"
fi
if [ "$status" = 0 ]; then
	say "OK: $same files bit-identical:"
	sed 's|^\./|  |' "$work/list-a"
	unmount_all
	[ -n "${KR_REPRO_DIR:-}" ] || rm -rf "$work"
else
	say "FAILED: the outputs are not reproducible; builds kept in $work"
fi
exit "$status"
