"""Which match's class debrief can be written from the game, and how: ``class_exporter(session)``
gives a function that writes debrief.html, criteria.csv and replay.json (``class_debrief.py``)
into a folder, or ``None``:

- **a class host's** session (the teacher console's) names its journal as ``class_journal``
  (a ``Path``): the files come from it, as ``continuum debrief JOURNAL`` writes them. This is
  the hook the console's session offers; nothing else is asked of it.
- **a hot-seat match** (``LocalMatch``): its worlds turn by turn are worked out again from the
  scenario, the seed and the match's orders (the engine is deterministic), checked against the
  world the match holds; a match resumed from a save without its orders, or whose scenario file
  has changed since, is refused with the reason (``ClassExportError``).
- a student's seat or a replay: none (the debrief offers no such button).

The screen is ``game/ui/scenes/class_export.py``; the sentences are the game's (English or
Spanish), as the page's are.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from game import paths
from game.ui.i18n import language, t  # plain Python string tables: no pygame

if TYPE_CHECKING:
    from game.engine import World
    from game.report.class_debrief import ClassMatch

Exporter = Callable[[Path], list[Path]]


class ClassExportError(Exception):
    """Why this match's class debrief cannot be written (one line)."""


def default_folder(world: World, now: datetime | None = None) -> Path:
    """class-debriefs/<scenario>-<timestamp> in the user's data folder (a new one each time)."""
    return paths.stamped(paths.user_data_dir() / "class-debriefs", world.scenario, "", now)


def hot_seat_class_match(local) -> ClassMatch:
    """The class debrief's view of a hot-seat match (``LocalMatch``): every turn's world worked
    out again from its scenario and orders. ``ClassExportError`` says why not."""
    from game.content import ScenarioError, find_scenario, load_scenario
    from game.engine import new_world, resolve
    from game.report.class_debrief import ClassMatch

    world, match = local.world, local.match
    if match.first_turn != 1:
        raise ClassExportError(t("class_export.error.no_orders", turn=match.first_turn))
    try:
        scenario = load_scenario(find_scenario(world.scenario))
    except ScenarioError as e:
        raise ClassExportError(t("class_export.error.scenario", why=str(e))) from None
    worlds = [new_world(scenario, world.seed)]
    for orders in match.log:
        worlds.append(resolve(worlds[-1], orders)[0])
    if worlds[-1].model_dump(mode="json") != world.model_dump(mode="json"):
        raise ClassExportError(t("class_export.error.changed", scenario=world.scenario))
    humans = list(local.humans)
    return ClassMatch(
        title=world.title_in(language()) or world.title,
        worlds=worlds,
        reports=list(match.reports),
        orders=[list(o) for o in match.log],
        humans=[[h for h in humans if h in w.actors] for w in worlds[:-1]],
        seats=humans,
        claimed=humans,
        messages=[],
        source=local.autosave.name if local.autosave is not None else "hot-seat",
    )


def write_class_match(match: ClassMatch, folder: Path) -> list[Path]:
    """debrief.html, criteria.csv and replay.json of ``match`` into ``folder`` (made if
    missing; a file of the same name replaced whole). OSError when it cannot be written."""
    from game.atomic import write_atomic
    from game.report import debrief as d
    from game.report.class_debrief import CLASS_DEBRIEF_FILES, debrief_html, replay_json

    folder.mkdir(parents=True, exist_ok=True)
    html_name, csv_name, replay_name = CLASS_DEBRIEF_FILES
    files = {
        folder / html_name: debrief_html(match, lang=language()),
        folder / csv_name: d.criteria_csv(match.world),
        folder / replay_name: replay_json(match),
    }
    for path, content in files.items():
        write_atomic(path, content.encode("utf-8"))
    return list(files)


def class_exporter(session: object) -> Exporter | None:
    """How this session's class debrief is written, or ``None`` (see the module's docstring)."""
    journal = getattr(session, "class_journal", None)
    if isinstance(journal, Path):
        from game.net.journal import JournalError, read_journal
        from game.report.class_debrief import export_class_debrief

        def from_journal(folder: Path) -> list[Path]:
            try:
                kept = read_journal(journal)
            except JournalError as e:  # said on the screen, in one line
                raise ClassExportError(str(e)) from None
            return export_class_debrief(kept, folder, lang=language())

        return from_journal
    from game.session.local import LocalMatch

    if isinstance(session, LocalMatch):
        return lambda folder: write_class_match(hot_seat_class_match(session), folder)
    return None
