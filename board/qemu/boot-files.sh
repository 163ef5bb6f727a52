# Sourced by the QEMU boards' run-qemu.sh: boot_files IMAGES_DIR sets
# $kernel and $initrd to the build's kernel image and initramfs, $cmdline
# to the configuration's kernel command line (images/cmdline) and $qemu
# to the architecture's QEMU (qemu_path), all read from the build
# whose images these are (IMAGES_DIR/../.config), or stops with a
# message saying to build first.
boot_files() {
	_top=$(cd "$(dirname "$(realpath "$0")")/../../.." && pwd)
	. "$_top/support/lib/config.sh"
	_config=$1/../.config
	if [ ! -f "$_config" ]; then
		echo "run-qemu: no .config beside $1: give the images directory of a build (O/images)" >&2
		exit 1
	fi
	kernel=$1/$(config_get "$_config" KR_LINUX_IMAGE)
	qemu=$(qemu_path "$1/..")
	initrd=$(ls "$1"/rootfs.cpio.* 2>/dev/null | head -n 1)
	if [ ! -f "$kernel" ] || [ -z "$initrd" ] || { [ "${qemu#/}" != "$qemu" ] && [ ! -x "$qemu" ]; }; then
		echo "run-qemu: no ${kernel##*/}, rootfs.cpio.* or ${qemu##*/} in $1/..: run make first" >&2
		exit 1
	fi
	cmdline=$(cat "$1/cmdline" 2>/dev/null || true)
}
