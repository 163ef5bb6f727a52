# The root filesystem image: a newc cpio initramfs of $(TARGET_DIR),
# written by the kernel's gen_init_cpio from a sorted file list, with
# every mtime set to SOURCE_DATE_EPOCH, then compressed deterministically.

# Target packages the configuration enables (KR_PACKAGE_NAME=y).
ROOTFS_PACKAGES = $(foreach p,$(KR_PACKAGES),\
	$(if $(filter y,$(KR_PACKAGE_$(call UPPERCASE,$(p)))),$(p)))
ROOTFS_INSTALLED = $(foreach p,$(ROOTFS_PACKAGES),$($(call UPPERCASE,$(p))_TARGET_INSTALL))
ROOTFS_PERMISSIONS = $(foreach p,$(ROOTFS_PACKAGES),$($(call UPPERCASE,$(p))_PERMISSIONS_FILE))

ROOTFS_EXT = $(if $(KR_ROOTFS_GZIP),gz,$(if $(KR_ROOTFS_ZSTD),zst,xz))
# xz: the kernel's decompressor wants CRC32; one thread, so the output
# does not depend on the machine.  The kernel allocates the whole
# dictionary while it unpacks the initramfs, beside the compressed and
# the unpacked files: -9's 64 MiB made the containerd system run out of
# memory at boot in 192 MiB; 32 MiB costs 8% in size (12.6 -> 13.6 MB).
ROOTFS_COMPRESS = $(if $(KR_ROOTFS_GZIP),gzip -n -9 -c,\
	$(if $(KR_ROOTFS_ZSTD),zstd -q -19 -T1 -c,xz -q -T1 --check=crc32 --lzma2=preset=9,dict=32MiB -c))
ROOTFS_CPIO = $(IMAGES_DIR)/rootfs.cpio.$(ROOTFS_EXT)
# The archive's last entry, which init checks for: init's own name for it.
INITRAMFS_END_MARK := $(shell sed -n 's/^\#define INITRAMFS_END_MARK "\(.*\)"$$/\1/p' $(TOPDIR)/src/init/init.h)
$(if $(INITRAMFS_END_MARK),,$(error src/init/init.h defines no INITRAMFS_END_MARK, which the image needs))

# kr-elfcheck's table of the image's ELF files (make security-report).
ELF_CHECK_TABLE = $(BUILD_DIR)/elf-check.tsv
# The Go programs in the image, as the Go packages install them
# (pkg/pkg-golang.mk's _GO_PROGRAMS): the only files kr-elfcheck may
# judge as Go (-g).  Written with the image, for the system test too.
ROOTFS_GO_PROGRAMS = $(sort $(foreach p,$(ROOTFS_PACKAGES),$($(call UPPERCASE,$(p))_GO_PROGRAMS)))
ROOTFS_GO_LIST = $(BUILD_DIR)/go-programs.list
# With modules, the certificate the kernel build signed them with (its
# private key is gone, kernel/linux.mk): kr-elfcheck verifies each
# module's signature with it (-k).
LINUX_SIGNING_CERT = $(LINUX_BUILDDIR)/certs/signing_key.x509

# The root filesystem as the image holds it (support/build/
# rootfs-finalize.sh): the packages' $(TARGET_DIR), then the overlays,
# then the post-build scripts, made anew for each image.  The overlays'
# files and directories are prerequisites (a directory's time changes
# when an entry is added or removed); the settings are recorded.
ROOTFS_DIR = $(BUILD_DIR)/rootfs
ROOTFS_CUSTOM_RECORD = $(BUILD_DIR)/.rootfs-custom
ROOTFS_CUSTOM = $(KR_ROOTFS_OVERLAY) | $(KR_POST_BUILD_SCRIPT) | $(KR_POST_SCRIPT_ARGS)
$(call kr-record,$(ROOTFS_CUSTOM_RECORD),ROOTFS_CUSTOM)
ROOTFS_OVERLAY_FILES = $(if $(strip $(KR_ROOTFS_OVERLAY)),$(shell find $(KR_ROOTFS_OVERLAY) 2>/dev/null))
# What the post-build and post-image scripts find in their environment.
KR_SCRIPT_ENV = KR_CONFIG=$(KR_CONFIG) HOST_DIR=$(HOST_DIR) BUILD_DIR=$(BUILD_DIR) \
	IMAGES_DIR=$(IMAGES_DIR) O=$(O) TOPDIR=$(TOPDIR) SOURCE_DATE_EPOCH=$(SOURCE_DATE_EPOCH)

$(ROOTFS_CPIO): $(ROOTFS_INSTALLED) $(ROOTFS_PERMISSIONS) $(SOURCE_DATE_EPOCH_RECORD) \
		$(HOST_LINUX_TOOLS_TARGET_INSTALL) $(TOPDIR)/support/build/mkcpio-list.sh $(TOPDIR)/src/init/init.h \
		$(HOST_ELFCHECK_TARGET_INSTALL) $(TOPDIR)/support/build/elf-check.sh \
		$(TOPDIR)/support/build/rootfs-finalize.sh $(ROOTFS_CUSTOM_RECORD) \
		$(ROOTFS_OVERLAY_FILES) $(wildcard $(KR_POST_BUILD_SCRIPT)) \
		$(if $(KR_LINUX_MODULES),$(LINUX_TARGET_INSTALL))
	@$(call MESSAGE,rootfs,$(notdir $@),Generating)
	$(Q)mkdir -p $(IMAGES_DIR)
	$(Q)$(KR_SCRIPT_ENV) sh $(TOPDIR)/support/build/rootfs-finalize.sh $(TARGET_DIR) $(ROOTFS_DIR) \
		'$(KR_ROOTFS_OVERLAY)' '$(KR_POST_BUILD_SCRIPT)' '$(KR_POST_SCRIPT_ARGS)'
	$(Q)printf '%s\n' $(ROOTFS_GO_PROGRAMS) > $(ROOTFS_GO_LIST)
	$(Q)$(if $(KR_IMAGE_ELF_CHECK),sh $(TOPDIR)/support/build/elf-check.sh $(HOST_DIR)/bin/kr-elfcheck \
		$(ROOTFS_DIR) '$(KR_ELF_MACHINE_NUMBER)' $(ELF_CHECK_TABLE) $(ROOTFS_GO_LIST) \
		$(if $(KR_LINUX_MODULES),$(LINUX_SIGNING_CERT)),rm -f $(ELF_CHECK_TABLE))
	$(Q)sh $(TOPDIR)/support/build/mkcpio-list.sh -e $(INITRAMFS_END_MARK) $(ROOTFS_DIR) $(ROOTFS_PERMISSIONS) \
		> $(BUILD_DIR)/rootfs.list
	$(Q)rm -f $(IMAGES_DIR)/rootfs.cpio.*
	$(Q)$(HOST_DIR)/bin/gen_init_cpio -t $(SOURCE_DATE_EPOCH) $(BUILD_DIR)/rootfs.list \
		| $(ROOTFS_COMPRESS) > $@.tmp
	$(Q)mv $@.tmp $@

.PHONY: rootfs world
rootfs: $(ROOTFS_CPIO)

# The kernel command line the image is meant to boot with (the boards'
# run-qemu.sh read it).
LINUX_CMDLINE_FILE = $(IMAGES_DIR)/cmdline
$(LINUX_CMDLINE_FILE): $(KR_CONFIG)
	$(Q)mkdir -p $(IMAGES_DIR)
	$(Q)printf '%s\n' '$(KR_LINUX_CMDLINE)' > $@

# A firmware-booted system (the UEFI images, IBM Z's load files) writes
# to the arch's consoles; a panic reboots it after 10 s (a server is
# not watched).  The file is what the UKI and the parmfile are made from.
FIRMWARE_CMDLINE = $(KR_ARCH_FIRMWARE_CONSOLE) panic=10 quiet $(KR_LINUX_CMDLINE)
FIRMWARE_CMDLINE_FILE = $(BUILD_DIR)/firmware-cmdline
$(FIRMWARE_CMDLINE_FILE): $(KR_CONFIG)
	$(Q)mkdir -p $(@D)
	$(Q)printf '%s\n' '$(strip $(FIRMWARE_CMDLINE))' > $@

# The bootable ISO: UEFI's (support/make/efi-image.mk) or IBM Z's
# (support/make/s390-image.mk), whichever the arch has.
ISO_IMAGE = $(IMAGES_DIR)/kitroot.iso

# What a rebuilder needs (images/build-info), the SBOMs of every output
# (support/make/sbom.mk) and the checksums of every output, the SBOMs
# too (images/SHA256SUMS): docs/reproducibility.md, docs/sbom.md.
BUILD_INFO = $(IMAGES_DIR)/build-info
# The post-image scripts run first, after every image is made: what
# they add to images/ is in SHA256SUMS and the reproducibility check.
POST_IMAGE_RECORD = $(BUILD_DIR)/.post-image
POST_IMAGE = $(KR_POST_IMAGE_SCRIPT) | $(KR_POST_SCRIPT_ARGS)
$(call kr-record,$(POST_IMAGE_RECORD),POST_IMAGE)
$(BUILD_INFO): $(ROOTFS_CPIO) $(LINUX_TARGET_INSTALL) $(LINUX_CMDLINE_FILE) $(KR_CONFIG) $(SOURCE_DATE_EPOCH_RECORD) \
		$(TOPDIR)/support/build/build-info.sh $(POST_IMAGE_RECORD) $(wildcard $(KR_POST_IMAGE_SCRIPT))
	$(Q)$(foreach s,$(KR_POST_IMAGE_SCRIPT),echo ">>> post-image $(s)" && \
		{ [ -x $(s) ] || { echo "kitroot: post-image script $(s): no such executable file (KR_POST_IMAGE_SCRIPT)" >&2; exit 1; }; } && \
		{ TARGET_DIR=$(ROOTFS_DIR) $(KR_SCRIPT_ENV) $(s) $(IMAGES_DIR) $(KR_POST_SCRIPT_ARGS) || \
		{ echo "kitroot: post-image script $(s) failed" >&2; exit 1; }; } &&) true
	@$(call MESSAGE,sbom,sbom.spdx.json sbom.cdx.json,Writing)
	$(Q)$(SBOM_WRITE)
	$(Q)$(KCONFIG_RUN) $(HOST_DIR)/bin/kconfig-conf \
		--savedefconfig=$(BUILD_DIR)/build-info.defconfig Config.in
	$(Q)KR_VERSION=$(KR_VERSION) KR_ARCH=$(KR_ARCH) sh $(TOPDIR)/support/build/build-info.sh \
		$(IMAGES_DIR) $(TOPDIR) $(BUILD_DIR)/build-info.defconfig $(KR_GNU_TRIPLET)

# Everything, then a summary of what was made and how to boot it.
world: linux rootfs $(LINUX_CMDLINE_FILE) $(BUILD_INFO)
	@sh $(TOPDIR)/support/build/summary.sh $(IMAGES_DIR) $(BUILD_TIME_LOG) "$(if $(filter $(TOPDIR)/output,$(O)),,O=$(O))"
