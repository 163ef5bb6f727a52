#!/bin/sh
# usage: check-hardening.sh DOTCONFIG ARCH KSPP DEVIATIONS [STATUS_FILE]
#
# Checks a kernel .config against the KSPP recommendations (KSPP, lines
# "ARCHES CONFIG_X=VALUE [if CONFIG_Y=VALUE]") that apply to ARCH; one
# with a condition applies only when the .config meets the condition.  Each must be met, or be
# listed in DEVIATIONS ("ARCHES CONFIG_X reason") with a reason; a
# deviation that is in fact met is an error too, so the list stays true.
# STATUS_FILE gets one line per recommendation (met / deviated, wanted,
# actual, reason), which make security-report reads.
set -eu
config=$1 arch=$2 kspp=$3 deviations=$4 status=${5:-/dev/null}

awk -v arch="$arch" -v kspp="$kspp" -v dev="$deviations" -v status="$status" '
	function applies(list,   a, i, n) {
		n = split(list, a, ",")
		for (i = 1; i <= n; i++) if (a[i] == "all" || a[i] == arch) return 1
		return 0
	}
	FILENAME == kspp && /^[ \t]*(#|$)/ { next }
	FILENAME == kspp {
		if ((NF != 2 && NF != 4) || index($2, "=") == 0 || (NF == 4 && ($3 != "if" || index($4, "=") == 0))) {
			printf "%s:%d: expected ARCHES CONFIG_X=VALUE [if CONFIG_Y=VALUE]\n", FILENAME, FNR > "/dev/stderr"; bad = 1; next }
		if (!applies($1)) next
		i = index($2, "="); sym = substr($2, 1, i - 1)
		want[sym] = substr($2, i + 1); order[++n] = sym
		if (NF == 4) { i = index($4, "="); cond_sym[sym] = substr($4, 1, i - 1); cond_val[sym] = substr($4, i + 1) }
		next
	}
	FILENAME == dev && /^[ \t]*(#|$)/ { next }
	FILENAME == dev {
		if (NF < 3) { printf "%s:%d: expected ARCHES CONFIG_X reason\n", FILENAME, FNR > "/dev/stderr"; bad = 1; next }
		if (!applies($1)) next
		r = $0; sub(/^[ \t]*[^ \t]+[ \t]+[^ \t]+[ \t]+/, "", r)
		reason[$2] = r; devline[$2] = FILENAME ":" FNR; next
	}
	/^CONFIG_/ { i = index($0, "="); have[substr($0, 1, i - 1)] = substr($0, i + 1) }
	END {
		for (s in reason) if (!(s in want)) {
			printf "%s: %s is not a recommendation for %s (see %s)\n", devline[s], s, arch, kspp > "/dev/stderr"; bad = 1 }
		for (k = 1; k <= n; k++) {
			s = order[k]; got = (s in have) ? have[s] : "n"
			if (s in cond_sym && ((cond_sym[s] in have) ? have[cond_sym[s]] : "n") != cond_val[s]) {
				if (s in reason) { printf "%s: %s does not apply to this kernel (%s is not %s): remove the line\n", devline[s], s, cond_sym[s], cond_val[s] > "/dev/stderr"; bad = 1 }
				continue
			}
			if (got == want[s] && !(s in reason)) {
				met++; printf "met\t%s\t%s\t%s\t\n", s, want[s], got > status
			} else if (got == want[s]) {
				printf "%s: %s is listed as a deviation but the kernel has %s=%s as recommended: remove the line\n", devline[s], s, s, got > "/dev/stderr"; bad = 1
			} else if (s in reason) {
				deviated++; printf "deviated\t%s\t%s\t%s\t%s\n", s, want[s], got, reason[s] > status
			} else {
				printf "kernel: %s=%s is recommended (%s) but the kernel has %s, and %s does not say why\n", s, want[s], kspp, got, dev > "/dev/stderr"; bad = 1
			}
		}
		if (bad) { print "Set it in kernel/configs/hardening*.config, or add the reason to the deviations file." > "/dev/stderr"; exit 1 }
		printf "kernel hardening (%s): %d KSPP recommendations met, %d deviated (reasons in %s)\n", arch, met, deviated, dev
	}' "$kspp" "$deviations" "$config"
