# Raspberry Pi images (support/image/Config.in, docs/boards/raspberrypi4.md):
# sdcard.img, an MBR disk whose FAT boot partition holds what the Pi's
# firmware loads (its own files, config.txt, the kernel Image, the
# initramfs, the device trees, cmdline.txt), then the blank data
# partition.  Bit-reproducible: the disk signature and volume ID come
# from the kernel, initramfs and config.txt, the file times from
# SOURCE_DATE_EPOCH.

RPI_BUILD_DIR = $(BUILD_DIR)/rpi-images
RPI_SDCARD = $(IMAGES_DIR)/sdcard.img
# (relative to the tree, or absolute; a missing one is named by
# rpi-config-check.sh, not by make)
RPI_CONFIG_TXT = $(if $(filter /%,$(KR_IMAGE_RPI_CONFIG_TXT)),$(KR_IMAGE_RPI_CONFIG_TXT),$(TOPDIR)/$(KR_IMAGE_RPI_CONFIG_TXT))
RPI_CMDLINE_TXT = $(RPI_BUILD_DIR)/cmdline.txt
RPI_DTBS = $(foreach d,$(LINUX_DTBS),$(IMAGES_DIR)/$(notdir $(d)).dtb)
RPI_BOOT_FILES = $(addprefix $(HOST_RASPI_FIRMWARE_DIR_INSTALLED)/,$(HOST_RASPI_FIRMWARE_FILES)) \
	$(RPI_CONFIG_TXT) $(RPI_CMDLINE_TXT) $(IMAGES_DIR)/$(KR_LINUX_IMAGE) $(ROOTFS_CPIO) $(RPI_DTBS)

rpi-seed = $$(cat $(IMAGES_DIR)/$(KR_LINUX_IMAGE) $(ROOTFS_CPIO) $(RPI_CONFIG_TXT) | sha256sum | cut -c1-64)

# The firmware hands cmdline.txt to the kernel; the data partition is
# named by its PARTUUID, as an MBR has no partition names.
$(RPI_CMDLINE_TXT): $(KR_CONFIG) $(LINUX_TARGET_INSTALL) $(ROOTFS_CPIO) $(wildcard $(RPI_CONFIG_TXT)) \
		$(TOPDIR)/support/image/disk-image.sh
	$(Q)[ -r $(RPI_CONFIG_TXT) ] || { echo "rpi: cannot read $(RPI_CONFIG_TXT) (KR_IMAGE_RPI_CONFIG_TXT in make menuconfig)" >&2; exit 1; }
	$(Q)mkdir -p $(@D)
	$(Q)printf '%s kitroot.data=PARTUUID=%s\n' '$(strip $(KR_IMAGE_RPI_CONSOLE) panic=10 quiet $(KR_LINUX_CMDLINE))' \
		"$$(sh $(TOPDIR)/support/image/disk-image.sh --partuuid $(rpi-seed) 2)" > $@.tmp && mv $@.tmp $@

# (the firmware's files, the Image and the device trees are made by the
# install steps of host-raspi-firmware and linux)
$(RPI_BUILD_DIR)/boot.img: $(HOST_RASPI_FIRMWARE_TARGET_INSTALL) $(LINUX_TARGET_INSTALL) $(ROOTFS_CPIO) \
		$(wildcard $(RPI_CONFIG_TXT)) $(RPI_CMDLINE_TXT) $(KR_CONFIG) \
		$(TOPDIR)/support/image/fat-image.sh $(TOPDIR)/support/image/rpi-config-check.sh
	$(Q)mkdir -p $(@D)
	$(Q)sh $(TOPDIR)/support/image/rpi-config-check.sh $(RPI_CONFIG_TXT) $(RPI_BOOT_FILES)
	$(Q)sh $(TOPDIR)/support/image/fat-image.sh $@ $(KR_IMAGE_RPI_BOOT_SIZE) $$(echo $(rpi-seed) | cut -c1-8) \
		KITROOTBOOT $(foreach f,$(RPI_BOOT_FILES),$(f):::/$(notdir $(f)))

$(RPI_SDCARD): $(RPI_BUILD_DIR)/boot.img $(TOPDIR)/support/image/disk-image.sh $(TOPDIR)/support/image/guid.sh \
		$(DATA_PARTITION_BLANK_MARKER)
	@$(call MESSAGE,rpi,$(notdir $@),Generating)
	$(Q)sh $(TOPDIR)/support/image/disk-image.sh $@ dos $< $(KR_IMAGE_DATA_SIZE) $(rpi-seed) \
		$(DATA_PARTITION_BLANK_MARKER)

RPI_IMAGE_OUTPUTS = $(if $(KR_IMAGE_RPI_SDCARD),$(RPI_SDCARD))
$(BUILD_INFO): $(RPI_IMAGE_OUTPUTS)
world: $(RPI_IMAGE_OUTPUTS)

.PHONY: rpi-images
rpi-images: $(RPI_IMAGE_OUTPUTS)

# The firmware is in the SBOMs and make legal-info with its licence.
KR_IMAGE_TOOL_PACKAGES += $(if $(KR_IMAGE_RPI_SDCARD),host-raspi-firmware)
ifeq ($(KR_IMAGE_RPI_SDCARD),y)
source: host-raspi-firmware-source
endif
