#!/bin/sh
# usage: mkcpio-list.sh [-e END_MARK] TARGET_DIR [PERMISSIONS_FILE...]
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
#
# Hard-linked files (containers share busybox with the host) are stored
# once: gen_init_cpio writes all the names of the group together, so the
# group goes where its last path sorts, after every directory it needs.
#
# -e END_MARK: the list ends with an empty directory of that path, which
# init looks for (INITRAMFS_END_MARK in src/init/init.h): the kernel
# stops unpacking at its first error, so only a whole archive has it.
set -eu

die() { echo "mkcpio-list: $*" >&2; exit 1; }
end_mark=
if [ "${1:-}" = -e ] && [ $# -ge 2 ]; then
	end_mark=$2
	shift 2
	case $end_mark in
	/*/* | / | *[[:space:]]* | [!/]* | '') die "-e $end_mark: a name at the top of the root (/NAME), without blanks" ;;
	esac
fi
[ $# -ge 1 ] || die "usage: mkcpio-list.sh [-e END_MARK] TARGET_DIR [PERMISSIONS_FILE...]"
target=$1
shift
[ -d "$target" ] || die "$target: not a directory"
if [ -n "$end_mark" ] && { [ -e "$target$end_mark" ] || [ -L "$target$end_mark" ]; }; then
	die "$target$end_mark: that name is the initramfs's end mark, the build's own; remove it from the root (an overlay or a post-build script?)"
fi

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

# %y type, %m octal mode, %n link count, %i inode, %P path without ./,
# %l link target.
find . -mindepth 1 -printf '%y %m %n:%i /%P %l\n' | sort -k4,4 | awk -v root="$(pwd)" -v tablefile="$table" '
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
		n_lines++
		ty[n_lines] = $1; md[n_lines] = $2; path[n_lines] = $4; tgt[n_lines] = $5
		split($3, li, ":")
		if ($1 == "f" && li[1] > 1) {
			ino[n_lines] = li[2]
			if (li[2] in first) links[li[2]] = links[li[2]] " " $4
			else first[li[2]] = n_lines
			last[li[2]] = n_lines
		}
	}
	END {
		for (i = 1; i <= n_lines; i++) {
			p = path[i]
			if (p in type && (type[p] == "c" || type[p] == "b")) continue
			if (ty[i] == "d") print "dir " p " " owner(p, "0755")
			else if (ty[i] == "f") {
				if ((i in ino) && last[ino[i]] != i) continue
				if (i in ino) p = path[first[ino[i]]]
				m = (int(substr(md[i], length(md[i]) - 2, 1)) % 2) ? "0755" : "0644"
				print "file " p " " root p " " owner(p, m) ((i in ino) ? links[ino[i]] : "")
			}
			else if (ty[i] == "l") print "slink " p " " tgt[i] " 0777 0 0"
			else { printf "mkcpio-list: %s: unsupported file type %s\n", p, ty[i] > "/dev/stderr"; exit 1 }
		}
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
[ -z "$end_mark" ] || echo "dir $end_mark 0700 0 0"
