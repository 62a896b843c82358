# Sourced by the build scripts: the environment Debian's emscripten 3.1.6 needs on this machine.
# Its JS tools resolve modules (acorn, ...) from Debian's node path when Node is not Debian's.
# (Debian's emscripten uses its own frozen, prebuilt system-library cache: EM_CACHE stays unset.)
export NODE_PATH=${NODE_PATH:-/usr/share/nodejs}
