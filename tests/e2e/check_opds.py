#!/usr/bin/env python3
"""Checks a shelf folder's catalog.xml against what Atom (RFC 4287) and OPDS 1.2
require that can be checked locally, and that every link resolves to a file of
the stated length; index.html must list every edition. Usage: check_opds.py DIR"""
import os, re, sys
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

ATOM = "{http://www.w3.org/2005/Atom}"
DC = "{http://purl.org/dc/terms/}"
ACQ = "http://opds-spec.org/acquisition"
FEED_TYPE = "application/atom+xml;profile=opds-catalog;kind=acquisition"
RFC3339 = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$")
problems = []

def need(cond, what):
    if not cond:
        problems.append(what)

def one(parent, tag, where):
    found = parent.findall(ATOM + tag)
    need(len(found) == 1, f"{where}: expected one atom:{tag}, found {len(found)}")
    return found[0] if found else None

folder = sys.argv[1]
root = ET.parse(os.path.join(folder, "catalog.xml")).getroot()  # well-formed or raises
need(root.tag == ATOM + "feed", "the root is not atom:feed")
for tag in ("id", "title", "updated"):
    one(root, tag, "feed")
need(RFC3339.match(root.findtext(ATOM + "updated") or ""), "feed updated is not RFC 3339")
need(root.find(ATOM + "author/" + ATOM + "name") is not None, "feed without an author")
self_links = [l for l in root.findall(ATOM + "link") if l.get("rel") == "self"]
need(len(self_links) == 1 and self_links[0].get("type") == FEED_TYPE, "self link with the acquisition feed type")

entries = root.findall(ATOM + "entry")
ids, dates = set(), []
for entry in entries:
    where = "entry " + (entry.findtext(ATOM + "title") or "?")
    for tag in ("id", "title", "updated"):
        one(entry, tag, where)
    need(RFC3339.match(entry.findtext(ATOM + "updated") or ""), f"{where}: updated is not RFC 3339")
    ident = entry.findtext(ATOM + "id")
    need(ident not in ids, f"{where}: duplicate id {ident}")
    ids.add(ident)
    dates.append(entry.findtext(DC + "issued") or "")
    links = entry.findall(ATOM + "link")
    need(any(l.get("rel") == "alternate" for l in links) or entry.find(ATOM + "content") is not None,
         f"{where}: neither content nor an alternate link (RFC 4287 4.1.2)")
    acquisitions = [l for l in links if (l.get("rel") or "").startswith(ACQ)]
    need(acquisitions, f"{where}: no acquisition link")
    for link in links:
        href, rel = link.get("href"), link.get("rel")
        need(href and link.get("type"), f"{where}: a link without href or type")
        path = os.path.join(folder, href.split("#")[0])
        need(os.path.isfile(path), f"{where}: {rel} link {href} does not resolve")
        if link.get("length") is not None and os.path.isfile(path):
            need(int(link.get("length")) == os.path.getsize(path), f"{where}: {href} length differs from the file")
    for l in acquisitions:
        need(l.get("type") in ("application/epub+zip", "application/pdf"), f"{where}: acquisition type {l.get('type')}")
        need(l.get("length") is not None, f"{where}: acquisition without length")
    for rel in ("http://opds-spec.org/image", "http://opds-spec.org/image/thumbnail"):
        need(any(l.get("rel") == rel for l in links), f"{where}: no {rel} link")
need(dates == sorted(dates, reverse=True), f"entries not newest first: {dates}")

class Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.items, self.hrefs, self.imgs = [], [], []
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "li" and "id" in a: self.items.append(a["id"])
        if tag == "a": self.hrefs.append(a.get("href"))
        if tag == "img":
            self.imgs.append(a.get("src"))
            need(a.get("alt"), "index.html: an image without alt text")
page = Page()
page.feed(open(os.path.join(folder, "index.html"), encoding="utf-8").read())
need(len(page.items) == len(entries), f"index.html lists {len(page.items)} editions, the feed {len(entries)}")
for href in page.hrefs + page.imgs:
    need(os.path.isfile(os.path.join(folder, href)), f"index.html: {href} does not resolve")
if problems:
    print("\n".join(problems)); sys.exit(1)
print(f"catalog.xml: {len(entries)} entries, Atom/OPDS structure and every link checked; index.html lists them all")
