#!/usr/bin/env python3
"""A tagged PDF's structure, read back the way assistive technology meets it.

Usage: check_pdf_structure.py [--phrase TEXT]... EDITION.pdf...

Reads each PDF twice, with two independent tools: poppler's
`pdfinfo -struct-text` (the structure tree with the text each element owns,
in tree order) and qpdf's JSON (the same tree's dictionaries: /S, /Lang, /Alt,
and the catalog and pages). Checks:

  marked     the catalog has /MarkInfo <</Marked true>>, a /Lang and a
             /StructTreeRoot with a /ParentTree; every page has
             /StructParents and /Tabs /S (tab order follows the structure)
  agree      both tools see the same elements in the same order
  headings   the first heading is H1 and no heading skips a level down
  figures    every Figure has alternative text (/Alt)
  voices     every heading and contents entry is in a script its inherited
             /Lang voices (WCAG 3.1.2), as check_language_of_parts.py checks
             the EPUB; the articles' own prose and bylines are their authors'
             (a Latin publisher's name in a Russian byline is fine)
  parents    the /ParentTree gives, for every page's MCID, the element whose
             /K holds it (a reader finds an element from the content it
             touches), and maps nothing else
  order      the articles' titles (H3 in each Art) come in the order of the
             contents' entries (TOCI in the nested TOC), and none is missing
  phrases    each --phrase lies whole inside one element's text: a paragraph
             that crosses columns and pages reads on without a break or a
             glued word (choose phrases without a hyphenated line end: the
             hyphen is part of the text, docs/accessibility.md)

Prints each failure with its file; exit 1 if any.
"""
import json
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "realfeed"))
from check_language_of_parts import voiceable  # noqa: E402

ELEMENT = re.compile(r"^(?P<indent> *)(?P<role>[A-Za-z0-9]+)(?: \((?:block|inline)\))?$")
TEXT = re.compile(r'^(?P<indent> *)"(?P<text>.*)"$')


def flatten(text):
    return " ".join(text.split())


def poppler_tree(path):
    """[(depth, role, own text)] in tree order, from pdfinfo -struct-text."""
    out = subprocess.run(["pdfinfo", "-struct-text", path], check=True, capture_output=True,
                         text=True, timeout=60).stdout
    elements = []
    for line in out.splitlines():
        m = TEXT.match(line)
        if m and elements:
            elements[-1][2].append(m.group("text"))
            continue
        m = ELEMENT.match(line)
        if m and not line.strip().startswith("Object"):
            elements.append([len(m.group("indent")) // 2, m.group("role"), []])
    # Each marked-content sequence prints on a line of its own; the spaces
    # between words are glyphs, so the lines join as they are.
    return [(depth, role, flatten("".join(texts))) for depth, role, texts in elements]


def qpdf_objects(path):
    out = subprocess.run(["qpdf", "--json=2", "--json-key=qpdf", path], check=True,
                         capture_output=True, text=True, timeout=60).stdout
    objects = json.loads(out)["qpdf"][1]
    return {key[len("obj:"):]: value.get("value") for key, value in objects.items()}


def string_of(value):
    """qpdf JSON v2 strings: u:text, or b:hex (UTF-16BE with a BOM for text strings)."""
    if not isinstance(value, str):
        return ""
    if value.startswith("u:"):
        return value[2:]
    if value.startswith("b:"):
        data = bytes.fromhex(value[2:])
        return data[2:].decode("utf-16-be") if data.startswith(b"\xfe\xff") else data.decode("latin-1")
    return value


def qpdf_tree(objects, root_ref):
    """[(depth, role, lang, alt)] in tree order, from the dictionaries."""
    elements = []

    def walk(ref, depth):
        node = objects.get(ref) if isinstance(ref, str) else ref
        if not isinstance(node, dict) or "/S" not in node:
            return  # an MCID, or an MCR or OBJR dictionary
        elements.append((depth, node["/S"].lstrip("/"), string_of(node.get("/Lang")),
                         string_of(node.get("/Alt"))))
        kids = node.get("/K", [])
        for kid in kids if isinstance(kids, list) else [kids]:
            walk(kid, depth + 1)

    root = objects[root_ref]
    kids = root.get("/K", [])
    for kid in kids if isinstance(kids, list) else [kids]:
        walk(kid, 0)
    return elements


def as_list(value):
    return value if isinstance(value, list) else [value]


def parent_problems(objects, root_ref):
    """The ParentTree against the elements' own /K: (page, MCID) -> element."""
    owners = {}
    for ref, node in objects.items():
        if not isinstance(node, dict) or node.get("/Type") != "/StructElem":
            continue
        for kid in as_list(node.get("/K", [])):
            if isinstance(kid, int):
                owners[(node.get("/Pg"), kid)] = ref
            elif isinstance(kid, dict) and kid.get("/Type") == "/MCR":
                owners[(kid.get("/Pg"), kid.get("/MCID"))] = ref
    tree = objects[root_ref]["/ParentTree"]
    nums = (objects.get(tree) if isinstance(tree, str) else tree).get("/Nums", [])
    by_key = {nums[i]: nums[i + 1] for i in range(0, len(nums) - 1, 2)}
    mapped, problems = set(), []
    for ref, page in objects.items():
        if not isinstance(page, dict) or page.get("/Type") != "/Page" or "/StructParents" not in page:
            continue
        parents = by_key.get(page["/StructParents"], [])
        parents = objects.get(parents, []) if isinstance(parents, str) else parents
        for mcid, element in enumerate(parents):
            mapped.add((ref, mcid))
            if owners.get((ref, mcid)) != element:
                problems.append(f"parents: page {ref} MCID {mcid} maps to {element}, "
                                f"its /K owner is {owners.get((ref, mcid))}")
    problems += [f"parents: page {p} MCID {m} of {e} is not in the /ParentTree"
                 for (p, m), e in owners.items() if (p, m) not in mapped]
    return problems[:5]


def check(path, phrases):
    problems = []
    objects = qpdf_objects(path)
    catalog = next(v for v in objects.values() if isinstance(v, dict) and v.get("/Type") == "/Catalog")
    if not (catalog.get("/MarkInfo") or {}).get("/Marked"):
        problems.append("marked: no /MarkInfo <</Marked true>>")
    document_lang = string_of(catalog.get("/Lang"))
    if not document_lang:
        problems.append("marked: no /Lang on the catalog")
    root_ref = catalog.get("/StructTreeRoot")
    if not root_ref or "/ParentTree" not in objects.get(root_ref, {}):
        return problems + ["marked: no /StructTreeRoot with a /ParentTree"]
    for ref, value in objects.items():
        if isinstance(value, dict) and value.get("/Type") == "/Page":
            if "/StructParents" not in value or value.get("/Tabs") != "/S":
                problems.append(f"marked: page {ref} lacks /StructParents or /Tabs /S")

    problems += parent_problems(objects, root_ref)
    tree = qpdf_tree(objects, root_ref)
    texts = poppler_tree(path)
    if [(d, r) for d, r, _, _ in tree] != [(d, r) for d, r, _ in texts]:
        return problems + [f"agree: qpdf sees {len(tree)} elements, pdfinfo {len(texts)}, not the same tree"]

    level = 0
    inherited = []  # the effective language at each depth
    titles, entries = [], []
    section_entry_depth = None  # the contents: TOC > TOCI (section) > TOC > TOCI (article)
    for (depth, role, lang, alt), (_, _, text) in zip(tree, texts):
        del inherited[depth:]
        inherited.append(lang or (inherited[-1] if inherited else document_lang))
        if re.fullmatch(r"H[1-6]", role):
            n = int(role[1])
            if n > level + 1:
                problems.append(f"headings: {role} after H{level}: {text[:60]!r}")
            level = n
        if role == "Figure" and not alt:
            problems.append("figures: a Figure without /Alt")
        voiced = re.fullmatch(r"H[1-6]|TOCI", role)
        if voiced and text and not voiceable(text, inherited[-1]):
            problems.append(f"voices: {role} under /Lang {inherited[-1]}: {text[:60]!r}")
        if role == "H3":
            titles.append(text)
        if role == "TOCI":
            section_entry_depth = section_entry_depth if section_entry_depth is not None else depth
            if depth > section_entry_depth:
                entries.append(re.sub(r" \d+$", "", text))  # without its page number
    if titles != entries:
        problems.append(f"order: article titles {titles} differ from the contents {entries}")
    for phrase in phrases:
        if not any(flatten(phrase) in text for _, _, text in texts):
            problems.append(f"phrases: not whole in one element: {phrase!r}")
    return problems


def main(argv):
    phrases, files = [], []
    args = iter(argv)
    for arg in args:
        if arg == "--phrase":
            phrases.append(next(args))
        else:
            files.append(arg)
    failed = False
    for path in files:
        problems = check(path, phrases if len(files) == 1 else [])
        for p in problems:
            print(f"{path}: {p}")
        failed = failed or bool(problems)
    if phrases and len(files) > 1:
        texts = [t for path in files for _, _, t in poppler_tree(path)]
        for phrase in phrases:
            if not any(flatten(phrase) in t for t in texts):
                print(f"phrases: not whole in one element of any file: {phrase!r}")
                failed = True
    if not failed:
        print(f"tagged structure: {len(files)} PDF(s) marked, parents, headings, figures, voices, order"
              + (f", {len(phrases)} phrase(s)" if phrases else ""))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
