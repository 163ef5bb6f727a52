################################################################################
# syscall-probe: the seccomp filter's refusals, tried inside a container
################################################################################

SYSCALL_PROBE_VERSION = $(KR_VERSION)
SYSCALL_PROBE_SITE = $(KR_EXTERNAL_KITROOT_TEST_PATH)/pkg/syscall-probe/files
SYSCALL_PROBE_SITE_METHOD = local
SYSCALL_PROBE_LICENSE = MIT

# The toolchain wrapper adds the hardening flags the image check wants.
define SYSCALL_PROBE_BUILD_CMDS
	$(Q)$(TARGET_CC) -std=c11 -Wall -Wextra -Werror -O2 \
		-o $(@D)/syscall-probe $(@D)/syscall-probe.c
endef

define SYSCALL_PROBE_ROOTFS_CMDS
	$(Q)install -D -m 0755 $(@D)/syscall-probe $(SYSCALL_PROBE_ROOTFS)/usr/bin/syscall-probe
endef

$(eval $(container-package))
