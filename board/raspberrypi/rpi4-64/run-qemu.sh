#!/bin/sh
# usage: run-qemu.sh IMAGES_DIR [QEMU ARGS...]
# Boots what sdcard.img holds on QEMU's raspi3b (a Raspberry Pi 3B:
# BCM2837, 4 cores, 1 GiB; QEMU 7.2 has no Pi 4): QEMU cannot run the
# Pi's GPU firmware, so it is handed the kernel, the Pi 3's device tree,
# the initramfs and cmdline.txt read from the card's boot partition,
# and the card itself as its SD card (a copy, grown to the power of two
# QEMU asks for, in the build's O/build/rpi-run/).  The console is the
# mini UART, QEMU's second serial port.  The machine does not stop on
# power-off: leave with Ctrl-A X.
set -eu
images=$1
shift
. "$(dirname "$(realpath "$0")")/../../qemu/boot-files.sh"
boot_files "$images"
card=$images/sdcard.img
[ -f "$card" ] || { echo "run-qemu: no $card: enable it in make menuconfig (Image, Raspberry Pi images) and run make" >&2; exit 1; }
run_dir=$images/../build/rpi-run
rm -rf "$run_dir"
mkdir -p "$run_dir"
export MTOOLS_SKIP_CHECK=1 MTOOLSRC=/dev/null
boot=$card@@1M
for f in Image bcm2837-rpi-3-b.dtb cmdline.txt config.txt; do
	mcopy -n -i "$boot" "::/$f" "$run_dir/$f" ||
		{ echo "run-qemu: no $f on the boot partition of $card" >&2; exit 1; }
done
initramfs=$(sed -n 's/^[ \t]*initramfs[ \t][ \t]*\([^ \t]*\).*/\1/p' "$run_dir/config.txt" | head -n 1)
mcopy -n -i "$boot" "::/$initramfs" "$run_dir/initramfs" ||
	{ echo "run-qemu: config.txt's initramfs $initramfs is not on the boot partition of $card" >&2; exit 1; }
cp --sparse=always "$card" "$run_dir/sdcard.img"
size=$(stat -c %s "$card") power=1
while [ "$power" -lt "$size" ]; do power=$((power * 2)); done
truncate -s "$power" "$run_dir/sdcard.img"
exec "$qemu" -M raspi3b -accel tcg -display none -no-reboot \
	-serial null -serial mon:stdio \
	-kernel "$run_dir/Image" -dtb "$run_dir/bcm2837-rpi-3-b.dtb" -initrd "$run_dir/initramfs" \
	-append "$(cat "$run_dir/cmdline.txt") ${KR_KERNEL_CMDLINE:-}" \
	-drive if=sd,format=raw,file="$run_dir/sdcard.img" "$@"
