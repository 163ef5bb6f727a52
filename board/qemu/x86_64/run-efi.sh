#!/bin/sh
# usage: run-efi.sh IMAGES_DIR [disk|qcow2|iso|uki] [QEMU ARGS...]
# Boots the build's UEFI images as a server's firmware would: QEMU's
# q35 with SMM and OVMF's Secure Boot firmware (Debian's ovmf), the
# disk image (default) or its qcow2 as a virtio disk, the ISO as a CD
# (AHCI), or the UKI alone on a FAT disk.  Secure Boot is on with the
# build's own key: the firmware's variables get images/secure-boot.crt
# as PK, KEK and db (virt-fw-vars, pkg/virt-firmware), so the firmware
# starts what the build signed and nothing else.  KR_OVMF_VARS names
# another variables file to start from as is; an unsigned build starts
# the firmware without keys (setup mode: Secure Boot off), and this says
# so.  The variables are made afresh for each run in the build's
# O/build/efi-run/ (with the FAT directory of the uki case);
# KR_OVMF_VARS_COPY names a file that keeps them across runs instead.
# Leave with `poweroff` in the guest, or Ctrl-A X.
set -eu
images=$1
what=${2:-disk}
[ $# -lt 2 ] || shift
shift
# (resolved: an external tree's board may link to this script)
here=$(cd "$(dirname "$(realpath "$0")")" && pwd)
top=$(cd "$here/../../.." && pwd)
. "$here/../boot-files.sh"
boot_files "$images"
boot_file=$(config_get "$images/../.config" KR_ARCH_EFI_BOOT_FILE)
run_dir=$images/../build/efi-run
mkdir -p "$run_dir"
ovmf=/usr/share/OVMF
code=$ovmf/OVMF_CODE_4M.secboot.fd
[ -r "$code" ] || { echo "run-efi: no $code: install Debian's ovmf package" >&2; exit 1; }

case $what in
disk) [ -f "$images/disk.img" ] && drive="-drive if=none,id=boot,format=raw,file=$images/disk.img,snapshot=${KR_EFI_SNAPSHOT:-on} -device virtio-blk-pci,drive=boot,bootindex=1" ;;
qcow2) [ -f "$images/disk.qcow2" ] && drive="-drive if=none,id=boot,format=qcow2,file=$images/disk.qcow2,snapshot=${KR_EFI_SNAPSHOT:-on} -device virtio-blk-pci,drive=boot,bootindex=1" ;;
iso) [ -f "$images/kitroot.iso" ] && drive="-drive if=none,id=boot,media=cdrom,readonly=on,format=raw,file=$images/kitroot.iso -device ide-cd,drive=boot,bootindex=1" ;;
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
	vars=$KR_OVMF_VARS_COPY
else
	vars=$run_dir/ovmf-vars.fd
	rm -f "$vars"
fi
if [ -s "$vars" ]; then
	:
elif [ -n "${KR_OVMF_VARS:-}" ]; then
	cp "$KR_OVMF_VARS" "$vars"
elif [ -f "$images/secure-boot.crt" ]; then
	enroll=$images/../host/bin/virt-fw-vars
	[ -x "$enroll" ] || { echo "run-efi: no $enroll: run make first" >&2; exit 1; }
	# the certificate's owner GUID, derived from it
	. "$top/support/image/guid.sh"
	owner=$(guid "$(openssl x509 -in "$images/secure-boot.crt" -noout -fingerprint -sha256)")
	"$enroll" --input "$ovmf/OVMF_VARS_4M.fd" --output "$vars" --secure-boot \
		--set-pk "$owner" "$images/secure-boot.crt" --add-kek "$owner" "$images/secure-boot.crt" \
		--add-db "$owner" "$images/secure-boot.crt" > "$run_dir/virt-fw-vars.log" 2>&1 ||
		{ cat "$run_dir/virt-fw-vars.log" >&2; echo "run-efi: could not enroll the build's certificate" >&2; exit 1; }
else
	cp "$ovmf/OVMF_VARS_4M.fd" "$vars"
	echo "run-efi: the build is not signed: the firmware has no keys, Secure Boot is off" >&2
fi

accel=$(sh "$top/support/qemu/qemu-accel.sh" "$qemu")
cpu=max,-cx16
[ "$accel" = kvm ] && cpu=host
dma=iommu_platform=on,disable-legacy=on
# shellcheck disable=SC2086
exec "$qemu" -M q35,smm=on,kernel-irqchip=split -accel "$accel" -cpu "$cpu" \
	-m "${KR_QEMU_MEMORY:-512}" -smp 1 -nodefaults -no-reboot -nographic -serial mon:stdio \
	-global driver=cfi.pflash01,property=secure,value=on \
	-drive if=pflash,format=raw,unit=0,readonly=on,file="$code" \
	-drive if=pflash,format=raw,unit=1,file="$vars" \
	-device intel-iommu,intremap=on $drive \
	-netdev "user,id=net0${KR_QEMU_HOSTFWD:+,hostfwd=$KR_QEMU_HOSTFWD}" -device "virtio-net-pci,netdev=net0,$dma" \
	-device "virtio-rng-pci,$dma" "$@"
