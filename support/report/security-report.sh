#!/bin/sh
# usage: security-report.sh O PROBE_DIR
#
# Writes O/images/security-report.txt and .json from what the build and
# one boot established: the kernel's KSPP status (met, or deviated with
# the reason), its command line, kr-elfcheck's table of every ELF file
# in the image, and boot-probe.sh's observations (processes init
# started, with their capabilities, namespaces and seccomp mode;
# listening sockets; the sysctl set; the boot checks).  docs/security.md
# explains how to read it.
set -eu
o=$1 probe=$2
images=$o/images
. "$(dirname "$0")/../lib/config.sh"
setting() { config_get "$o/.config" "$1"; }
status_file=$(ls "$o"/build/linux-*/kbuild/hardening-status.tsv 2>/dev/null | head -n 1)
elf_table=$o/build/elf-check.tsv
[ -f "$probe/checks.tsv" ] || { echo "security-report: no boot observations in $probe" >&2; exit 1; }

meta() { sed -n "s/^$1: //p" "$images/build-info" 2>/dev/null | head -n 1; }
config=$(setting KR_CONFIG_NAME)
arch=$(setting KR_ARCH)
version=$(meta kitroot-version)
commit=$(meta kitroot-commit)
cmdline=$(cat "$images/cmdline" 2>/dev/null || true)
hardened=$(setting KR_LINUX_HARDENING)
: "${status_file:=/dev/null}"
[ -f "$elf_table" ] || elf_table=/dev/null

# The containers' exceptions to kitroot's defaults (host-bind,
# seccomp-allow), as kr-bundle recorded them in each config.json's
# annotations (its others, such as timeout, are no exceptions):
# CONTAINER|KEY|VALUE.
exceptions=$o/build/container-exceptions.txt
for c in "$o"/target/containers/*/*/config.json; do
	[ -f "$c" ] || continue
	name=${c%/config.json}
	name=${name#"$o/target/containers/"}
	sed -n 's/^[[:space:]]*"org\.kitroot\.\(host-bind\|seccomp-allow\)": "\([^"]*\)",\{0,1\}$/\1|\2/p' "$c" |
		sed "s|^|$name\||"
done > "$exceptions"

# One awk program renders both forms from the same inputs, read in this
# order, each file's records told apart by FILENAME.
render() {
	awk -v form="$1" -v config="$config" -v arch="$arch" -v version="$version" \
		-v commit="$commit" -v cmdline="$cmdline" -v hardened="${hardened:-n}" \
		-v status_file="$status_file" -v elf_table="$elf_table" \
		-v checks="$probe/checks.tsv" -v procs="$probe/processes.txt" \
		-v sockets="$probe/sockets.txt" -v sysctl="$probe/sysctl.txt" \
		-v vulns="$probe/vulnerabilities.txt" -v iommu="$probe/iommu.txt" \
		-v exceptions="$exceptions" '
	function js(s) {
		gsub(/\\/, "\\\\", s); gsub(/"/, "\\\"", s); gsub(/\t/, "\\t", s)
		gsub(/\r/, "", s)
		return "\"" s "\""
	}
	function trim(s) { sub(/^[ \t]+/, "", s); sub(/[ \t]+$/, "", s); return s }
	# s folded at blanks into lines of at most 72 columns after indent
	function wrap(s, indent,   w, n, i, line, out) {
		n = split(s, w, " "); line = ""
		for (i = 1; i <= n; i++) {
			if (line != "" && length(line) + 1 + length(w[i]) > 72) { out = out indent line "\n"; line = "" }
			line = line == "" ? w[i] : line " " w[i]
		}
		return out indent line
	}
	FILENAME == status_file { ks[++nk] = $0; split($0, f, "\t"); origin = f[6] == "default" ? "default" : "kspp"
		if (f[1] == "met") met[origin]++; else deviated[origin]++; next }
	FILENAME == elf_table && !/^#/ { elf[++ne] = $0; if ($8 != "ok") elf_bad++; next }
	FILENAME == checks { ck[++nc] = $0; if ($2 != "PASS") ck_bad++; next }
	FILENAME == procs && /\|/ { pr[++np] = $0; next }
	FILENAME == sockets && $1 ~ /^(tcp|udp|raw|unix)/ { so[++ns] = $0; next }
	FILENAME == sysctl && /\|/ { sy[++nsy] = $0; next }
	FILENAME == vulns && /\|/ { vu[++nv] = $0; next }
	FILENAME == iommu && /\|/ { io[++nio] = $0; next }
	FILENAME == exceptions && /\|/ { ex[++nex] = $0; next }
	END { if (form == "json") json(); else text() }

	function text(   i, a) {
		print "kitroot security report"
		print "======================="
		printf "configuration %s, %s, kitroot %s, commit %s\n", config, arch, version, commit
		printf "verdict: %s\n\n", (ck_bad || elf_bad) ? "PROBLEMS (see FAIL lines)" : "every check passed"
		print "1. Kernel"
		if (hardened != "y") print "   The hardening fragments are OFF (KR_LINUX_HARDENING is not set)."
		printf "   KSPP recommendations for %s: %d met, %d deviated\n", arch, met["kspp"], deviated["kspp"]
		printf "   Security settings Linux turns on by default: %d kept, %d dropped\n", met["default"], deviated["default"]
		printf "   command line: %s\n", cmdline == "" ? "(none added)" : cmdline
		print "   Deviations, each with its reason (kernel/hardening/deviations.txt):"
		for (i = 1; i <= nk; i++) { split(ks[i], a, "\t"); if (a[1] != "met")
			printf "     %s: %s %s, kernel has %s\n%s\n", a[2], a[6] == "default" ? "Linux default" : "recommended", a[3], a[4], wrap(a[5], "       ") }
		print "   Met:"
		for (i = 1; i <= nk; i++) { split(ks[i], a, "\t"); if (a[1] == "met")
			printf "     %-44s %s\n", a[2], a[4] }
		print ""
		print "2. Userspace: every ELF file in the image (kr-elfcheck)"
		printf "   %-24s %-10s %-8s %-6s %-4s %-16s %s\n", "path", "type", "relro", "stack", "w+x", "stack-protector", "verdict"
		for (i = 1; i <= ne; i++) { split(elf[i], a, "\t")
			printf "   %-24s %-10s %-8s %-6s %-4s %-16s %s\n", a[1], a[3], a[4], a[5], a[6], a[7], a[8] }
		if (!ne) print "   (no table: KR_IMAGE_ELF_CHECK is off)"
		print ""
		print "3. Processes init started, and each service'\''s, as seen at boot"
		printf "   %-6s %-16s %-5s %-18s %-12s %-8s %-5s %s\n", "pid", "name", "uid", "effective caps", "no-new-privs", "seccomp", "root", "namespaces"
		for (i = 1; i <= np; i++) { split(pr[i], a, "|"); split(trim(a[3]), b, " ")
			printf "   %-6s %-16s %-5s %-18s %-12s %-8s %-5s %s\n", a[1], a[2], b[1], b[2], b[3], b[4], a[5], trim(a[4]) }
		print "   (seccomp: 0 off, 2 filter; root: its / read-only or read-write;"
		print "   namespaces: host-X shares init'\''s, own-X has its own, unknown-X the probe"
		print "   could not read them)"
		print ""
		print "4. Listening sockets seen at boot"
		for (i = 1; i <= ns; i++) print "   " so[i]
		if (!ns) print "   none"
		print ""
		print "5. Boot checks"
		for (i = 1; i <= nc; i++) { split(ck[i], a, "\t"); printf "   %-4s %-24s %s\n", a[2], a[1], a[3] }
		print ""
		print "6. sysctl set (key, wanted, running value)"
		for (i = 1; i <= nsy; i++) { split(sy[i], a, "|"); printf "   %-40s %-6s %s\n", a[1], a[2], a[3] }
		if (!nsy) print "   none applied"
		print ""
		print "7. CPU vulnerabilities, as the running kernel sees them"
		for (i = 1; i <= nv; i++) { split(vu[i], a, "|"); printf "   %-28s %s\n", a[1], a[2] }
		if (!nv) print "   none read"
		print ""
		print "8. IOMMU"
		for (i = 1; i <= nio; i++) { split(io[i], a, "|")
			if (a[1] == "unit") printf "   unit %s\n", a[2]
			else printf "   group %-4s %-8s %s\n", a[2], a[3], a[4] }
		if (!nio) print "   none: this kernel and machine have no IOMMU"
		print ""
		print "9. Containers given an exception to the defaults (their specs say why)"
		for (i = 1; i <= nex; i++) { split(ex[i], a, "|"); printf "   %-24s %-14s %s\n", a[1], a[2], a[3] }
		if (!nex) print "   none"
	}

	function json(   i, a, b, sep) {
		printf "{\n  \"configuration\": %s,\n  \"architecture\": %s,\n", js(config), js(arch)
		printf "  \"kitroot_version\": %s,\n  \"commit\": %s,\n", js(version), js(commit)
		printf "  \"passed\": %s,\n", (ck_bad || elf_bad) ? "false" : "true"
		printf "  \"kernel\": {\n    \"hardening_fragments\": %s,\n", hardened == "y" ? "true" : "false"
		printf "    \"cmdline\": %s,\n    \"met\": %d,\n    \"deviated\": %d,\n", js(cmdline), met["kspp"], deviated["kspp"]
		printf "    \"defaults_kept\": %d,\n    \"defaults_dropped\": %d,\n", met["default"], deviated["default"]
		printf "    \"recommendations\": ["
		for (i = 1; i <= nk; i++) { split(ks[i], a, "\t")
			printf "%s\n      {\"symbol\": %s, \"recommended\": %s, \"actual\": %s, \"status\": %s, \"source\": %s, \"reason\": %s}",
				(i > 1 ? "," : ""), js(a[2]), js(a[3]), js(a[4]), js(a[1]), js(a[6] == "default" ? "linux-default" : "kspp"), a[1] == "met" ? "null" : js(a[5]) }
		printf "\n    ]\n  },\n  \"elf_files\": ["
		for (i = 1; i <= ne; i++) { split(elf[i], a, "\t")
			printf "%s\n    {\"path\": %s, \"machine\": %s, \"type\": %s, \"relro\": %s, \"stack\": %s, \"wx_segment\": %s, \"stack_protector\": %s, \"verdict\": %s}",
				(i > 1 ? "," : ""), js(a[1]), js(a[2]), js(a[3]), js(a[4]), js(a[5]), js(a[6]), js(a[7]), js(a[8]) }
		printf "\n  ],\n  \"processes\": ["
		for (i = 1; i <= np; i++) { split(pr[i], a, "|"); split(trim(a[3]), b, " ")
			printf "%s\n    {\"pid\": %d, \"name\": %s, \"uid\": %s, \"cap_eff\": %s, \"no_new_privs\": %s, \"seccomp\": %s, \"root\": %s, \"namespaces\": %s}",
				(i > 1 ? "," : ""), a[1], js(a[2]), js(b[1]), js(b[2]), js(b[3]), js(b[4]), js(a[5]), js(trim(a[4])) }
		printf "\n  ],\n  \"listening_sockets\": ["
		for (i = 1; i <= ns; i++) printf "%s\n    %s", (i > 1 ? "," : ""), js(so[i])
		printf "\n  ],\n  \"boot_checks\": ["
		for (i = 1; i <= nc; i++) { split(ck[i], a, "\t")
			printf "%s\n    {\"name\": %s, \"status\": %s, \"detail\": %s}", (i > 1 ? "," : ""), js(a[1]), js(a[2]), js(a[3]) }
		printf "\n  ],\n  \"sysctl\": ["
		for (i = 1; i <= nsy; i++) { split(sy[i], a, "|")
			printf "%s\n    {\"key\": %s, \"wanted\": %s, \"actual\": %s}", (i > 1 ? "," : ""), js(a[1]), js(a[2]), js(a[3]) }
		printf "\n  ],\n  \"cpu_vulnerabilities\": ["
		for (i = 1; i <= nv; i++) { split(vu[i], a, "|")
			printf "%s\n    {\"name\": %s, \"state\": %s}", (i > 1 ? "," : ""), js(a[1]), js(a[2]) }
		printf "\n  ],\n  \"iommu\": {\n    \"units\": ["
		sep = ""
		for (i = 1; i <= nio; i++) { split(io[i], a, "|"); if (a[1] == "unit") { printf "%s%s", sep, js(a[2]); sep = ", " } }
		printf "],\n    \"groups\": ["
		sep = ""
		for (i = 1; i <= nio; i++) { split(io[i], a, "|"); if (a[1] == "group") {
			printf "%s\n      {\"group\": %s, \"type\": %s, \"devices\": %s}", sep, js(a[2]), js(a[3]), js(trim(a[4])); sep = "," } }
		printf "\n    ]\n  },\n  \"container_exceptions\": ["
		for (i = 1; i <= nex; i++) { split(ex[i], a, "|")
			printf "%s\n    {\"container\": %s, \"key\": %s, \"value\": %s}", (i > 1 ? "," : ""), js(a[1]), js(a[2]), js(a[3]) }
		printf "\n  ]\n}\n"
	}' "$status_file" "$elf_table" "$probe/checks.tsv" "$probe/processes.txt" \
		"$probe/sockets.txt" "$probe/sysctl.txt" "$probe/vulnerabilities.txt" "$probe/iommu.txt" \
		"$exceptions"
}

render text > "$images/security-report.txt.tmp"
render json > "$images/security-report.json.tmp"
mv "$images/security-report.txt.tmp" "$images/security-report.txt"
mv "$images/security-report.json.tmp" "$images/security-report.json"
echo "security report: $images/security-report.txt (and .json)"
grep '^verdict:' "$images/security-report.txt"
