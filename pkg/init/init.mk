################################################################################
# init: kitroot's PID 1 (our own, in C: src/init)
################################################################################

INIT_VERSION = $(KR_VERSION)
INIT_SITE = $(TOPDIR)/src/init
INIT_LICENSE = MIT
INIT_DEFINES = -DKR_VERSION='"$(KR_VERSION)"'

# The kernel runs /init from an initramfs; /sbin/init is the real file.
define INIT_INSTALL_CMDS
	$(Q)install -D -m 0755 $(@D)/kitroot-init $(TARGET_DIR)/sbin/init
	$(Q)$(TARGET_STRIP) $(TARGET_DIR)/sbin/init
	$(Q)ln -sfn sbin/init $(TARGET_DIR)/init
endef

$(eval $(c-program-package))
