#!/bin/sh
# usage: mkcpio-list.sh TARGET_DIR [PERMISSIONS_FILE...]
#
# Writes, on stdout, the file list gen_init_cpio reads (see the kernel's
# usr/gen_init_cpio.c) for everything under TARGET_DIR, sorted by path,
# so the archive does not depend on the order the filesystem returns.
# Owners are root and modes are normalised (0755 for directories and
# owner-executable files, 0644 for other files) so the host's umask and
# user do not leak in; the permission files change that per path:
#
#   PATH  TYPE  MODE  UID  GID  [MAJOR MINOR]
#   TYPE: f (file), d (directory): set mode and owner of an existing path
#         c, b: create a character or block device node
#
# Lines starting with '#' and blank lines are ignored.
set -eu

die() { echo "mkcpio-list: $*" >&2; exit 1; }
[ $# -ge 1 ] || die "usage: mkcpio-list.sh TARGET_DIR [PERMISSIONS_FILE...]"
target=$1
shift
[ -d "$target" ] || die "$target: not a directory"

table=$(mktemp)
trap 'rm -f "$table"' EXIT
for f in "$@"; do
	awk -v f="$f" '
		/^[ \t]*(#|$)/ { next }
		{
			ok = ($2 ~ /^[fdcb]$/ && $3 ~ /^[0-7][0-7][0-7][0-7]?$/ && $4 ~ /^[0-9]+$/ && $5 ~ /^[0-9]+$/)
			if (ok && ($2 == "c" || $2 == "b"))
				ok = (NF == 7 && $6 ~ /^[0-9]+$/ && $7 ~ /^[0-9]+$/)
			else if (ok)
				ok = (NF == 5)
			if (!ok || $1 !~ /^\//) {
				printf "%s:%d: expected PATH TYPE MODE UID GID [MAJOR MINOR], got: %s\n", f, FNR, $0 > "/dev/stderr"
				exit 1
			}
			print
		}' "$f" >> "$table" || exit 1
done

cd "$target"
bad=$(find . -name '*[[:space:]]*' | head -n 1)
[ -z "$bad" ] || die "$target: '$bad' has blanks in its name, which gen_init_cpio cannot store"

# %y type, %m octal mode, %P path without ./, %l link target.
find . -mindepth 1 -printf '%y %m /%P %l\n' | sort -k3,3 | awk -v root="$(pwd)" -v tablefile="$table" '
	BEGIN {
		while ((getline line < tablefile) > 0) {
			split(line, t, /[ \t]+/)
			type[t[1]] = t[2]; mode[t[1]] = t[3]; uid[t[1]] = t[4]; gid[t[1]] = t[5]
			maj[t[1]] = t[6]; min[t[1]] = t[7]
			if (t[2] == "c" || t[2] == "b") nodes[++n] = t[1]
		}
	}
	function owner(p, m,   o) {
		if (p in mode && (type[p] == "f" || type[p] == "d")) {
			used[p] = 1
			return mode[p] " " uid[p] " " gid[p]
		}
		return m " 0 0"
	}
	{
		p = $3
		if (p in type && (type[p] == "c" || type[p] == "b")) next
		if ($1 == "d") print "dir " p " " owner(p, "0755")
		else if ($1 == "f") {
			m = (int(substr($2, length($2) - 2, 1)) % 2) ? "0755" : "0644"
			print "file " p " " root p " " owner(p, m)
		}
		else if ($1 == "l") print "slink " p " " $4 " 0777 0 0"
		else { printf "mkcpio-list: %s: unsupported file type %s\n", p, $1 > "/dev/stderr"; exit 1 }
	}
	END {
		for (i = 1; i <= n; i++) {
			p = nodes[i]
			print "nod " p " " mode[p] " " uid[p] " " gid[p] " " type[p] " " maj[p] " " min[p]
		}
		for (p in type)
			if ((type[p] == "f" || type[p] == "d") && !(p in used)) {
				printf "mkcpio-list: permission table names %s, which the image does not have\n", p > "/dev/stderr"
				exit 1
			}
	}'
