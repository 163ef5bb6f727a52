################################################################################
# init: kitroot's PID 1 (our own, in C)
################################################################################

INIT_VERSION = $(KR_VERSION)
INIT_SITE = $(TOPDIR)/pkg/init/src
INIT_SITE_METHOD = local
INIT_LICENSE = MIT
INIT_SRCS = main.c log.c parse.c mounts.c hostname.c spawn.c shutdown.c \
	containers.c services.c

define INIT_BUILD_CMDS
	$(Q)cd $(@D) && $(TARGET_MAKE_ENV) $(TARGET_CC) -std=c11 -D_GNU_SOURCE \
		-Wall -Wextra -Werror -DKR_VERSION='"$(KR_VERSION)"' \
		-o kitroot-init $(INIT_SRCS)
endef

# The kernel runs /init from an initramfs; /sbin/init is the real file.
define INIT_INSTALL_CMDS
	$(Q)install -D -m 0755 $(@D)/kitroot-init $(TARGET_DIR)/sbin/init
	$(Q)$(TARGET_STRIP) $(TARGET_DIR)/sbin/init
	$(Q)ln -sfn sbin/init $(TARGET_DIR)/init
endef

$(eval $(generic-package))
