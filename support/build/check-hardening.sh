#!/bin/sh
# usage: check-hardening.sh [-d DEFAULTS -s SECURITY_SYMBOLS -k KCONFIG_TREE]
#                           DOTCONFIG ARCH KSPP DEVIATIONS [STATUS_FILE]
#
# Checks a kernel .config against the KSPP recommendations (KSPP, lines
# "ARCHES CONFIG_X=VALUE [if CONFIG_Y=VALUE]") that apply to ARCH; one
# with a condition applies only when the .config meets the condition.
#
# With -d, every security setting Linux itself turns on for this
# configuration must stay on too: DEFAULTS is the .config Kconfig's
# defaults give over the same fragments (alldefconfig), SECURITY_SYMBOLS
# the regular expressions that say which symbols are security settings,
# KCONFIG_TREE the kernel source, read for which symbols a user can set
# (a prompt) outside a choice.  A KSPP line wins over a default.
#
# Each requirement must be met, or be listed in DEVIATIONS ("ARCHES
# CONFIG_X reason") with a reason; a deviation that is in fact met is an
# error too, so the list stays true.  STATUS_FILE gets one line per
# requirement (met / deviated, symbol, wanted, actual, reason, kspp /
# default), which make security-report reads.
set -eu
defaults='' symbols='' ktree=''
while getopts d:s:k: opt; do
	case $opt in
	d) defaults=$OPTARG ;;
	s) symbols=$OPTARG ;;
	k) ktree=$OPTARG ;;
	*) echo "usage: check-hardening.sh [-d DEFAULTS -s SECURITY_SYMBOLS -k KCONFIG_TREE] DOTCONFIG ARCH KSPP DEVIATIONS [STATUS_FILE]" >&2; exit 2 ;;
	esac
done
shift $((OPTIND - 1))
config=$1 arch=$2 kspp=$3 deviations=$4 status=${5:-/dev/null}

# The upstream defaults that are security settings, as requirements
# in KSPP's format ("ARCH CONFIG_X=y").
required_defaults=/dev/null
if [ -n "$defaults" ]; then
	if [ -z "$symbols" ] || [ -z "$ktree" ]; then echo "check-hardening: -d needs -s and -k" >&2; exit 2; fi
	required_defaults=$(mktemp)
	trap 'rm -f "$required_defaults"' EXIT
	find "$ktree" -name 'Kconfig*' ! -path '*/Documentation/*' -type f | LC_ALL=C sort |
	awk -v arch="$arch" -v symbols="$symbols" -v defaults="$defaults" '
		# one Kconfig line: note symbols with a prompt, and choice entries
		function indent(line,   i, c, n) {
			for (i = 1; i <= length(line); i++) {
				c = substr(line, i, 1)
				if (c == "\t") n = n - n % 8 + 8; else if (c == " ") n++; else break
			}
			return n
		}
		function kconfig_line(line) {
			# help text runs until a line indented less than its first
			if (in_help) {
				if (line ~ /^[ \t]*$/) return
				if (help_indent < 0) help_indent = indent(line)
				if (indent(line) >= help_indent) return
				in_help = 0
			}
			if (line ~ /^[ \t]*(help|---help---)[ \t]*$/) { in_help = 1; help_indent = -1; sym = ""; return }
			if (line ~ /^[ \t]*choice([ \t]|$)/) { depth++; sym = "" }
			else if (line ~ /^[ \t]*endchoice/) { depth--; sym = "" }
			else if (match(line, /^[ \t]*(menu)?config[ \t]+[A-Za-z0-9_]+/)) {
				sym = line; sub(/^[ \t]*(menu)?config[ \t]+/, "", sym); sub(/[^A-Za-z0-9_].*/, "", sym)
				if (depth) in_choice[sym] = 1 }
			else if (line ~ /^[ \t]*(menu|comment|if|endif|endmenu|source)([ \t]|$)/) sym = ""
			else if (sym != "" && line ~ /^[ \t]*(bool|tristate|int|hex|string|prompt)[ \t]+"/) prompt[sym] = 1
		}
		FILENAME == symbols { if (!/^[ \t]*(#|$)/) pattern[++np] = $1; next }
		FILENAME == defaults { if (/^CONFIG_[A-Za-z0-9_]+=y$/) on[substr($0, 8, length($0) - 9)] = 1; next }
		{ depth = 0; sym = ""; in_help = 0; while ((getline line < $0) > 0) kconfig_line(line); close($0) }
		END {
			for (s in on) {
				if (!(s in prompt) || (s in in_choice)) continue
				for (i = 1; i <= np; i++) if (s ~ pattern[i]) { printf "%s CONFIG_%s=y\n", arch, s; break }
			}
		}' "$symbols" "$defaults" - | LC_ALL=C sort > "$required_defaults"
fi

awk -v arch="$arch" -v kspp="$kspp" -v dflt="$required_defaults" -v dev="$deviations" -v status="$status" \
    -v symbols="$symbols" '
	function applies(list,   a, i, n) {
		n = split(list, a, ",")
		for (i = 1; i <= n; i++) if (a[i] == "all" || a[i] == arch) return 1
		return 0
	}
	(FILENAME == kspp || FILENAME == dflt) && /^[ \t]*(#|$)/ { next }
	FILENAME == kspp || FILENAME == dflt {
		if ((NF != 2 && NF != 4) || index($2, "=") == 0 || (NF == 4 && ($3 != "if" || index($4, "=") == 0))) {
			printf "%s:%d: expected ARCHES CONFIG_X=VALUE [if CONFIG_Y=VALUE]\n", FILENAME, FNR > "/dev/stderr"; bad = 1; next }
		if (!applies($1)) next
		i = index($2, "="); sym = substr($2, 1, i - 1)
		if (sym in want) next
		want[sym] = substr($2, i + 1); order[++n] = sym
		origin[sym] = FILENAME == kspp ? "kspp" : "default"
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
			printf "%s: %s is neither a recommendation (%s) nor a security default of this kernel for %s: remove the line\n", devline[s], s, kspp, arch > "/dev/stderr"; bad = 1 }
		for (k = 1; k <= n; k++) {
			s = order[k]; got = (s in have) ? have[s] : "n"
			if (s in cond_sym && ((cond_sym[s] in have) ? have[cond_sym[s]] : "n") != cond_val[s]) {
				if (s in reason) { printf "%s: %s does not apply to this kernel (%s is not %s): remove the line\n", devline[s], s, cond_sym[s], cond_val[s] > "/dev/stderr"; bad = 1 }
				continue
			}
			if (got == want[s] && !(s in reason)) {
				met[origin[s]]++; printf "met\t%s\t%s\t%s\t\t%s\n", s, want[s], got, origin[s] > status
			} else if (got == want[s]) {
				printf "%s: %s is listed as a deviation but the kernel has %s=%s as required: remove the line\n", devline[s], s, s, got > "/dev/stderr"; bad = 1
			} else if (s in reason) {
				deviated[origin[s]]++; printf "deviated\t%s\t%s\t%s\t%s\t%s\n", s, want[s], got, reason[s], origin[s] > status
			} else if (origin[s] == "kspp") {
				printf "kernel: %s=%s is recommended (%s) but the kernel has %s, and %s does not say why\n", s, want[s], kspp, got, dev > "/dev/stderr"; bad = 1
			} else {
				printf "kernel: %s is a security setting (%s) that Linux turns on by default for this configuration, but the kernel has %s, and %s does not say why\n", s, symbols, got, dev > "/dev/stderr"; bad = 1
			}
		}
		if (bad) { print "Set it in kernel/configs/hardening*.config, or add the reason to the deviations file." > "/dev/stderr"; exit 1 }
		printf "kernel hardening (%s): %d KSPP recommendations met, %d deviated; %d security defaults kept, %d dropped (reasons in %s)\n",
			arch, met["kspp"], deviated["kspp"], met["default"], deviated["default"], dev
	}' "$kspp" "$required_defaults" "$deviations" "$config"
