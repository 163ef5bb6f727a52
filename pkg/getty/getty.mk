################################################################################
# getty: a login prompt on the console, as a service container
################################################################################

GETTY_VERSION = $(KR_VERSION)
GETTY_LICENSE = MIT
# The skeleton's /etc/kitroot/console says "none" when getty is chosen,
# so that init leaves the console to it.

# busybox's getty, login and the shell the login gets.  The container
# shares the host's PID, network, IPC and UTS namespaces so an operator
# sees the system; with the operator role, ctr and containerd's socket
# are bound in.
GETTY_BUSYBOX_APPLETS = getty login sh ash ls cat ps kill pidof uname readlink pgrep grep sed awk head tail \
	mount df free top uptime ip ifconfig wget id hostname sleep dmesg echo env tr wc cut sort \
	poweroff reboot halt stat find xargs od
# Root: the debug option's empty password, else KR_ROOT_PASSWORD_HASH,
# else locked; the users tables' accounts beside it.
define GETTY_ROOTFS_CMDS
	$(Q)$(call users-write,$(GETTY_ROOTFS),$(if $(KR_PACKAGE_GETTY_PASSWORDLESS),-p,-r $(KR_CONFIG)))
	$(Q)printf 'kitroot \\n (\\l)\n\n' > $(GETTY_ROOTFS)/etc/issue
	$(Q)printf 'export PS1="\\h:\\w# "\nexport PATH=/bin:/usr/bin\n' > $(GETTY_ROOTFS)/etc/profile
	$(if $(KR_PACKAGE_GETTY_OPERATOR),$(Q): > $(GETTY_ROOTFS)/usr/bin/ctr && \
		mkdir -p $(GETTY_ROOTFS)/run/containerd && : > $(GETTY_ROOTFS)/run/containerd/containerd.sock)
endef

# The spec kr-bundle reads: getty.service, then those of operator.lines
# when the operator role is chosen.  Written only when it changes, so a
# .config edit elsewhere rebuilds nothing here.  After the extract,
# which empties the package's directory.
GETTY_SPEC = $(GETTY_DIR)/spec/getty.service
GETTY_SPEC_PARTS := $(pkgdir)getty.service $(if $(KR_PACKAGE_GETTY_OPERATOR),$(pkgdir)operator.lines)

$(eval $(container-package))
$(GETTY_TARGET_INSTALL): $(USERS_DEPENDENCIES)

$(GETTY_SPEC): $(GETTY_SPEC_PARTS) $(KR_CONFIG) | $(GETTY_DIR)/.stamp_extracted
	$(Q)mkdir -p $(@D)
	$(Q)cat $(GETTY_SPEC_PARTS) > $@.tmp
	$(Q)if cmp -s $@.tmp $@; then rm -f $@.tmp; else mv $@.tmp $@; fi
