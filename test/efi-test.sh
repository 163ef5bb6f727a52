# The UEFI images of a configuration that makes them: each boots under
# OVMF with Secure Boot on (the test's build is signed with a key made
# for it, which run-efi.sh enrolls as PK, KEK and db), and the firmware
# refuses a UKI with one byte changed and an unsigned one.  The disk
# image boots from a copy that keeps what the guest writes: its data
# partition gets a filesystem at the first boot, and a file written
# there and sshd's host key are there after a reboot; a copy whose data
# partition holds no filesystem boots to its services and is not
# written to.
# Sourced by test/system-test.sh, inside sys_test_config.

# efi_boot WHAT IMAGES LOG: boots WHAT (disk, qcow2, iso, uki) of IMAGES.
efi_boot() {
	KR_QEMU_MEMORY=512 console_start "$3" sh "$board/run-efi.sh" "$2" "$1"
}

# efi_boots WHAT [IMAGES]: boots WHAT of the build (or of IMAGES) and
# waits for the boot-complete line; writes the times, or the console's
# last lines, to $work/efi-WHAT.result.  Not in a subshell: the console
# stays open.
efi_boots() {
	efi_boot "$1" "${2:-$sys_o/images}" "$work/efi-$1.log"
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

# efi_images_copy NAME: $work/efi-NAME/images, a copy of the images
# run-efi.sh needs (sys_images_copy); the caller adds the image to
# boot.  Sets d.
efi_images_copy() {
	sys_images_copy "efi-$1" secure-boot.crt "$(sys_setting KR_LINUX_IMAGE)" "$(basename "$(sys_initramfs)")"
}

# A UKI the firmware must refuse (Secure Boot's "Access Denied"), and
# never reach the kernel.
efi_refused() {
	efi_images_copy "$1"
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
	sys_disk_table "$img" "$work/efi-disk.sfdisk" gpt \
		'disk\.img1 : start= *2048, .*type=C12A7328-F81F-11D2-BA4B-00A0C93EC93B, .*name="EFI system partition"' \
		'disk\.img2 : .*type=0FC63DAF-8483-4772-8E79-3D69D8477DE4, .*name="kitroot-data"' || return 1
	boot_file=$(sys_setting KR_ARCH_EFI_BOOT_FILE)
	rm -f "$work/efi-disk-boot.efi"
	MTOOLS_SKIP_CHECK=1 mcopy -i "$img@@1M" "::/EFI/BOOT/$boot_file" "$work/efi-disk-boot.efi" &&
		cmp "$work/efi-disk-boot.efi" "$sys_o/images/kitroot.efi"
}

# The data partition of disk image $1: "START SIZE", in sectors.
efi_data_extent() {
	sfdisk --dump "$1" | sed -n 's/.* : start= *\([0-9]*\), size= *\([0-9]*\),.*name="kitroot-data".*/\1 \2/p'
}

# efi_data_sum IMAGE: the SHA-256 of its data partition's bytes.
efi_data_sum() {
	set -- "$1" $(efi_data_extent "$1")
	dd if="$1" bs=512 skip="$2" count="$3" status=none | sha256sum | cut -d' ' -f1
}

efi_ssh() {
	ssh -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o ConnectTimeout=60 \
		-o BatchMode=yes -p "$efi_ssh_port" -i "$work/ssh-key" root@127.0.0.1 "$1"
}

# sshd's host key, as a client sees it (dropbear makes it at the first
# connection), within 90 s: the services start after boot complete.
efi_host_key() {
	_deadline=$(( $(date +%s) + 90 ))
	while [ "$(date +%s)" -lt "$_deadline" ]; do
		ssh-keyscan -T 30 -t ed25519 -p "$efi_ssh_port" 127.0.0.1 2>/dev/null | grep -v '^#' && return 0
		sleep 2
	done
	return 1
}

# efi_boot_kept NAME: boots the disk image of $work/efi-NAME/images,
# writing to it, with sshd on $efi_ssh_port; waits for boot complete.
efi_boot_kept() {
	KR_EFI_SNAPSHOT=off KR_QEMU_HOSTFWD="tcp:127.0.0.1:$efi_ssh_port-:22" \
		efi_boot disk "$work/efi-$1/images" "$work/efi-$1/console.log"
	console_wait 'kitroot: boot complete in [0-9]+ ms' 300 && return 0
	console_text | tail -n 20
	console_stop
	return 1
}

efi_poweroff() {
	console_send poweroff
	console_wait_exit 90 || true
	console_stop
}

# The first boot made the data partition's filesystem and mounted it;
# sshd's host key is made there, and a file is written.
efi_data_first_boot() {
	console_text | grep 'data-partition:'
	console_text | grep -Eq 'data-partition: /dev/[a-z0-9]+ is blank: making an ext4 filesystem' ||
		{ echo "no filesystem made"; return 1; }
	console_text | grep -Eq 'data-partition: /dev/[a-z0-9]+ mounted at /var/lib/kitroot' ||
		{ echo "not mounted"; return 1; }
	efi_host_key > "$work/efi-host-key" && [ -s "$work/efi-host-key" ] || { echo "no host key"; return 1; }
	efi_token="written at $(date +%s%N)"
	efi_ssh "echo '$efi_token' > /etc/dropbear/kept && cat /etc/dropbear/kept" || return 1
}

# After a reboot of the same disk: mounted, not made again; the same
# host key and the file; the blank marker is gone from the partition.
efi_data_survives_reboot() {
	img=$work/efi-persist/images/disk.img
	set -- $(efi_data_extent "$img")
	dd if="$top/pkg/data-partition/files/blank-marker" of="$work/efi-blank-sector" bs=512 count=1 conv=sync status=none
	dd if="$img" bs=512 skip="$1" count=1 status=none | cmp -s - "$work/efi-blank-sector" &&
		{ echo "the blank marker is still there"; return 1; }
	efi_boot_kept persist || return 1
	console_text | grep 'data-partition:'
	console_text | grep -q 'is blank' && { echo "a filesystem was made again"; efi_poweroff; return 1; }
	console_text | grep -Eq 'data-partition: /dev/[a-z0-9]+ mounted at /var/lib/kitroot' ||
		{ echo "not mounted"; efi_poweroff; return 1; }
	key=$(efi_host_key)
	kept=$(efi_ssh 'cat /etc/dropbear/kept')
	efi_poweroff
	echo "host key: $key"
	[ "$key" = "$(cat "$work/efi-host-key")" ] || { echo "the host key changed: was $(cat "$work/efi-host-key")"; return 1; }
	echo "file: $kept"
	[ "$kept" = "$efi_token" ]
}

# A data partition that holds no ext4 filesystem (random bytes): the
# console says so, the system boots to its services (sshd answers,
# with a key in memory), and not a byte of the partition changes.
efi_data_damaged() {
	efi_images_copy damaged
	cp "$work/efi-persist/images/disk.img" "$d/disk.img"
	set -- $(efi_data_extent "$d/disk.img")
	head -c $(($2 * 512)) /dev/urandom | dd of="$d/disk.img" bs=512 seek="$1" conv=notrunc status=none
	before=$(efi_data_sum "$d/disk.img")
	efi_boot_kept damaged || return 1
	console_text | grep 'data-partition:'
	ok=y
	console_text | grep -Eq 'data-partition: /dev/[a-z0-9]+: e2fsck -p cannot check or repair it .*, so it is not mounted' ||
		{ echo "no message on the console"; ok=n; }
	efi_host_key > /dev/null && efi_ssh 'echo sshd answers' || ok=n
	efi_poweroff
	[ "$(efi_data_sum "$d/disk.img")" = "$before" ] || { echo "the partition was written to"; ok=n; }
	[ $ok = y ]
}

sys_test_efi_images() {
	[ "$(sys_setting KR_IMAGE_UKI)" = y ] || return 0
	[ -x "$board/run-efi.sh" ] || { fail "$c-efi ($board has no run-efi.sh)"; return 0; }
	[ ! -f "$sys_o/images/disk.img" ] || check "$c-efi-disk-layout" efi_disk_layout
	efi_ssh_port=$(( 20000 + $$ % 20000 + 3 ))
	efi_images_copy persist
	[ ! -f "$sys_o/images/disk.img" ] || cp "$sys_o/images/disk.img" "$d/"
	if KR_EFI_SNAPSHOT=off KR_QEMU_HOSTFWD="tcp:127.0.0.1:$efi_ssh_port-:22" efi_boots disk "$d"; then
		pass "$c-efi-disk-boots (Secure Boot firmware; $(cat "$work/efi-disk.result"))"
		check "$c-efi-secure-boot-on" efi_secure_boot_on
		if [ "$(sys_setting KR_PACKAGE_DATA_PARTITION)" = y ] && [ -f "$work/ssh-key" ]; then
			check "$c-efi-data-partition-made" efi_data_first_boot
			efi_poweroff
			check "$c-efi-data-survives-reboot" efi_data_survives_reboot
			check "$c-efi-damaged-data-partition-boots" efi_data_damaged
		else
			efi_poweroff
		fi
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

# The kernel command line is the UKI's (the arch's firmware console,
# then KR_LINUX_CMDLINE), not one a boot loader could change.
efi_minimal_cmdline() {
	out=$(console_run 'cat /proc/cmdline' 30 | tr -d '\r')
	echo "/proc/cmdline: $out"
	[ "$out" = "$(cat "$sys_o/build/firmware-cmdline")" ]
}

# The data partition, blank on the fresh disk: formatted and mounted.
efi_minimal_data() {
	console_text | grep 'data-partition:'
	console_text | grep -Eq 'data-partition: /dev/[a-z0-9]+ is blank: making an ext4 filesystem' &&
		console_text | grep -Eq 'data-partition: /dev/[a-z0-9]+ mounted at /var/lib/kitroot'
}

# A system without containers (aarch64 in make test: its UKI
# under AAVMF): the disk image's layout; it boots under the Secure Boot
# firmware with the build's key to the root shell, with the UKI's
# command line, and makes its data partition's filesystem; the same
# firmware variables refuse the unsigned UKI, which shows Secure Boot
# was on.
sys_test_efi_minimal() {
	[ -x "$board/run-efi.sh" ] || { fail "$c-efi ($board has no run-efi.sh)"; return 0; }
	check "$c-efi-disk-layout" efi_disk_layout
	if efi_boots disk; then
		pass "$c-efi-disk-boots (Secure Boot firmware; $(cat "$work/efi-disk.result"))"
		console_run true 30 > /dev/null || true
		check "$c-efi-cmdline" efi_minimal_cmdline
		[ "$(sys_setting KR_PACKAGE_DATA_PARTITION)" != y ] || check "$c-efi-data-partition-made" efi_minimal_data
		efi_poweroff
	else
		fail "$c-efi-disk-boots"
		sed 's/^/    console: /' "$work/efi-disk.result"
	fi
	check "$c-efi-unsigned-uki-refused" efi_refused unsigned
}
