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

$(ROOTFS_CPIO): $(ROOTFS_INSTALLED) $(ROOTFS_PERMISSIONS) $(SOURCE_DATE_EPOCH_RECORD) \
		$(HOST_LINUX_TOOLS_TARGET_INSTALL) $(TOPDIR)/support/build/mkcpio-list.sh \
		$(HOST_ELFCHECK_TARGET_INSTALL) $(TOPDIR)/support/build/elf-check.sh \
		$(if $(KR_LINUX_MODULES),$(LINUX_TARGET_INSTALL))
	@$(call MESSAGE,rootfs,$(notdir $@),Generating)
	$(Q)mkdir -p $(IMAGES_DIR)
	$(Q)printf '%s\n' $(ROOTFS_GO_PROGRAMS) > $(ROOTFS_GO_LIST)
	$(Q)$(if $(KR_IMAGE_ELF_CHECK),sh $(TOPDIR)/support/build/elf-check.sh $(HOST_DIR)/bin/kr-elfcheck \
		$(TARGET_DIR) '$(KR_ELF_MACHINE_NUMBER)' $(ELF_CHECK_TABLE) $(ROOTFS_GO_LIST) \
		$(if $(KR_LINUX_MODULES),$(LINUX_SIGNING_CERT)),rm -f $(ELF_CHECK_TABLE))
	$(Q)sh $(TOPDIR)/support/build/mkcpio-list.sh $(TARGET_DIR) $(ROOTFS_PERMISSIONS) \
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

# What a rebuilder needs (images/build-info) and the checksums of every
# output (images/SHA256SUMS): docs/reproducibility.md.
BUILD_INFO = $(IMAGES_DIR)/build-info
$(BUILD_INFO): $(ROOTFS_CPIO) $(LINUX_TARGET_INSTALL) $(LINUX_CMDLINE_FILE) $(KR_CONFIG) $(SOURCE_DATE_EPOCH_RECORD) \
		$(TOPDIR)/support/build/build-info.sh
	$(Q)$(KCONFIG_RUN) $(HOST_DIR)/bin/kconfig-conf \
		--savedefconfig=$(BUILD_DIR)/build-info.defconfig Config.in
	$(Q)KR_VERSION=$(KR_VERSION) KR_ARCH=$(KR_ARCH) sh $(TOPDIR)/support/build/build-info.sh \
		$(IMAGES_DIR) $(TOPDIR) $(BUILD_DIR)/build-info.defconfig $(KR_GNU_TRIPLET)

# Everything, then a summary of what was made and how to boot it.
world: linux rootfs $(LINUX_CMDLINE_FILE) $(BUILD_INFO)
	@sh $(TOPDIR)/support/build/summary.sh $(IMAGES_DIR) $(BUILD_TIME_LOG) "$(if $(filter $(TOPDIR)/output,$(O)),,O=$(O))"
