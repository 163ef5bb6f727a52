#!/bin/sh
# The output directory (O) is the only place a build writes to and the
# only place clean and distclean delete from.  A directory becomes
# kitroot's when the build creates it (or finds it empty) and writes
# the marker file into it; nothing is ever deleted from a directory
# without that marker, nor from the checkout or a directory above it.
#
#   output-dir.sh claim TOPDIR O        before a build writes into O
#   output-dir.sh clean TOPDIR O PATH...  delete these paths inside O
#   output-dir.sh distclean TOPDIR O    delete O (or, for a symlinked
#                                       O, everything in it)
set -u

marker_name=.kitroot-output

die() { printf 'kitroot: %s\n' "$*" >&2; exit 1; }

[ $# -ge 3 ] || die "usage: output-dir.sh claim|clean|distclean TOPDIR O [PATH...]"
action=$1 top=$2 out=$3
shift 3

case $out in
/*) ;;
*) die "O=$out: not an absolute path (the Makefile passes one)" ;;
esac

# $1 holds $2, or is it: deleting $1 would delete $2.
holds() {
	case $2/ in
	"${1%/}"/*) return 0 ;;
	esac
	return 1
}

# The directory O names, symlinks followed (it need not exist yet).
real=$(realpath -m -- "$out") || die "O=$out: cannot resolve the path"
top_real=$(realpath -- "$top") || die "$top: cannot resolve the checkout's path"
home_real=$(realpath -m -- "${HOME:-/}")

if [ "$real" = / ] || holds "$real" "$top_real"; then
	die "O=$out is $( [ "$real" = "$top_real" ] && echo "the checkout itself" ||
		echo "a directory that holds the checkout ($top_real)"): the build would write
  into the source tree, and clean/distclean would delete it.  Name a
  directory of its own, e.g. O=$top_real/output or O=\$HOME/kitroot-out."
fi
if [ "$real" = "$home_real" ]; then
	die "O=$out is your home directory: name a directory of its own inside
  it, e.g. O=$home_real/kitroot-out."
fi

marker=$real/$marker_name
wrapper_header="# Written by kitroot: make here is make -C $top_real O=$out"

# O/Makefile, so that `cd O && make ...` works; rewritten only while it
# is kitroot's own (a user's file there is left alone).
write_wrapper() {
	w=$real/Makefile
	if [ -e "$w" ]; then
		first=$(head -n 1 -- "$w")
		[ "$first" = "$wrapper_header" ] && return 0
		case $first in
		"# Written by kitroot:"*) ;;
		*) return 0 ;;
		esac
	fi
	{
		echo "$wrapper_header"
		echo "# (kept up to date by the build while this line stays; MAKELEVEL is"
		echo "# unset so that kitroot picks its parallelism as if run directly)."
		echo "MAKEFLAGS += --no-print-directory"
		echo "kr_goals := \$(filter-out Makefile,\$(MAKECMDGOALS))"
		echo ".PHONY: kr-wrapped \$(kr_goals)"
		echo "kr-wrapped:"
		echo "	@unset MAKELEVEL; \$(MAKE) -C $top_real O=$out \$(kr_goals)"
		echo "Makefile: ;"
		echo "\$(kr_goals): kr-wrapped"
		echo "	@:"
	} > "$w.tmp" && mv -f "$w.tmp" "$w" || die "O=$out: cannot write $w"
}

case $action in
claim)
	if [ -f "$marker" ]; then
		write_wrapper
		exit 0
	fi
	if [ -e "$real" ] && [ ! -d "$real" ]; then
		die "O=$out exists and is not a directory: name a new or empty directory."
	fi
	if [ -d "$real" ]; then
		# A directory kitroot made before the marker existed is taken as
		# its own; so is one that holds only a .config put there to
		# build from (Buildroot allows the same).
		if [ ! -e "$real/build/.kitroot-arch" ] && [ ! -e "$real/.kr-external.in" ]; then
			# (names only shown, never used as paths)
			# shellcheck disable=SC2010
			other=$(ls -A -- "$real" | grep -vx -e .config -e .kr-external.mk | head -n 3 | tr '\n' ' ')
			if [ -n "$other" ]; then
				die "O=$out already holds files that are not a kitroot build
  (for example: ${other% }), and it has no $marker_name file.  The
  build writes into O and make clean/distclean delete from it, so it
  needs a new or empty directory: name another O."
			fi
		fi
	fi
	mkdir -p -- "$real" || die "O=$out: cannot create the directory"
	printf 'This directory is a kitroot build output: make clean and make distclean\nmay delete everything in it.\n' \
		> "$marker" || die "O=$out: cannot write $marker"
	write_wrapper
	;;
clean|distclean)
	if [ ! -e "$real" ]; then
		echo "O=$out does not exist: nothing to $action"
		exit 0
	fi
	[ -f "$marker" ] || die "O=$out has no $marker_name file, so kitroot did not
  create it (or it predates the marker): $action deletes nothing there.
  Delete it yourself if it is a build output you no longer want."
	if [ "$action" = clean ]; then
		for p in "$@"; do
			p_real=$(realpath -m -- "$p") || die "$p: cannot resolve the path"
			holds "$real" "$p_real" && [ "$p_real" != "$real" ] ||
				die "clean: $p is not inside O=$out (refused)"
			rm -rf -- "$p_real" || die "clean: could not delete $p_real"
		done
	elif [ -L "$out" ]; then
		# The link is the user's; the directory it names is the build's.
		find "$real" -mindepth 1 -maxdepth 1 ! -name "$marker_name" -exec rm -rf -- {} + ||
			die "distclean: could not empty $real"
		echo "emptied $real (O=$out is a symlink to it; both are kept)"
	else
		rm -rf -- "$real" || die "distclean: could not delete $real"
	fi
	;;
*)
	die "output-dir.sh: unknown action '$action'"
	;;
esac
