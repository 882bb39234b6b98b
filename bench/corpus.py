#!/usr/bin/env python3
"""Deterministic benchmark corpus: N news articles as a broadsheet digest (YAML),
plus the same text as HTML (for htmldoc) and Markdown (for pandoc).
A fixed seed and our own PRNG (splitmix64) make the bytes identical on every run.

usage: corpus.py SIZE OUTDIR   -> OUTDIR/bench-SIZE.{yaml,html,md}
"""
import math
import os
import sys

DAY0 = (2024, 11, 5)
SECTIONS = ["World", "Business", "Science", "Culture", "Sport", "Opinion"]
# Article languages and their share: mostly English, then other scripts the
# styles' fonts cover (Latin with diacritics, Cyrillic, Greek) and a little CJK.
LANGUAGES = [("en", 70), ("az", 8), ("ru", 10), ("el", 7), ("zh", 5)]
SYLLABLES = {
    "en": "ba be bi bo bu ca co de di do fa fe ga go ha he la le li lo ma me mi mo na ne no "
          "pa pe po ra re ri ro sa se si so ta te ti to va ve vi wa we ya tion ment ing er ed "
          "st pr tr gr br cl".split(),
    "az": "ba bə bi bö ça çə da də ğa qa qə la lə ma mə na nə ra rə sa sə şa şə ta tə ya yə "
          "ı ü ö ğı lar lər dır".split(),
    "ru": "ба бе ви во га да де жи за ка ко ла ле ли ло ма ме мо на не но ор па пе по ра ре ро "
          "са се со та те то ть ый ая ое ние ств".split(),
    "el": "βα γε δη θε κα κο λα λη μα με να νο πα πε πο ρα ρη σα σε τα τη το φα χα ος ης ια "
          "ων ει".split(),
}
HAN = "中国日本北京上海经济政府市场发展公司科技文化体育国际新闻会议合作城市大学研究人们时间工作问题社会"


class Rng:
    """splitmix64: small, fast, and the same everywhere."""

    def __init__(self, seed):
        self.state = seed & 0xFFFFFFFFFFFFFFFF

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & 0xFFFFFFFFFFFFFFFF
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & 0xFFFFFFFFFFFFFFFF
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & 0xFFFFFFFFFFFFFFFF
        return z ^ (z >> 31)

    def uniform(self):
        return (self.next() >> 11) / float(1 << 53)

    def below(self, n):
        return self.next() % n

    def pick(self, items):
        return items[self.below(len(items))]

    def weighted(self, pairs):
        total = sum(w for _, w in pairs)
        r = self.below(total)
        for item, w in pairs:
            if r < w:
                return item
            r -= w
        return pairs[-1][0]

    def lognormal(self, mu, sigma):
        # Box-Muller from two uniforms; our own, so no library version can change it.
        u1 = max(self.uniform(), 1e-12)
        u2 = self.uniform()
        return math.exp(mu + sigma * math.sqrt(-2.0 * math.log(u1)) * math.cos(2 * math.pi * u2))


def make_vocabulary(rng, lang, size):
    words = set()
    while len(words) < size:
        n = 1 + rng.below(4)
        words.add("".join(rng.pick(SYLLABLES[lang]) for _ in range(n)))
    return sorted(words)


class Writer:
    """Words drawn Zipf-like from a per-language vocabulary, as real text repeats words."""

    def __init__(self, rng):
        self.rng = rng
        self.vocab = {lang: make_vocabulary(rng, lang, 4000) for lang in SYLLABLES}

    def word(self, lang):
        if lang == "zh":
            return "".join(self.rng.pick(HAN) for _ in range(2 + self.rng.below(3)))
        vocab = self.vocab[lang]
        index = int(len(vocab) ** self.rng.uniform()) - 1  # log-uniform rank: a Zipf-like law
        return vocab[index]

    def sentence_words(self, lang, count):
        words = [self.word(lang) for _ in range(count)]
        words[0] = words[0][:1].upper() + words[0][1:]
        return words


def spans_for(rng, words):
    """Inline spans: (kind, text) with kind plain/em/strong/code/link."""
    spans, i = [], 0
    while i < len(words):
        roll = rng.below(100)
        take = 1 + rng.below(3)
        chunk = " ".join(words[i:i + take])
        kind = "plain"
        if roll < 3:
            kind = "em"
        elif roll < 5:
            kind = "strong"
        elif roll < 6:
            kind = "code"
        elif roll < 7:
            kind = "link"
        else:
            chunk = words[i]
            take = 1
        spans.append((kind, chunk))
        i += take
    return spans


def make_paragraph(rng, writer, lang, words_left):
    spans = []
    sentences = 2 + rng.below(5)
    used = 0
    for _ in range(sentences):
        n = min(6 + rng.below(22), max(1, words_left - used))
        words = writer.sentence_words(lang, n)
        words[-1] += "." if lang != "zh" else "。"
        spans.extend(spans_for(rng, words))
        used += n
        if used >= words_left:
            break
    return ("para", spans), used


def make_body(rng, writer, lang, word_target):
    """Blocks: para, heading, quote, list, code; mostly paragraphs."""
    blocks, words = [], 0
    while words < word_target:
        roll = rng.below(100)
        if roll < 4 and blocks:
            blocks.append(("heading", writer.sentence_words(lang, 3 + rng.below(4))))
            continue
        if roll < 8:
            para, n = make_paragraph(rng, writer, lang, 30)
            blocks.append(("quote", para[1]))
        elif roll < 12:
            items = [writer.sentence_words(lang, 4 + rng.below(8)) for _ in range(2 + rng.below(4))]
            blocks.append(("list", items))
            n = sum(len(i) for i in items)
        elif roll < 13:
            lines = ["x = compute(%d, %d)" % (rng.below(100), rng.below(100)) for _ in range(3)]
            blocks.append(("code", lines))
            n = 6
        else:
            para, n = make_paragraph(rng, writer, lang, word_target - words)
            blocks.append(para)
        words += n
    return blocks, words


def make_article(rng, writer, index, size):
    lang = rng.weighted(LANGUAGES)
    # A long tail: most articles are short news items, a few are long features.
    target = max(40, min(12000, int(rng.lognormal(math.log(520), 0.65))))
    blocks, words = make_body(rng, writer, lang, target)
    days = 10 if size >= 10000 else 1
    day = DAY0[2] + index * days // size
    minute = index * 7 % (24 * 60)
    return {
        "title": " ".join(writer.sentence_words(lang, 4 + rng.below(7))),
        "date": "%04d-%02d-%02dT%02d:%02d:00Z" % (DAY0[0], DAY0[1], day, minute // 60, minute % 60),
        "section": rng.pick(SECTIONS),
        "source": "Bench Wire",
        "author": " ".join(w.capitalize() for w in writer.sentence_words("en", 2)),
        "language": lang,
        "summary": " ".join(writer.sentence_words(lang, 12 + rng.below(15))) + ".",
        "blocks": blocks,
        "words": words,
    }


# --- the three forms of the same text --------------------------------------

def md_inline(spans):
    out = []
    for kind, text in spans:
        out.append({"plain": "%s", "em": "*%s*", "strong": "**%s**", "code": "`%s`",
                    "link": "[%s](https://example.org/a)"}[kind] % text)
    return " ".join(out)


def md_body(blocks):
    parts = []
    for kind, value in blocks:
        if kind == "para":
            parts.append(md_inline(value))
        elif kind == "heading":
            parts.append("## " + " ".join(value))
        elif kind == "quote":
            parts.append("> " + md_inline(value))
        elif kind == "list":
            parts.append("\n".join("- " + " ".join(item) for item in value))
        elif kind == "code":
            parts.append("```\n" + "\n".join(value) + "\n```")
    return "\n\n".join(parts)


def html_escape(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def html_inline(spans):
    out = []
    for kind, text in spans:
        t = html_escape(text)
        out.append({"plain": "%s", "em": "<em>%s</em>", "strong": "<strong>%s</strong>",
                    "code": "<code>%s</code>", "link": '<a href="https://example.org/a">%s</a>'}[kind] % t)
    return " ".join(out)


def html_body(blocks):
    parts = []
    for kind, value in blocks:
        if kind == "para":
            parts.append("<p>" + html_inline(value) + "</p>")
        elif kind == "heading":
            parts.append("<h3>" + html_escape(" ".join(value)) + "</h3>")
        elif kind == "quote":
            parts.append("<blockquote><p>" + html_inline(value) + "</p></blockquote>")
        elif kind == "list":
            parts.append("<ul>" + "".join("<li>" + html_escape(" ".join(i)) + "</li>" for i in value) + "</ul>")
        elif kind == "code":
            parts.append("<pre>" + html_escape("\n".join(value)) + "</pre>")
    return "\n".join(parts)


def yaml_quote(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def write_yaml(path, articles):
    with open(path, "w", encoding="utf-8") as f:
        f.write("title: Bench Daily\npublisher: Bench Wire\nlanguage: en\narticles:\n")
        for a in articles:
            f.write("  - title: %s\n" % yaml_quote(a["title"]))
            for key in ("date", "section", "source", "author", "language"):
                f.write("    %s: %s\n" % (key, a[key]))
            f.write("    summary: %s\n" % yaml_quote(a["summary"]))
            f.write("    body: |\n")
            for line in md_body(a["blocks"]).split("\n"):
                f.write(("      " + line).rstrip() + "\n")


def write_html(path, articles):
    with open(path, "w", encoding="utf-8") as f:
        f.write('<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>Bench Daily</title></head><body>\n')
        for a in articles:
            f.write('<h1>%s</h1>\n<p><em>%s</em></p>\n%s\n' % (
                html_escape(a["title"]), html_escape(a["summary"]), html_body(a["blocks"])))
        f.write("</body></html>\n")


def write_markdown(path, articles):
    with open(path, "w", encoding="utf-8") as f:
        f.write("---\ntitle: Bench Daily\nlang: en\n---\n\n")
        for a in articles:
            f.write("# %s\n\n*%s*\n\n%s\n\n" % (a["title"], a["summary"], md_body(a["blocks"])))


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    size, out = int(sys.argv[1]), sys.argv[2]
    os.makedirs(out, exist_ok=True)
    rng = Rng(20241105)
    writer = Writer(rng)
    articles = [make_article(rng, writer, i, size) for i in range(size)]
    base = os.path.join(out, "bench-%d" % size)
    write_yaml(base + ".yaml", articles)
    write_html(base + ".html", articles)
    write_markdown(base + ".md", articles)
    words = sum(a["words"] for a in articles)
    print("bench-%d: %d articles, %d words (mean %d, longest %d)" % (
        size, size, words, words // size, max(a["words"] for a in articles)))


if __name__ == "__main__":
    main()
