#!/bin/sh
# usage: run-qemu.sh IMAGES_DIR [QEMU ARGS...]
# Boots the aarch64 build on QEMU's virt machine (GICv3, Cortex-A57, an
# armv8.0 core: the baseline we compile for), serial console on this
# terminal.  Leave with `poweroff` in the guest, or Ctrl-A X.
set -eu
images=$1
shift
initrd=$(ls "$images"/rootfs.cpio.* 2>/dev/null | head -n 1)
[ -f "$images/Image" ] && [ -n "$initrd" ] ||
	{ echo "run-qemu: no Image and rootfs.cpio.* in $images: run make first" >&2; exit 1; }
exec qemu-system-aarch64 -M virt,gic-version=3 -accel tcg -cpu cortex-a57 -m 256 -smp 1 \
	-nodefaults -no-reboot -nographic -serial mon:stdio \
	-kernel "$images/Image" -initrd "$initrd" \
	-append "console=ttyAMA0 panic=-1 quiet loglevel=4 ${KR_KERNEL_CMDLINE:-}" \
	-device virtio-rng-pci "$@"
