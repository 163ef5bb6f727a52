# The UEFI images of a configuration that makes them: each boots under
# OVMF with Secure Boot on (the test's build is signed with a key made
# for it, which run-efi.sh enrolls as PK, KEK and db), and the firmware
# refuses a UKI with one byte changed and an unsigned one.
# Sourced by test/system-test.sh, inside sys_test_config.

# efi_boot WHAT IMAGES LOG: boots WHAT (disk, qcow2, iso, uki) of IMAGES.
efi_boot() {
	KR_QEMU_MEMORY=512 console_start "$3" sh "$top/$board/run-efi.sh" "$2" "$1"
}

# efi_boots WHAT: boots WHAT of the build and waits for the
# boot-complete line; writes the times, or the console's last lines, to
# $work/efi-WHAT.result.  Not in a subshell: the console stays open.
efi_boots() {
	efi_boot "$1" "$sys_o/images" "$work/efi-$1.log"
	if ! console_wait 'kitroot: boot complete in [0-9]+ ms' 300; then
		console_text | tail -n 20 > "$work/efi-$1.result"
		console_stop
		return 1
	fi
	echo "boot complete at $(console_text | sed -n 's/.*kitroot: boot complete in \([0-9]*\) ms.*/\1/p' | head -n 1) ms guest uptime, $(console_elapsed_ms) ms wall from QEMU start" \
		> "$work/efi-$1.result"
}

# On the disk image: the kernel says the firmware booted it with Secure
# Boot on (boot_params.secure_boot, offset 0x1ec: 3 is
# efi_secureboot_mode_enabled).
efi_secure_boot_on() {
	console_wait 'login: *$' 120 || { echo "no login prompt"; return 1; }
	console_send root
	console_wait '# $' 30 || true
	console_run true 30 > /dev/null || true
	# (/sys/firmware is masked in the getty container, as in every
	# runc container; boot_params is the kernel's own record.)
	mode=$(console_run 'od -An -tu1 -j 492 -N 1 /sys/kernel/boot_params/data' 30 | tr -d '\r' | tr -d ' \n')
	echo "boot_params.secure_boot: $mode (3: enabled)"
	[ "$mode" = 3 ]
}

# A UKI the firmware must refuse (Secure Boot's "Access Denied"), and
# never reach the kernel.
efi_refused() {
	# a copy of the images directory, beside a copy of the .config and
	# the build's host tools
	d=$work/efi-$1/images
	rm -rf "${d%/images}"
	mkdir -p "$d"
	cp "$sys_o/.config" "$d/../.config"
	ln -s "$sys_o/host" "$d/../host"
	cp "$sys_o/images/secure-boot.crt" "$sys_o/images/$(sys_setting KR_LINUX_IMAGE)" "$sys_o/images/rootfs.cpio."* "$d/"
	case $1 in
	tampered)
		cp "$sys_o/images/kitroot.efi" "$d/kitroot.efi"
		size=$(stat -c %s "$d/kitroot.efi")
		# One byte of the kernel section, in the middle of the file.
		printf '\001' | dd of="$d/kitroot.efi" bs=1 seek=$((size / 2)) conv=notrunc status=none
		cmp -s "$d/kitroot.efi" "$sys_o/images/kitroot.efi" && { echo "the byte did not change"; return 1; } ;;
	unsigned)
		cp "$sys_o/build/efi-images/kitroot-unsigned.efi" "$d/kitroot.efi" ;;
	esac
	efi_boot uki "$d" "$d/../console.log"
	if console_wait 'Access Denied' 180; then
		console_stop
		! grep -q 'Linux version\|kitroot: boot complete' "$d/../console.log" || { echo "the kernel ran"; return 1; }
		echo "firmware: $(grep -m1 'Access Denied' "$d/../console.log" | tr -d '\r')"
		return 0
	fi
	console_text | tail -n 20
	console_stop
	return 1
}

# The disk image's layout: a GPT with the EFI system partition at 1 MiB
# holding the signed UKI at the removable-media path, byte for byte, and
# the data partition after it, by type and name.
efi_disk_layout() {
	img=$sys_o/images/disk.img
	sfdisk --dump "$img" > "$work/efi-disk.sfdisk" || return 1
	cat "$work/efi-disk.sfdisk"
	grep -Eq '^label: gpt$' "$work/efi-disk.sfdisk" &&
		grep -Eq 'disk\.img1 : start= *2048, .*type=C12A7328-F81F-11D2-BA4B-00A0C93EC93B, .*name="EFI system partition"' "$work/efi-disk.sfdisk" &&
		grep -Eq 'disk\.img2 : .*type=0FC63DAF-8483-4772-8E79-3D69D8477DE4, .*name="kitroot-data"' "$work/efi-disk.sfdisk" ||
		{ echo "unexpected partition table"; return 1; }
	boot_file=$(sys_setting KR_ARCH_EFI_BOOT_FILE)
	rm -f "$work/efi-disk-boot.efi"
	MTOOLS_SKIP_CHECK=1 mcopy -i "$img@@1M" "::/EFI/BOOT/$boot_file" "$work/efi-disk-boot.efi" &&
		cmp "$work/efi-disk-boot.efi" "$sys_o/images/kitroot.efi"
}

sys_test_efi_images() {
	[ "$(sys_setting KR_IMAGE_UKI)" = y ] || return 0
	[ -x "$top/$board/run-efi.sh" ] || { fail "$c-efi ($board has no run-efi.sh)"; return 0; }
	[ ! -f "$sys_o/images/disk.img" ] || check "$c-efi-disk-layout" efi_disk_layout
	if efi_boots disk; then
		pass "$c-efi-disk-boots (Secure Boot firmware; $(cat "$work/efi-disk.result"))"
		check "$c-efi-secure-boot-on" efi_secure_boot_on
		console_send poweroff
		console_wait_exit 90 || true
		console_stop
	else
		fail "$c-efi-disk-boots"
		sed 's/^/    console: /' "$work/efi-disk.result"
	fi
	for what in qcow2 iso; do
		[ -f "$sys_o/images/$( [ $what = iso ] && echo kitroot.iso || echo disk.$what)" ] || continue
		if efi_boots $what; then
			pass "$c-efi-$what-boots ($(cat "$work/efi-$what.result"))"
			console_stop
		else
			fail "$c-efi-$what-boots"
			sed 's/^/    console: /' "$work/efi-$what.result"
		fi
	done
	check "$c-efi-tampered-uki-refused" efi_refused tampered
	check "$c-efi-unsigned-uki-refused" efi_refused unsigned
}
