#!/bin/sh
# usage: run-qemu.sh IMAGES_DIR [QEMU ARGS...]
# Boots the s390x build on QEMU's s390-ccw-virtio machine, the SCLP
# console on this terminal.  Leave with `poweroff` in the guest, or
# Ctrl-A X.
set -eu
images=$1
shift
. "$(dirname "$0")/../boot-files.sh"
boot_files "$images"
exec "$qemu" -M s390-ccw-virtio -accel tcg -cpu max -m "${KR_QEMU_MEMORY:-256}" -smp 1 \
	-nodefaults -no-reboot -nographic -serial mon:stdio \
	-kernel "$kernel" -initrd "$initrd" \
	-append "console=ttysclp0 panic=-1 quiet loglevel=4 $cmdline ${KR_KERNEL_CMDLINE:-}" \
	-netdev "user,id=net0${KR_QEMU_HOSTFWD:+,hostfwd=$KR_QEMU_HOSTFWD}" -device virtio-net-ccw,netdev=net0 \
	-device virtio-rng-ccw "$@"
