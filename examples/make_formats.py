#!/usr/bin/env python3
"""Write the demo article in the other input formats, with their expectations.

    python3 examples/make_formats.py

From examples/vietnam-ev-battery.txt (the seed layout) and its expectation file, writes
vietnam-ev-battery.md, .html and .docx beside them, and for each an expectation file
(vietnam-ev-battery.md.expected.yaml, ...) whose `line` numbers point into that file as written:
lines of the Markdown and HTML files, paragraphs of the Word document. The text is the same; the
markup is what each format brings (headings, bullets as list items, links, emphasis, paragraphs
wrapped over several lines, a dropped script and style, character references, a Word list and
runs). Standard library only; the output is deterministic (fixed zip timestamps), so running it
again changes nothing.
"""

import html
import re
import sys
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
STEM = "vietnam-ev-battery"

# Lines of the .txt (1-based), by role.
BULLETS = range(1, 10)
TAKEAWAY, URL = 10, 11
VI_TITLE, VI_BYLINE, VI_DATE = 12, 13, 14
VI_SUBHEADING = 19
EN_TITLE, EN_BYLINE, EN_DATE = 24, 25, 26
LAST = 34

# Emphasis and links added to the prose; none touches a figure.
MD_MARKUP = [
    ("Sao Mai Motors sẽ", "**Sao Mai Motors** sẽ"),
    ("(Example News) –", "([Example News](https://www.example-news.com)) –"),
    ("công ty tư vấn Redwood Analytics", "công ty tư vấn *Redwood Analytics*"),
    ("by consultancy Redwood Analytics", "by consultancy _Redwood Analytics_"),
    ("Contemporary Amperex Technology (300750.SZ), opens new tab",
     "[Contemporary Amperex Technology](https://www.example-news.com/catl) (300750.SZ), opens new tab"),
]
HTML_MARKUP = [
    ("Sao Mai Motors sẽ", "<strong>Sao Mai Motors</strong> sẽ"),
    ("(Example News) –", '(<a href="https://www.example-news.com">Example News</a>) &ndash;'),
    ("công ty tư vấn Redwood Analytics", "công ty tư vấn <em>Redwood Analytics</em>"),
    ("by consultancy Redwood Analytics", "by consultancy <em>Redwood Analytics</em>"),
    ("Tác giả: Phạm Minh Anh và Oliver Hale", "Tác giả: Ph&#7841;m Minh Anh và Oliver Hale"),
]


def wrap(line):
    """A paragraph as a CMS or an editor writes it: one sentence a line."""
    parts = re.split(r"(?<=[.!?”]) (?=[A-ZĐÀ-Ỹ“])", line)
    return parts


def remap_expectations(text_lines, places, name, header):
    """The .txt expectation with each fragment's line moved to where it is now.

    `places[n]` lists (new line number, text of that line) for line n of the .txt.
    """
    src = (HERE / f"{STEM}.expected.yaml").read_text(encoding="utf-8")
    body = src[src.index("must_flag:"):]

    def move(m):
        n, frag = int(m.group(1)), m.group(2)
        plain = frag.encode().decode("unicode_escape").encode("latin-1").decode()
        for new, line in places[n]:
            if plain in line:
                return f'line: {new}, text: "{frag}"'
        sys.exit(f"{name}: fragment {plain!r} of line {n} is on no line: {places[n]}")

    body = re.sub(r'line: (\d+), text: "((?:[^"\\]|\\.)*)"', move, body)
    body = re.sub(r"\(line (\d+)\)", lambda m: f"(line {places[int(m.group(1))][0][0]})", body)
    out = HERE / f"{STEM}.{name}.expected.yaml"
    out.write_text(header + "\n" + body, encoding="utf-8")


def markdown(lines):
    out = []  # lines of the .md
    places = {}

    def add(n, text):
        out.append(text)
        places.setdefault(n, []).append((len(out), text))

    def para(n, text, prefix=""):
        for k, part in enumerate(wrap(text)):
            add(n, (prefix if k == 0 else "") + part)
        out.append("")

    for n in BULLETS:
        add(n, "- " + apply(MD_MARKUP, lines[n - 1][2:]))
    out.append("")
    para(TAKEAWAY, lines[TAKEAWAY - 1])
    add(URL, f"<{lines[URL - 1]}>")
    out.append("")
    for n in range(VI_TITLE, LAST + 1):
        text = apply(MD_MARKUP, lines[n - 1])
        if n == EN_TITLE:
            out.extend(["---", ""])
        if n in (VI_TITLE, EN_TITLE):
            add(n, "# " + text)
            out.append("")
        elif n == VI_SUBHEADING:
            add(n, "## " + text)
            out.append("")
        elif n in (VI_BYLINE, EN_BYLINE):
            add(n, f"*{text}*")
            out.append("")
        else:
            para(n, text)
    return "\n".join(out).rstrip("\n") + "\n", places


def apply(markup, text, escape=None):
    if escape:
        text = escape(text)
    for old, new in markup:
        text = text.replace(escape(old) if escape else old, new)
    return text


def html_page(lines):
    out = [
        "<!DOCTYPE html>",
        '<html lang="vi">',
        "<head>",
        '<meta charset="utf-8">',
        "<title>Xe điện: 2,9 tỷ USD cho pin (title and head are dropped)</title>",
        "<style>body { font-family: serif; max-width: 42em; } li { margin: 0.2em 0; }</style>",
        '<script>window.dataLayer = [{"share": "25%", "html": "<p>99%</p>"}];</script>',
        "</head>",
        "<body>",
        '<ul class="summary">',
    ]
    places = {}
    esc = lambda s: html.escape(s, quote=False)  # noqa: E731

    def add(n, text):
        out.append(text)
        places.setdefault(n, []).append((len(out), text))

    def para(n, text, tag="p"):
        parts = wrap(apply(HTML_MARKUP, text, esc))
        if len(parts) == 1:
            add(n, f"<{tag}>{parts[0]}</{tag}>")
            return
        add(n, f"<{tag}>{parts[0]}")
        for part in parts[1:-1]:
            add(n, "  " + part)
        add(n, f"  {parts[-1]}</{tag}>")

    for n in BULLETS:
        add(n, "  <li>" + apply(HTML_MARKUP, lines[n - 1][2:], esc) + "</li>")
    out.append("</ul>")
    para(TAKEAWAY, lines[TAKEAWAY - 1])
    url = lines[URL - 1]
    add(URL, f'<p><a href="{url}">{url}</a></p>')
    out.append("<!-- the Vietnamese translation: 2,9 tỷ USD (comments are dropped) -->")
    out.append('<article lang="vi">')
    for n in range(VI_TITLE, LAST + 1):
        if n == EN_TITLE:
            out.extend(["</article>", "<hr>", '<article lang="en">'])
        text = lines[n - 1]
        if n in (VI_TITLE, EN_TITLE):
            para(n, text, "h1")
        elif n == VI_SUBHEADING:
            para(n, text, "h2")
        else:
            para(n, text)
    out.extend(["</article>", "</body>", "</html>"])
    return "\n".join(out) + "\n", places


W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def run(text, bold=False):
    props = "<w:rPr><w:b/></w:rPr>" if bold else ""
    return f'<w:r>{props}<w:t xml:space="preserve">{html.escape(text, quote=False)}</w:t></w:r>'


def docx(lines):
    paras = []  # XML of each paragraph
    places = {}

    def add(n, xml, text):
        paras.append(xml)
        if n:
            places.setdefault(n, []).append((len(paras), text))

    def p(n, text, style=None, runs=None):
        ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
        add(n, f"<w:p>{ppr}{runs or run(text)}</w:p>", text)

    for n in BULLETS:
        text = lines[n - 1][2:]
        ppr = ('<w:pPr><w:pStyle w:val="ListParagraph"/>'
               '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>')
        runs = run(text)
        if text.startswith("Sao Mai Motors "):
            runs = run("Sao Mai Motors", bold=True) + run(text[len("Sao Mai Motors"):])
        add(n, f"<w:p>{ppr}{runs}</w:p>", text)
    p(TAKEAWAY, lines[TAKEAWAY - 1])
    url = lines[URL - 1]
    p(URL, url, runs=f'<w:hyperlink r:id="rId3">{run(url)}</w:hyperlink>')
    add(None, "<w:p/>", "")
    for n in range(VI_TITLE, LAST + 1):
        if n == EN_TITLE:
            add(None, "<w:p/>", "")
        text = lines[n - 1]
        if n in (VI_TITLE, EN_TITLE):
            p(n, text, "Heading1")
        elif n == VI_SUBHEADING:
            p(n, text, "Heading2")
        else:
            p(n, text)
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:document xmlns:w="{W}" xmlns:r="{R}"><w:body>'
        + "".join(paras)
        + '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>'
    )
    files = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
            '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
            '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>'
            "</Types>"
        ),
        "_rels/.rels": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
            "</Relationships>"
        ),
        "word/_rels/document.xml.rels": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>'
            f'<Relationship Id="rId3" Type="{R}/hyperlink" Target="{html.escape(url)}" TargetMode="External"/>'
            "</Relationships>"
        ),
        "word/document.xml": document,
        "word/styles.xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<w:styles xmlns:w="{W}">'
            '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
            '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:rPr><w:b/><w:sz w:val="32"/></w:rPr></w:style>'
            '<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:rPr><w:b/><w:sz w:val="26"/></w:rPr></w:style>'
            '<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/><w:pPr><w:ind w:left="720"/></w:pPr></w:style>'
            "</w:styles>"
        ),
        "word/numbering.xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<w:numbering xmlns:w="{W}">'
            '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
            '<w:numFmt w:val="bullet"/><w:lvlText w:val="•"/><w:lvlJc w:val="left"/>'
            '<w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr></w:lvl></w:abstractNum>'
            '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
            "</w:numbering>"
        ),
    }
    return files, places


def write_docx(path, files):
    with zipfile.ZipFile(path, "w") as z:
        for name, data in files.items():
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, data.encode("utf-8"))


def header(name, what):
    return (
        f"# What an editor must be told about examples/{STEM}.{name}: the demo article of\n"
        f"# examples/{STEM}.txt written as {what}. Generated with its article by\n"
        "# `python3 examples/make_formats.py` from the .txt and its expectation file, whose comments say\n"
        f"# what each item is; here each `line` is {'a paragraph of the document (1-based, empty ones counted)' if name == 'docx' else 'a line of the file as written'}.\n"
    )


def main():
    lines = (HERE / f"{STEM}.txt").read_text(encoding="utf-8").split("\n")
    md, places = markdown(lines)
    (HERE / f"{STEM}.md").write_text(md, encoding="utf-8")
    remap_expectations(lines, places, "md", header("md", "Markdown"))
    page, places = html_page(lines)
    (HERE / f"{STEM}.html").write_text(page, encoding="utf-8")
    remap_expectations(lines, places, "html", header("html", "an HTML page (a CMS export)"))
    files, places = docx(lines)
    write_docx(HERE / f"{STEM}.docx", files)
    remap_expectations(lines, places, "docx", header("docx", "a Word document"))


if __name__ == "__main__":
    main()
