"""The Vietnamese vocabulary of cchc-parse, keyed by concept: one data file per concept under
``cchc_parse/data`` (document types, agencies, places, acronyms, signatures, section cues by role, table
columns by role, deadline words, …), each validated when loaded by its model in :mod:`.schema`, and the
canonical tone placement in :mod:`.tones`.

Code reads a file through :func:`cchc_parse.resources.load_json` (or its ``string_list`` /
``string_map``), which validates it against :data:`.schema.SCHEMAS` the first time it is loaded.
"""

from __future__ import annotations

from cchc_parse.resources import string_list


def proper_names() -> list[str]:
    """The proper names known as wholes (the diacritic repair's gazetteer): the places, the departments
    and the few other names the repair keeps (``repair.json``: proper_names)."""
    return [
        *string_list("places.json", "provinces"),
        *string_list("places.json", "local_places"),
        *string_list("agencies.json", "department_names"),
        *string_list("repair.json", "proper_names"),
    ]
