#!/bin/sh
# usage: run-qemu.sh IMAGES_DIR [QEMU ARGS...]
# Boots the aarch64 build on QEMU's virt machine (GICv3, Cortex-A57, an
# armv8.0 core: the baseline we compile for), serial console on this
# terminal.  Leave with `poweroff` in the guest, or Ctrl-A X.
set -eu
images=$1
shift
. "$(dirname "$0")/../boot-files.sh"
boot_files "$images"
# An SMMUv3 in front of the PCIe bus, as on an Arm server: the devices
# do their DMA through it (iommu_platform), so the kernel's strict DMA
# mode is exercised.
dma=iommu_platform=on,disable-legacy=on
exec "$qemu" -M virt,gic-version=3,iommu=smmuv3 -accel tcg -cpu cortex-a57 -m "${KR_QEMU_MEMORY:-256}" -smp 1 \
	-nodefaults -no-reboot -nographic -serial mon:stdio \
	-kernel "$kernel" -initrd "$initrd" \
	-append "console=ttyAMA0 panic=-1 quiet loglevel=4 $cmdline ${KR_KERNEL_CMDLINE:-}" \
	-netdev "user,id=net0${KR_QEMU_HOSTFWD:+,hostfwd=$KR_QEMU_HOSTFWD}" -device "virtio-net-pci,netdev=net0,$dma" \
	-device "virtio-rng-pci,$dma" "$@"
