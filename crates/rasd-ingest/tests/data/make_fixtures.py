#!/usr/bin/env python3
"""Regenerates the fixtures that cannot be typed by hand (run from this folder; the outputs are committed).

- pages/article-cp1256.html: pages/article.html in windows-1256, with its <meta charset> saying so.
- pages/article-cp1256-undeclared.html: the same bytes without any charset declaration (detection must find it).
- binary.bin and batch/scan.png: binary files (a PNG signature, NUL bytes).
"""
import pathlib

here = pathlib.Path(__file__).parent
page = (here / "pages/article.html").read_text(encoding="utf-8")
declared = page.replace('<meta charset="utf-8">', '<meta charset="windows-1256">')
assert declared != page
(here / "pages/article-cp1256.html").write_bytes(declared.encode("cp1256"))
undeclared = page.replace('<meta charset="utf-8">\n', "")
(here / "pages/article-cp1256-undeclared.html").write_bytes(undeclared.encode("cp1256"))

blob = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4
(here / "binary.bin").write_bytes(b"\x00\x01rasd\x00" + bytes(range(256)))
(here / "batch/scan.png").write_bytes(blob)
