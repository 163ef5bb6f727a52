#!/bin/sh
# usage: s390-load-files.sh IMAGES_DIR KERNEL INITRD CMDLINE_FILE INS_NAME
#
# What an IBM Z machine loads a Linux system from, beside KERNEL and
# INITRD (file names in IMAGES_DIR): the HMC's "Load from Removable
# Media or Server" and z/VM's reader (docs/s390x.md).
#
#   parmfile         the kernel command line, in lines of at most 80
#                    characters (z/VM's reader records are 80 bytes)
#   initrd.addrsize  the initrd's address and size, two big-endian
#                    64-bit values, for the kernel's parameter area
#   INS_NAME         the .ins file naming each file and the address it
#                    is loaded at
#
# The addresses are the kernel's: the parameter area's fields at
# PARMAREA (0x10400) + 8 (initrd start, then size) and its command line
# at 0x10480 (arch/s390/include/asm/setup.h, struct parmarea).  The
# initrd goes to 16 MiB, or, for a kernel image beyond 15 MiB, to the
# first MiB boundary at least 1 MiB past its end (room for the boot
# code's bss, which the file does not hold); the kernel's boot code
# keeps it safe from there on.  The lower the address, the smaller the
# ISO's boot image, which holds the gap as zeros.  The command line must fit the kernel's limit, which the
# image states at 0x10430 (max_command_line_size).
set -eu

prog=s390-load-files
die() { echo "$prog: $*" >&2; exit 1; }
[ $# -eq 5 ] || die "usage: s390-load-files.sh IMAGES_DIR KERNEL INITRD CMDLINE_FILE INS_NAME"
dir=$1 kernel=$2 initrd=$3 cmdline_file=$4 ins=$5

parmarea=$((0x10400))
initrd_field=$((parmarea + 0x08))
max_cmdline_field=$((parmarea + 0x30))
cmdline_at=$((0x10480))
initrd_min=$((0x01000000))

for f in "$dir/$kernel" "$dir/$initrd" "$cmdline_file"; do
	[ -s "$f" ] || die "$f: missing or empty"
done

# The big-endian 64-bit number at byte OFFSET of FILE.
be64_at() {
	_h=$(od -A n -t x1 -j "$2" -N 8 "$1" | tr -d ' \n')
	echo $((0x${_h:-0}))
}

# An s390 Linux image has the "S390EP" entry marker at 0x10008.
[ "$(dd if="$dir/$kernel" bs=1 skip=$((0x10008)) count=6 2>/dev/null)" = S390EP ] ||
	die "$dir/$kernel is not an s390 Linux image (no S390EP at 0x10008)"

# Kernels without the field take 896 bytes, the old limit.
max=$(be64_at "$dir/$kernel" "$max_cmdline_field")
[ "$max" -gt 0 ] || max=896
cmdline=$(tr '\n' ' ' < "$cmdline_file" | sed 's/  */ /g; s/^ //; s/ $//')
[ -n "$cmdline" ] || die "$cmdline_file: the command line is empty"
[ "${#cmdline}" -lt "$max" ] ||
	die "the kernel command line is ${#cmdline} bytes; this kernel takes at most $((max - 1)) (KR_LINUX_CMDLINE)"
# A parmfile that would not overwrite the image's own default command
# line (at the same address, NUL-terminated) would leave its tail.
default_len=$(dd if="$dir/$kernel" bs=1 skip="$cmdline_at" count=256 2>/dev/null | tr '\0' '\n' | head -n 1 | wc -c)
[ "${#cmdline}" -ge "$default_len" ] ||
	die "the kernel command line is shorter than the image's default ($default_len bytes): it would not replace it"

kernel_size=$(stat -c %s "$dir/$kernel")
initrd_size=$(stat -c %s "$dir/$initrd")
initrd_at=$(( (kernel_size + 2 * 1048576 - 1) / 1048576 * 1048576 ))
[ "$initrd_at" -ge "$initrd_min" ] || initrd_at=$initrd_min

trap 'rm -f "$dir/parmfile.tmp" "$dir/initrd.addrsize.tmp" "$dir/$ins.tmp"' EXIT
# Words joined into lines of at most 80 characters.
printf '%s\n' "$cmdline" | tr ' ' '\n' | awk '
	length($0) > 80 { print "a word of the command line is longer than 80 characters: " $0 > "/dev/stderr"; exit 1 }
	line == "" { line = $0; next }
	length(line) + 1 + length($0) > 80 { print line; line = $0; next }
	{ line = line " " $0 }
	END { if (line != "") print line }' > "$dir/parmfile.tmp" || die "cannot wrap the command line into $dir/parmfile"

# Two big-endian 64-bit values, written with printf's octal escapes.
be64() {
	n=$1 i=0 bytes=""
	while [ $i -lt 8 ]; do
		bytes="$(printf '\\%03o' $((n & 255)))$bytes"
		n=$((n >> 8)) i=$((i + 1))
	done
	printf "$bytes"
}
{ be64 "$initrd_at"; be64 "$initrd_size"; } > "$dir/initrd.addrsize.tmp"

{
	echo "* kitroot for IBM Z: kernel, parameter file, initrd (load address in hex)"
	printf '%s 0x%08x\n' "$kernel" 0
	printf '%s 0x%08x\n' parmfile "$cmdline_at"
	printf '%s 0x%08x\n' initrd.addrsize "$initrd_field"
	printf '%s 0x%08x\n' "$initrd" "$initrd_at"
} > "$dir/$ins.tmp"

mv "$dir/parmfile.tmp" "$dir/parmfile"
mv "$dir/initrd.addrsize.tmp" "$dir/initrd.addrsize"
mv "$dir/$ins.tmp" "$dir/$ins"
