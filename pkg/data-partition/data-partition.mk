################################################################################
# data-partition: the boot step that mounts the persistent state
################################################################################

DATA_PARTITION_VERSION = $(KR_VERSION)
DATA_PARTITION_SITE = $(TOPDIR)/pkg/data-partition/files
DATA_PARTITION_SITE_METHOD = local
DATA_PARTITION_LICENSE = MIT
DATA_PARTITION_ADD_TOOLCHAIN_DEPENDENCY = NO
# The first sector of a data partition the system may format: the disk
# image writes it (support/make/efi-image.mk), the boot step looks for
# it, zero-padded to 512 bytes.
DATA_PARTITION_BLANK_MARKER = $(TOPDIR)/pkg/data-partition/files/blank-marker

# Early in boot.d (before sysctl's 05): containerd and the services
# find their state mounted.  The mount point is in the image; the root
# is read-only by then.
define DATA_PARTITION_INSTALL_CMDS
	$(Q)mkdir -p $(TARGET_DIR)/etc/kitroot/boot.d $(TARGET_DIR)/var/lib/kitroot \
		$(TARGET_DIR)/usr/share/kitroot
	$(Q)sed 's/@WAIT_TENTHS@/$(KR_PACKAGE_DATA_PARTITION_WAIT)0/' $(@D)/02-data-partition \
		> $(TARGET_DIR)/etc/kitroot/boot.d/02-data-partition
	$(Q)chmod 0755 $(TARGET_DIR)/etc/kitroot/boot.d/02-data-partition
	$(Q)dd if=$(DATA_PARTITION_BLANK_MARKER) of=$(TARGET_DIR)/usr/share/kitroot/data-blank-sector \
		bs=512 count=1 conv=sync status=none
endef

$(eval $(generic-package))
