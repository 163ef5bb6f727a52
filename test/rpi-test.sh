# The Raspberry Pi's SD card image (the aarch64 system of make test
# makes one with the same kernel): its MBR and boot partition (the
# firmware, config.txt, cmdline.txt, and the kernel, initramfs and
# device trees byte for byte), then what the card holds boots on
# QEMU's raspi3b (a Pi 3B) with the card as its SD card: the kernel
# finds the SoC's devices, and the data partition, named by PARTUUID on
# cmdline.txt, gets its filesystem; and on raspi4b (a Pi 4B) with the
# Pi 4's device tree.
# Sourced by test/system-test.sh, inside sys_test_config.

rpi_mtools() { MTOOLS_SKIP_CHECK=1 MTOOLSRC=/dev/null "$@"; }

rpi_card_layout() {
	img=$sys_o/images/sdcard.img
	sys_disk_table "$img" "$work/rpi-card.sfdisk" dos 'sdcard\.img1 : start= *2048, .*type=c, bootable$' \
		'sdcard\.img2 : start= *[0-9]+, .*type=83$' || return 1
	disk_id=$(sed -n 's/^label-id: 0x//p' "$work/rpi-card.sfdisk")
	# the boot partition: exactly these files, each the build's own
	rm -rf "$work/rpi-boot" && mkdir -p "$work/rpi-boot" || return 1
	rpi_mtools mcopy -s -n -i "$img@@1M" '::/*' "$work/rpi-boot/" || return 1
	fw=$sys_o/host/lib/raspi-firmware
	dtbs=$(for d in $(sys_setting KR_LINUX_DTBS); do echo "$sys_o/images/${d##*/}.dtb"; done)
	expected=$(for f in "$fw"/* "$sys_o/images/Image" "$(sys_initramfs)" $dtbs; do
		echo "${f##*/}"; done; echo config.txt; echo cmdline.txt)
	echo "boot partition: $(ls "$work/rpi-boot" | tr '\n' ' ')"
	[ "$(ls "$work/rpi-boot" | sort)" = "$(echo "$expected" | sort)" ] ||
		{ echo "expected: $(echo "$expected" | sort | tr '\n' ' ')"; return 1; }
	for f in "$fw"/* "$sys_o/images/Image" "$(sys_initramfs)" $dtbs "$top/board/raspberrypi/rpi4-64/config.txt"; do
		cmp "$f" "$work/rpi-boot/${f##*/}" || return 1
	done
	# config.txt: 64-bit, the kernel and initramfs, the header's UART
	for l in arm_64bit=1 kernel=Image "initramfs $(basename "$(sys_initramfs)") followkernel" enable_uart=1 \
		device_tree=bcm2711-rpi-4-b.dtb device_tree=bcm2837-rpi-3-b.dtb; do
		grep -qx "$l" "$work/rpi-boot/config.txt" || { echo "config.txt: no line '$l'"; return 1; }
	done
	# cmdline.txt: one line, the mini UART console, the hardening, the
	# data partition by this disk's PARTUUID
	echo "cmdline.txt: $(cat "$work/rpi-boot/cmdline.txt")"
	[ "$(wc -l < "$work/rpi-boot/cmdline.txt")" = 1 ] &&
		grep -q "^$(sys_setting KR_IMAGE_RPI_CONSOLE) panic=10 quiet $(sys_setting KR_LINUX_CMDLINE) kitroot.data=PARTUUID=$disk_id-02\$" \
			"$work/rpi-boot/cmdline.txt" || { echo "unexpected cmdline.txt"; return 1; }
	# the data partition starts with the blank marker
	start=$(sed -n 's/.*sdcard\.img2 : start= *\([0-9]*\),.*/\1/p' "$work/rpi-card.sfdisk")
	dd if="$top/pkg/data-partition/files/blank-marker" of="$work/rpi-blank-sector" bs=512 count=1 conv=sync status=none
	dd if="$img" bs=512 skip="$start" count=1 status=none | cmp - "$work/rpi-blank-sector"
}

# After boot: the machine is the Pi 3B of its device tree; the SD card
# and its partitions, the Pi's RNG, the firmware mailbox, the thermal
# sensor and the watchdog are found.
rpi_devices() {
	out=$(console_run 'tr -d "\0" < /proc/device-tree/model; echo; ls /sys/class/block | tr "\n" " "; echo; cat /sys/class/misc/hw_random/rng_available; ls /sys/bus/platform/drivers | grep -c -e "^raspberrypi-firmware$" -e "^bcm2835-mbox$"; ls /sys/class/thermal /sys/class/watchdog | grep -c -e "^thermal_zone0$" -e "^watchdog0$"' 30) ||
		{ echo "no answer"; return 1; }
	echo "$out"
	[ "$(echo "$out" | sed -n 1p)" = "Raspberry Pi 3 Model B" ] &&
		echo "$out" | sed -n 2p | grep -q 'mmcblk0p1 mmcblk0p2' &&
		echo "$out" | sed -n 3p | grep -q 'rng' &&
		[ "$(echo "$out" | sed -n 4p)" = 2 ] && [ "$(echo "$out" | sed -n 5p)" = 2 ]
}

# The data partition: found by the PARTUUID of cmdline.txt, blank, so
# formatted, and mounted.
rpi_data_partition() {
	console_text | grep 'data-partition:'
	console_text | grep -q 'data-partition: /dev/mmcblk0p2 is blank: making an ext4 filesystem' &&
		console_text | grep -q 'data-partition: /dev/mmcblk0p2 mounted at /var/lib/kitroot' || return 1
	out=$(console_run 'grep " /var/lib/kitroot " /proc/mounts' 30)
	echo "$out"
	echo "$out" | grep -q '^/dev/mmcblk0p2 /var/lib/kitroot ext4 '
}

# The machine of the booted device tree.
rpi_model() {
	out=$(console_run 'tr -d "\0" < /proc/device-tree/model; echo' 30) || { echo "no answer"; return 1; }
	echo "model: $out"
	[ "$out" = "$1" ]
}

# rpi_boots MACHINE: boots the card's files on QEMU's MACHINE (raspi3b,
# raspi4b), waiting for the boot-complete line; reports the times.
rpi_boots() {
	console_start "$work/rpi-$1-console.log" env KR_RPI_MACHINE="$1" \
		sh "$top/board/raspberrypi/rpi4-64/run-qemu.sh" "$sys_o/images"
	if console_wait 'kitroot: boot complete in [0-9]+ ms' 600; then
		guest=$(console_text | sed -n 's/.*kitroot: boot complete in \([0-9]*\) ms.*/\1/p' | head -n 1)
		pass "$c-rpi-$1-boots (the card's kernel, device tree and initramfs; guest uptime ${guest} ms at boot complete, $(console_elapsed_ms) ms wall from QEMU start)"
		console_run true 30 > /dev/null || true
		return 0
	fi
	fail "$c-rpi-$1-boots (no boot-complete line)"
	console_text | tail -n 30 | sed 's/^/    console: /'
	console_stop
	return 1
}

# (the machines do not stop at power-off: init's line is the proof)
rpi_poweroff() {
	console_send poweroff
	if console_wait 'kitroot: poweroff$' 60; then pass "$c-rpi-$1-poweroff"; else fail "$c-rpi-$1-poweroff"; fi
	console_stop
}

sys_test_rpi_images() {
	check "$c-rpi-card-layout" rpi_card_layout
	if rpi_boots raspi3b; then
		check "$c-rpi-raspi3b-devices" rpi_devices
		check "$c-rpi-data-partition" rpi_data_partition
		rpi_poweroff raspi3b
	fi
	# The Pi 4 (QEMU 10's raspi4b, which hides the SD card from emmc2):
	# the same kernel boots with the Pi 4's device tree.
	if rpi_boots raspi4b; then
		check "$c-rpi-raspi4b-model" rpi_model "Raspberry Pi 4 Model B"
		rpi_poweroff raspi4b
	fi
}
