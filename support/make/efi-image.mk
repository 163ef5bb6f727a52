# UEFI images (support/image/Config.in, docs/boards/pc-x86_64-efi.md):
# the Unified Kernel Image, signed for Secure Boot, and the disk image,
# qcow2 and ISO that carry it.  Every one is bit-reproducible: the
# scripts take their times from SOURCE_DATE_EPOCH and their GUIDs and
# volume IDs from the unsigned UKI's hash.

EFI_BUILD_DIR = $(BUILD_DIR)/efi-images
UKI_UNSIGNED = $(EFI_BUILD_DIR)/kitroot-unsigned.efi
UKI_IMAGE = $(IMAGES_DIR)/kitroot.efi
EFI_STUB = $(HOST_EFI_STUB_DIR_INSTALLED)/$(KR_ARCH_EFI_STUB)
EFI_BOOT_PATH = ::/EFI/BOOT/$(KR_ARCH_EFI_BOOT_FILE)

# The signing key: the configuration's, or one made at first use in the
# user's configuration directory (never in the tree or in O).
SECURE_BOOT_KEY_DIR = $(or $(XDG_CONFIG_HOME),$(HOME)/.config)/kitroot/secure-boot
SECURE_BOOT_KEY = $(or $(call qstrip,$(KR_IMAGE_SECURE_BOOT_KEY)),$(SECURE_BOOT_KEY_DIR)/db.key)
SECURE_BOOT_CERT = $(or $(call qstrip,$(KR_IMAGE_SECURE_BOOT_CERT)),$(SECURE_BOOT_KEY_DIR)/db.crt)
SECURE_BOOT_CERT_IMAGE = $(IMAGES_DIR)/secure-boot.crt

DISK_IMAGE = $(IMAGES_DIR)/disk.img
DISK_QCOW2 = $(IMAGES_DIR)/disk.qcow2

EFI_IMAGE_OUTPUTS = $(if $(KR_IMAGE_UKI),$(UKI_IMAGE)) \
	$(if $(KR_IMAGE_SECURE_BOOT),$(SECURE_BOOT_CERT_IMAGE)) \
	$(if $(KR_IMAGE_DISK),$(DISK_IMAGE)) $(if $(KR_IMAGE_QCOW2),$(DISK_QCOW2)) \
	$(if $(KR_IMAGE_ISO),$(ISO_IMAGE))

# Seeds for GUIDs and volume IDs: the unsigned UKI's SHA-256.
uki-seed = $$(sha256sum < $(UKI_UNSIGNED) | cut -c1-64)
uki-volume-id = $$(sha256sum < $(UKI_UNSIGNED) | cut -c1-8)

$(UKI_UNSIGNED): $(HOST_EFI_STUB_TARGET_INSTALL) $(HOST_PESTAMP_TARGET_INSTALL) $(LINUX_TARGET_INSTALL) \
		$(ROOTFS_CPIO) $(FIRMWARE_CMDLINE_FILE) $(TOPDIR)/support/image/uki.sh
	@$(call MESSAGE,uki,$(notdir $(UKI_IMAGE)),Assembling)
	$(Q)mkdir -p $(@D)
	$(Q)PATH=$(HOST_DIR)/bin:$$PATH OBJCOPY=$(KR_CROSS_COMPILE)objcopy OBJDUMP=$(KR_CROSS_COMPILE)objdump \
		sh $(TOPDIR)/support/image/uki.sh $(EFI_STUB) \
		$(IMAGES_DIR)/$(KR_LINUX_IMAGE) $(ROOTFS_CPIO) $(FIRMWARE_CMDLINE_FILE) \
		$(ROOTFS_DIR)/etc/os-release $(SOURCE_DATE_EPOCH) $@

ifneq ($(KR_PUBLISHED_UKI),)
# make verify (support/report/verify.sh): a rebuilder has no signing
# key, so the published signed UKI is taken instead, after checking
# that with its signature removed it is this build's unsigned UKI; the
# disk images are then built around it, to be compared with theirs.
$(UKI_IMAGE): $(UKI_UNSIGNED) $(KR_PUBLISHED_UKI) $(TOPDIR)/support/image/unsigned-equals.sh
	$(Q)sh $(TOPDIR)/support/image/unsigned-equals.sh $(KR_PUBLISHED_UKI) $<
	$(Q)cp $(KR_PUBLISHED_UKI) $@.tmp && mv $@.tmp $@

$(SECURE_BOOT_CERT_IMAGE): $(dir $(KR_PUBLISHED_UKI))secure-boot.crt
	$(Q)cp $< $@.tmp && mv $@.tmp $@
else ifeq ($(KR_IMAGE_SECURE_BOOT),y)
$(SECURE_BOOT_KEY) $(SECURE_BOOT_CERT) &:
	$(if $(call qstrip,$(KR_IMAGE_SECURE_BOOT_KEY)),\
		@echo "uki: no signing key $(SECURE_BOOT_KEY) or certificate $(SECURE_BOOT_CERT)" \
			"(KR_IMAGE_SECURE_BOOT_KEY/_CERT in make menuconfig)" >&2; exit 1,\
		$(Q)sh $(TOPDIR)/support/image/secure-boot-key.sh $(SECURE_BOOT_KEY_DIR))

$(UKI_IMAGE): $(UKI_UNSIGNED) $(SECURE_BOOT_KEY) $(SECURE_BOOT_CERT) $(TOPDIR)/support/image/sign-efi.sh
	@$(call MESSAGE,uki,$(notdir $@),Signing for Secure Boot with $(SECURE_BOOT_CERT))
	$(Q)sh $(TOPDIR)/support/image/sign-efi.sh $(SECURE_BOOT_KEY) $(SECURE_BOOT_CERT) \
		$(SOURCE_DATE_EPOCH) $< $@

$(SECURE_BOOT_CERT_IMAGE): $(SECURE_BOOT_CERT)
	$(Q)openssl x509 -in $< -out $@.tmp && mv $@.tmp $@
else
$(UKI_IMAGE): $(UKI_UNSIGNED)
	$(Q)cp $< $@.tmp && mv $@.tmp $@
endif

# The ESP holds the UKI as the removable-media boot file: firmware
# starts it with no boot entry and no menu.
$(EFI_BUILD_DIR)/esp.img: $(UKI_IMAGE) $(KR_CONFIG) $(TOPDIR)/support/image/fat-image.sh
	$(Q)sh $(TOPDIR)/support/image/fat-image.sh $@ $(KR_IMAGE_ESP_SIZE) $(uki-volume-id) KITROOT-ESP \
		$(UKI_IMAGE):$(EFI_BOOT_PATH)

# The data partition starts with the marker that lets the system make
# its filesystem (pkg/data-partition).
$(DISK_IMAGE): $(EFI_BUILD_DIR)/esp.img $(TOPDIR)/support/image/disk-image.sh $(TOPDIR)/support/image/guid.sh \
		$(DATA_PARTITION_BLANK_MARKER)
	@$(call MESSAGE,disk,$(notdir $@),Generating)
	$(Q)sh $(TOPDIR)/support/image/disk-image.sh $@ gpt $< $(KR_IMAGE_DATA_SIZE) $(uki-seed) \
		$(DATA_PARTITION_BLANK_MARKER)

$(DISK_QCOW2): $(DISK_IMAGE)
	@$(call MESSAGE,disk,$(notdir $@),Converting)
	$(Q)qemu-img convert -f raw -O qcow2 $< $@.tmp && mv $@.tmp $@

# The ISO's boot image is as small as the UKI allows (the ESP's free
# room is for a disk's updates).
$(EFI_BUILD_DIR)/efiboot.img: $(UKI_IMAGE) $(TOPDIR)/support/image/fat-image.sh
	$(Q)sh $(TOPDIR)/support/image/fat-image.sh $@ \
		$$(( ($$(stat -c %s $(UKI_IMAGE)) * 102 / 100 + 2 * 1048576 + 1048575) / 1048576 )) \
		$(uki-volume-id) KITROOT $(UKI_IMAGE):$(EFI_BOOT_PATH)

ifeq ($(KR_IMAGE_ISO),y)
$(ISO_IMAGE): $(EFI_BUILD_DIR)/efiboot.img $(TOPDIR)/support/image/iso.sh
	@$(call MESSAGE,iso,$(notdir $@),Generating)
	$(Q)sh $(TOPDIR)/support/image/iso.sh $@ KITROOT efi $<
endif

$(BUILD_INFO): $(EFI_IMAGE_OUTPUTS)
# virt-fw-vars, for booting the signed images under OVMF with their key
# (run-efi.sh): a tool of the build machine, in no image.
world: $(EFI_IMAGE_OUTPUTS) $(if $(KR_IMAGE_SECURE_BOOT),$(HOST_VIRT_FIRMWARE_TARGET_INSTALL))

.PHONY: efi-images
efi-images: $(EFI_IMAGE_OUTPUTS)

# The host packages the images need (for make source, and in the SBOMs):
# the stub, and virt-fw-vars when the images are signed.
KR_IMAGE_TOOL_PACKAGES = $(if $(KR_IMAGE_UKI),host-efi-stub host-pestamp) \
	$(if $(KR_IMAGE_SECURE_BOOT),host-virt-firmware)
source: $(foreach p,$(KR_IMAGE_TOOL_PACKAGES),$(p)-source)
