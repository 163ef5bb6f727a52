# Sourced by the boards' run-efi.sh (usage there: run-efi.sh IMAGES_DIR
# [disk|qcow2|iso|uki] [QEMU ARGS...]), which then start QEMU with their
# machine.  efi_run_setup CD_DEVICE "$@" boots what a server's firmware
# would: the disk image (default) or its qcow2 as a virtio disk, the ISO
# as a CD on CD_DEVICE (a QEMU device that takes a drive=), or the UKI
# alone on a FAT disk, under the arch's UEFI firmware (Debian's OVMF or
# AAVMF: KR_ARCH_EFI_FIRMWARE_* in arch/Config.in.ARCH).  Secure Boot is
# on with the build's own key: the firmware's variables get
# images/secure-boot.crt as PK, KEK and db (virt-fw-vars,
# pkg/virt-firmware), so the firmware starts what the build signed and
# nothing else.  KR_OVMF_VARS names another variables file to start
# from as is; an unsigned build starts the firmware without keys (setup
# mode: Secure Boot off), and this says so.  The variables are made
# afresh for each run in the build's O/build/efi-run/ (with the FAT
# directory of the uki case); KR_OVMF_VARS_COPY names a file that keeps
# them across runs instead.
# Sets: $qemu, $accel, $firmware_code, $firmware_vars, $drive, and
# shifts the images directory and WHAT off the caller's arguments
# (efi_run_args holds how many to shift).
efi_run_setup() {
	cd_device=$1
	shift
	images=$1
	what=${2:-disk}
	efi_run_args=2
	[ $# -ge 2 ] || efi_run_args=1
	here=$(cd "$(dirname "$(realpath "$0")")" && pwd)
	top=$(cd "$here/../../.." && pwd)
	. "$top/board/qemu/boot-files.sh"
	boot_files "$images"
	config=$images/../.config
	boot_file=$(config_get "$config" KR_ARCH_EFI_BOOT_FILE)
	firmware_code=$(config_get "$config" KR_ARCH_EFI_FIRMWARE_CODE)
	firmware_vars_blank=$(config_get "$config" KR_ARCH_EFI_FIRMWARE_VARS)
	firmware_vars_template=$(config_get "$config" KR_ARCH_EFI_FIRMWARE_VARS_TEMPLATE)
	[ -r "$firmware_code" ] || { echo "run-efi: no $firmware_code: install Debian's $(config_get "$config" KR_ARCH_EFI_FIRMWARE_PACKAGE) package" >&2; exit 1; }
	run_dir=$images/../build/efi-run
	mkdir -p "$run_dir"

	case $what in
	disk) [ -f "$images/disk.img" ] && drive="-drive if=none,id=boot,format=raw,file=$images/disk.img,snapshot=${KR_EFI_SNAPSHOT:-on} -device virtio-blk-pci,drive=boot,bootindex=1" ;;
	qcow2) [ -f "$images/disk.qcow2" ] && drive="-drive if=none,id=boot,format=qcow2,file=$images/disk.qcow2,snapshot=${KR_EFI_SNAPSHOT:-on} -device virtio-blk-pci,drive=boot,bootindex=1" ;;
	iso) [ -f "$images/kitroot.iso" ] && drive="-drive if=none,id=boot,media=cdrom,readonly=on,format=raw,file=$images/kitroot.iso -device $cd_device,drive=boot,bootindex=1" ;;
	uki) [ -f "$images/kitroot.efi" ] && {
		esp=$run_dir/esp
		rm -rf "$esp"
		mkdir -p "$esp/EFI/BOOT"
		cp "$images/kitroot.efi" "$esp/EFI/BOOT/$boot_file"
		drive="-drive if=none,id=boot,format=raw,file=fat:$esp,readonly=on -device virtio-blk-pci,drive=boot,bootindex=1"; } ;;
	*) echo "run-efi: boot what? disk, qcow2, iso or uki, not '$what'" >&2; exit 1 ;;
	esac
	[ -n "${drive:-}" ] || { echo "run-efi: no $what image in $images: enable it in make menuconfig (UEFI images) and run make" >&2; exit 1; }

	if [ -n "${KR_OVMF_VARS_COPY:-}" ]; then
		firmware_vars=$KR_OVMF_VARS_COPY
	else
		firmware_vars=$run_dir/efi-vars.fd
		rm -f "$firmware_vars"
	fi
	if [ -s "$firmware_vars" ]; then
		:
	elif [ -n "${KR_OVMF_VARS:-}" ]; then
		cp "$KR_OVMF_VARS" "$firmware_vars"
	elif [ -f "$images/secure-boot.crt" ]; then
		enroll=$images/../host/bin/virt-fw-vars
		[ -x "$enroll" ] || { echo "run-efi: no $enroll: run make first" >&2; exit 1; }
		# the certificate's owner GUID, derived from it
		. "$top/support/image/guid.sh"
		owner=$(guid "$(openssl x509 -in "$images/secure-boot.crt" -noout -fingerprint -sha256)")
		"$enroll" --input "$firmware_vars_template" --output "$firmware_vars" \
			--delete PK --delete KEK --delete db --secure-boot \
			--set-pk "$owner" "$images/secure-boot.crt" --add-kek "$owner" "$images/secure-boot.crt" \
			--add-db "$owner" "$images/secure-boot.crt" > "$run_dir/virt-fw-vars.log" 2>&1 ||
			{ cat "$run_dir/virt-fw-vars.log" >&2; echo "run-efi: could not enroll the build's certificate" >&2; exit 1; }
	else
		cp "$firmware_vars_blank" "$firmware_vars"
		echo "run-efi: the build is not signed: the firmware has no keys, Secure Boot is off" >&2
	fi
	accel=$(sh "$top/support/qemu/qemu-accel.sh" "$qemu")
}
