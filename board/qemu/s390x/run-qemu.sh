#!/bin/sh
# usage: run-qemu.sh IMAGES_DIR [QEMU ARGS...]
# Boots the s390x build on QEMU's s390-ccw-virtio machine, the SCLP
# console on this terminal.  Leave with `poweroff` in the guest, or
# Ctrl-A X.  KR_S390_BOOT=iso (run-iso.sh) IPLs images/kitroot.iso
# from a SCSI CD through the s390-ccw firmware, with the parmfile's
# command line, instead of loading the kernel directly.
set -eu
images=$1
shift
. "$(dirname "$0")/../boot-files.sh"
boot_files "$images"
case ${KR_S390_BOOT:-kernel} in
kernel)
	set -- -kernel "$kernel" -initrd "$initrd" \
		-append "console=ttysclp0 panic=-1 quiet loglevel=4 $cmdline ${KR_KERNEL_CMDLINE:-}" "$@"
	;;
iso)
	[ -f "$images/kitroot.iso" ] ||
		{ echo "run-qemu: no $images/kitroot.iso (KR_IMAGE_S390_ISO in make menuconfig)" >&2; exit 1; }
	set -- -device virtio-scsi-ccw \
		-drive "file=$images/kitroot.iso,if=none,id=cd,media=cdrom,format=raw,readonly=on" \
		-device scsi-cd,drive=cd,bootindex=1 "$@"
	;;
*) echo "run-qemu: KR_S390_BOOT is kernel or iso" >&2; exit 1 ;;
esac
exec "$qemu" -M s390-ccw-virtio -accel tcg -cpu max -m "${KR_QEMU_MEMORY:-256}" -smp 1 \
	-nodefaults -no-reboot -nographic -serial mon:stdio \
	-netdev "user,id=net0${KR_QEMU_HOSTFWD:+,hostfwd=$KR_QEMU_HOSTFWD}" -device virtio-net-ccw,netdev=net0 \
	-device virtio-rng-ccw "$@"
