################################################################################
# host-qemu: a newer QEMU, for the architectures the host's cannot emulate
################################################################################

# Debian's build, unpacked into the host directory (never installed on
# the build machine); upstream is https://www.qemu.org/.  Used to boot
# the systems, not in them: the boards' run-qemu.sh take it instead of
# the host's QEMU when the architecture says KR_QEMU_FROM_PKG (for
# s390x: QEMU 7.2 computes the vector checksum instruction wrongly, and
# Linux checksums every TCP and UDP packet with it).  The version is
# written once, in qemu.debs (here without Debian's epoch, which make
# cannot have in a file name).
HOST_QEMU_DEBS = $(TOPDIR)/pkg/qemu/qemu.debs
HOST_QEMU_HASH_FILE = $(TOPDIR)/pkg/qemu/qemu.hash
HOST_QEMU_VERSION = $(lastword $(subst :, ,$(word 2,$(shell grep '^qemu-system-data ' $(HOST_QEMU_DEBS)))))
HOST_QEMU_LICENSE = GPL-2.0-only
HOST_QEMU_LICENSE_FILES = usr/share/doc/qemu-system-data/copyright

HOST_QEMU_LIBEXEC = $(HOST_DIR)/lib/qemu
HOST_QEMU_DATA = $(HOST_DIR)/share/qemu

define HOST_QEMU_EXTRACT_CMDS
	$(Q)$(call unpack-debs,$(HOST_QEMU_DEBS),$(@D))
endef

# Each emulator behind a wrapper that points it at its own firmware
# (-L): the host's /usr/share/qemu holds the host QEMU's.
define HOST_QEMU_INSTALL_CMDS
	$(Q)rm -rf $(HOST_QEMU_LIBEXEC) $(HOST_QEMU_DATA)
	$(Q)mkdir -p $(HOST_QEMU_LIBEXEC) $(HOST_DIR)/share $(HOST_DIR)/bin
	$(Q)cp -R $(@D)/usr/share/qemu $(HOST_QEMU_DATA)
	$(Q)for q in $(@D)/usr/bin/qemu-system-*; do \
		cp $$q $(HOST_QEMU_LIBEXEC)/ && \
		printf '#!/bin/sh\nexec %s -L %s "$$@"\n' "$(HOST_QEMU_LIBEXEC)/$${q##*/}" '$(HOST_QEMU_DATA)' \
			> $(HOST_DIR)/bin/$${q##*/} && \
		chmod 0755 $(HOST_DIR)/bin/$${q##*/} && \
		$(HOST_DIR)/bin/$${q##*/} --version > /dev/null || exit 1; \
	done
endef

$(eval $(host-generic-package))

# The systems of an architecture that needs it boot with it (make run,
# the tests, make security-report), so every build of one has it.
ifeq ($(KR_QEMU_FROM_PKG),y)
world: $(HOST_QEMU_TARGET_INSTALL)
source: host-qemu-source
endif
