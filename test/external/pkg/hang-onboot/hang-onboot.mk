################################################################################
# hang-onboot: an onboot container that outlives its timeout (for the tests)
################################################################################

HANG_ONBOOT_VERSION = $(KR_VERSION)
HANG_ONBOOT_LICENSE = MIT
HANG_ONBOOT_BUSYBOX_APPLETS = sleep

$(eval $(container-package))
