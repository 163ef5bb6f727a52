# kr-bundle: a service spec turned into an OCI config.json (host; see pkg/bundle)
bundle_BIN = kr-bundle
bundle_CPPFLAGS = -D_DEFAULT_SOURCE
bundle_SHARED = json
