"""The menus, driven headlessly as a player would: clicks and keys through the real app loop.

Every test runs in a sandbox: the user's data folder (saves, scenarios, remembered seats) and
the settings file are temporary folders, so nothing touches the player's real files.
"""

from __future__ import annotations

import json
import os
import re
import sys
import types
from pathlib import Path

import pygame
import pygame_gui
import pytest

from game.content import load_scenario
from game.session.local import LocalMatch
from game.ui.scenes.handover import HandoverScene
from game.ui.scenes.load import LoadScene, peek_save
from game.ui.scenes.menu import MainMenu
from game.ui.scenes.new_match import NewMatchScene
from game.ui.scenes.open_file import OpenFileScene
from game.ui.scenes.settings import SettingsScene
from tests.uikit import click, click_at, find_button, frames, from_menu, key, make_app

ROOT = Path(__file__).resolve().parent.parent
KOSOVO = ROOT / "scenarios" / "kosovo.json"
BROKEN = {
    "format": 1,
    "id": "broken_one",
    "title": "The Broken Balkans",
    "summary": "A scenario with mistakes in it.",
    "turns": 12,
    "seats": ["nobody"],
    "actors": [],
    "regions": [],
}


def kosovo():
    return load_scenario(KOSOVO)


def visible_elements(app) -> list[pygame_gui.core.UIElement]:
    return [
        el
        for el in app.manager.ui_group.sprites()
        if el.visible and el is not app.manager.get_root_container()
    ]


def buttons(app) -> list[pygame_gui.elements.UIButton]:
    return [el for el in visible_elements(app) if isinstance(el, pygame_gui.elements.UIButton)]


def assert_fits(app) -> None:
    """Every widget inside the window, and every button's label inside its button."""
    screen = pygame.Rect((0, 0), app.size)
    for el in visible_elements(app):
        assert screen.contains(el.rect), f"{type(el).__name__} {el.rect} outside {screen}"
    for b in buttons(app):
        if len(b.text) > 1:  # (a scroll bar's arrows are one-glyph icons)
            w, h = b.font.size(b.text)
            assert w <= b.rect.width - 2 * app.s(4), f"{b.text!r} cut off in {b.rect}"
            assert h <= b.rect.height, f"{b.text!r} cut off in {b.rect}"


# ---- the main menu ----------------------------------------------------------------------------


def test_main_menu_lists_its_entries(sandbox: Path) -> None:
    app = make_app()
    app.push(MainMenu(app))
    frames(app)
    labels = [b.text for b in buttons(app)]
    assert labels == [
        *("New match", "Continue", "Load", "Join a class", "Host a class"),
        *("Watch a replay", "Tutorial: Turn Zero", "Settings", "Quit"),
    ]
    assert not find_button(app, "Continue").is_enabled  # no autosave yet
    assert_fits(app)


def test_keyboard_moves_and_opens_the_right_screen(sandbox: Path) -> None:
    app = make_app()
    app.push(MainMenu(app))
    frames(app)
    key(app, pygame.K_RETURN)  # the focus starts on New match
    assert isinstance(app.scene, NewMatchScene)
    key(app, pygame.K_ESCAPE)
    assert isinstance(app.scene, MainMenu)
    key(app, pygame.K_DOWN)  # Continue is disabled (no autosave): the focus skips it
    key(app, pygame.K_RETURN)
    assert isinstance(app.scene, LoadScene)
    key(app, pygame.K_ESCAPE)
    for _ in range(5):  # Load -> Join -> Host -> Watch a replay -> Tutorial -> Settings
        key(app, pygame.K_TAB)
    key(app, pygame.K_RETURN)
    assert isinstance(app.scene, SettingsScene)
    key(app, pygame.K_ESCAPE)
    for _ in range(5):  # Settings -> Tutorial -> Watch a replay -> Host -> Join -> Load
        key(app, pygame.K_UP)
    key(app, pygame.K_TAB, mod=pygame.KMOD_SHIFT)  # -> New match, skipping Continue
    key(app, pygame.K_TAB)  # -> Load
    key(app, pygame.K_RETURN)
    assert isinstance(app.scene, LoadScene)


def test_escape_asks_before_quitting(sandbox: Path) -> None:
    app = make_app()
    app.push(MainMenu(app))
    frames(app)
    key(app, pygame.K_ESCAPE)
    assert app.running and app.scene.modal is not None
    find_button(app, "Stay")
    key(app, pygame.K_ESCAPE)  # Escape cancels the question
    assert app.running and app.scene.modal is None
    key(app, pygame.K_ESCAPE)
    key(app, pygame.K_RETURN)  # the focus starts on the safe answer
    assert app.running and app.scene.modal is None
    key(app, pygame.K_ESCAPE)
    dialog = app.scene.modal
    menu_quit = next(b for b in buttons(app) if b.text == "Quit" and b not in dialog.buttons)
    click(app, menu_quit)  # the dialog is modal: the menu behind it does nothing
    assert app.running and app.scene.modal is dialog
    assert [b.text for b in dialog.buttons] == ["Stay", "Quit"]
    click(app, dialog.buttons[1])
    assert not app.running


def test_tutorial_entry_says_so_when_it_is_missing(
    sandbox: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "game.ui.scenes.tutorial", None)  # import fails
    app = make_app()
    from_menu(app, "Tutorial: Turn Zero")
    assert isinstance(app.scene, MainMenu)
    assert "not part of this build" in app.scene.modal.text


def test_tutorial_entry_opens_the_tutorial(sandbox: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from game.ui.scene import Scene

    class TutorialScene(Scene):
        pass

    fake = types.ModuleType("game.ui.scenes.tutorial")
    fake.TutorialScene = TutorialScene
    monkeypatch.setitem(sys.modules, "game.ui.scenes.tutorial", fake)
    app = make_app()
    from_menu(app, "Tutorial: Turn Zero")
    assert isinstance(app.scene, TutorialScene)


# ---- a new match ------------------------------------------------------------------------------


def open_new_match():
    """The game started at its main menu, and New match clicked."""
    app = make_app()
    from_menu(app, "New match")
    assert isinstance(app.scene, NewMatchScene)
    return app, app.scene


def test_new_match_lists_scenarios_and_starts_a_hot_seat_match(
    sandbox: Path, started: list[LocalMatch]
) -> None:
    (sandbox / "data" / "scenarios" / "broken.json").write_text(json.dumps(BROKEN))
    app, scene = open_new_match()
    ids = [e.id for e in scene.entries]
    assert "kosovo" in ids and "broken_one" in ids
    broken = ids.index("broken_one")
    card = scene.list.cards[broken]
    assert not card.enabled and "nobody" in card.problem  # listed with its error
    # a broken scenario cannot be started (scroll it into view first, as a player would)
    scene.list.ensure_visible(broken)
    frames(app, 1)
    click_at(app, scene.list.item_rect(broken).center)
    assert scene.entry.id == "broken_one"
    assert not find_button(app, "Start").is_enabled
    scene.start()
    assert started == [] and scene.modal is not None
    key(app, pygame.K_ESCAPE)
    # Kosovo: its briefing, its ten seats, the first one human
    scene.list.ensure_visible(ids.index("kosovo"))
    frames(app, 1)
    click_at(app, scene.list.item_rect(ids.index("kosovo")).center)
    assert scene.entry.id == "kosovo" and scene.picker is not None
    assert "March 1998" in scene.briefing.html_text
    assert len(scene.picker.seats) == 10 and scene.picker.humans == ["servia"]
    assert scene.picker.seats[1].role == "Prime Minister of Arbëria"
    click(app, scene.picker.button("servia"))  # Human -> AI
    click(app, scene.picker.button("arberia"))  # AI -> Human
    click(app, scene.picker.button("un"))
    assert scene.picker.button("un").text == "Human"
    assert_fits(app)
    click(app, find_button(app, "Start"))
    assert len(started) == 1
    local = started[0]
    assert local.seats == ["arberia", "un"]
    assert local.world.scenario == "kosovo" and local.world.seed == kosovo().seed
    assert local.autosave == sandbox / "data" / "saves" / "autosave.json"


def test_new_match_seed_and_keyboard_on_a_short_canvas(
    sandbox: Path, started: list[LocalMatch]
) -> None:
    app = make_app(ui_scale=200)
    app.push(NewMatchScene(app))
    frames(app)
    scene = app.scene
    assert scene.tabbed  # 1280x720 at 200%: the briefing and the seats share a tab strip
    assert_fits(app)
    key(app, pygame.K_TAB)  # the list -> the tabs
    key(app, pygame.K_RIGHT)  # -> "Who plays?"
    assert scene.tab == "seats" and scene.picker is not None
    assert_fits(app)
    key(app, pygame.K_DOWN)  # the tabs -> the first seat
    key(app, pygame.K_DOWN)  # -> the second seat
    key(app, pygame.K_RETURN)  # Arbëria: AI -> Human
    for _ in range(8):  # the focus scrolls the seats into view
        key(app, pygame.K_DOWN)
    key(app, pygame.K_SPACE)  # the tenth seat
    assert scene.picker.humans == ["servia", "arberia", "rights_watch"]
    assert_fits(app)
    scene.seed_entry.set_text("42")
    click(app, find_button(app, "Start"))
    assert started[0].seats == ["servia", "arberia", "rights_watch"]
    assert started[0].world.seed == 42


# ---- the hand-over ----------------------------------------------------------------------------


def test_handover_shows_only_the_seat_and_one_button(
    sandbox: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from game.ui.scene import Scene

    opened: list[tuple] = []
    fake = types.ModuleType("game.ui.scenes.match")

    class MatchScene(Scene):
        def __init__(self, app, local, seat) -> None:
            super().__init__(app)
            opened.append((local, seat))

    fake.MatchScene = MatchScene
    monkeypatch.setitem(sys.modules, "game.ui.scenes.match", fake)
    local = LocalMatch.start(kosovo(), ["servia", "arberia"], seed=3)
    for size, scale in (((1280, 720), 100), ((1280, 720), 200)):
        app = make_app(size, ui_scale=scale)
        app.push(HandoverScene(app, local, "arberia"))
        frames(app)
        assert_fits(app)
        elements = visible_elements(app)
        assert [type(e).__name__ for e in elements] == ["UIButton"]
        assert elements[0].text == "I am Prime Minister of Arbëria — show my screen"
        scene = app.scene
        assert scene.lines[0] == "Pass the computer to"
        assert " ".join(scene.lines[1:-1]) == "Prime Minister of Arbëria Arbëria"
        shown = " ".join(scene.lines)
        for other in local.world.actors.values():  # nothing of any other actor
            if other.id != "arberia":
                assert other.name not in shown
        assert "turn" not in shown.lower()
    # the button arms after a moment, so a double press cannot reveal the next screen
    key(app, pygame.K_RETURN)
    assert opened == []
    frames(app, 30)
    key(app, pygame.K_RETURN)
    assert opened == [(local, "arberia")]


# ---- settings ---------------------------------------------------------------------------------


def test_settings_apply_scale_and_language(sandbox: Path) -> None:
    app = make_app()
    app.persist_settings = True  # a headless app keeps nothing unless told to
    from_menu(app, "Settings")
    assert isinstance(app.scene, SettingsScene)
    assert not find_button(app, "Apply").is_enabled  # nothing changed yet
    click(app, find_button(app, "200%"))
    click(app, find_button(app, "Español"))
    click(app, find_button(app, "Colour-blind safe"))
    click(app, find_button(app, "Apply"))
    saved = json.loads((sandbox / "config" / "settings.json").read_text(encoding="utf-8"))
    assert saved["ui_scale"] == 200 and saved["language"] == "es"
    assert saved["palette"] == "colorblind"
    assert app.settings.ui_scale == 200 and app.palette.name == "colorblind"
    assert isinstance(app.scene, SettingsScene)  # rebuilt in place, in Spanish, at 200%
    find_button(app, "Aplicar")
    assert_fits(app)
    click(app, find_button(app, "Volver"))
    assert isinstance(app.scene, MainMenu)
    labels = [b.text for b in buttons(app)]
    assert labels == [
        "Nueva partida",
        "Continuar",
        "Cargar",
        "Unirse a una clase",
        "Alojar una clase",
        "Ver una repetición",
        "Tutorial: Turno Cero",
        "Ajustes",
        "Salir",
    ]
    assert_fits(app)


def test_settings_keyboard_and_discarding(sandbox: Path) -> None:
    app = make_app()
    app.push(MainMenu(app))
    app.push(SettingsScene(app))
    frames(app)
    scene = app.scene
    for _ in range(2):  # window size -> fullscreen -> UI scale
        key(app, pygame.K_TAB)
    key(app, pygame.K_RIGHT)
    assert scene.draft.ui_scale == 125
    for _ in range(2):  # -> colours -> sound volume
        key(app, pygame.K_TAB)
    key(app, pygame.K_LEFT)
    assert scene.draft.sound_volume == pytest.approx(0.65)
    key(app, pygame.K_ESCAPE)  # unapplied changes: asks first
    assert isinstance(app.scene, SettingsScene) and scene.modal is not None
    click(app, find_button(app, "Discard"))
    assert isinstance(app.scene, MainMenu) and app.settings.ui_scale == 100
    assert not (sandbox / "config" / "settings.json").exists()


def test_every_screen_fits_1280x720_at_200_percent(sandbox: Path) -> None:
    (sandbox / "data" / "scenarios" / "broken.json").write_text(json.dumps(BROKEN))
    local = LocalMatch.start(kosovo(), ["servia", "atlantic_alliance"], seed=3)
    local.save(sandbox / "data" / "saves" / "autosave.json")
    (sandbox / "data" / "saves" / "corrupt.json").write_bytes(b"\x00not a save")
    for lang in ("en", "es"):
        app = make_app(ui_scale=200, language=lang)
        app.push(MainMenu(app))
        frames(app)
        assert_fits(app)
        app.scene.back()  # the quit question
        frames(app)
        assert_fits(app)
        screens = [
            NewMatchScene(app),
            LoadScene(app),
            SettingsScene(app),
            HandoverScene(app, local, "atlantic_alliance"),
        ]
        for screen in screens:
            app.push(screen)
            frames(app)
            assert_fits(app)
            app.pop()
        new = NewMatchScene(app)
        app.push(new)
        new._switch_tab("seats")
        frames(app)
        assert_fits(app)
        broken = [e.id for e in new.entries].index("broken_one")
        new.list.select(broken)
        frames(app)
        assert_fits(app)
        app.pop()
        load = LoadScene(app)
        app.push(load)
        load.open(sandbox / "data" / "saves" / "autosave.json")
        frames(app)
        assert load.loaded is not None
        assert_fits(app)
        app.pop()


# ---- loading ----------------------------------------------------------------------------------


def test_load_lists_saves_loads_a_good_one_and_never_touches_a_bad_one(
    sandbox: Path, started: list[LocalMatch]
) -> None:
    saves = sandbox / "data" / "saves"
    local = LocalMatch.start(kosovo(), ["servia"], seed=7)
    local.resolve()
    local.save(saves / "good.json")
    digest = local.world.digest()
    corrupt = saves / "corrupt.json"
    corrupt.write_bytes(b'{"format":"continuum-save","version":1,"scenario":"kosovo","turn":2,"w')
    before = corrupt.read_bytes(), corrupt.stat().st_mtime_ns
    app = make_app()
    from_menu(app, "Load")
    scene = app.scene
    assert isinstance(scene, LoadScene)
    names = [info.path.name for info in scene.saves]
    assert sorted(names) == ["corrupt.json", "good.json"]
    bad, good = names.index("corrupt.json"), names.index("good.json")
    assert not scene.list.cards[bad].enabled
    assert "cut short" in scene.list.cards[bad].problem
    assert scene.list.cards[good].title.startswith("Kosova, 1998")
    assert scene.list.cards[good].meta.startswith("Turn 2 of 24")
    # the bad one: loading it says why; the file stays exactly as it was
    click_at(app, scene.list.item_rect(bad).center)
    click(app, find_button(app, "Load"))
    assert scene.modal is not None and "corrupt.json" in scene.modal.text
    assert scene.loaded is None
    assert (corrupt.read_bytes(), corrupt.stat().st_mtime_ns) == before
    click(app, find_button(app, "OK"))
    # the good one: who plays, then the same world resumes
    click_at(app, scene.list.item_rect(good).center)
    key(app, pygame.K_RETURN)  # Enter on the list loads the chosen save
    assert scene.loaded is not None and scene.picker.humans == ["servia"]
    assert_fits(app)
    click(app, scene.picker.button("arberia"))
    click(app, find_button(app, "Resume"))
    assert len(started) == 1
    assert started[0].world.digest() == digest
    assert started[0].seats == ["servia", "arberia"]
    assert (corrupt.read_bytes(), corrupt.stat().st_mtime_ns) == before


def test_open_file_loads_a_save_from_another_folder(
    sandbox: Path, started: list[LocalMatch]
) -> None:
    elsewhere = sandbox / "elsewhere" / "class-of-2025.json"
    local = LocalMatch.start(kosovo(), ["un"], seed=11)
    local.save(elsewhere)
    app = make_app()
    app.push(LoadScene(app))
    frames(app)
    scene = app.scene
    assert scene.saves == []  # an empty folder: a word about it, and the way elsewhere
    assert not find_button(app, "Load").is_enabled
    click(app, find_button(app, "Open file…"))
    chooser = app.scene
    assert isinstance(chooser, OpenFileScene) and chooser.folder == sandbox / "data" / "saves"
    key(app, pygame.K_ESCAPE)  # back, with no file
    assert app.scene is scene and scene.loaded is None
    click(app, find_button(app, "Open file…"))
    chooser = app.scene
    chooser.go_to(sandbox)  # where the saves folder lives; "elsewhere" is beside it
    assert [p.name for p in chooser.entries][1:] == ["data", "elsewhere"]
    chooser.list.select(chooser.entries.index(sandbox / "elsewhere"))
    key(app, pygame.K_RETURN)  # into the folder
    assert chooser.folder == sandbox / "elsewhere"
    assert [p.name for p in chooser.entries] == [sandbox.name, "class-of-2025.json"]
    key(app, pygame.K_DOWN)
    key(app, pygame.K_RETURN)  # the save: picked, the chooser closes
    assert scene.loaded is not None and scene.loaded[0] == elsewhere
    key(app, pygame.K_s, mod=pygame.KMOD_CTRL)  # Ctrl+S: the screen's main action
    assert started[0].world.digest() == local.world.digest()


def test_continue_resumes_the_autosave_with_the_remembered_seats(
    sandbox: Path, started: list[LocalMatch]
) -> None:
    app = make_app()
    app.push(MainMenu(app))
    app.push(NewMatchScene(app))
    frames(app)
    scene = app.scene
    click(app, scene.picker.button("servia"))
    click(app, scene.picker.button("european_union"))
    click(app, find_button(app, "Start"))
    first = started.pop()
    first.resolve()  # the turn's autosave
    autosave = sandbox / "data" / "saves" / "autosave.json"
    assert autosave.is_file()
    app.pop()
    frames(app)
    assert find_button(app, "Continue").is_enabled
    click(app, find_button(app, "Continue"))
    frames(app)
    assert started[0].seats == ["european_union"]
    assert started[0].world.digest() == first.world.digest()


def test_peek_reads_only_the_header_and_names_what_is_wrong(sandbox: Path) -> None:
    saves = sandbox / "data" / "saves"
    local = LocalMatch.start(kosovo(), [], seed=1)
    local.save(saves / "ok.json")
    info = peek_save(saves / "ok.json")
    assert (info.scenario, info.turn, info.last_turn, info.error) == ("kosovo", 1, 24, "")
    text = (saves / "ok.json").read_text(encoding="utf-8")
    (saves / "newer.json").write_text(text.replace('"version":2', '"version":99', 1))
    assert "newer version" in peek_save(saves / "newer.json").error
    (saves / "other.json").write_text('{"hello": "world"}')
    assert peek_save(saves / "other.json").error == "not a Continuum save"
    (saves / "cut.json").write_text(text[: len(text) // 2])
    assert "cut short" in peek_save(saves / "cut.json").error


# ---- strings and the entry point --------------------------------------------------------------


def test_every_menu_string_is_translated() -> None:
    files = [
        ROOT / "game" / "ui" / "scenes" / name
        for name in ("menu.py", "new_match.py", "load.py", "settings.py", "handover.py")
    ] + [ROOT / "game" / "ui" / "widgets" / "seat_picker.py"]
    used: set[str] = set()
    for f in files:
        used |= set(re.findall(r"""\bt\(\s*f?["'](menu\.[a-z0-9_.{}]+)["']""", f.read_text()))
    en = json.loads((ROOT / "assets" / "i18n" / "en" / "menu.json").read_text(encoding="utf-8"))
    es = json.loads((ROOT / "assets" / "i18n" / "es" / "menu.json").read_text(encoding="utf-8"))
    assert set(en) == set(es)
    for k in used:
        if "{" in k:  # f"menu.arrangement.{…}": every value of the family
            prefix = k.split("{")[0]
            assert any(e.startswith(prefix) for e in en), k
        else:
            assert k in en, k
    for k, v in en.items():  # the same placeholders in both languages
        assert set(re.findall(r"{\w+}", v)) == set(re.findall(r"{\w+}", es[k])), k


def test_run_logs_a_crash_and_exits_3(
    sandbox: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    import game.cli
    import game.ui.app
    from game.ui import main

    def boom(*args, **kwargs):
        raise RuntimeError("no display")

    logged: list[BaseException] = []

    def log(exc: BaseException) -> Path:
        logged.append(exc)
        return sandbox / "crash.log"

    monkeypatch.delenv("CONTINUUM_DEBUG", raising=False)
    monkeypatch.setattr(pygame, "quit", lambda: None)  # keep the fonts other tests share
    monkeypatch.setattr(game.ui.app, "App", boom)
    monkeypatch.setattr(game.cli, "_crash_log", log)
    with pytest.raises(SystemExit) as exit_:
        main.run()
    assert exit_.value.code == 3
    assert isinstance(logged[0], RuntimeError)
    assert "internal error: RuntimeError: no display" in capsys.readouterr().err


def test_a_broken_part_of_a_user_scenario_is_named_in_the_list(sandbox: Path) -> None:
    folder = sandbox / "data" / "scenarios"
    doc = json.loads((Path(__file__).parent / "fixtures" / "mini.json").read_text())
    card = {**doc["cards"][0], "target": "narnia"}
    (folder / "valleys" / "cards").mkdir(parents=True)
    (folder / "valleys" / "cards" / "first.json").write_text(json.dumps(card, indent=2))
    doc["id"] = "split_one"
    doc["cards"][0] = {"$include": "valleys/cards/first.json"}
    (folder / "split.json").write_text(json.dumps(doc, indent=2))
    app, scene = open_new_match()
    ids = [e.id for e in scene.entries]
    assert "first" not in ids and "split_one" in ids  # the part is not listed as a scenario
    i = ids.index("split_one")
    problem = scene.list.cards[i].problem
    assert problem.startswith("valleys/cards/first.json, line 9: target: unknown actor 'narnia'")
    scene.list.ensure_visible(i)
    frames(app, 1)
    click_at(app, scene.list.item_rect(i).center)
    assert "valleys/cards/first.json, line 9" in scene.briefing.html_text


def test_walking_the_scenario_list_by_keyboard_keeps_the_choice_in_view(sandbox: Path) -> None:
    app = make_app()
    app.push(NewMatchScene(app))
    frames(app)
    scene = app.scene
    n = len(scene.entries)
    assert n > 6  # more than fit: the list must scroll
    for step in range(n + 2):  # down past the end, then back up
        key(app, pygame.K_DOWN)
        chosen = scene.list.item_rect(scene.list.selected)
        assert scene.list.rect.contains(chosen), (step, chosen, scene.list.rect)
    assert scene.list.selected == n - 1
    for _ in range(n):
        key(app, pygame.K_UP)
        assert scene.list.rect.contains(scene.list.item_rect(scene.list.selected))
    assert scene.list.selected == 0


def test_each_scenario_keeps_its_own_seed_whether_chosen_by_keyboard_or_mouse(
    sandbox: Path, started: list[LocalMatch]
) -> None:
    """The seed field shows the chosen scenario's own seed, and a seed typed for one scenario
    stays with it: walking the list used to hand the first scenario's seed (kosovo's 1999) to
    every one after it, so the sandbox started from 1999, not its own 7."""
    app, scene = open_new_match()
    own = {e.id: load_scenario(e.path).seed for e in scene.entries if e.ok}
    assert len(set(own.values())) > 1  # the shipped scenarios' seeds differ
    seen = {scene.entry.id: scene.seed_entry.get_text()}
    for _ in range(len(scene.entries) - 1):
        key(app, pygame.K_DOWN)
        if scene.entry.id in own:
            seen[scene.entry.id] = scene.seed_entry.get_text()
    assert seen == {k: str(v) for k, v in own.items()}
    # a seed typed for the sandbox stays with it; kosovo keeps its own
    ids = [e.id for e in scene.entries]

    def choose(scenario_id: str) -> None:
        scene.list.ensure_visible(ids.index(scenario_id))
        frames(app, 1)
        click_at(app, scene.list.item_rect(ids.index(scenario_id)).center)
        assert scene.entry.id == scenario_id

    choose("sandbox")
    scene.seed_entry.set_text("42")
    choose("kosovo")
    assert scene.seed_entry.get_text() == str(own["kosovo"])
    choose("sandbox")
    assert scene.seed_entry.get_text() == "42"
    click(app, find_button(app, "Start"))
    assert started[0].world.scenario == "sandbox" and started[0].world.seed == 42


def test_watch_a_replay_opens_where_the_newest_class_debrief_was_written(sandbox: Path) -> None:
    """Watch a replay opens the newest export folder, replay.json in sight; with none written
    yet, the data folder."""

    def watch() -> Path:
        app = make_app()
        from_menu(app, "Watch a replay")
        picker = app.scene
        assert isinstance(picker, OpenFileScene)
        return picker.folder

    assert watch() == sandbox / "data"
    exports = sandbox / "data" / "class-debriefs"
    for i, name in enumerate(["kosovo-2026-12-01-0900", "sandbox-2026-12-06-1000"]):
        (exports / name).mkdir(parents=True)
        (exports / name / "replay.json").write_text("{}", encoding="utf-8")
        os.utime(exports / name / "replay.json", (1_000_000 + i, 1_000_000 + i))
    (exports / "unfinished").mkdir()  # no replay in it: not offered
    assert watch() == exports / "sandbox-2026-12-06-1000"
