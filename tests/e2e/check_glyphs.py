#!/usr/bin/python3
"""Checks that characters are drawn with real glyphs, not empty boxes.

Usage: check_glyphs.py FILE.pdf CHARS
Every character of CHARS must occur in the PDF's text (as its ToUnicode
gives it back), each occurrence drawn with a glyph other than glyph 0
(.notdef, the empty box), and with ink inside the glyph's box when the page
is rendered. Needs python3-fitz (PyMuPDF).
"""
import sys

import fitz

INK = 200  # a pixel darker than this (0-255 grey) is ink


def has_ink(page, bbox):
    clip = fitz.Rect(bbox)
    if clip.is_empty:
        return False
    pix = page.get_pixmap(clip=clip, dpi=150, colorspace=fitz.csGRAY)
    return any(b < INK for b in pix.samples)


def check(path, wanted):
    found = {c: 0 for c in wanted}
    problems = []
    doc = fitz.open(path)
    for page in doc:
        for span in page.get_texttrace():
            for unicode, glyph, _origin, bbox in span["chars"]:
                c = chr(unicode)
                if c not in found:
                    continue
                found[c] += 1
                where = f"page {page.number + 1}, U+{unicode:04X} '{c}' in {span['font']}"
                if glyph == 0:
                    problems.append(f"{where}: drawn as glyph 0 (an empty box)")
                elif not has_ink(page, bbox):
                    problems.append(f"{where}: glyph {glyph} leaves no ink")
    for c, n in found.items():
        if n == 0:
            problems.append(f"U+{ord(c):04X} '{c}' is not in the PDF's text")
    for p in problems:
        print(f"{path}: {p}")
    if not problems:
        counts = ", ".join(f"{c} {n}" for c, n in found.items())
        print(f"{path}: every character drawn with a real glyph ({counts})")
    return not problems


if __name__ == "__main__":
    sys.exit(0 if check(sys.argv[1], sys.argv[2]) else 1)
