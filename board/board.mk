# Booting the build: each board has run-qemu.sh in its directory.  `run`
# builds first, so on a fresh tree `make run` is all it takes.
.PHONY: run
run: world
	@[ -x $(TOPDIR)/$(KR_BOARD_DIR)/run-qemu.sh ] || \
		{ echo "run: board $(KR_BOARD_DIR) has no run-qemu.sh" >&2; exit 1; }
	sh $(TOPDIR)/$(KR_BOARD_DIR)/run-qemu.sh $(IMAGES_DIR) $(QEMU_ARGS)
