"""Building small .docx files in tests: python-docx for the package, WordprocessingML snippets for the rest.

python-docx has no numbering API, so numbered paragraphs, numbering definitions, text boxes, tracked changes
and merged cells are written as XML here and put into a document made by ``docx.Document()``.
"""

from __future__ import annotations

import io
from pathlib import Path
from xml.sax.saxutils import escape

import docx
from docx.oxml import parse_xml

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = (
    f'xmlns:w="{W_NS}" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
)


def run(text: str, *, hidden: bool = False) -> str:
    props = "<w:rPr><w:vanish/></w:rPr>" if hidden else ""
    return f'<w:r>{props}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def para(
    *content: str,
    num: int | None = None,
    ilvl: int | None = None,
    style: str | None = None,
    raw: bool = False,
) -> str:
    """A paragraph: plain strings become runs (unless ``raw``: then they are XML already)."""
    props = ""
    if style is not None:
        props += f'<w:pStyle w:val="{style}"/>'
    if num is not None or ilvl is not None:
        level = "" if ilvl is None else f'<w:ilvl w:val="{ilvl}"/>'
        number = "" if num is None else f'<w:numId w:val="{num}"/>'
        props += f"<w:numPr>{level}{number}</w:numPr>"
    body = "".join(c if raw else run(c) for c in content)
    return f"<w:p><w:pPr>{props}</w:pPr>{body}</w:p>" if props else f"<w:p>{body}</w:p>"


def xml_para(*xml: str) -> str:
    """A paragraph made of runs and other inline XML given as is."""
    return para(*xml, raw=True)


def level(
    ilvl: int,
    fmt: str,
    text: str,
    *,
    start: int | None = 1,
    restart: int | None = None,
    style: str | None = None,
    legal: bool = False,
) -> str:
    parts = [] if start is None else [f'<w:start w:val="{start}"/>']
    parts.append(f'<w:numFmt w:val="{fmt}"/>')
    if restart is not None:
        parts.append(f'<w:lvlRestart w:val="{restart}"/>')
    if style is not None:
        parts.append(f'<w:pStyle w:val="{style}"/>')
    if legal:
        parts.append("<w:isLgl/>")
    parts.append(f'<w:lvlText w:val="{escape(text, {chr(34): "&quot;"})}"/>')
    return f'<w:lvl w:ilvl="{ilvl}">{"".join(parts)}</w:lvl>'


def abstract(abstract_id: int, *levels: str) -> str:
    return f'<w:abstractNum w:abstractNumId="{abstract_id}">{"".join(levels)}</w:abstractNum>'


def num(num_id: int, abstract_id: int, starts: dict[int, int] | None = None) -> str:
    overrides = "".join(
        f'<w:lvlOverride w:ilvl="{i}"><w:startOverride w:val="{s}"/></w:lvlOverride>'
        for i, s in (starts or {}).items()
    )
    return f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>{overrides}</w:num>'


def cell(*paragraphs: str, span: int = 1, merge: str | None = None) -> str:
    """A table cell; ``merge`` is "restart" or "continue" (vertical merge)."""
    props = f'<w:gridSpan w:val="{span}"/>' if span > 1 else ""
    if merge == "restart":
        props += '<w:vMerge w:val="restart"/>'
    elif merge == "continue":
        props += "<w:vMerge/>"
    content = "".join(p if p.startswith("<") else para(p) for p in paragraphs) or "<w:p/>"
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{content}</w:tc>"


def table(rows: list[list[str]], columns: int) -> str:
    """A table; cells that are not XML already become one-paragraph cells."""
    grid = "".join('<w:gridCol w:w="2000"/>' for _ in range(columns))
    body = "".join(
        "<w:tr>" + "".join(c if c.startswith("<w:tc") else cell(c) for c in row) + "</w:tr>" for row in rows
    )
    return f"<w:tbl><w:tblPr/><w:tblGrid>{grid}</w:tblGrid>{body}</w:tbl>"


def text_box(*paragraphs: str) -> str:
    """A run holding a text box written the way Word does: DrawingML choice plus VML fallback."""
    content = "".join(paragraphs)
    return (
        '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData>'
        f"<wps:wsp><wps:txbx><w:txbxContent>{content}</w:txbxContent></wps:txbx></wps:wsp>"
        "</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
        f"<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>{content}</w:txbxContent></v:textbox>"
        "</v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
    )


def docx_bytes(body: str, *, numbering: str = "", styles: str = "") -> bytes:
    """A .docx whose body is ``body`` (WordprocessingML), with extra numbering definitions and styles."""
    document = docx.Document()
    root = document.element.body
    for item in list(root):
        if not item.tag.endswith("sectPr"):
            root.remove(item)
    for item in parse_xml(f"<w:body {NS}>{body}</w:body>"):
        root.insert(len(root) - 1, item)
    if numbering:
        part = document.part.numbering_part.element
        for item in list(part):
            part.remove(item)
        for item in parse_xml(f"<w:numbering {NS}>{numbering}</w:numbering>"):
            part.append(item)
    if styles:
        style_root = document.styles.element
        for item in parse_xml(f"<w:styles {NS}>{styles}</w:styles>"):
            style_root.append(item)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def write_docx(path: Path, body: str, **kwargs: str) -> Path:
    path.write_bytes(docx_bytes(body, **kwargs))
    return path
