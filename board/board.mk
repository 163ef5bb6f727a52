# The board's directory: KR_BOARD_DIR, relative to the checkout or
# absolute (an external tree's board: $(KR_EXTERNAL_NAME_PATH)/board/X).
# Recorded in O for the scripts that boot or judge the build
# (support/lib/config.sh: board_path).
BOARD_PATH = $(if $(filter /%,$(KR_BOARD_DIR)),$(KR_BOARD_DIR),$(TOPDIR)/$(KR_BOARD_DIR))
BOARD_PATH_RECORD = $(O)/.kr-board-path
ifeq ($(need_config),y)
ifneq ($(KR_BOARD_DIR),)
ifeq ($(wildcard $(BOARD_PATH)/.),)
# (a path from an external tree's variable starts with /board/ when the
# tree is not in KR_EXTERNAL)
$(error KR_BOARD_DIR: $(BOARD_PATH) is not a directory$(if $(filter /board/%,$(BOARD_PATH)),\
	 (an external tree's board: is that tree in KR_EXTERNAL?)) (make menuconfig: Board))
endif
endif
endif
$(call kr-record,$(BOARD_PATH_RECORD),BOARD_PATH)
world: $(BOARD_PATH_RECORD)

# Booting the build: each board has run-qemu.sh in its directory.  `run`
# builds first, so on a fresh tree `make run` is all it takes.
.PHONY: run
run: world
	@[ -x $(BOARD_PATH)/run-qemu.sh ] || \
		{ echo "run: board $(KR_BOARD_DIR) has no run-qemu.sh" >&2; exit 1; }
	sh $(BOARD_PATH)/run-qemu.sh $(IMAGES_DIR) $(QEMU_ARGS)

# The ISO, booted by the machine's firmware from a CD (IBM Z's
# kitroot.iso; x86_64's boots under UEFI: make run-efi EFI_BOOT=iso).
.PHONY: run-iso
run-iso: world
	@[ -x $(BOARD_PATH)/run-iso.sh ] || \
		{ echo "run-iso: board $(KR_BOARD_DIR) has no run-iso.sh$(if $(KR_IMAGE_ISO), (its ISO boots under UEFI: make run-efi EFI_BOOT=iso))" >&2; exit 1; }
	sh $(BOARD_PATH)/run-iso.sh $(IMAGES_DIR) $(QEMU_ARGS)

# The UEFI images under QEMU's UEFI firmware (OVMF): EFI_BOOT=disk (the
# default), qcow2, iso or uki; the board's run-efi.sh says how.
.PHONY: run-efi
run-efi: world
	@[ -x $(BOARD_PATH)/run-efi.sh ] || \
		{ echo "run-efi: board $(KR_BOARD_DIR) has no run-efi.sh (no UEFI images for it)" >&2; exit 1; }
	sh $(BOARD_PATH)/run-efi.sh $(IMAGES_DIR) $(or $(EFI_BOOT),disk) $(QEMU_ARGS)
