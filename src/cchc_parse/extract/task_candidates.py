"""Task candidates and the one resolver that decides between them.

Every task source (tables, assignments, attribute items, the items beside them, lists) proposes
:class:`Candidate` records; none of them looks at what another has found, except through the read-only
set of claimed blocks the resolver hands to a source that asks for it (the items beside attribute tasks are
tasks only where most of their siblings already are). The resolver takes the sources in the order of
``tasks.json``'s ``source_priority`` and each source's candidates in the order given: a candidate stands if
none of its ``anchors`` (the outline items it is made from) is claimed yet, and then claims its
``claims`` (its items, and for an item whose sub-items say who leads it, everything under it).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from cchc_parse import lexicon
from cchc_parse.extract.context import Context
from cchc_parse.models import Task

TASKS = "tasks.json"

Draft = tuple[int, int, Task]  # (block, table row or 0, the task): drafts sort into reading order


@dataclass(frozen=True)
class Candidate:
    """One or more tasks a source proposes (made only if the candidate stands), the blocks that must
    still be free, and those it takes."""

    make: Callable[[], Sequence[Draft]]
    anchors: frozenset[int] = frozenset()  # empty: the candidate always stands (a table row)
    claims: frozenset[int] = frozenset()

    @classmethod
    def made(cls, drafts: Sequence[Draft], *, claims: Iterable[int] = ()) -> Candidate:
        """Tasks made already, that always stand (table rows, assignments), taking ``claims``."""
        return cls(lambda: drafts, frozenset(), frozenset(claims))

    @classmethod
    def item(cls, block: int, make: Callable[[], Draft], *, also: Iterable[int] = ()) -> Candidate:
        """One task, made by ``make`` from the item at ``block``, which it needs free (and ``also``)."""
        return cls(lambda: [make()], frozenset([block, *also]), frozenset([block]))


Source = Callable[[Context, frozenset[int]], Sequence[Candidate]]


@cache
def source_priority() -> tuple[str, ...]:
    """The task sources, the first to claim an item first (``tasks.json``: source_priority)."""
    return lexicon.string_list(TASKS, "source_priority")


def resolve(ctx: Context, sources: dict[str, Source]) -> list[Draft]:
    """The drafts of the candidates that stand, in reading order."""
    order = source_priority()
    if set(order) != set(sources):
        raise lexicon.DataFileError(f"{TASKS}: 'source_priority' must name {', '.join(sorted(sources))}")
    claimed: set[int] = set()
    drafts: list[Draft] = []
    for name in order:
        for candidate in sources[name](ctx, frozenset(claimed)):
            if candidate.anchors & claimed:
                continue
            claimed |= candidate.claims
            drafts.extend(candidate.make())
    drafts.sort(key=lambda d: (d[0], d[1]))
    return drafts
