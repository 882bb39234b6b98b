#!/usr/bin/env python3
"""Language of parts (WCAG 3.1.2) in an EPUB, the way a screen reader meets it.

Usage: check_language_of_parts.py EDITION.epub...

Every text a screen reader voices from broadsheet's own structure (the
contents in nav.xhtml, the front and section pages, and on article pages the
title, section label, source line and the links at the end) must be written in
a script its inherited xml:lang can voice: an Arabic headline under an English
xml:lang is read by the English voice. The article's body is its author's and
is not checked (a Latin brand name in Russian prose is fine). Prints each
mismatch with its file and text; exit 1 if any.
"""
import sys
import unicodedata
import xml.etree.ElementTree as ET
import zipfile

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
XHTML = "{http://www.w3.org/1999/xhtml}"

# The scripts each language is written in (primary subtag).
SCRIPTS = {
    "ar": {"ARABIC"}, "fa": {"ARABIC"}, "ur": {"ARABIC"},
    "he": {"HEBREW"}, "yi": {"HEBREW"},
    "ru": {"CYRILLIC"}, "uk": {"CYRILLIC"}, "bg": {"CYRILLIC"}, "sr": {"CYRILLIC", "LATIN"},
    "el": {"GREEK"},
    "zh": {"CJK"}, "ja": {"CJK", "HIRAGANA", "KATAKANA"}, "ko": {"HANGUL", "CJK"},
}


def script_of(ch):
    """The script of a letter, from its Unicode name; None for what is not a letter."""
    if not unicodedata.category(ch).startswith("L"):
        return None
    name = unicodedata.name(ch, "")
    for script in ("CJK", "HIRAGANA", "KATAKANA", "HANGUL", "ARABIC", "HEBREW", "CYRILLIC", "GREEK", "LATIN"):
        if name.startswith(script):
            return script
    return "OTHER"


def voiceable(text, lang):
    """Can a voice for lang read text? Judged on its letters' main script."""
    counts = {}
    for ch in text:
        script = script_of(ch)
        if script:
            counts[script] = counts.get(script, 0) + 1
    if not counts:
        return True
    main = max(counts, key=counts.get)
    return main in SCRIPTS.get(lang.split("-")[0].lower(), {"LATIN"})



def walk(element, lang, checked, out):
    lang = element.get(XML_LANG, lang)
    cls = element.get("class", "")
    tag = element.tag.replace(XHTML, "")
    # On article pages only broadsheet's own parts are checked.
    if tag == "article" or (tag == "div" and "teaser" in cls):
        checked = False
    if cls in ("article-title", "section-label", "source-link", "teaser-title", "article-nav") or tag == "nav":
        checked = True
    if checked and element.text and element.text.strip():
        out.append((lang, element.text.strip()))
    for child in element:
        walk(child, lang, checked, out)
        if checked and child.tail and child.tail.strip():
            out.append((lang, child.tail.strip()))


def check(path):
    problems = []
    with zipfile.ZipFile(path) as book:
        for name in sorted(book.namelist()):
            if not name.endswith(".xhtml") or name.endswith("cover.xhtml"):
                continue
            root = ET.fromstring(book.read(name))
            body = root.find(XHTML + "body")
            texts = []
            walk(body, root.get(XML_LANG, ""), "articles/" not in name, texts)
            for lang, text in texts:
                if not voiceable(text, lang):
                    problems.append(f"{path}: {name}: '{text}' is voiced as xml:lang '{lang}'")
            checked_count = len(texts)
            if checked_count == 0:
                problems.append(f"{path}: {name}: nothing checked (has the page's structure changed?)")
    return problems


def main():
    problems = [p for path in sys.argv[1:] for p in check(path)]
    for p in problems:
        print(p)
    print(f"language of parts: {len(sys.argv) - 1} editions, {len(problems)} texts in the wrong voice")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
