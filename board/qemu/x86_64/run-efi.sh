#!/bin/sh
# usage: run-efi.sh IMAGES_DIR [disk|qcow2|iso|uki] [QEMU ARGS...]
# Boots the build's UEFI images as a server's firmware would
# (board/qemu/efi-run.sh): QEMU's q35 with SMM and OVMF's Secure Boot
# firmware, the ISO as an AHCI CD, an Intel IOMMU in front of the
# devices.  Leave with `poweroff` in the guest, or Ctrl-A X.
set -eu
. "$(dirname "$(realpath "$0")")/../efi-run.sh"
efi_run_setup ide-cd "$@"
shift "$efi_run_args"
cpu=max,-cx16
[ "$accel" = kvm ] && cpu=host
dma=iommu_platform=on,disable-legacy=on
# shellcheck disable=SC2086
exec "$qemu" -M q35,smm=on,kernel-irqchip=split -accel "$accel" -cpu "$cpu" \
	-m "${KR_QEMU_MEMORY:-512}" -smp 1 -nodefaults -no-reboot -nographic -serial mon:stdio \
	-global driver=cfi.pflash01,property=secure,value=on \
	-drive if=pflash,format=raw,unit=0,readonly=on,file="$firmware_code" \
	-drive if=pflash,format=raw,unit=1,file="$firmware_vars" \
	-device intel-iommu,intremap=on $drive \
	-netdev "user,id=net0${KR_QEMU_HOSTFWD:+,hostfwd=$KR_QEMU_HOSTFWD}" -device "virtio-net-pci,netdev=net0,$dma" \
	-device "virtio-rng-pci,$dma" "$@"
