#!/bin/sh
# usage: bench-containers.sh [O] [RUNS]
#
# Boots a containerd build (with the getty debug console: root logs in
# without a password) RUNS times (default 3) with 192 MiB and reports per
# run: each onboot container's time, containerd's start, init's boot
# complete (every service launched), the guest uptime when `ctr task ls`
# first shows every service RUNNING (measured after logging in, so an
# upper bound), and the memory in use; then the image sizes.  A report,
# not a test: it fails only if the system does not come up.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
o=${1:-$top/output}
runs=${2:-3}
board=$(sed -n 's/^KR_BOARD_DIR="\(.*\)"$/\1/p' "$o/.config")
[ -n "$board" ] || { echo "bench-containers: $o/.config names no board: build first" >&2; exit 1; }
grep -q '^KR_PACKAGE_GETTY_PASSWORDLESS=y' "$o/.config" ||
	{ echo "bench-containers: $o needs KR_PACKAGE_GETTY_PASSWORDLESS=y to log in" >&2; exit 1; }
. "$top/scripts/qemu-console.sh"

i=0
while [ "$i" -lt "$runs" ]; do
	i=$((i + 1))
	log=$(mktemp)
	KR_QEMU_MEMORY=192 console_start "$log" sh "$top/$board/run-qemu.sh" "$o/images"
	console_wait 'login: *$' 300 || { console_stop; echo "bench-containers: run $i: no login prompt" >&2; exit 1; }
	console_send root
	console_wait '# $' 30 || true
	want=$(console_run 'ls /containers/services | wc -l' 30 | tr -d ' ')
	up=""
	while [ -z "$up" ]; do
		out=$(console_run "ctr -n services.kitroot task ls | grep -c ' RUNNING\$'; cut -d' ' -f1 /proc/uptime" 60)
		[ "$(echo "$out" | sed -n 1p)" = "$want" ] && up=$(echo "$out" | sed -n 2p)
		[ "$(console_elapsed_ms)" -lt 300000 ] || { console_stop; echo "bench-containers: services not all running" >&2; exit 1; }
	done
	mem=$(console_run "free | awk '/^Mem:/ { print \$3 }'" 30)
	onboot=$(console_text | sed -n 's/.*kitroot: container \([^ ]*\) done in \([0-9]*\) ms.*/\1 \2 ms/p' | tr '\n' ',' | sed 's/,$//; s/,/, /g')
	cd_ms=$(console_text | sed -n 's/.*kitroot: containerd ready in \([0-9]*\) ms.*/\1/p' | head -n 1)
	done_ms=$(console_text | sed -n 's/.*kitroot: boot complete in \([0-9]*\) ms.*/\1/p' | head -n 1)
	console_stop
	rm -f "$log"
	echo "run $i: onboot: $onboot; containerd start $cd_ms ms; boot complete $done_ms ms; $want services RUNNING by $up s; memory in use ${mem} KiB"
done
kernel=$(ls "$o"/images/bzImage "$o"/images/Image 2>/dev/null | head -n 1)
k=$(stat -c %s "$kernel") r=$(stat -c %s "$o"/images/rootfs.cpio.*)
echo "image: kernel $k B + initramfs $r B = $((k + r)) B ($(( (k + r) / 1048576 )) MiB)"
