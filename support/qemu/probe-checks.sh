#!/bin/sh
# usage: probe-checks.sh O OUTDIR
#
# Judges what support/qemu/boot-probe.sh saw of the running system (the files
# in OUTDIR) against what a kitroot image must show: writes
# OUTDIR/checks.tsv, one "name PASS|FAIL detail" line per check, prints
# it, and exits 1 when a check fails.  Separate from the boot so that
# the judgement itself can be tested on made-up observations.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
o=$1 out=$2
. "$(dirname "$0")/../lib/config.sh"
setting() { config_get "$o/.config" "$1"; }
hardened=$(setting KR_LINUX_HARDENING)
for f in root mounts.txt accounts sockets.txt sysctl.txt kernel.txt setid.txt processes.txt \
	vulnerabilities.txt iommu.txt; do
	[ -f "$out/$f" ] || : > "$out/$f"
done

# Listening sockets the configuration's services are allowed; none
# selects any yet, so any listener is a finding.
allowed_listeners=""

checks="$out/checks.tsv"
: > "$checks"
result() { printf '%s\t%s\t%s\n' "$1" "$2" "$3" >> "$checks"; }

# root filesystem
if [ "$(sed -n 1p "$out/root" | cut -d, -f1)" = ro ] && grep -qx refused "$out/root"; then
	result root-read-only PASS "mounted ro; a write to / was refused"
else
	result root-read-only FAIL "$(tr '\n' ' ' < "$out/root")"
fi

# mount flags: what each must carry ("size=": a size limit, which
# /proc/mounts shows only when it is not tmpfs's default of half the RAM)
bad=""
for want in /proc:nosuid,nodev,noexec /sys:nosuid,nodev,noexec /sys/fs/cgroup:nosuid,nodev,noexec \
	/dev:nosuid,noexec /dev/pts:nosuid,noexec /dev/shm:nosuid,nodev,noexec,size= \
	/run:nosuid,nodev,noexec,size= /tmp:nosuid,nodev,noexec,size=; do
	m=${want%%:*}
	opts=$(awk -v m="$m" '$2 == m { print $4 }' "$out/mounts.txt" | tail -n 1)
	[ -n "$opts" ] || { bad="$bad $m:not-mounted"; continue; }
	for flag in $(echo "${want#*:}" | tr , ' '); do
		case $flag in
		*=) echo ",$opts" | grep -q ",$flag" || bad="$bad $m:no-${flag%=}" ;;
		*) echo ",$opts," | grep -q ",$flag," || bad="$bad $m:no-$flag" ;;
		esac
	done
done
if [ -z "$bad" ]; then
	result mount-flags PASS "/tmp /run /dev/shm /proc /sys cgroup2: nosuid,nodev,noexec; /dev /dev/pts: nosuid,noexec; /tmp /run /dev/shm: a size limit"
else
	result mount-flags FAIL "missing:$bad"
fi

# accounts: none without a password; a password only as a SHA-256/512
# crypt hash in shadow (KR_ROOT_PASSWORD_HASH, the users tables:
# docs/customising.md), the others locked
bad=$(awk -F: 'BEGIN { part = 1 } /^---$/ { part = 2; next }
	part == 1 && NF >= 2 && $2 != "x" { printf " %s(passwd field)", $1 }
	part == 2 && NF >= 2 && $2 !~ /^[*!]/ && $2 !~ /^\$[56]\$/ { printf " %s", $1 }' "$out/accounts")
hashed=$(awk -F: 'BEGIN { part = 1 } /^---$/ { part = 2; next }
	part == 2 && NF >= 2 && $2 ~ /^\$[56]\$/ { printf " %s", $1 }' "$out/accounts")
users=$(awk -F: '/^---$/ { exit } NF >= 2 { printf "%s ", $1 }' "$out/accounts")
if [ -z "$bad" ] && [ -n "$users" ]; then
	result no-password-accounts PASS "no account without a password: ${users% }${hashed:+; with a SHA-2 crypt password:$hashed}"
else
	result no-password-accounts FAIL "accounts with an empty or a non-SHA-2 password:${bad:- (no accounts read)}"
fi

# listening sockets
listeners=$(awk '$1 ~ /^(tcp|udp|raw)/ { print $1 " " $4 } $1 == "unix" { print "unix " $NF }' "$out/sockets.txt" |
	while read -r proto addr; do
		case " $allowed_listeners " in *" $proto:$addr "*) ;; *) echo "$proto:$addr" ;; esac
	done | tr '\n' ' ')
if ! grep -q 'Active' "$out/sockets.txt"; then
	result no-unexpected-listeners FAIL "netstat gave no answer"
elif [ -z "$listeners" ]; then
	result no-unexpected-listeners PASS "no listening socket${allowed_listeners:+ besides $allowed_listeners}"
else
	result no-unexpected-listeners FAIL "listening: $listeners"
fi

# sysctl set
if [ ! -s "$out/sysctl.txt" ]; then
	result sysctl-set FAIL "no sysctl set in /etc/sysctl.d (KR_PACKAGE_SYSCTL)"
else
	wrong=$(awk -F'|' '$3 != "absent" && $3 != $2 { printf " %s=%s(want %s)", $1, $3, $2 }' "$out/sysctl.txt")
	n_set=$(awk -F'|' '$3 != "absent"' "$out/sysctl.txt" | wc -l)
	absent=$(awk -F'|' '$3 == "absent" { printf " %s", $1 }' "$out/sysctl.txt")
	if [ -z "$wrong" ]; then
		result sysctl-set PASS "$n_set keys hold their value${absent:+; not in this kernel:$absent}"
	else
		result sysctl-set FAIL "wrong:$wrong"
	fi
fi

# set-id files
if [ -s "$out/setid.txt" ]; then
	result no-setid-files FAIL "$(tr '\n' ' ' < "$out/setid.txt")"
else
	result no-setid-files PASS "no set-user-ID or set-group-ID file"
fi

# kernel interfaces (required when the kernel is hardened)
kv() { sed -n "s/^$1|//p" "$out/kernel.txt" | head -n 1; }
want=$(cat "$o/images/cmdline" 2>/dev/null)
case " $(kv cmdline) " in
*" $want "*) result kernel-cmdline PASS "${want:-(none configured)}" ;;
*) result kernel-cmdline FAIL "booted with '$(kv cmdline)', configured '$want'" ;;
esac
if [ "$hardened" = y ]; then
	addr=$(kv kallsyms)
	if [ -n "$addr" ] && [ -z "$(echo "$addr" | tr -d 0)" ]; then
		result kernel-pointers-hidden PASS "/proc/kallsyms shows $addr even to root"
	else
		result kernel-pointers-hidden FAIL "/proc/kallsyms shows '$addr'"
	fi
	present=$(sed -n 's/^present|//p' "$out/kernel.txt" | tr '\n' ' ')
	if [ -z "$present" ]; then
		result no-raw-memory-devices PASS "no /dev/mem, /dev/kmem, /dev/port, /proc/kcore"
	else
		result no-raw-memory-devices FAIL "present: $present"
	fi
	case $(kv lockdown) in
	*"[integrity]"* | *"[confidentiality]"*) result lockdown PASS "$(kv lockdown)" ;;
	*) result lockdown FAIL "lockdown: '$(kv lockdown)'" ;;
	esac
	lsm=$(kv lsm) missing=""
	for l in lockdown yama landlock; do
		case ",$lsm," in *",$l,"*) ;; *) missing="$missing $l" ;; esac
	done
	if [ -z "$missing" ]; then result lsms PASS "$lsm"; else result lsms FAIL "'$lsm' lacks$missing"; fi
fi

# IOMMU: a kernel built with strict DMA translation (x86_64, aarch64)
# must run with it: at least one IOMMU unit, devices in groups, and
# every group translated and strict ("DMA"), none lazy ("DMA-FQ") or
# passed through ("identity").
if [ -f "$o/images/linux.config" ] && [ "$(config_get "$o/images/linux.config" CONFIG_IOMMU_DEFAULT_DMA_STRICT)" = y ]; then
	units=$(awk -F'|' '$1 == "unit" { printf "%s ", $2 }' "$out/iommu.txt")
	groups=$(awk -F'|' '$1 == "group"' "$out/iommu.txt" | wc -l)
	loose=$(awk -F'|' '$1 == "group" && $3 != "DMA" { printf " group %s is %s (%s)", $2, $3 == "" ? "untyped" : $3, $4 }' "$out/iommu.txt")
	if [ -z "$units" ]; then
		result iommu-strict FAIL "the kernel has IOMMU support but no IOMMU unit came up (does the board give the machine one?)"
	elif [ "$groups" -eq 0 ]; then
		result iommu-strict FAIL "IOMMU $units has no device in a group"
	elif [ -n "$loose" ]; then
		result iommu-strict FAIL "not strict:$loose"
	else
		result iommu-strict PASS "IOMMU ${units}translates $groups device groups, all strict (DMA)"
	fi
fi

# UEFI images: the UKI firmware starts must be signed for Secure Boot;
# an unsigned one (KR_IMAGE_SECURE_BOOT=n) is the configuration's
# explicit choice, and shown as a finding.
if [ "$(setting KR_IMAGE_UKI)" = y ]; then
	if [ "$(setting KR_IMAGE_SECURE_BOOT)" = y ] && [ -f "$o/images/secure-boot.crt" ]; then
		result uefi-secure-boot PASS "UKI signed for Secure Boot by $(openssl x509 -in "$o/images/secure-boot.crt" -noout -subject -nameopt oneline 2>/dev/null | sed 's/^subject= *//'), SHA-256 fingerprint $(openssl x509 -in "$o/images/secure-boot.crt" -noout -fingerprint -sha256 2>/dev/null | sed 's/.*=//')"
	else
		result uefi-secure-boot FAIL "the UKI is unsigned (KR_IMAGE_SECURE_BOOT is off): firmware with Secure Boot on refuses it, and with it off anything can replace it"
	fi
fi

# CPU vulnerabilities, as the kernel sees them: each one is "Not
# affected" or mitigated.  "Vulnerable" is a finding, whatever the
# CPU (under emulation too: it shows what the kernel would do on a CPU
# that reports the same), unless the board's known-vulnerabilities.txt
# names it with a reason outside the kernel (the emulated firmware);
# a name listed there that is not vulnerable is stale, and fails too.
if [ "$hardened" = y ]; then
	known=$(board_path "$o")/known-vulnerabilities.txt
	[ -f "$known" ] || known=/dev/null
	n=$(wc -l < "$out/vulnerabilities.txt")
	verdict=$(awk -F'|' -v known="$known" '
		FILENAME == known { if (!/^[ \t]*(#|$)/) { split($0, w, /[ \t]+/); listed[w[1]] = 1 }; next }
		{ seen[$1] = 1 }
		$2 ~ /^Vulnerable/ && ($1 in listed) { accepted = accepted " " $1; next }
		$2 ~ /^Vulnerable/ { bad = bad " " $1 " (" $2 ")"; next }
		($1 in listed) { stale = stale " " $1 }
		$2 ~ /^Not affected/ { a++; next }
		{ m++ }
		END {
			for (v in listed) if (!(v in seen)) stale = stale " " v
			if (bad != "") print "FAIL\tvulnerable:" bad
			else if (stale != "") print "FAIL\tlisted in " known " but not vulnerable (remove the line):" stale
			else printf "PASS\t%d not affected, %d mitigated%s\n", a, m, accepted == "" ? "" : ", known for this board (" known "):" accepted
		}' "$known" "$out/vulnerabilities.txt")
	if [ "$n" -eq 0 ]; then
		result cpu-vulnerabilities FAIL "/sys/devices/system/cpu/vulnerabilities was not read"
	else
		result cpu-vulnerabilities "${verdict%%	*}" "$n listed: ${verdict#*	}"
	fi
fi

cat "$checks"
! grep -q '	FAIL	' "$checks"
