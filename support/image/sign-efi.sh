#!/bin/sh
# usage: sign-efi.sh KEY CERT SECONDS IN OUT
#
# Signs the EFI program IN for Secure Boot (Authenticode, sbsign) into
# OUT.  The signature's signing time is SECONDS (the build's
# SOURCE_DATE_EPOCH, through faketime with the clock stopped): RSA
# PKCS#1 v1.5 signatures are deterministic, so the same key and input
# give the same bytes.
# Firmware does not check the time (it has no trusted clock).
set -eu

prog=sign-efi
die() { echo "$prog: $*" >&2; exit 1; }
[ $# -eq 5 ] || die "usage: sign-efi.sh KEY CERT SECONDS IN OUT"
key=$1 cert=$2 seconds=$3 in=$4 out=$5
[ -r "$key" ] || die "$key: cannot read the signing key (KR_IMAGE_SECURE_BOOT_KEY)"
[ -r "$cert" ] || die "$cert: cannot read the certificate (KR_IMAGE_SECURE_BOOT_CERT)"
openssl x509 -in "$cert" -noout 2>/dev/null ||
	die "$cert: not a PEM X.509 certificate (KR_IMAGE_SECURE_BOOT_CERT)"
# The key must be the certificate's: otherwise firmware that trusts the
# certificate refuses the image, which is found only at boot.
[ "$(openssl x509 -in "$cert" -noout -pubkey 2>/dev/null)" = \
	"$(openssl pkey -in "$key" -pubout -passin pass: 2>/dev/null)" ] ||
	die "$key is not the private key of $cert (or is encrypted: sbsign needs it unencrypted)"
when=$(TZ=UTC date -d "@$seconds" '+%Y-%m-%d %H:%M:%S') || die "bad SECONDS: $seconds"
rm -f "$out.tmp"
# A faketime around the whole build (make reproducibility-check shifts
# its date) must not leak in: its shared state would win over this one.
# -f with an absolute date stops the clock there (without -f faketime
# starts the clock at the date and lets it run: hashing a large UKI
# then moves the signing time by a second or so).
env -u FAKETIME -u FAKETIME_SHARED -u LD_PRELOAD TZ=UTC \
	faketime -f "$when" sbsign --key "$key" --cert "$cert" --output "$out.tmp" "$in" > "$out.log" 2>&1 || {
	cat "$out.log" >&2
	rm -f "$out.tmp"
	die "sbsign failed on $in"
}
rm -f "$out.log"
mv "$out.tmp" "$out"
