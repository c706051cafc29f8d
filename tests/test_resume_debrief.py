"""A match resumed any number of times debriefs exactly as one played in one sitting: the save
carries the order log and every turn report, and an old save says what it lacks instead of
saying false things ("No vote was held")."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from uikit import frames, make_app

from game.content import find_scenario, load_scenario
from game.engine.scenario import Scenario
from game.report.debrief import criteria_csv, debrief_markdown, export_debrief
from game.session.local import LocalMatch
from game.session.saves import load_match
from game.ui import i18n
from game.ui.scenes.debrief import DebriefScene
from game.ui.scenes.menu import MainMenu

SEED = 5
HUMAN = "servia"


@pytest.fixture(scope="module")
def kosovo() -> Scenario:
    return load_scenario(find_scenario("kosovo"))


def play_turn(local: LocalMatch) -> None:
    """The human answers every card and ballot (the last option: not the default) and spends
    what points are left on the first orders it may give; then ends the turn."""
    seat = local.current_seat()
    assert seat == HUMAN
    legal = local.legal(seat)
    answers: dict[tuple[str, str | None], object] = {}
    for o in legal:
        if o.action in ("choose", "vote"):
            answers[(o.action, o.target)] = o
    for o in answers.values():
        local.add(o)  # type: ignore[arg-type]
    for o in legal:
        if o.action not in ("choose", "vote") and local.points_left(seat) > 0:
            local.add(o)
    local.submit(seat)


def one_sitting(scenario: Scenario) -> LocalMatch:
    local = LocalMatch.start(scenario, [HUMAN], seed=SEED)
    while not local.world.ended:
        play_turn(local)
    return local


def three_sittings(scenario: Scenario, saves: Path) -> LocalMatch:
    """Sitting 1 ends on the autosave; sitting 2 is loaded from it and saved the way the match
    screen saves (``local.save``); sitting 3 is loaded from that file."""
    auto = saves / "autosave.json"
    local = LocalMatch.start(scenario, [HUMAN], seed=SEED, autosave=auto)
    for _ in range(8):
        play_turn(local)
    del local
    saved = load_match(auto)
    local = LocalMatch.resume(saved.world, [HUMAN], autosave=auto, record=saved.record)
    for _ in range(8):
        play_turn(local)
    local.save(saves / "screen.json")
    del local
    saved = load_match(saves / "screen.json")
    local = LocalMatch.resume(saved.world, [HUMAN], autosave=auto, record=saved.record)
    while not local.world.ended:
        play_turn(local)
    return local


def debrief_texts(local: LocalMatch, root: Path) -> dict[str, str]:
    out = {"csv": criteria_csv(local.world)}
    for lang in ("en", "es"):
        out[f"md-{lang}"] = debrief_markdown(local.world, local.reports, lang=lang, humans=[HUMAN])
        # the files Export writes for the class
        done = export_debrief(local.world, local.reports, humans=[HUMAN], lang=lang, root=root)
        for f in done.files:
            out[f"export-{lang}-{f.name}"] = f.read_text(encoding="utf-8")
        i18n.set_language(lang)
        app = make_app()
        scene = DebriefScene(app, local)
        app.push(scene)
        frames(app)
        for tab in ("scores", "decisions", "lessons"):
            out[f"scene-{lang}-{tab}"] = scene.plain_text(tab)
        i18n.set_language("en")
    return out


def assert_same_lines(got: dict[str, str], want: dict[str, str]) -> None:
    assert got.keys() == want.keys()
    for name in want:
        g, w = got[name].splitlines(), want[name].splitlines()
        for i, (a, b) in enumerate(zip(g, w, strict=False)):
            assert a == b, f"{name}, line {i + 1}"
        assert len(g) == len(w), name


def test_three_sittings_debrief_line_by_line_as_one(kosovo: Scenario, sandbox: Path) -> None:
    whole = one_sitting(kosovo)
    resumed = three_sittings(kosovo, sandbox / "data" / "saves")
    assert resumed.world.digest() == whole.world.digest()
    assert [r.model_dump() for r in resumed.reports] == [r.model_dump() for r in whole.reports]
    want = debrief_texts(whole, sandbox / "one")
    # the debrief says what a played match held: votes, chosen options, changes
    assert "chose" in want["md-en"] and "No vote was held" not in want["md-en"]
    assert "No criterion changed" not in want["md-en"]
    assert_same_lines(debrief_texts(resumed, sandbox / "three"), want)


def test_continue_from_the_menu_brings_the_whole_match_back(
    kosovo: Scenario, sandbox: Path
) -> None:
    auto = sandbox / "data" / "saves" / "autosave.json"
    local = LocalMatch.start(kosovo, [HUMAN], seed=SEED, autosave=auto)
    for _ in range(5):
        play_turn(local)
    app = make_app()
    app.push(MainMenu(app))
    frames(app)
    app.scene.resume()  # the menu's Continue
    frames(app)
    resumed = app.scene.session
    assert resumed.humans == [HUMAN]  # the save knows who was playing
    assert resumed.current_seat() == HUMAN
    assert [r.model_dump() for r in resumed.reports] == [r.model_dump() for r in local.reports]
    for _ in range(3):
        play_turn(local)
        play_turn(resumed)
    assert resumed.world.digest() == local.world.digest()
    assert debrief_markdown(resumed.world, resumed.reports) == debrief_markdown(
        local.world, local.reports
    )


def test_a_submitted_hot_seat_turn_survives_the_window_closing(
    kosovo: Scenario, sandbox: Path
) -> None:
    auto = sandbox / "data" / "saves" / "autosave.json"
    local = LocalMatch.start(kosovo, ["servia", "arberia"], seed=SEED, autosave=auto)
    order = next(o for o in local.legal("servia") if o.action == "invest")
    assert local.add(order) is None
    local.submit("servia")  # arberia is drafting when the window closes
    saved = load_match(auto)
    back = LocalMatch.resume(saved.world, ["servia", "arberia"], record=saved.record)
    assert back.current_seat() == "arberia"
    assert back.draft("servia") == [order]
    report = back.submit("arberia")
    assert report is not None
    assert any(ln.actor == "servia" for ln in report.lines)


def test_an_old_save_says_what_it_lacks_in_both_languages(kosovo: Scenario, sandbox: Path) -> None:
    local = one_sitting(kosovo)
    path = sandbox / "data" / "saves" / "old.json"
    local.save(path)
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["version"] = 1  # a save from before the record: the world alone
    del doc["record"]
    path.write_text(json.dumps(doc), encoding="utf-8")
    saved = load_match(path)
    assert saved.record.reports == [] and saved.record.humans is None
    old = LocalMatch.resume(saved.world, [HUMAN], record=saved.record)
    en = debrief_markdown(old.world, old.reports, lang="en")
    played = len(local.reports)
    assert f"Turns 1–{played} were played before this save began to keep a record" in en
    assert "No vote was held" not in en and "No criterion changed" not in en
    assert "No vote is on record." in en
    assert "the option chosen is not on record" in en
    es = debrief_markdown(old.world, old.reports, lang="es")
    assert f"Los turnos 1–{played} se jugaron antes" in es and "No consta ninguna votación." in es
    # what the world itself holds (the criteria turn by turn) is still all there
    assert criteria_csv(old.world) == criteria_csv(local.world)


def test_a_forty_turn_match_with_its_reports_fits_a_save(kosovo: Scenario, tmp_path: Path) -> None:
    local = LocalMatch.start(kosovo.model_copy(update={"turns": 40}), [], seed=SEED)
    while not local.world.ended:
        local.resolve()
    path = tmp_path / "long.json"
    local.save(path)
    assert len(load_match(path).record.reports) == len(local.reports) >= 30
    assert path.stat().st_size < 4 * 1024 * 1024


@pytest.mark.parametrize(
    ("lang", "words"),
    [("en", "no record of turns 1–"), ("es", "no tiene registro de los turnos 1–")],
)
def test_loading_an_old_save_says_what_it_lacks_before_resuming(
    kosovo: Scenario, sandbox: Path, lang: str, words: str
) -> None:
    from game.ui.scenes.load import LoadScene

    local = LocalMatch.start(kosovo, [HUMAN], seed=SEED)
    for _ in range(4):
        play_turn(local)
    path = sandbox / "data" / "saves" / "old.json"
    local.save(path)
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["version"] = 1
    del doc["record"]
    path.write_text(json.dumps(doc), encoding="utf-8")
    for scale in (100, 200):
        app = make_app(ui_scale=scale, language=lang)
        scene = LoadScene(app)
        app.push(scene)
        frames(app)
        scene.open(path)
        frames(app)
        assert scene.loaded is not None
        assert words + "4" in scene._lacks(scene.loaded[1])
    # a save with its record lacks nothing
    local.save(path)
    scene.open(path)
    assert scene._lacks(scene.loaded[1]) == ""


def test_a_card_nobody_answered_says_its_default_was_applied(
    kosovo: Scenario, sandbox: Path
) -> None:
    from game.ui.scenes.report import ReportScene

    local = LocalMatch.start(kosovo, [HUMAN], seed=SEED)
    for _ in range(8):  # the human ends every turn without answering anything
        report = local.submit(HUMAN)
        assert report is not None
        mine = [c for c in report.cards if c.actor == HUMAN]
        if mine:
            break
    assert mine and all(c.by_default for c in mine)
    app = make_app()
    scene = ReportScene(app, local, report, HUMAN)
    app.push(scene)
    frames(app)
    assert "did not answer: the default" in scene.plain_text()
    md = debrief_markdown(local.world, local.reports, lang="es")
    assert "no respondió; se aplicó la opción por defecto" in md
    answered = one_sitting(kosovo)  # a human who answers every card: chosen, never defaulted
    assert "did not answer" not in debrief_markdown(answered.world, answered.reports)


def test_a_record_that_does_not_match_its_world_is_refused_with_where(
    kosovo: Scenario, tmp_path: Path
) -> None:
    from game.session.saves import SaveError

    local = LocalMatch.start(kosovo, [HUMAN], seed=SEED)
    for _ in range(3):
        play_turn(local)
    path = tmp_path / "x.json"
    local.save(path)
    good = json.loads(path.read_text(encoding="utf-8"))

    def refused(change, words: str) -> None:
        doc = json.loads(json.dumps(good))
        change(doc)
        path.write_text(json.dumps(doc), encoding="utf-8")
        with pytest.raises(SaveError) as e:
            load_match(path)
        assert str(path) in str(e.value) and words in str(e.value), str(e.value)

    refused(lambda d: d["record"]["reports"].pop(), "should hold turns 1–3")
    refused(lambda d: d["record"]["log"].pop(), "2 turn(s) of orders")
    refused(lambda d: d["record"]["reports"][1].update(turn="two"), "record.reports[1].turn")
    refused(lambda d: d.pop("record"), "no record of the turns played")


def test_a_failed_autosave_never_ends_the_match_in_play(kosovo: Scenario, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the saves folder should be", encoding="utf-8")
    local = LocalMatch.start(kosovo, [HUMAN], seed=SEED, autosave=blocker / "autosave.json")
    report = local.submit(HUMAN)
    assert report is not None and local.world.turn == 2
    assert local.autosave_error and "could not be written" in local.autosave_error
    from game.ui.scenes.report import ReportScene

    app = make_app()
    scene = ReportScene(app, local, report, HUMAN)
    app.push(scene)
    frames(app)
    assert "The autosave failed, so this match is not being kept" in scene.header_text


@pytest.mark.parametrize(
    ("lang", "ended", "button"),
    [
        ("en", "Ended after turn", "See the debrief"),
        ("es", "Terminó tras el turno", "Ver el balance"),
    ],
)
def test_loading_a_finished_match_offers_its_debrief_not_its_seats(
    kosovo: Scenario, sandbox: Path, lang: str, ended: str, button: str
) -> None:
    """Loading a match that is over once asked who plays its seats and offered to resume it;
    it now says the match ended and opens its debrief (Enter is on that button)."""
    import pygame

    from game.ui.scenes.load import LoadScene

    local = LocalMatch.start(kosovo.model_copy(update={"turns": 3}), [HUMAN], seed=SEED)
    while not local.world.ended:
        play_turn(local)
    path = sandbox / "data" / "saves" / "over.json"
    local.save(path)
    app = make_app(ui_scale=200, language=lang)
    scene = LoadScene(app)
    app.push(scene)
    frames(app)
    scene.open(path)
    frames(app)
    assert scene.picker is None  # no seat to choose
    assert i18n.t("menu.load.ended", turn=3, last=3).startswith(ended)
    labels = [b.text for b in app.manager.ui_group.sprites() if hasattr(b, "text")]
    assert button in labels and i18n.t("menu.load.resume") not in labels
    app.frame(events=[pygame.event.Event(pygame.KEYDOWN, key=pygame.K_RETURN, mod=0)])
    frames(app)
    assert isinstance(app.scene, DebriefScene)
