#!/bin/sh
# usage: qemu-accel.sh QEMU_SYSTEM
# Prints "kvm" if QEMU really runs a guest with KVM here, else "tcg".
# /dev/kvm can exist while KVM hangs or aborts, so the probe boots the
# firmware for a moment and checks that it printed its banner (SeaBIOS
# logs to the debug port 0x402 first thing), with the CPU the boards'
# scripts give a KVM guest (-cpu host: on one machine here KVM ran the
# default CPU but aborted setting an MSR of the host's).  KR_QEMU_ACCEL
# overrides.
set -eu
qemu=$1
if [ -n "${KR_QEMU_ACCEL:-}" ]; then echo "$KR_QEMU_ACCEL"; exit 0; fi
[ -w /dev/kvm ] || { echo tcg; exit 0; }
log=$(mktemp)
trap 'rm -f "$log"' EXIT
timeout -k 1 3 "$qemu" -accel kvm -cpu host -M q35 -display none -nodefaults -no-reboot \
	-debugcon "file:$log" -global isa-debugcon.iobase=0x402 >/dev/null 2>&1 || true
if grep -q SeaBIOS "$log"; then echo kvm; else echo tcg; fi
