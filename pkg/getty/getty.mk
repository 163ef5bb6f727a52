################################################################################
# getty: a login prompt on the console, as a service container
################################################################################

GETTY_VERSION = $(KR_VERSION)
GETTY_LICENSE = MIT
# The skeleton's /etc/kitroot/console says "none" when getty is chosen,
# so that init leaves the console to it.

# busybox's getty, login and the shell the login gets.  The container
# shares the host's PID, network, IPC and UTS namespaces so an operator
# sees the system; ctr and containerd's socket are bound in.
GETTY_BUSYBOX_APPLETS = getty login sh ash ls cat ps kill pidof uname readlink pgrep grep sed awk head tail \
	mount df free top uptime ip ifconfig wget id hostname sleep dmesg echo env tr wc cut sort \
	poweroff reboot halt stat find xargs od
# Root is locked ('*') unless the debug option allows a passwordless
# console.
GETTY_ROOT_PASSWORD = $(if $(KR_PACKAGE_GETTY_PASSWORDLESS),,*)

define GETTY_ROOTFS_CMDS
	$(Q)printf 'root:%s:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/false\n' \
		'$(GETTY_ROOT_PASSWORD)' > $(GETTY_ROOTFS)/etc/passwd
	$(Q)printf 'root:%s:0:0:99999:7:::\nnobody:*:0:0:99999:7:::\n' \
		'$(GETTY_ROOT_PASSWORD)' > $(GETTY_ROOTFS)/etc/shadow
	$(Q)chmod 0600 $(GETTY_ROOTFS)/etc/shadow
	$(Q)printf 'kitroot \\n (\\l)\n\n' > $(GETTY_ROOTFS)/etc/issue
	$(Q)printf 'export PS1="\\h:\\w# "\nexport PATH=/bin:/usr/bin\n' > $(GETTY_ROOTFS)/etc/profile
	$(Q): > $(GETTY_ROOTFS)/usr/bin/ctr
endef

$(eval $(container-package))
