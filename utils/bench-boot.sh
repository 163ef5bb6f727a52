#!/bin/sh
# usage: bench-boot.sh [O] [RUNS] [EFI_BOOT]
#
# Boots the build RUNS times (default 3) and reports, per run and as the
# median: the guest's uptime when init printed "boot complete" and the
# wall time from starting QEMU to that line.  EFI_BOOT (disk, qcow2, iso
# or uki) boots that UEFI image with the board's run-efi.sh, under the
# firmware, instead of run-qemu.sh's direct kernel boot; iso on a board
# with run-iso.sh (IBM Z) IPLs the ISO under its firmware.
# KR_BENCH_BOARD=DIR boots with another board's scripts (the Raspberry
# Pi's, board/raspberrypi/rpi4-64, on an aarch64 build with its SD
# card: raspi3b).  A report,
# not a test: it prints figures and fails only if the system does not
# boot.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
o=${1:-$top/output}
runs=${2:-3}
efi=${3:-}
images=$o/images
. "$top/support/lib/config.sh"
board=${KR_BENCH_BOARD:-$(board_path "$o")}
qemu=$(qemu_path "$o")
[ -n "$board" ] || { echo "bench-boot: $o/.config names no board: build first" >&2; exit 1; }
. "$top/support/lib/qemu-console.sh"
. "$top/support/lib/median.sh"

guests="" walls=""
i=0
while [ "$i" -lt "$runs" ]; do
	i=$((i + 1))
	log=$(mktemp)
	if [ "$efi" = iso ] && [ -x "$board/run-iso.sh" ]; then
		set -- sh "$board/run-iso.sh" "$images"         # IBM Z: IPL under s390-ccw
	elif [ -n "$efi" ]; then
		set -- sh "$board/run-efi.sh" "$images" "$efi"  # a UEFI image under OVMF
	else
		set -- sh "$board/run-qemu.sh" "$images"        # the kernel loaded directly
	fi
	console_start "$log" "$@"
	console_wait 'kitroot: boot complete in [0-9]+ ms' 300 ||
		{ console_text | tail -n 20 >&2; console_stop; echo "bench-boot: run $i failed" >&2; exit 1; }
	wall=$(console_elapsed_ms)
	guest=$(console_text | sed -n 's/.*boot complete in \([0-9]*\) ms.*/\1/p' | head -n 1)
	console_stop
	rm -f "$log"
	echo "run $i: guest uptime $guest ms at boot complete, $wall ms wall from QEMU start"
	guests="$guests $guest" walls="$walls $wall"
done
echo "median of $runs: guest $(median "$guests") ms, wall $(median "$walls") ms" \
	"(accel: $(sh "$top/support/qemu/qemu-accel.sh" "$qemu")${efi:+; firmware, $efi})"
echo "kernel $(wc -c < "$images/$(config_get "$o/.config" KR_LINUX_IMAGE)") bytes," \
	"initramfs $(cat "$images"/rootfs.cpio.* | wc -c) bytes"
