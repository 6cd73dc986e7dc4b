"""WordprocessingML names and the small slice of the lxml element API the DOCX reader uses.

lxml ships no type information; :class:`XmlElement` describes the calls made on python-docx's elements so
the reader stays fully typed without depending on stub packages.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Protocol

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
M_NS = "http://schemas.openxmlformats.org/officeDocument/2006/math"


def w(name: str) -> str:
    """The Clark name of a WordprocessingML element or attribute: w("p") -> "{…/main}p"."""
    return f"{{{W_NS}}}{name}"


P, TBL, TR, TC, R, T = w("p"), w("tbl"), w("tr"), w("tc"), w("r"), w("t")
SDT, SDT_CONTENT, CUSTOM_XML = w("sdt"), w("sdtContent"), w("customXml")
TXBX = w("txbxContent")
ALTERNATE, CHOICE, FALLBACK = f"{{{MC_NS}}}AlternateContent", f"{{{MC_NS}}}Choice", f"{{{MC_NS}}}Fallback"
MATH_T = f"{{{M_NS}}}t"
VAL = w("val")
TOC_GALLERY = "Table of Contents"


class XmlElement(Protocol):
    """An lxml element as python-docx hands it out (comments and processing instructions included)."""

    @property
    def tag(self) -> object: ...  # a str for elements; a factory function for comments and PIs

    @property
    def text(self) -> str | None: ...

    def get(self, key: str, default: None = None) -> str | None: ...

    def find(self, path: str) -> XmlElement | None: ...

    def findall(self, path: str) -> list[XmlElement]: ...

    def __iter__(self) -> Iterator[XmlElement]: ...


def child(element: XmlElement | None, *names: str) -> XmlElement | None:
    """The element down the path of child names (``child(p, "pPr", "numPr")``), or None."""
    for name in names:
        if element is None:
            return None
        element = element.find(w(name))
    return element


def val(element: XmlElement | None, *names: str) -> str | None:
    """The w:val attribute of the element down ``names`` (or of ``element`` itself), or None."""
    target = child(element, *names) if names else element
    return None if target is None else target.get(VAL)


def int_val(element: XmlElement | None, *names: str) -> int | None:
    raw = val(element, *names)
    if raw is None:
        return None
    try:
        return int(raw)
    except ValueError:
        return None


def is_on(element: XmlElement | None) -> bool:
    """An on/off property (w:vanish, w:isLgl): present and not switched off."""
    return element is not None and element.get(VAL) not in ("0", "false", "off")


def content_children(element: XmlElement) -> Iterator[XmlElement]:
    """Children, looking through content controls and custom XML wrappers (w:sdt, w:customXml).

    A table of contents (a content control of the "Table of Contents" gallery) is left out: its lines repeat
    the headings and would make the outline twice.
    """
    for item in element:
        if item.tag == SDT:
            content = item.find(SDT_CONTENT)
            if content is not None and not is_toc(item):
                yield from content_children(content)
        elif item.tag == CUSTOM_XML:
            yield from content_children(item)
        else:
            yield item


def is_toc(sdt: XmlElement) -> bool:
    gallery = child(sdt, "sdtPr", "docPartObj", "docPartGallery")
    return val(gallery) == TOC_GALLERY


def chosen_branch(alternate: XmlElement) -> XmlElement | None:
    """The one branch of mc:AlternateContent that is read: the first mc:Choice, else mc:Fallback.

    Word writes a text box twice (a DrawingML choice and a VML fallback); reading one keeps its text once.
    """
    return alternate.find(CHOICE) if alternate.find(CHOICE) is not None else alternate.find(FALLBACK)
