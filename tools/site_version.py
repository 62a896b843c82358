#!/usr/bin/env python3
"""Stamps the site's service worker with this build: writes into SITE/sw.js the list of files to
precache (every file of the site but sw.js itself, plus './') and BUILD, a hash of their names and
contents, so a new build gets a new cache and an unchanged build keeps the old one.

  tools/site_version.py SITE
"""
import hashlib
import json
import pathlib
import re
import sys


def main():
    site = pathlib.Path(sys.argv[1])
    sw = site / 'sw.js'
    files = sorted(p.relative_to(site).as_posix() for p in site.rglob('*')
                   if p.is_file() and p.name != 'sw.js')
    digest = hashlib.sha256()
    for name in files:
        digest.update(name.encode() + b'\0' + (site / name).read_bytes() + b'\0')
    build = digest.hexdigest()[:16]
    text = sw.read_text(encoding='utf-8')
    text, n1 = re.subn(r"^const BUILD = '[^']*';$", f"const BUILD = '{build}';", text, flags=re.M)
    text, n2 = re.subn(r"^const PRECACHE = \[.*?\];$",
                       'const PRECACHE = ' + json.dumps(['./'] + files, indent=2) + ';',
                       text, flags=re.M | re.S)
    if n1 != 1 or n2 != 1:
        sys.exit(f'site_version: {sw} has no BUILD or PRECACHE line to stamp')
    sw.write_text(text, encoding='utf-8')
    print(f'site_version: {len(files)} files, build {build}')


if __name__ == '__main__':
    main()
