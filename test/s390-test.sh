# The IBM Z images of an s390x build (docs/s390x.md): the load files
# agree with the kernel's own definition of its parameter area, the
# ISO's boot image is what the .ins loads, and the ISO IPLs under the
# s390-ccw firmware.  Sourced by test/system-test.sh.

# The addresses of the parameter area's fields, from the kernel source
# the build compiled: struct parmarea and PARMAREA in
# arch/s390/include/asm/setup.h, laid out by the host's compiler (an
# unsigned long is 8 bytes on x86_64 as on s390x).  Prints
# "INITRD_START INITRD_SIZE MAX_COMMAND_LINE_SIZE COMMAND_LINE".
s390_parmarea_offsets() {
	d="$work/parmarea-$c"
	# (laid out once per configuration)
	[ ! -x "$d/offsets" ] || { "$d/offsets"; return; }
	setup_h=$(ls "$sys_o"/build/linux-[0-9]*/arch/s390/include/asm/setup.h 2> /dev/null | head -n 1)
	[ -f "$setup_h" ] || { echo "no arch/s390/include/asm/setup.h in the kernel build" >&2; return 1; }
	mkdir -p "$d"
	parmarea=$(sed -n 's/^#define PARMAREA[[:space:]]*\(0x[0-9a-fA-F]*\).*/\1/p' "$setup_h")
	[ -n "$parmarea" ] || { echo "no PARMAREA in $setup_h" >&2; return 1; }
	sed -n '/^struct parmarea {/,/^}/p' "$setup_h" > "$d/parmarea.h"
	grep -q command_line "$d/parmarea.h" || { echo "no struct parmarea in $setup_h" >&2; return 1; }
	cat > "$d/offsets.c" <<-EOF
	#include <stddef.h>
	#include <stdio.h>
	#define COMMAND_LINE_SIZE 4096
	#include "parmarea.h"
	int main(void)
	{
		printf("%zu %zu %zu %zu\n", $parmarea + offsetof(struct parmarea, initrd_start),
			$parmarea + offsetof(struct parmarea, initrd_size),
			$parmarea + offsetof(struct parmarea, max_command_line_size),
			$parmarea + offsetof(struct parmarea, command_line));
		return 0;
	}
	EOF
	cc -o "$d/offsets" "$d/offsets.c" && "$d/offsets"
}

# The initramfs's name in images/.
s390_initrd() { basename "$(sys_initramfs)"; }

# The big-endian 64-bit number at byte OFFSET of FILE.
s390_be64() {
	h=$(od -A n -t x1 -j "$2" -N 8 "$1" | tr -d ' \n')
	echo $((0x$h))
}

# kitroot.ins places the parmfile at the command line's address and
# initrd.addrsize at initrd_start's (initrd_size right after it); the
# addrsize file names the initrd's address in the .ins and its size.
s390_load_files() {
	set -- $(s390_parmarea_offsets)
	[ $# -eq 4 ] || { echo "no offsets from setup.h"; return 1; }
	initrd_start=$1 initrd_size=$2 max_field=$3 cmdline_at=$4
	echo "setup.h: initrd_start $(printf %#x "$initrd_start"), initrd_size $(printf %#x "$initrd_size"), command_line $(printf %#x "$cmdline_at")"
	[ "$initrd_size" -eq $((initrd_start + 8)) ] || { echo "initrd_size does not follow initrd_start"; return 1; }
	ins="$sys_o/images/kitroot.ins"
	cat "$ins"
	at() { awk -v f="$1" '$1 == f { print $2 }' "$ins"; }
	kernel=$(sys_setting KR_LINUX_IMAGE)
	initrd=$(s390_initrd)
	[ "$(($(at "$kernel")))" -eq 0 ] || { echo "the kernel is not loaded at 0"; return 1; }
	[ "$(($(at parmfile)))" -eq "$cmdline_at" ] || { echo "parmfile is not at command_line"; return 1; }
	[ "$(($(at initrd.addrsize)))" -eq "$initrd_start" ] || { echo "initrd.addrsize is not at initrd_start"; return 1; }
	initrd_at=$(($(at "$initrd")))
	[ "$(s390_be64 "$sys_o/images/initrd.addrsize" 0)" -eq "$initrd_at" ] &&
		[ "$(s390_be64 "$sys_o/images/initrd.addrsize" 8)" -eq "$(stat -c %s "$sys_o/images/$initrd")" ] ||
		{ echo "initrd.addrsize does not hold the initrd's address and size"; return 1; }
	# the .ins's files in the kernel, parmfile, addrsize, initrd order
	[ "$(grep -v '^\*' "$ins" | cut -d' ' -f1 | tr '\n' ' ')" = "$kernel parmfile initrd.addrsize $initrd " ] ||
		{ echo "the .ins does not load the kernel first and the initrd last"; return 1; }
	# the command line fits the kernel's limit, as the image states it
	max=$(s390_be64 "$sys_o/images/$kernel" "$max_field")
	len=$(wc -c < "$sys_o/images/parmfile")
	echo "parmfile $len bytes, the kernel takes $max"
	[ "$len" -lt "$max" ] || { echo "the parmfile is longer than the kernel takes"; return 1; }
	awk 'length($0) > 80 { long = 1 } END { exit long }' "$sys_o/images/parmfile" ||
		{ echo "a parmfile line is longer than z/VM's 80-byte records"; return 1; }
}

# The ISO's El Torito boot image is cdboot.img, and it is the kernel
# with the parmfile, addrsize and initrd at the .ins's addresses.
s390_iso_boot_image() {
	iso="$sys_o/images/kitroot.iso"
	d="$work/iso-$c"
	rm -rf "$d" && mkdir -p "$d"
	xorriso -indev "$iso" -report_el_torito plain 2> /dev/null > "$d/el-torito" || return 1
	cat "$d/el-torito"
	grep -q "El Torito boot img :.*1.*BIOS.*none" "$d/el-torito" || { echo "no no-emulation boot image"; return 1; }
	grep -q "El Torito img path :.*/cdboot.img" "$d/el-torito" || { echo "the boot image is not /cdboot.img"; return 1; }
	xorriso -osirrox on -indev "$iso" -extract / "$d/tree" > /dev/null 2>&1 || return 1
	initrd="$sys_o/images/$(s390_initrd)"
	for f in kitroot.ins parmfile initrd.addrsize "$(sys_setting KR_LINUX_IMAGE)" "${initrd##*/}"; do
		cmp "$d/tree/$f" "$sys_o/images/$f" || { echo "the ISO's $f differs from images/$f"; return 1; }
	done
	img="$d/tree/cdboot.img"
	# Each file of the .ins at its address, later ones over earlier ones:
	# the kernel up to the parameter area, the two fields, the command
	# line (NUL-terminated), and the initrd to the image's end.
	set -- $(s390_parmarea_offsets)
	[ $# -eq 4 ] || { echo "no offsets from setup.h"; return 1; }
	cmdline_at=$4
	kernel="$sys_o/images/$(sys_setting KR_LINUX_IMAGE)"
	cmp -n "$1" "$img" "$kernel" || { echo "the boot image does not start with the kernel"; return 1; }
	cmp -n 16 -i "$1:0" "$img" "$sys_o/images/initrd.addrsize" || { echo "no initrd address and size at $1"; return 1; }
	len=$(wc -c < "$sys_o/images/parmfile")
	cmp -n "$len" -i "$cmdline_at:0" "$img" "$sys_o/images/parmfile" || { echo "no parmfile at $cmdline_at"; return 1; }
	[ "$(od -A n -t x1 -j $((cmdline_at + len)) -N 1 "$img" | tr -d ' ')" = 00 ] ||
		{ echo "the command line is not NUL-terminated"; return 1; }
	initrd_at=$(s390_be64 "$sys_o/images/initrd.addrsize" 0)
	cmp -i "$initrd_at:0" "$img" "$initrd" || { echo "no initrd at $initrd_at"; return 1; }
	[ "$(stat -c %s "$img")" -eq $((initrd_at + $(stat -c %s "$initrd"))) ] ||
		{ echo "the boot image does not end with the initrd"; return 1; }
}

# IPL from the ISO as a SCSI CD (no -kernel): the firmware loads the
# boot image, the kernel takes the parmfile's command line.
s390_iso_boot() {
	log="$work/console-$c-iso.log"
	console_start "$log" sh "$board/run-iso.sh" "$sys_o/images"
	if ! console_wait 'kitroot: boot complete in [0-9]+ ms' 300; then
		console_text | tail -n 30
		console_stop
		return 1
	fi
	iso_guest=$(console_text | sed -n 's/.*kitroot: boot complete in \([0-9]*\) ms.*/\1/p' | head -n 1)
	iso_wall=$(console_elapsed_ms)
	console_run true 30 > /dev/null || true
	want=$(echo $(cat "$sys_o/images/parmfile"))
	got=$(console_run 'echo $(cat /proc/cmdline)' 30 | tr -d '\r')
	echo "cmdline: $got"
	console_send poweroff
	console_wait_exit 60 || true
	console_stop
	echo "IPL from the ISO: boot complete at $iso_guest ms guest uptime, $iso_wall ms wall"
	[ "$got" = "$want" ] || { echo "/proc/cmdline is not the parmfile's ($want)"; return 1; }
}

# sys_test_s390_images [static]: static, the image checks without the
# IPL (which needs a root shell on the console).
sys_test_s390_images() {
	check "$c-s390-load-files" s390_load_files
	check "$c-s390-iso-boot-image" s390_iso_boot_image
	[ "${1:-}" = static ] && return 0
	check "$c-s390-iso-boot" s390_iso_boot && grep '^IPL from' "$work/$c-s390-iso-boot.log" | sed 's/^/    /'
}
