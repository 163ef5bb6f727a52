#!/bin/sh
# usage: run-qemu.sh IMAGES_DIR [QEMU ARGS...]
# Boots the x86_64 build on the serial console (this terminal).  Leave
# with `poweroff` in the guest, or Ctrl-A X.  The guest has one network
# interface on QEMU's user network; KR_QEMU_HOSTFWD=tcp::8080-:80 forwards
# a host port to it, KR_QEMU_MEMORY sets the memory in MiB (default 256),
# KR_QEMU_CPUS the number of vCPUs (default 2).
set -eu
images=$1
shift
# (resolved: an external tree's board may link to this script)
here=$(cd "$(dirname "$(realpath "$0")")" && pwd)
. "$here/../boot-files.sh"
boot_files "$images"
accel=$(sh "$here/../../../support/qemu/qemu-accel.sh" "$qemu")
# Without CMPXCHG16B under TCG: QEMU 7.2's emulation of the slab
# allocator's per-CPU cmpxchg16b crashed the guest kernel (double fault
# in kmem_cache_alloc_node) in 2 of 8 boots of the containerd system,
# none of 8 without it (docs/security.md, known problems).
cpu=max,-cx16
[ "$accel" = kvm ] && cpu=host
# An Intel IOMMU with interrupt remapping (which needs the split irqchip
# under KVM), as on a server: the devices do their DMA through it
# (iommu_platform), so the kernel's strict DMA mode is exercised.
dma=iommu_platform=on,disable-legacy=on
# Two vCPUs, as a server has several: under TCG each is a host thread
# (QEMU's multi-threaded TCG), and the boot is CPU-bound, so the
# containerd system's services are up sooner than with one (measured:
# docs/containers.md, boot time).
exec "$qemu" -M q35,kernel-irqchip=split -accel "$accel" -cpu "$cpu" -m "${KR_QEMU_MEMORY:-256}" -smp "${KR_QEMU_CPUS:-2}" \
	-nodefaults -no-reboot -nographic -serial mon:stdio \
	-device intel-iommu,intremap=on \
	-kernel "$kernel" -initrd "$initrd" \
	-append "console=ttyS0 panic=-1 quiet loglevel=4 $cmdline ${KR_KERNEL_CMDLINE:-}" \
	-netdev "user,id=net0${KR_QEMU_HOSTFWD:+,hostfwd=$KR_QEMU_HOSTFWD}" -device "virtio-net-pci,netdev=net0,$dma" \
	-device "virtio-rng-pci,$dma" "$@"
