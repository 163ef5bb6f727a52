################################################################################
# musl: the C library every target program links against
################################################################################

MUSL_VERSION = 1.2.5
MUSL_SOURCE = musl-$(MUSL_VERSION).tar.gz
MUSL_SITE = https://musl.libc.org/releases
# Debian's orig tarball is byte-identical to the release.
MUSL_DEBIAN = musl=1.2.5-3.1~deb13u1/musl_$(MUSL_VERSION).orig.tar.gz
MUSL_LICENSE = MIT
MUSL_LICENSE_FILES = COPYRIGHT
MUSL_CPE_ID_VENDOR = musl-libc
MUSL_CPE_ID_PRODUCT = musl
MUSL_ADD_TOOLCHAIN_DEPENDENCY = NO
MUSL_DEPENDENCIES = host-toolchain-wrapper

# Static only: every target program is a static PIE.  musl's own build
# passes -nostdinc/-nostdlib, so the wrapper adds only its flags.
define MUSL_CONFIGURE_CMDS
	$(Q)cd $(@D) && $(TARGET_MAKE_ENV) ./configure \
		--target=$(KR_GNU_TRIPLET) --prefix=/ --syslibdir=/lib \
		--disable-shared --enable-static \
		CC=$(TARGET_CC) CROSS_COMPILE=$(TARGET_CROSS) \
		CFLAGS="$(KR_TARGET_OPTIMIZATION)" >/dev/null
endef

define MUSL_BUILD_CMDS
	$(Q)$(TARGET_MAKE_ENV) $(MAKE) -s -C $(@D)
endef

# Headers and libraries into the sysroot; nothing on the target (static).
define MUSL_INSTALL_STAGING_CMDS
	$(Q)$(TARGET_MAKE_ENV) $(MAKE) -C $(@D) DESTDIR=$(SYSROOT) install >/dev/null
endef

$(eval $(generic-package))
