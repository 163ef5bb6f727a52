#!/bin/sh
# Checks kr-bundle's system call table (src/bundle/syscalls.c) against
# the syscalls.csv of the libseccomp that runc is built with: every
# name the table has exists on the architectures it says and on no
# other of kitroot's, and every call of those architectures is in the
# table (a libseccomp update that brings a new call stops here until
# someone decides what a container may do with it).  Prints, per
# architecture, how many calls a container without capabilities may
# make.
#
# Usage: check-syscall-table.sh SYSCALLS_CSV TOPDIR
set -eu
csv=$1 top=$2
table=$top/src/bundle/syscalls.c
[ -r "$csv" ] || { echo "check-syscall-table: cannot read $csv" >&2; exit 2; }

# kitroot's architectures as libseccomp names them: each arch file's
# first seccomp architecture, SCMP_ARCH_ dropped, in lower case.
arches=$(for f in "$top"/arch/Config.in.*; do
	sed -n '/^config KR_SECCOMP_ARCHES/{n;s/.*default "SCMP_ARCH_\([A-Z0-9_]*\).*/\1/p;}' "$f"
done | tr 'A-Z' 'a-z' | sort | tr '\n' ' ')

# NAME ARCHES... from the table; ALL spelled out.
sed -n 's/^\t{ "\([a-z0-9_]*\)", [^,]*, [A-Z_]*, \(.*\) },$/\1 \2/p' "$table" |
	sed -e "s/ ALL\$/ $arches/" -e 's/"//g' > "${TMPDIR:-/tmp}/table.$$"
# NAME ARCHES... from libseccomp: the architectures with a number.
awk -F, -v want="$arches" '
	NR == 1 { for (i = 2; i <= NF; i++) col[$i] = i; next }
	{
		out = ""
		n = split(want, w, " ")
		for (i = 1; i <= n; i++)
			if (w[i] != "" && $(col[w[i]]) != "PNR")
				out = out " " w[i]
		if (out != "")
			print $1 out
	}' "$csv" | sort > "${TMPDIR:-/tmp}/csv.$$"
sort "${TMPDIR:-/tmp}/table.$$" | sed 's/ *$//' > "${TMPDIR:-/tmp}/table-sorted.$$"
status=0
if ! diff -u "${TMPDIR:-/tmp}/csv.$$" "${TMPDIR:-/tmp}/table-sorted.$$" > "${TMPDIR:-/tmp}/diff.$$"; then
	echo "check-syscall-table: src/bundle/syscalls.c and $csv disagree (- libseccomp, + the table):" >&2
	sed -n '3,$p' "${TMPDIR:-/tmp}/diff.$$" | grep '^[-+]' >&2
	status=1
fi
for a in $arches; do
	n=$(grep -E '^\s*\{ "[a-z0-9_]*", ALWAYS,' "$table" | sed 's/"//g; s/ },$//' |
		awk -v a="$a" '{ all = ($NF == "ALL"); for (i = 5; i <= NF; i++) if ($i == a || $i == a ",") all = 1 } all' |
		wc -l)
	echo "syscalls a container without capabilities may make on $a: $n (and clone without namespace flags)"
done
rm -f "${TMPDIR:-/tmp}/table.$$" "${TMPDIR:-/tmp}/csv.$$" "${TMPDIR:-/tmp}/table-sorted.$$" "${TMPDIR:-/tmp}/diff.$$"
exit $status
