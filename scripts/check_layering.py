#!/usr/bin/env python3
# The layering check (a ctest test): folders under src/ are stages, and no
# folder may include a folder that includes it back, directly or through
# others. Prints each cycle as the include lines that make it, and fails.
import os
import re
import sys

INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"/]+)/[^"]+"', re.M)


def folder_edges(src):
    """{folder: {included folder: first 'file:line' that includes it}}"""
    edges = {}
    for folder in sorted(os.listdir(src)):
        path = os.path.join(src, folder)
        if not os.path.isdir(path):
            continue
        edges.setdefault(folder, {})
        for root, _, files in sorted(os.walk(path)):
            for name in sorted(files):
                file = os.path.join(root, name)
                text = open(file, encoding="utf-8", errors="replace").read()
                for m in INCLUDE.finditer(text):
                    target = m.group(1)
                    if target != folder and os.path.isdir(os.path.join(src, target)):
                        line = text.count("\n", 0, m.start()) + 1
                        where = f"{os.path.relpath(file, os.path.dirname(src))}:{line}"
                        edges[folder].setdefault(target, where)
    return edges


def cycles(edges):
    """Strongly connected components of more than one folder (Tarjan)."""
    index, low, stack, on, out = {}, {}, [], set(), []

    def visit(v):
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in edges.get(v, {}):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return out


def main():
    src = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "src")
    src = os.path.normpath(src)
    edges = folder_edges(src)
    found = cycles(edges)
    for comp in found:
        print(f"include cycle between folders: {' '.join(comp)}")
        for a in comp:
            for b, where in sorted(edges[a].items()):
                if b in comp:
                    print(f"  {where}: {a}/ includes {b}/")
    if found:
        return 1
    print(f"no include cycle between the {len(edges)} folders of {src}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
