# Sourced by the scripts that read a configuration: the one .config
# reader of the tree.
#
# config_get FILE SYMBOL prints SYMBOL's value in FILE (a .config or a
# defconfig) without Kconfig's quotes and escapes: `y` for a bool that
# is set, nothing for one that is not set or absent.
# board_path O prints the absolute directory of O's board: make records
# it in O (board/board.mk); before a build, KR_BOARD_DIR in the checkout.
board_path() {
	if [ -s "$1/.kr-board-path" ]; then cat "$1/.kr-board-path"
	else b=$(config_get "$1/.config" KR_BOARD_DIR); [ -z "$b" ] || echo "$top/$b"; fi
}

config_get() {
	sed -n "s/^$2=//p" "$1" | tail -n 1 |
		sed '/^"/{s/^"//; s/"$//; s/\\"/"/g; s/\\\\/\\/g;}'
}

# qemu_path O prints the QEMU that boots O's systems: the architecture's
# (KR_QEMU_SYSTEM) from the host, or from O/host where the architecture
# needs pkg/qemu's (KR_QEMU_FROM_PKG).
qemu_path() {
	_q=$(config_get "$1/.config" KR_QEMU_SYSTEM)
	if [ "$(config_get "$1/.config" KR_QEMU_FROM_PKG)" = y ]; then echo "$1/host/bin/$_q"; else echo "$_q"; fi
}
