################################################################################
# libseccomp: the seccomp filter library runc links statically
################################################################################

LIBSECCOMP_VERSION = 2.6.0
LIBSECCOMP_SOURCE = libseccomp-$(LIBSECCOMP_VERSION).tar.gz
LIBSECCOMP_SITE = https://github.com/seccomp/libseccomp/releases/download/v$(LIBSECCOMP_VERSION)
LIBSECCOMP_DEBIAN = libseccomp=2.6.0-2/libseccomp_$(LIBSECCOMP_VERSION).orig.tar.gz
LIBSECCOMP_LICENSE = LGPL-2.1-only
LIBSECCOMP_LICENSE_FILES = LICENSE
LIBSECCOMP_CPE_ID_VENDOR = libseccomp_project
LIBSECCOMP_CPE_ID_PRODUCT = libseccomp

# Static only, into the sysroot.  configure insists on gperf (host-deps
# installs it) although the release ships the generated tables.
define LIBSECCOMP_CONFIGURE_CMDS
	$(Q)cd $(@D) && $(TARGET_MAKE_ENV) ./configure --host=$(KR_GNU_TRIPLET) \
		--prefix=/ --disable-shared --enable-static --disable-python \
		$(TARGET_CONFIGURE_OPTS) CFLAGS="$(KR_TARGET_OPTIMIZATION)" >/dev/null
endef

define LIBSECCOMP_BUILD_CMDS
	$(Q)$(TARGET_MAKE_ENV) $(MAKE) -s -C $(@D)/src libseccomp.la >/dev/null
endef

define LIBSECCOMP_INSTALL_STAGING_CMDS
	$(Q)$(TARGET_MAKE_ENV) $(MAKE) -s -C $(@D)/src DESTDIR=$(SYSROOT) install-libLTLIBRARIES >/dev/null
	$(Q)$(TARGET_MAKE_ENV) $(MAKE) -s -C $(@D)/include DESTDIR=$(SYSROOT) install >/dev/null
	$(Q)install -D -m 0644 $(@D)/libseccomp.pc $(SYSROOT)/lib/pkgconfig/libseccomp.pc
	$(Q)rm -f $(SYSROOT)/lib/libseccomp.la
endef

$(eval $(generic-package))
