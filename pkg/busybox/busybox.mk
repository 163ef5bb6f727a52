################################################################################
# busybox: the shell and core utilities
################################################################################

BUSYBOX_VERSION = 1.37.0
BUSYBOX_SOURCE = busybox-$(BUSYBOX_VERSION).tar.bz2
BUSYBOX_SITE = https://busybox.net/downloads
# Debian's orig tarball is byte-identical to the release.
BUSYBOX_DEBIAN = busybox=1:1.37.0-6/busybox_$(BUSYBOX_VERSION).orig.tar.bz2
BUSYBOX_LICENSE = GPL-2.0-only
BUSYBOX_LICENSE_FILES = LICENSE
BUSYBOX_CPE_ID_VENDOR = busybox
BUSYBOX_CPE_ID_PRODUCT = busybox
# One configuration for every architecture.  It leaves out init (ours
# is PID 1), setuid support, tc (does not build against 6.x headers) and
# SHA*_HWACCEL (x86-only code that breaks the other architectures).
BUSYBOX_CONFIG = $(TOPDIR)/pkg/busybox/busybox.config

# busybox's own strip would drop the symbol kr-elfcheck needs: the
# install step strips with TARGET_STRIP instead.
BUSYBOX_MAKE = $(TARGET_MAKE_ENV) $(MAKE) -C $(@D) \
	CROSS_COMPILE=$(TARGET_CROSS) CONFIG_PREFIX=$(TARGET_DIR) \
	KCONFIG_NOTIMESTAMP=1 SKIP_STRIP=y

define BUSYBOX_CONFIGURE_CMDS
	$(Q)cp $(BUSYBOX_CONFIG) $(@D)/.config
	$(Q)$(BUSYBOX_MAKE) -s oldconfig </dev/null >/dev/null
endef

define BUSYBOX_BUILD_CMDS
	$(Q)$(BUSYBOX_MAKE) -s busybox
endef

# Applets as symlinks, /bin/busybox itself stripped and world-readable.
define BUSYBOX_INSTALL_CMDS
	$(Q)$(BUSYBOX_MAKE) -s install >/dev/null
	$(Q)$(TARGET_STRIP) $(TARGET_DIR)/bin/busybox
	$(Q)rm -f $(TARGET_DIR)/linuxrc
endef

$(eval $(generic-package))

$(BUSYBOX_DIR)/.stamp_configured: $(BUSYBOX_CONFIG)

# Change the configuration interactively, then keep it in the tree.
.PHONY: busybox-menuconfig busybox-update-config
busybox-menuconfig: $(BUSYBOX_DIR)/.stamp_configured
	$(BUSYBOX_MAKE) menuconfig
	rm -f $(BUSYBOX_DIR)/.stamp_built $(BUSYBOX_DIR)/.stamp_installed
	@echo "make busybox-update-config writes it back to $(BUSYBOX_CONFIG)"

busybox-update-config: $(BUSYBOX_DIR)/.stamp_configured
	cp $(BUSYBOX_DIR)/.config $(BUSYBOX_CONFIG)
