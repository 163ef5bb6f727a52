#!/bin/sh
# usage: boot-probe.sh O OUTDIR
#
# Boots the build in O under QEMU and looks at the running system the
# way an auditor would, over the serial console: root filesystem, mount
# flags, accounts, listening sockets, the sysctl set, kernel interfaces
# that must be gone, set-id files, what each process init started may
# do, the CPU vulnerabilities as the kernel sees them, and the IOMMU
# groups.  The observations go to OUTDIR; support/qemu/probe-checks.sh then
# judges them into OUTDIR/checks.tsv ("name PASS|FAIL detail" per
# check), for make security-report and the system test.  Exit status 1
# when a check fails, 2 when the system cannot boot.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
o=$1 out=$2
. "$(dirname "$0")/../lib/config.sh"
setting() { config_get "$o/.config" "$1"; }
board=$(board_path "$o")
[ -n "$board" ] || { echo "boot-probe: $o/.config names no board: build first" >&2; exit 2; }
mkdir -p "$out"
. "$top/support/lib/qemu-console.sh"
. "$top/support/qemu/probe-processes.sh"

console_boot "$out/console.log" "$board" "$o/images" 300 || exit 2
console_run true 30 > /dev/null || true

probe() { # NAME GUEST-COMMAND: the output goes to OUTDIR/NAME
	console_run "$2" 60 > "$out/$1" || { echo "boot-probe: no answer to the $1 probe" >&2; : > "$out/$1"; }
}

probe root 'awk "\$2 == \"/\" { print \$4 }" /proc/mounts | tail -n 1; if touch /.kr-probe 2>/dev/null; then echo writable; rm -f /.kr-probe; else echo refused; fi'
probe mounts.txt 'cat /proc/mounts'
probe accounts 'cat /etc/passwd; echo ---; cat /etc/shadow'
probe sockets.txt 'netstat -lntuwx 2>&1'
probe sysctl.txt 'for c in /etc/sysctl.d/*.conf; do [ -f "$c" ] && grep -v "^[[:space:]]*[#;]" "$c"; done | while IFS== read -r k v; do k=$(echo $k); v=$(echo $v); [ -n "$k" ] || continue; p=/proc/sys/$(echo $k | tr . /); if [ -e "$p" ]; then echo "$k|$v|$(cat $p | tr "\t" " ")"; else echo "$k|$v|absent"; fi; done'
probe kernel.txt 'echo "cmdline|$(cat /proc/cmdline)"; echo "kallsyms|$(head -n 1 /proc/kallsyms | cut -d" " -f1)"; for f in /dev/mem /dev/kmem /dev/port /proc/kcore; do [ -e $f ] && echo "present|$f"; done; mount -t securityfs securityfs /sys/kernel/security 2>/dev/null; echo "lockdown|$(cat /sys/kernel/security/lockdown 2>/dev/null)"; echo "lsm|$(cat /sys/kernel/security/lsm 2>/dev/null)"'
probe setid.txt 'find / -xdev \( -perm -4000 -o -perm -2000 \) -type f 2>/dev/null'
probe processes.txt "$probe_processes"
probe vulnerabilities.txt 'for f in /sys/devices/system/cpu/vulnerabilities/*; do [ -f "$f" ] && echo "${f##*/}|$(cat "$f")"; done'
probe iommu.txt 'for g in /sys/kernel/iommu_groups/*; do [ -d "$g" ] && echo "group|${g##*/}|$(cat "$g/type" 2>/dev/null)|$(ls "$g/devices" | tr "\n" " ")"; done; for u in /sys/class/iommu/*; do [ -e "$u" ] && echo "unit|${u##*/}"; done'
console_send poweroff
console_wait_exit 60 || true
console_stop

exec sh "$top/support/qemu/probe-checks.sh" "$o" "$out"
