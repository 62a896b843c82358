#!/usr/bin/env python3
"""Prints the page's payload: each file of the site folder, raw and gzipped, and the total.

usage: sizes.py SITE_DIR [ICU_DATA_FILE]
The ICU data package is linked into basira.wasm; its own size is printed for reference.
"""
import gzip
import os
import sys


def sizes(path):
    data = open(path, "rb").read()
    return len(data), len(gzip.compress(data, 9))


def main():
    site = sys.argv[1]
    total_raw = total_gz = 0
    print("basira payload (%s):" % site)
    names = sorted(os.path.relpath(os.path.join(d, f), site)
                   for d, _, fs in os.walk(site) for f in fs)
    for name in names:
        path = os.path.join(site, name)
        raw, gz = sizes(path)
        total_raw += raw
        total_gz += gz
        print("  %-50s %10d bytes  %9d gzipped" % (name, raw, gz))
    print("  %-50s %10d bytes  %9d gzipped" % ("total", total_raw, total_gz))
    if len(sys.argv) > 2:
        raw, gz = sizes(sys.argv[2])
        print("  (ICU data in basira.wasm: %d bytes, %d gzipped)" % (raw, gz))


if __name__ == "__main__":
    main()
