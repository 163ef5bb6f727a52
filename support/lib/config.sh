# Sourced by the scripts that read a configuration: the one .config
# reader of the tree.
#
# config_get FILE SYMBOL prints SYMBOL's value in FILE (a .config or a
# defconfig) without Kconfig's quotes and escapes: `y` for a bool that
# is set, nothing for one that is not set or absent.
config_get() {
	sed -n "s/^$2=//p" "$1" | tail -n 1 |
		sed '/^"/{s/^"//; s/"$//; s/\\"/"/g; s/\\\\/\\/g;}'
}
