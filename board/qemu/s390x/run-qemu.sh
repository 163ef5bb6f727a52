#!/bin/sh
# usage: run-qemu.sh IMAGES_DIR [QEMU ARGS...]
# Boots the s390x build on QEMU's s390-ccw-virtio machine, the SCLP
# console on this terminal.  Leave with `poweroff` in the guest, or
# Ctrl-A X.
set -eu
images=$1
shift
initrd=$(ls "$images"/rootfs.cpio.* 2>/dev/null | head -n 1)
[ -f "$images/bzImage" ] && [ -n "$initrd" ] ||
	{ echo "run-qemu: no bzImage and rootfs.cpio.* in $images: run make first" >&2; exit 1; }
exec qemu-system-s390x -M s390-ccw-virtio -accel tcg -cpu max -m 256 -smp 1 \
	-nodefaults -no-reboot -nographic -serial mon:stdio \
	-kernel "$images/bzImage" -initrd "$initrd" \
	-append "console=ttysclp0 panic=-1 quiet loglevel=4 ${KR_KERNEL_CMDLINE:-}" \
	-device virtio-rng-ccw "$@"
