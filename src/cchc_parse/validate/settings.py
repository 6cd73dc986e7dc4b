"""Which rules run for which file: the command line's choices over the configuration file's.

Precedence: ``--select`` replaces the configuration's ``select``; ``--ignore`` adds to its ``ignore``;
``--strict`` turns strict on; the per-file ignores of the configuration always apply; inline suppressions
in the plan itself (:mod:`cchc_parse.validate.suppress`) apply last.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from cchc_parse.validate.catalog import matching_codes, resolve_codes
from cchc_parse.validate.config import ConfigError, ValidateConfig, find_config, load_config


@dataclass(frozen=True)
class Settings:
    codes: frozenset[str]
    strict: bool = False
    config: ValidateConfig = field(default_factory=ValidateConfig)

    def codes_for(self, name: str | Path) -> set[str]:
        """The codes to run on the file ``name``: the selection less its per-file ignores."""
        ignored = self.config.ignored_for(name)
        return set(self.codes - matching_codes(ignored)) if ignored else set(self.codes)


def settings_for(
    *,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    strict: bool | None = None,
    config: Path | None = None,
    use_config: bool = True,
    start: Path | None = None,
) -> Settings:
    """The settings for a run: ``config`` (a file) or the one found from ``start`` (default: the current
    folder) upwards, unless ``use_config`` is False. Raises ValueError (:class:`ConfigError` for a bad
    file) for unknown codes."""
    path = config if config is not None else find_config(start or Path.cwd()) if use_config else None
    if config is not None and not config.is_file():
        raise ConfigError(config, "no such configuration file")
    loaded = load_config(path)
    try:
        codes = resolve_codes(select or loaded.select, [*loaded.ignore, *ignore])
        for _, per_file in loaded.per_file_ignores:
            matching_codes(per_file)
    except ValueError as exc:
        if path is not None and not select and not ignore:
            raise ConfigError(path, str(exc)) from exc
        raise
    return Settings(frozenset(codes), bool(strict) or loaded.strict, loaded)
