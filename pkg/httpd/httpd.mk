################################################################################
# httpd: a small web server serving one page, as a service container
################################################################################

HTTPD_VERSION = $(KR_VERSION)
HTTPD_SITE = $(TOPDIR)/pkg/httpd/files
HTTPD_SITE_METHOD = local
HTTPD_LICENSE = MIT
HTTPD_BUSYBOX_APPLETS = httpd

define HTTPD_ROOTFS_CMDS
	$(Q)install -D -m 0644 $(@D)/index.html $(HTTPD_ROOTFS)/srv/www/index.html
endef

$(eval $(container-package))
