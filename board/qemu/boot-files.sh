# Sourced by the QEMU boards' run-qemu.sh: boot_files IMAGES_DIR KERNEL
# sets $kernel and $initrd to the build's kernel image and initramfs, and
# $cmdline to the configuration's kernel command line (images/cmdline),
# or stops with a message saying to build first.
boot_files() {
	kernel=$1/$2
	initrd=$(ls "$1"/rootfs.cpio.* 2>/dev/null | head -n 1)
	if [ ! -f "$kernel" ] || [ -z "$initrd" ]; then
		echo "run-qemu: no $2 and rootfs.cpio.* in $1: run make first" >&2
		exit 1
	fi
	cmdline=$(cat "$1/cmdline" 2>/dev/null || true)
}
