#!/bin/sh
# usage: run-qemu.sh IMAGES_DIR [QEMU ARGS...]
# Boots the x86_64 build on the serial console (this terminal).  Leave
# with `poweroff` in the guest, or Ctrl-A X.
set -eu
images=$1
shift
here=$(cd "$(dirname "$0")" && pwd)
accel=$(sh "$here/../../../scripts/qemu-accel.sh" qemu-system-x86_64)
cpu=max
[ "$accel" = kvm ] && cpu=host
. "$here/../boot-files.sh"
boot_files "$images" bzImage
exec qemu-system-x86_64 -M q35 -accel "$accel" -cpu "$cpu" -m 256 -smp 1 \
	-nodefaults -no-reboot -nographic -serial mon:stdio \
	-kernel "$kernel" -initrd "$initrd" \
	-append "console=ttyS0 panic=-1 quiet loglevel=4 $cmdline ${KR_KERNEL_CMDLINE:-}" \
	-device virtio-rng-pci "$@"
