#!/bin/sh
# config-last-wins.sh CONFIG: a symbol set more than once in CONFIG
# (typically a line a script appended) keeps its last setting, with a
# warning naming it; kconfig itself calls that an "override" error
# under KCONFIG_WERROR.  CONFIG is rewritten only when it changes.
set -u
config=$1
[ -f "$config" ] || exit 0
dups=$(sed -n 's/^\([A-Za-z0-9_]*\)=.*/\1/p; s/^# \([A-Za-z0-9_]*\) is not set$/\1/p' "$config" | sort | uniq -d)
[ -n "$dups" ] || exit 0
for s in $dups; do
	printf 'kitroot: warning: %s sets %s more than once; the last line wins: %s\n' "$config" "$s" \
		"$(grep -E "^($s=|# $s is not set$)" "$config" | tail -n 1)" >&2
done
awk '
	{ sym = "" }
	/^[A-Za-z0-9_]+=/ { sym = $0; sub(/=.*/, "", sym) }
	/^# [A-Za-z0-9_]+ is not set$/ { sym = $2 }
	{ line[NR] = $0; key[NR] = sym; if (sym != "") last[sym] = NR }
	END { for (i = 1; i <= NR; i++) if (key[i] == "" || last[key[i]] == i) print line[i] }
' "$config" > "$config.tmp" && mv -f "$config.tmp" "$config"
