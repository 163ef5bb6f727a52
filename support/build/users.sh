#!/bin/sh
# usage: users.sh ROOTFS [-p | -r CONFIG] [-k ROOT_KEYS] [TABLE...]
#
# Writes the accounts of a login container (getty, sshd) into ROOTFS:
# etc/passwd, etc/group, etc/shadow (0600) and each user's home; with
# -k, sshd's authorized_keys (ROOT_KEYS for root, each user's KEYS file).
#
# root: locked, unless -p (no password: getty's debug option) or -r
# CONFIG, whose KR_ROOT_PASSWORD_HASH is read here rather than through
# make, which would take its $ signs for variables.  Each TABLE
# (docs/customising.md) has a line per user:
#   NAME UID GROUPS HOME SHELL PASSWORD KEYS
# GROUPS  - or supplementary groups NAME=GID,NAME=GID (each user also
#         has a group of its own name, with its UID as GID)
# HOME    - (/home/NAME) or an absolute path
# PASSWORD  * or ! (locked) or a SHA-256/512 crypt hash ($5$, $6$):
#         anything else, plain text above all, is refused
# KEYS    - or an authorized_keys file (relative to the table's
#         directory), for sshd
# Every fault stops the build with TABLE:LINE and what to change.
set -eu

die() { printf 'kitroot: %s\n' "$*" >&2; exit 1; }
[ $# -ge 1 ] || die "usage: users.sh ROOTFS [-p | -r CONFIG] [-k ROOT_KEYS] [TABLE...]"
rootfs=$1
shift
root_password='*' with_keys=n root_keys=
while getopts pr:k: opt; do
	case $opt in
	p) root_password= ;;
	r) . "$(dirname -- "$0")/../lib/config.sh"
	   [ -f "$OPTARG" ] || die "$OPTARG: no such configuration"
	   root_password=$(config_get "$OPTARG" KR_ROOT_PASSWORD_HASH)
	   [ -n "$root_password" ] || root_password='*' ;;
	k) with_keys=y root_keys=$OPTARG ;;
	*) die "usage: users.sh ROOTFS [-p | -r CONFIG] [-k ROOT_KEYS] [TABLE...]" ;;
	esac
done
shift $((OPTIND - 1))
[ -d "$rootfs/etc" ] || die "$rootfs/etc: not a directory"

hash_re='^\$[56]\$(rounds=[0-9]{1,9}\$)?[./A-Za-z0-9]{1,16}\$[./A-Za-z0-9]{43}([./A-Za-z0-9]{43})?$'
# $1 where, $2 whose, $3 the field
check_password() {
	case $3 in
	'*' | '!') return 0 ;;
	esac
	if printf '%s\n' "$3" | grep -Eq "$hash_re"; then
		case $3 in
		'$5$'*) printf '%s\n' "$3" | grep -Eq '\$[./A-Za-z0-9]{43}$' ;;
		*) printf '%s\n' "$3" | grep -Eq '\$[./A-Za-z0-9]{86}$' ;;
		esac && return 0
	fi
	case $3 in
	'$1$'* | '$y$'* | '$2'[aby]'$'* | '$gy$'*)
		die "$1: $2's password hash is of a kind the image's login cannot check or that is too weak ($(printf '%s' "$3" | cut -c1-3)): give a SHA-512 crypt hash (mkpasswd -m sha-512, or openssl passwd -6)" ;;
	esac
	die "$1: $2's password is not a SHA-256/512 crypt hash (\$5\$... or \$6\$...): plain-text passwords are refused; make a hash with mkpasswd -m sha-512 (or openssl passwd -6), or write * to lock the account"
}

case $root_password in
'' | '*') ;;
*) check_password "KR_ROOT_PASSWORD_HASH" root "$root_password" ;;
esac

work=$(mktemp -d) || die "cannot make a temporary directory"
trap 'rm -rf "$work"' EXIT
: > "$work/users" && : > "$work/groups"

# users: NAME UID HOME SHELL PASSWORD KEYS(absolute or -) GROUPS
# groups: NAME GID MEMBER
for table in "$@"; do
	[ -f "$table" ] || die "$table: no such users table (KR_USERS_TABLES)"
	table_dir=$(cd "$(dirname -- "$table")" && pwd)
	n=0
	while IFS= read -r line || [ -n "$line" ]; do
		n=$((n + 1))
		# shellcheck disable=SC2086
		set -f; set -- $line; set +f
		[ $# -eq 0 ] && continue
		case $1 in '#'*) continue ;; esac
		at="$table:$n"
		[ $# -eq 7 ] || die "$at: expected NAME UID GROUPS HOME SHELL PASSWORD KEYS (7 fields, - for none), got $# fields"
		name=$1 uid=$2 groups=$3 home=$4 shell=$5 password=$6 keys=$7
		printf '%s\n' "$name" | grep -Eqx '[a-z_][a-z0-9_-]{0,31}' ||
			die "$at: user name '$name': 1 to 32 of a-z, 0-9, _ and -, not starting with a digit or -"
		case $name in root | nobody | nogroup)
			die "$at: $name is kitroot's own account (root's password is KR_ROOT_PASSWORD_HASH)" ;;
		esac
		printf '%s\n' "$uid" | grep -Eqx '[1-9][0-9]{0,4}' && [ "$uid" -le 65533 ] ||
			die "$at: $name's UID '$uid': a number from 1 to 65533 (0 is root, 65534 nobody)"
		awk -v n="$name" '$1 == n { exit 1 }' "$work/users" || die "$at: user $name is defined twice"
		awk -v u="$uid" '$2 == u { exit 1 }' "$work/users" || die "$at: UID $uid is already $(awk -v u="$uid" '$2 == u { print $1 }' "$work/users")'s"
		[ "$home" = - ] && home=/home/$name
		case $home in
		/*) printf '%s\n' "$home" | grep -Eqx '(/[A-Za-z0-9._-]+)+' ||
			die "$at: $name's home '$home': an absolute path of letters, digits, ., _ and -" ;;
		*) die "$at: $name's home '$home': an absolute path, or - for /home/$name" ;;
		esac
		case $home in /proc* | /sys* | /dev* | /run* | /containers* | /etc*)
			die "$at: $name's home $home is a system directory" ;;
		esac
		case $shell in
		/*) [ -e "$rootfs$shell" ] || [ -L "$rootfs$shell" ] ||
			die "$at: $name's shell $shell is not in this container ($rootfs): give one it has, e.g. /bin/sh" ;;
		*) die "$at: $name's shell '$shell': an absolute path, e.g. /bin/sh" ;;
		esac
		check_password "$at" "$name" "$password"
		if [ "$keys" != - ]; then
			case $keys in /*) ;; *) keys=$table_dir/$keys ;; esac
			[ -f "$keys" ] || die "$at: $name's keys file $keys: no such file"
		fi
		if [ "$groups" != - ]; then
			for g in $(printf '%s\n' "$groups" | tr , ' '); do
				gname=${g%%=*} gid=${g#*=}
				[ "$gname" != "$g" ] && printf '%s\n' "$gname" | grep -Eqx '[a-z_][a-z0-9_-]{0,31}' &&
					printf '%s\n' "$gid" | grep -Eqx '[1-9][0-9]{0,4}' && [ "$gid" -le 65533 ] ||
					die "$at: group '$g': NAME=GID, e.g. wheel=10 (GID 1 to 65533)"
				known=$(awk -v n="$gname" '$1 == n { print $2; exit }' "$work/groups")
				[ -z "$known" ] || [ "$known" = "$gid" ] ||
					die "$at: group $gname is given GID $gid here and $known before"
				other=$(awk -v n="$gname" -v g="$gid" '$2 == g && $1 != n { print $1; exit }' "$work/groups")
				[ -z "$other" ] || die "$at: GID $gid of group $gname is already group $other's"
				printf '%s %s %s\n' "$gname" "$gid" "$name" >> "$work/groups"
			done
		fi
		printf '%s %s %s %s %s %s %s\n' "$name" "$uid" "$home" "$shell" "$password" "$keys" "$groups" >> "$work/users"
	done < "$table"
done

# A user's own group must not clash with a supplementary one.
while read -r name uid _; do
	clash=$(awk -v n="$name" -v g="$uid" '($1 == n && $2 != g) || ($2 == g && $1 != n) { print $1 "=" $2; exit }' "$work/groups")
	[ -z "$clash" ] || die "user $name's own group ($name, GID $uid) clashes with group $clash: pick other numbers"
done < "$work/users"

root_field=x
[ -n "$root_password" ] || root_field=
{
	printf 'root:%s:0:0:root:/root:/bin/sh\n' "$root_field"
	while read -r name uid home shell _; do
		printf '%s:x:%s:%s:%s:%s:%s\n' "$name" "$uid" "$uid" "$name" "$home" "$shell"
	done < "$work/users"
	printf 'nobody:x:65534:65534:nobody:/:/bin/false\n'
} > "$rootfs/etc/passwd"
{
	printf 'root:x:0:\n'
	while read -r name uid _; do printf '%s:x:%s:\n' "$name" "$uid"; done < "$work/users"
	# supplementary groups, by GID, each with its members
	sort -k2,2n -k3,3 "$work/groups" | awk '
		$1 != g { if (g != "") print line; g = $1; line = $1 ":x:" $2 ":" $3; next }
		{ line = line "," $3 }
		END { if (g != "") print line }'
	printf 'nogroup:x:65534:\n'
} > "$rootfs/etc/group"
{
	printf 'root:%s:0:0:99999:7:::\n' "$root_password"
	while read -r name _ _ _ password _; do printf '%s:%s:0:0:99999:7:::\n' "$name" "$password"; done < "$work/users"
	printf 'nobody:*:0:0:99999:7:::\n'
} > "$rootfs/etc/shadow"
chmod 0600 "$rootfs/etc/shadow"

while read -r name _ home _ _ keys _; do
	mkdir -p "$rootfs$home"
	if [ "$with_keys" = y ] && [ "$keys" != - ]; then
		# root-owned and not writable by others: dropbear accepts that
		mkdir -p "$rootfs$home/.ssh"
		install -m 0644 "$keys" "$rootfs$home/.ssh/authorized_keys"
	fi
done < "$work/users"
if [ "$with_keys" = y ] && [ -n "$root_keys" ]; then
	[ -f "$root_keys" ] || die "$root_keys: no such authorized_keys file (KR_PACKAGE_SSHD_AUTHORIZED_KEYS)"
	mkdir -p "$rootfs/root/.ssh" && chmod 0700 "$rootfs/root/.ssh"
	install -m 0600 "$root_keys" "$rootfs/root/.ssh/authorized_keys"
fi
