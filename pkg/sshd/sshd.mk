################################################################################
# sshd: dropbear's SSH server, key-only, as a service container
################################################################################

SSHD_VERSION = 2025.89
SSHD_SOURCE = dropbear-$(SSHD_VERSION).tar.bz2
SSHD_SITE = https://matt.ucc.asn.au/dropbear/releases
SSHD_DEBIAN = dropbear=2025.89-1~deb13u1/dropbear_$(SSHD_VERSION).orig.tar.bz2
SSHD_LICENSE = MIT
SSHD_LICENSE_FILES = LICENSE
SSHD_CPE_ID_VENDOR = dropbear_ssh_project
SSHD_CPE_ID_PRODUCT = dropbear_ssh
SSHD_BUSYBOX_APPLETS = sh ash ls cat ps grep sed awk head tail id uname echo env
SSHD_AUTHORIZED_KEYS = $(KR_PACKAGE_SSHD_AUTHORIZED_KEYS)

# Our own compile-time options (localoptions.h): public keys only, no
# forwarding of any kind, ed25519 host key made at the first
# connection (-R) into /etc/dropbear (the spec binds the state there).
define SSHD_CONFIGURE_CMDS
	$(Q)cp $(SSHD_PKGDIR)files/localoptions.h $(@D)/localoptions.h
	$(Q)cd $(@D) && $(TARGET_MAKE_ENV) ./configure --host=$(KR_GNU_TRIPLET) \
		--prefix=/usr --disable-zlib --disable-lastlog --disable-utmp \
		--disable-utmpx --disable-wtmp --disable-wtmpx --disable-pututline \
		--disable-pututxline --disable-loginfunc --disable-shadow \
		--disable-syslog --disable-harden --enable-bundled-libtom \
		$(TARGET_CONFIGURE_OPTS) CFLAGS="$(KR_TARGET_OPTIMIZATION)" >/dev/null
endef

define SSHD_BUILD_CMDS
	$(Q)$(TARGET_MAKE_ENV) $(MAKE) -s -C $(@D) PROGRAMS=dropbear MULTI=0 >/dev/null
endef

# The authorized keys come from the configuration; without them nobody
# can log in, which the build says.
define SSHD_ROOTFS_CMDS
	$(Q)install -D -m 0755 $(@D)/dropbear $(SSHD_ROOTFS)/usr/sbin/dropbear
	$(Q)$(TARGET_STRIP) $(SSHD_ROOTFS)/usr/sbin/dropbear
	$(Q)mkdir -p -m 0700 $(SSHD_ROOTFS)/etc/dropbear
	$(Q)$(call users-write,$(SSHD_ROOTFS),-k '$(SSHD_AUTHORIZED_KEYS)')
	$(Q)[ -n "$(SSHD_AUTHORIZED_KEYS)$(KR_USERS_TABLES)" ] || \
		echo "sshd: no KR_PACKAGE_SSHD_AUTHORIZED_KEYS and no users table: nobody can log in"
	$(Q)printf 'export PATH=/bin:/usr/bin\n' > $(SSHD_ROOTFS)/etc/profile
endef

$(eval $(container-package))
$(SSHD_TARGET_INSTALL): $(USERS_DEPENDENCIES)
