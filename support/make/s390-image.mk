# IBM Z images (support/image/Config.in, docs/s390x.md): the load files
# an HMC or z/VM loads the system from (the kernel image and initramfs
# as they are, the parmfile, initrd.addrsize and kitroot.ins naming
# their addresses), and an ISO whose El Torito boot image is the memory
# those files make.  Both are bit-reproducible.

S390_INS = $(IMAGES_DIR)/kitroot.ins
S390_LOAD_FILES = $(S390_INS) $(IMAGES_DIR)/parmfile $(IMAGES_DIR)/initrd.addrsize
S390_BOOT_IMAGE = $(BUILD_DIR)/s390-images/cdboot.img

S390_IMAGE_OUTPUTS = $(if $(KR_IMAGE_S390_LOAD_FILES),$(S390_LOAD_FILES)) \
	$(if $(KR_IMAGE_S390_ISO),$(ISO_IMAGE))

$(S390_LOAD_FILES) &: $(LINUX_TARGET_INSTALL) $(ROOTFS_CPIO) $(FIRMWARE_CMDLINE_FILE) \
		$(TOPDIR)/support/image/s390-load-files.sh
	@$(call MESSAGE,s390,$(notdir $(S390_LOAD_FILES)),Generating)
	$(Q)sh $(TOPDIR)/support/image/s390-load-files.sh $(IMAGES_DIR) $(KR_LINUX_IMAGE) \
		$(notdir $(ROOTFS_CPIO)) $(FIRMWARE_CMDLINE_FILE) $(notdir $(S390_INS))

$(S390_BOOT_IMAGE): $(S390_LOAD_FILES) $(TOPDIR)/support/image/s390-ins-image.sh
	$(Q)mkdir -p $(@D)
	$(Q)sh $(TOPDIR)/support/image/s390-ins-image.sh $(S390_INS) $@

ifeq ($(KR_IMAGE_S390_ISO),y)
$(ISO_IMAGE): $(S390_BOOT_IMAGE) $(TOPDIR)/support/image/iso.sh
	@$(call MESSAGE,iso,$(notdir $@),Generating)
	$(Q)sh $(TOPDIR)/support/image/iso.sh $@ KITROOT s390 $(S390_BOOT_IMAGE) $(S390_LOAD_FILES) \
		$(IMAGES_DIR)/$(KR_LINUX_IMAGE) $(ROOTFS_CPIO)
endif

$(BUILD_INFO): $(S390_IMAGE_OUTPUTS)
world: $(S390_IMAGE_OUTPUTS)

.PHONY: s390-images
s390-images: $(S390_IMAGE_OUTPUTS)
