#!/bin/sh
# usage: run-efi.sh IMAGES_DIR [disk|qcow2|iso|uki] [QEMU ARGS...]
# Boots the build's UEFI images as an Arm server's firmware would
# (board/qemu/efi-run.sh): QEMU's virt machine as run-qemu.sh has it
# (GICv3, SMMUv3, Cortex-A57), with AAVMF, Debian's EDK2 for it, in the
# flash; the ISO as a SCSI CD.  Leave with `poweroff` in the guest, or
# Ctrl-A X.
set -eu
. "$(dirname "$(realpath "$0")")/../efi-run.sh"
efi_run_setup scsi-cd "$@"
shift "$efi_run_args"
dma=iommu_platform=on,disable-legacy=on
# shellcheck disable=SC2086
exec "$qemu" -M virt,gic-version=3,iommu=smmuv3 -accel "$accel" -cpu cortex-a57 \
	-m "${KR_QEMU_MEMORY:-512}" -smp 1 -nodefaults -no-reboot -nographic -serial mon:stdio \
	-drive if=pflash,format=raw,unit=0,readonly=on,file="$firmware_code" \
	-drive if=pflash,format=raw,unit=1,file="$firmware_vars" \
	-device "virtio-scsi-pci,$dma" $drive \
	-netdev "user,id=net0${KR_QEMU_HOSTFWD:+,hostfwd=$KR_QEMU_HOSTFWD}" -device "virtio-net-pci,netdev=net0,$dma" \
	-device "virtio-rng-pci,$dma" "$@"
