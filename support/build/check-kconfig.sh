#!/bin/sh
# usage: check-kconfig.sh DOTCONFIG FRAGMENT...
#
# Before the kernel is built (after olddefconfig, and after any edit of
# its .config), every symbol the fragments set must
# still have the value they asked for (the last fragment naming a symbol
# wins, as in the merge).  Kconfig silently drops a symbol whose
# dependencies are not met; this makes that an error listing each one.
set -eu
config=$1
shift
awk '
	function want(sym, val) { wanted[sym] = val; where[sym] = FILENAME ":" FNR
		if (!(sym in seen)) { order[++n] = sym; seen[sym] = 1 } }
	FILENAME != cfg && /^CONFIG_[A-Za-z0-9_]+=/ {
		i = index($0, "="); want(substr($0, 1, i - 1), substr($0, i + 1)); next }
	FILENAME != cfg && /^# CONFIG_[A-Za-z0-9_]+ is not set/ { want($2, "n"); next }
	FILENAME == cfg && /^CONFIG_/ { i = index($0, "="); have[substr($0, 1, i - 1)] = substr($0, i + 1) }
	END {
		for (k = 1; k <= n; k++) {
			s = order[k]; got = (s in have) ? have[s] : "n"
			if (got != wanted[s]) {
				if (!bad++) print "linux: the kernel configuration lacks what the fragments ask for (Kconfig dropped it for unmet dependencies, or it was changed by hand, e.g. in linux-menuconfig):" > "/dev/stderr"
				printf "  %s=%s (%s) ended up %s\n", s, wanted[s], where[s], (s in have) ? got : "not set" > "/dev/stderr"
			}
		}
		if (bad) {
			print "Fix the fragment (add what the symbol depends on), or make the change in a fragment rather than by hand; then make linux-reconfigure." > "/dev/stderr"
			exit 1
		}
	}' cfg="$config" "$@" "$config"
