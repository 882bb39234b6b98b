#!/usr/bin/env python3
"""The fonts embedded in broadsheet's PDFs are true subsets (issue #20).

usage: check_pdf_fonts.py [--max-font BYTES] [--max-pdf BYTES] FILE.pdf...

Reads each PDF through qpdf --json (raw and decoded stream data) and fails when
a /FontFile2 program is larger than --max-font bytes as stored (libharu 2.3.0's
own were 20-90 KB deflated), its /Length1 is not its decoded length, it is not
an sfnt or still carries hinting; when a CIDToGIDMap stores more than a few
hundred bytes (libharu's covered the whole BMP); or when the file is larger
than --max-pdf bytes. Prints each font program's size.
"""
import argparse
import base64
import json
import os
import struct
import subprocess
import sys

MAX_CID_MAP = 1024  # stored bytes: the used CIDs' entries, zeros elsewhere, deflated


def objects(path, decode):
    """Object key ("obj:N 0 R") -> object, as qpdf reads the file, streams with their data."""
    out = subprocess.run(["qpdf", "--json=2", "--json-key=qpdf", "--json-stream-data=inline",
                          "--decode-level=" + ("generalized" if decode else "none"), path],
                         check=True, capture_output=True).stdout
    return {key: value for key, value in json.loads(out)["qpdf"][1].items() if isinstance(value, dict)}


def streams(objs):
    """Object key -> (stream dict, data bytes)."""
    return {key: (value["stream"]["dict"], base64.b64decode(value["stream"].get("data", "")))
            for key, value in objs.items() if "stream" in value}


def cid_maps(objs):
    """Keys of the CIDToGIDMap streams the CIDFonts name."""
    return {"obj:" + value["value"]["/CIDToGIDMap"] for value in objs.values()
            if isinstance(value.get("value"), dict) and isinstance(value["value"].get("/CIDToGIDMap"), str)}


def sfnt_tables(program):
    """The table tags of an sfnt, or None when the bytes are not one."""
    if len(program) < 12 or program[:4] not in (b"\x00\x01\x00\x00", b"true"):
        return None
    count = struct.unpack(">H", program[4:6])[0]
    return {program[12 + 16 * i:16 + 16 * i].decode("latin-1") for i in range(count)}


def check(path, max_font, max_pdf):
    problems = []
    raw_objects = objects(path, False)
    raw, decoded = streams(raw_objects), streams(objects(path, True))
    fonts = {key: d for key, (d, _) in raw.items() if "/Length1" in d}
    if not fonts:
        problems.append("no /FontFile2 program")
    for key, stream_dict in sorted(fonts.items()):
        stored, program = len(raw[key][1]), decoded[key][1]
        print("%s %s: %d bytes stored, %d decoded" % (os.path.basename(path), key, stored, len(program)))
        if stored > max_font:
            problems.append("%s: font program of %d bytes stored (at most %d)" % (key, stored, max_font))
        if stream_dict["/Length1"] != len(program):
            problems.append("%s: /Length1 %d, decoded %d bytes" % (key, stream_dict["/Length1"], len(program)))
        tables = sfnt_tables(program)
        if tables is None:
            problems.append("%s: not a TrueType font program" % key)
        elif tables & {"fpgm", "prep", "cvt "}:
            problems.append("%s: still hinted (%s)" % (key, sorted(tables & {"fpgm", "prep", "cvt "})))
        elif not {"glyf", "loca", "hmtx", "head", "maxp"} <= tables:
            problems.append("%s: tables missing, has %s" % (key, sorted(tables)))
    maps = cid_maps(raw_objects)
    if len(maps) != len(fonts):
        problems.append("%d CIDToGIDMap streams for %d fonts" % (len(maps), len(fonts)))
    for key in sorted(maps):
        if len(raw[key][1]) > MAX_CID_MAP:
            problems.append("%s: CIDToGIDMap of %d bytes stored" % (key, len(raw[key][1])))
    size = os.path.getsize(path)
    if size > max_pdf:
        problems.append("%d bytes (at most %d)" % (size, max_pdf))
    return ["%s: %s" % (path, p) for p in problems]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--max-font", type=int, default=16_000)
    parser.add_argument("--max-pdf", type=int, default=100_000)
    parser.add_argument("pdfs", nargs="+")
    args = parser.parse_args()
    problems = [p for path in args.pdfs for p in check(path, args.max_font, args.max_pdf)]
    for p in problems:
        print("FAIL:", p, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
