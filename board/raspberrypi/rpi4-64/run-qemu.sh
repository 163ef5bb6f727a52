#!/bin/sh
# usage: run-qemu.sh IMAGES_DIR [QEMU ARGS...]
# Boots what sdcard.img holds on QEMU's raspi3b (a Raspberry Pi 3B:
# BCM2837, 4 cores, 1 GiB), or with KR_RPI_MACHINE=raspi4b on its Pi 4B
# (BCM2711, 2 GiB; QEMU 10, pkg/qemu): QEMU cannot run the Pi's GPU
# firmware, so it is handed the kernel, the board's device tree, the
# initramfs and cmdline.txt read from the card's boot partition, and the
# card itself as its SD card (a copy, grown to the power of two QEMU
# asks for, in the build's O/build/rpi-run/; raspi4b does not show it
# to the kernel's emmc2 driver, so the state stays in memory there).
# The console is the card's, the mini UART (QEMU's second serial port),
# except on raspi4b: QEMU 10 does not deliver the BCM2711 mini UART's
# interrupt, and the kernel spins in the port's start-up when init opens
# the console (an RCU stall, no boot), so there the PL011 (the first
# port) is made the console, as the last console= on the command line
# (the arch's firmware console, KR_ARCH_FIRMWARE_CONSOLE, is the PL011).
# The machine does not stop on power-off: leave with Ctrl-A X.
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
machine=${KR_RPI_MACHINE:-raspi3b}
case $machine in
raspi3b) dtb=bcm2837-rpi-3-b.dtb serial='-serial null -serial mon:stdio' console= ;;
raspi4b) dtb=bcm2711-rpi-4-b.dtb serial='-serial mon:stdio -serial null'
	console=$(config_get "$images/../.config" KR_ARCH_FIRMWARE_CONSOLE) ;;
*) echo "run-qemu: KR_RPI_MACHINE is raspi3b or raspi4b, not '$machine'" >&2; exit 1 ;;
esac
for f in Image "$dtb" cmdline.txt config.txt; do
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
# shellcheck disable=SC2086 # $serial is two options and their words
exec "$qemu" -M "$machine" -accel tcg -display none -no-reboot $serial \
	-kernel "$run_dir/Image" -dtb "$run_dir/$dtb" -initrd "$run_dir/initramfs" \
	-append "$(cat "$run_dir/cmdline.txt") $console ${KR_KERNEL_CMDLINE:-}" \
	-drive if=sd,format=raw,file="$run_dir/sdcard.img" "$@"
