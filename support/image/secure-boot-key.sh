#!/bin/sh
# usage: secure-boot-key.sh DIR
#
# Makes DIR/db.key and DIR/db.crt, a Secure Boot signing key and its
# self-signed certificate (RSA 2048, which every UEFI firmware accepts
# in db; SHA-256; ten years), if DIR has no db.key yet.  Never replaces
# a key: an existing db.key without db.crt is an error to resolve by
# hand.  The key is readable by its owner only.
set -eu

prog=secure-boot-key
die() { echo "$prog: $*" >&2; exit 1; }
[ $# -eq 1 ] || die "usage: secure-boot-key.sh DIR"
dir=$1
if [ -e "$dir/db.key" ]; then
	[ -e "$dir/db.crt" ] || die "$dir/db.key has no db.crt beside it: restore it, or name both in KR_IMAGE_SECURE_BOOT_KEY/_CERT"
	exit 0
fi
[ ! -e "$dir/db.crt" ] || die "$dir/db.crt has no db.key beside it: restore it, or move db.crt away to make a new pair"
umask 077
mkdir -p "$dir"
openssl req -new -x509 -newkey rsa:2048 -nodes -sha256 -days 3650 \
	-subj "/CN=kitroot Secure Boot signing key ($(uname -n))" \
	-keyout "$dir/db.key.tmp" -out "$dir/db.crt.tmp" 2> "$dir/openssl.log" ||
	{ cat "$dir/openssl.log" >&2; rm -f "$dir/db.key.tmp" "$dir/db.crt.tmp"; die "openssl could not make a key"; }
rm -f "$dir/openssl.log"
chmod 0644 "$dir/db.crt.tmp"
mv "$dir/db.crt.tmp" "$dir/db.crt"
mv "$dir/db.key.tmp" "$dir/db.key"
echo "$prog: made a new Secure Boot signing key, $dir/db.key; enroll $dir/db.crt in your firmware's db (docs/boards/pc-x86_64-efi.md)"
