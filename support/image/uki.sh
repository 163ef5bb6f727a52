#!/bin/sh
# usage: uki.sh STUB KERNEL INITRD CMDLINE OS_RELEASE SECONDS OUT
#
# Assembles a Unified Kernel Image: systemd's EFI stub with the
# kernel (.linux), the initramfs (.initrd), the command line (.cmdline)
# and os-release (.osrel) added as sections, each placed after the
# previous one at a page boundary, as systemd's ukify places them.
# objcopy writes the clock's time into the PE header, so kr-pestamp
# (on PATH) sets it to SECONDS and fixes the checksum: the same inputs
# give the same bytes.  $OBJCOPY and $OBJDUMP name binutils that know
# the stub's PE machine (the target's: the build machine's own objdump
# reads only its own architecture's PE files); objcopy and objdump by
# default.
set -eu

prog=uki
die() { echo "$prog: $*" >&2; exit 1; }
[ $# -eq 7 ] || die "usage: uki.sh STUB KERNEL INITRD CMDLINE OS_RELEASE SECONDS OUT"
stub=$1 kernel=$2 initrd=$3 cmdline=$4 osrel=$5 seconds=$6 out=$7
for f in "$stub" "$kernel" "$initrd" "$cmdline" "$osrel"; do
	[ -s "$f" ] || die "$f: missing or empty"
done

page=4096
align() { echo $(( ($1 + page - 1) / page * page )); }

# The end of the stub's last section (objdump -h: Idx Name Size VMA ...).
next=0
while read -r idx _ size vma _; do
	case "$idx" in *[!0-9]*|'') continue ;; esac
	end=$((0x$vma + 0x$size))
	[ "$end" -le "$next" ] || next=$end
done <<EOT
$("${OBJDUMP:-objdump}" -h "$stub")
EOT
[ "$next" -gt 0 ] || die "$stub: objdump found no sections (not a PE file?)"

set --
for s in osrel:"$osrel" cmdline:"$cmdline" linux:"$kernel" initrd:"$initrd"; do
	name=${s%%:*} file=${s#*:}
	next=$(align "$next")
	set -- "$@" --add-section ".$name=$file" --change-section-vma ".$name=$(printf '0x%x' "$next")"
	next=$((next + $(stat -c %s "$file")))
done
"${OBJCOPY:-objcopy}" "$@" "$stub" "$out.tmp" || { rm -f "$out.tmp"; die "objcopy failed on $stub"; }
# sbsign pads a file to 8 bytes before it appends the signature: padded
# here, removing the signature (sbattach --remove) gives these bytes.
size=$(stat -c %s "$out.tmp")
head -c $(( (8 - size % 8) % 8 )) /dev/zero >> "$out.tmp"
kr-pestamp -t "$seconds" "$out.tmp" || { rm -f "$out.tmp"; exit 1; }
mv "$out.tmp" "$out"
