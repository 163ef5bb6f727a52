# kr-ociimage: a container's rootfs as an OCI image archive (host; see pkg/ociimage)
ociimage_BIN = kr-ociimage
ociimage_CPPFLAGS = -D_DEFAULT_SOURCE
ociimage_SHARED = json
