# Booting the build: each board has run-qemu.sh in its directory.  `run`
# builds first, so on a fresh tree `make run` is all it takes.
.PHONY: run
run: world
	@[ -x $(TOPDIR)/$(KR_BOARD_DIR)/run-qemu.sh ] || \
		{ echo "run: board $(KR_BOARD_DIR) has no run-qemu.sh" >&2; exit 1; }
	sh $(TOPDIR)/$(KR_BOARD_DIR)/run-qemu.sh $(IMAGES_DIR) $(QEMU_ARGS)

# The UEFI images under QEMU's UEFI firmware (OVMF): EFI_BOOT=disk (the
# default), qcow2, iso or uki; the board's run-efi.sh says how.
.PHONY: run-efi
run-efi: world
	@[ -x $(TOPDIR)/$(KR_BOARD_DIR)/run-efi.sh ] || \
		{ echo "run-efi: board $(KR_BOARD_DIR) has no run-efi.sh (no UEFI images for it)" >&2; exit 1; }
	sh $(TOPDIR)/$(KR_BOARD_DIR)/run-efi.sh $(IMAGES_DIR) $(or $(EFI_BOOT),disk) $(QEMU_ARGS)
