################################################################################
# skeleton: the root filesystem's directories and base files
################################################################################

SKELETON_VERSION = $(KR_VERSION)
SKELETON_SITE = $(TOPDIR)/pkg/skeleton/rootfs
SKELETON_SITE_METHOD = local
SKELETON_LICENSE = MIT
SKELETON_ADD_TOOLCHAIN_DEPENDENCY = NO

# .keep files only exist because git keeps no empty directory.  The
# console program init runs is the shell, or none when a getty service
# owns the console.
define SKELETON_INSTALL_CMDS
	$(Q)cp -a $(@D)/. $(TARGET_DIR)/
	$(Q)find $(TARGET_DIR) -name .keep -delete
	$(Q)rm -f $(TARGET_DIR)/.stamp_* $(TARGET_DIR)/.step_start
	$(Q)echo '$(KR_HOSTNAME)' > $(TARGET_DIR)/etc/hostname
	$(Q)$(if $(KR_ROOTFS_WRITABLE),touch,rm -f) $(TARGET_DIR)/etc/kitroot/root-writable
	$(if $(KR_PACKAGE_GETTY),$(Q)echo none > $(TARGET_DIR)/etc/kitroot/console)
	$(Q)printf '%s\n' 'NAME=kitroot' 'ID=kitroot' 'PRETTY_NAME="kitroot $(KR_VERSION)"' \
		'VERSION_ID=$(KR_VERSION)' 'VARIANT_ID=$(KR_CONFIG_NAME)' \
		'HOME_URL=https://github.com/kitroot/kitroot' > $(TARGET_DIR)/etc/os-release
endef

$(eval $(generic-package))

# A changed name rewrites hostname and os-release (and the root's
# writability its flag file, the choice of getty the console file).
SKELETON_SETTINGS = $(KR_HOSTNAME) $(KR_CONFIG_NAME) $(KR_VERSION) writable=$(KR_ROOTFS_WRITABLE) \
	getty=$(KR_PACKAGE_GETTY)
$(call kr-record,$(BUILD_DIR)/skeleton.settings,SKELETON_SETTINGS)
$(SKELETON_DIR)/.stamp_configured: $(BUILD_DIR)/skeleton.settings
