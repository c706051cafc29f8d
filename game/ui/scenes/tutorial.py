"""Turn Zero: a guided first match, played on the real match screen.

The tutorial hosts the ordinary screens of a local match (the match screen, the turn report,
at the end the debrief) on a small scene stack of its own, and lays a panel over them: one step
at a time, a few sentences, a highlight with an arrow on the part of the screen the step is
about, and a task that the player does on the real controls (click the bar, the map, a card
option, an action, End turn, Continue). The next step comes when the task is done; reading
steps wait for Enter or Next. Escape closes the innermost thing open (a tip, the match screen's
own question, the region panel); with nothing open it asks whether to leave, since leaving
loses the match. The panel's key hints are worked out from the same state the keys act on
(``key_hints``), so a hint is never shown where its key would do something else.

The hosted screens get a stand-in for the app (``Stage``) whose scene stack is the tutorial's:
when the match screen hands over to the report (``app.replace``), the report appears inside
the tutorial, under its panel. Anything else they ask for (the main menu) would end the
tutorial: it asks first, as Esc does.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

import pygame
import pygame_gui
from pygame_gui.core import ObjectID
from pygame_gui.elements import UIButton, UIImage

from game.engine.model import ARRANGEMENT_ORDER
from game.paths import install_root
from game.ui.i18n import t
from game.ui.scene import Scene
from game.ui.widgets import mix, text_block

if TYPE_CHECKING:
    from game.session.interface import Session
    from game.ui.app import App

SCENARIO = ("assets", "tutorial", "turn_zero.json")
SEAT = "meridia"
FOCUS_REGION = "velna"
# Screens a match hands over to; they play inside the tutorial. Anything else ends it.
HOSTED = (
    "game.ui.scenes.match",
    "game.ui.scenes.report",
    "game.ui.scenes.debrief",
    "game.ui.scenes.handover",
)
LAYER = 400  # above the match screen's own modal panels (200–210) and its focus ring
ASK_LAYER = LAYER + 10  # the "leave the tutorial?" question, above the step's panel
# Every key hint the panel can show (``tutorial.hint.<name>`` in assets/i18n).
HINTS = (
    "next",
    "finish",
    "continue",
    "end_turn",
    "leave",
    "leave_now",
    "pick_bar",
    "pick_region",
    "close_tip",
    "close_region",
    "confirm_leave",
    "stay",
)
ENTER = (pygame.K_RETURN, pygame.K_KP_ENTER)
VEIL = 110  # alpha of the veil over what the step is not about


@dataclass(frozen=True)
class Step:
    """One step: its texts are ``tutorial.step.<id>.title/.text/.task`` in assets/i18n.

    ``target``: the part of the screen it points at. ``wait``: what the player must do —
    ``read`` (Enter or Next), ``bar`` (click a segment of the continuum), ``region`` (select
    Velna on the map), ``answer`` (answer every card), ``order`` (draft an action),
    ``end_turn`` (the turn resolves), ``report`` (leave the turn's report). ``turn``: the turn
    it belongs to; ``after`` marks steps shown once that turn has resolved (its report).
    """

    id: str
    target: str
    wait: str
    turn: int
    after: bool = False


STEPS: tuple[Step, ...] = (
    Step("welcome", "none", "read", 1),
    Step("continuum", "bar", "read", 1),
    Step("arrangements", "bar", "bar", 1),
    Step("criteria", "criteria", "read", 1),
    Step("map", "velna", "region", 1),
    Step("card", "cards", "answer", 1),
    Step("actions", "actions", "order", 1),
    Step("end_turn", "end_turn", "end_turn", 1),
    Step("report", "report", "report", 1, after=True),
    Step("turn2", "cards", "end_turn", 2),
    Step("report2", "report", "report", 2, after=True),
    Step("turn3", "cards", "end_turn", 3),
    Step("report3", "tiles", "report", 3, after=True),
    Step("turn4", "cards", "end_turn", 4),
    Step("report4", "world_tile", "report", 4, after=True),
    Step("turn5", "cards", "end_turn", 5),
    Step("report5", "tiles", "report", 5, after=True),
    Step("turn6", "actions", "end_turn", 6),
    Step("finish", "none", "read", 6, after=True),
)
# Steps whose text depends on what happened: turn 5 tells of the price or of the delay.
VARIANTS = {"turn5": ("turn5_pooled", "turn5_alone")}


def step_keys() -> list[str]:
    """Every i18n key the steps use (for the tests and for translators)."""
    keys: list[str] = []
    for step in STEPS:
        for sid in VARIANTS.get(step.id, (step.id,)):
            keys += [f"tutorial.step.{sid}.title", f"tutorial.step.{sid}.text"]
            if step.wait != "read" or step.id == "finish":
                keys.append(f"tutorial.step.{sid}.task")
    return keys


def scenario_path() -> Any:
    return install_root().joinpath(*SCENARIO)


# ---- pieces of the overlay ----------------------------------------------------------------------


class _Spot(UIImage):
    """The veil, the highlight and its arrow: drawn above everything, never in the way of a
    click (the player must reach what it points at). It takes the hover over what it veils, so
    nothing there shows a tip (and no "Esc: close the tip" for a tip about something else);
    what is lit (``lit``) keeps its hover and its tips."""

    lit: tuple[pygame.Rect, ...] = ()

    def hover_point(self, hover_x: float, hover_y: float) -> bool:
        point = (int(hover_x), int(hover_y))
        return bool(self.rect.collidepoint(point)) and not any(
            r.collidepoint(point) for r in self.lit
        )

    def can_hover(self) -> bool:
        return False

    def process_event(self, event: pygame.event.Event) -> bool:
        return False


class _Panel(UIImage):
    """The step's panel: it swallows the clicks and the hover meant for what lies beneath."""

    def can_hover(self) -> bool:
        return False

    def process_event(self, event: pygame.event.Event) -> bool:
        if event.type in (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP, pygame.MOUSEWHEEL):
            pos = getattr(event, "pos", None) or pygame.mouse.get_pos()
            return bool(self.rect.collidepoint(pos))
        return False


class Stage:
    """What the hosted screens take for the app: the real app in everything, except that the
    scene stack they change is the tutorial's own."""

    def __init__(self, app: App, tutorial: TutorialScene) -> None:
        object.__setattr__(self, "_app", app)
        object.__setattr__(self, "_tutorial", tutorial)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._app, name)

    def __setattr__(self, name: str, value: Any) -> None:
        setattr(self._app, name, value)

    @property
    def scene(self) -> Scene | None:
        return self._tutorial.inner

    def replace(self, scene: Scene) -> None:
        self._tutorial.host_replace(scene)

    def push(self, scene: Scene) -> None:
        self._tutorial.host_push(scene)

    def pop(self) -> None:
        self._tutorial.host_pop()


def _kind(scene: Scene | None) -> str:
    """ "match", "report", "debrief", … : which hosted screen this is."""
    if scene is None:
        return ""
    return type(scene).__module__.rsplit(".", 1)[-1]


# ---- the scene ------------------------------------------------------------------------------------


class TutorialScene(Scene):
    def __init__(self, app: App) -> None:
        super().__init__(app)
        self.stage = Stage(app, self)
        self.stack: list[Scene] = []
        self.session: Session | None = None
        self.error = ""
        self.index = 0
        self.done = False  # the current step's task is done (for steps that then wait to be read)
        self.info: str | None = None  # what the player revealed (a segment of the continuum)
        self.visited: list[str] = []  # step ids shown, in order (for tests and curiosity)
        self.panel_rect = pygame.Rect(0, 0, 0, 0)
        self.highlight: pygame.Rect | None = None
        self.next_button: UIButton | None = None
        self.leave_button: UIButton | None = None
        self.asking = False  # the "leave the tutorial?" question is open
        self.stay_button: UIButton | None = None
        self.confirm_leave_button: UIButton | None = None
        self.question_rect = pygame.Rect(0, 0, 0, 0)
        self._overlay: list[pygame_gui.core.UIElement] = []
        self._overlay_key: tuple | None = None
        self._spot: _Spot | None = None
        self._lit: tuple[pygame.Rect, ...] = ()
        self._panel: _Panel | None = None
        self._leaving = False
        self._entered = False
        try:
            from game.content import load_scenario
            from game.session.hotseat import new_match
            from game.ui.scenes.match import MatchScene

            scenario = load_scenario(scenario_path())
            self.session = new_match(scenario, [SEAT])
            self.stack.append(MatchScene(cast("App", self.stage), self.session, SEAT))
        except Exception as e:  # a broken install: say so, and let the player leave
            self.error = t("tutorial.missing", error=str(e) or type(e).__name__)
        self._arrive()

    # ---- the hosted screens -----------------------------------------------------------------

    @property
    def inner(self) -> Scene | None:
        return self.stack[-1] if self.stack else None

    def host_replace(self, scene: Scene) -> None:
        if type(scene).__module__ not in HOSTED:
            self.ask_to_leave()  # the match's own Menu → Quit: it leaves the tutorial too
            return
        if self.stack:
            self.stack.pop().leave()
        self.stack.append(scene)
        if self._entered:
            scene.enter()
        self._changed()

    def host_push(self, scene: Scene) -> None:
        if type(scene).__module__ not in HOSTED:
            self.ask_to_leave()
            return
        if self.stack:
            self.stack[-1].leave()
        self.stack.append(scene)
        if self._entered:
            scene.enter()
        self._changed()

    def host_pop(self) -> None:
        if self.stack:
            self.stack.pop().leave()
        if not self.stack:
            self.leave_tutorial()
            return
        if self._entered:
            self.stack[-1].enter()
        self._changed()

    def _changed(self) -> None:
        self._overlay_key = None
        self.app.dirty()

    # ---- scene life --------------------------------------------------------------------------

    def enter(self) -> None:
        self._entered = True
        if self.inner is not None:
            self.inner.enter()
        self._overlay_key = None
        self._refresh_overlay()

    def leave(self) -> None:
        self._entered = False
        if self.inner is not None:
            self.inner.leave()
        self._kill_overlay()
        super().leave()

    def ask_to_leave(self) -> None:
        """Leaving loses the match: ask first (Enter leaves, Esc stays). With nothing to lose
        (the last step, or a tutorial that could not start) leave at once."""
        if self.error or self.index >= len(STEPS) - 1:
            self.leave_tutorial()
            return
        self.asking = True
        self._overlay_key = None
        self.app.dirty()

    def stay(self) -> None:
        """Close the question and go on where the player was."""
        self.asking = False
        self._overlay_key = None
        self.app.dirty()

    def leave_tutorial(self) -> None:
        """Back to the main menu: the one the tutorial was opened from, if it is just below."""
        if self._leaving:
            return
        self.asking = False
        self._leaving = True
        from game.ui.scenes.menu import MainMenu

        app = self.app
        stack = getattr(app, "stack", [])
        if len(stack) >= 2 and stack[-1] is self and isinstance(stack[-2], MainMenu):
            app.pop()
        else:
            app.replace(MainMenu(app))

    # ---- steps -------------------------------------------------------------------------------

    @property
    def step(self) -> Step:
        return STEPS[self.index]

    def step_id(self, step: Step | None = None) -> str:
        """The id whose texts the step shows (a variant, where the match decides which)."""
        step = step or self.step
        variants = VARIANTS.get(step.id)
        if not variants:
            return step.id
        session = self.session
        pooled = session is not None and session.view(SEAT).flags.get("pooled", 0) >= 1
        return variants[0] if pooled else variants[1]

    def _resolved(self) -> int:
        return len(self.session.reports) if self.session is not None else 0

    def _arrive(self) -> None:
        """A new step begins: skip any the match has already left behind."""
        while self.index < len(STEPS) - 1 and self._obsolete(self.step):
            self.index += 1
        self.done = False
        self.info = None
        self.visited.append(self.step_id())
        self._overlay_key = None
        self.app.dirty()

    def _obsolete(self, step: Step) -> bool:
        """A step of a turn that has already resolved (the player ran ahead)."""
        if self.session is None:
            return False
        resolved = self._resolved()
        if not step.after:
            return resolved >= step.turn
        if step.wait == "report":
            return resolved > step.turn or (resolved == step.turn and self._report_closed(step))
        return False

    def _report_closed(self, step: Step) -> bool:
        inner = self.inner
        if _kind(inner) != "report":
            return True
        return getattr(getattr(inner, "report", None), "turn", step.turn) != step.turn

    def task_done(self) -> bool:
        """Whether the player has done what the current step asks."""
        step, session = self.step, self.session
        if step.wait == "read" or self.done:
            return True
        if session is None:
            return False
        if step.wait in ("bar", "region"):
            return self.done
        if step.wait == "answer":
            world = session.view(SEAT)
            hand = {h.key for h in world.hand if h.actor == SEAT and h.turn == world.turn}
            answered = {o.target for o in session.draft(SEAT) if o.action == "choose"}
            return hand <= answered or self._resolved() >= step.turn
        if step.wait == "order":
            drafted = [o for o in session.draft(SEAT) if o.action not in ("choose", "vote")]
            return bool(drafted) or self._resolved() >= step.turn
        if step.wait == "end_turn":
            return self._resolved() >= step.turn
        if step.wait == "report":
            return self._resolved() >= step.turn and self._report_closed(step)
        return False

    def can_advance(self) -> bool:
        """Enter / Next move on: on reading steps, and on steps whose task waits to be read."""
        return self.error == "" and (self.step.wait == "read" or self.done)

    def advance(self) -> None:
        if self.index >= len(STEPS) - 1:
            self.leave_tutorial()
            return
        self.index += 1
        self._chime()
        self._arrive()

    def _chime(self) -> None:
        with contextlib.suppress(Exception):
            from game.ui.audio import audio_of

            audio_of(self.app).play("click")

    def _check(self) -> None:
        """Move on when the player has done the step's task. A task that reveals something
        (a segment of the bar, the valley on the map) waits for the player to read it."""
        if self.error or self.step.wait == "read":
            return
        if self.step.wait == "region" and not self.done:
            inner = self.inner
            selected = getattr(getattr(inner, "map", None), "selected", None)
            if selected == FOCUS_REGION:
                self.done = True
                self._overlay_key = None
                self.app.dirty()
        if self.step.wait in ("bar", "region"):
            return
        if self.task_done():
            self.advance()

    # ---- where things are on the hosted screen ----------------------------------------------

    def rect_of(self, target: str) -> pygame.Rect | None:
        """The screen rectangle of a part of the hosted screen, or None."""
        inner = self.inner
        kind = _kind(inner)
        m: Any = inner
        if kind == "match":
            lay = m.lay
            if target == "bar":
                return pygame.Rect(lay.bar)
            if target == "criteria":
                return pygame.Rect(lay.criteria)
            if target == "map":
                return pygame.Rect(lay.map)
            if target == "velna":
                return self._region_rect(m, FOCUS_REGION) or pygame.Rect(lay.map)
            if target in ("cards", "actions"):
                button = m.tab_buttons.get(target)
                if m.tab != target and button is not None:
                    return pygame.Rect(button.rect)
                return pygame.Rect(lay.content)
            if target == "end_turn" and m.end_button is not None:
                return pygame.Rect(m.end_button.rect)
        elif kind == "report":
            if target == "report" and m.text_box is not None:
                return pygame.Rect(m.text_box.rect)
            if target == "world_tile" and m.tiles:
                return pygame.Rect(m.tiles[0].rect)
            if target == "tiles" and m.tiles:
                rect = pygame.Rect(m.tiles[0].rect)
                for tile in m.tiles[1:]:
                    rect.union_ip(tile.rect)
                return rect
            if target in ("report", "tiles", "world_tile"):
                return self.app.screen.get_rect().inflate(-self.app.s(40), -self.app.s(40))
        return None

    def _details_rect(self) -> pygame.Rect | None:
        """Where the match screen shows the selected region's details (its top-left corner)."""
        m: Any = self.inner
        surf = getattr(m, "_details", None)
        if _kind(m) != "match" or not isinstance(surf, pygame.Surface):
            return None
        s = self.app.s
        return pygame.Rect((m.lay.map.x + s(10), m.lay.map.y + s(10)), surf.get_size())

    def _region_outline(self) -> list[tuple[int, int]] | None:
        m: Any = self.inner
        if _kind(m) != "match" or FOCUS_REGION not in m.view.regions:
            return None
        return [m.map.to_screen(p) for p in m.view.regions[FOCUS_REGION].polygon]

    @staticmethod
    def _region_rect(m: Any, region: str) -> pygame.Rect | None:
        r = m.view.regions.get(region)
        if r is None:
            return None
        pts = [m.map.to_screen(p) for p in r.polygon]
        xs, ys = [p[0] for p in pts], [p[1] for p in pts]
        return pygame.Rect(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys))

    def bar_segment_at(self, pos: tuple[int, int]) -> str | None:
        inner: Any = self.inner
        if _kind(inner) != "match":
            return None
        for arr, rect in zip(ARRANGEMENT_ORDER, inner.bar.segments(), strict=True):
            if rect.collidepoint(pos):
                return arr.value
        return None

    def _end_allowed(self) -> bool:
        return self.error == "" and self.step.wait == "end_turn"

    # ---- keys and what they do now ----------------------------------------------------------

    def escape_closes(self, under_question: bool = False) -> str:
        """What Esc does now, innermost first: ``stay`` (close the question), ``tip``,
        ``modal`` (the match screen's own panel), ``region`` (the map's region panel), or
        ``leave`` (ask to leave; at the last step, or broken, leave at once).
        ``under_question``: what it does once the question is answered "stay"."""
        if self.asking and not under_question:
            return "stay"
        if self._tip_owner() is not None:
            return "tip"
        inner: Any = self.inner
        if getattr(inner, "modal", None) is not None:
            return "modal"
        m = getattr(inner, "map", None) if _kind(inner) == "match" else None
        if m is not None and (m.selected is not None or m.focused):
            return "region"
        return "leave"

    def key_hints(self) -> list[str]:
        """The hints shown on top (``tutorial.hint.<name>``): each true of this moment."""
        if self.asking:
            return ["confirm_leave", "stay"]
        return self.step_hints()

    def step_hints(self) -> list[str]:
        """The step panel's hints: what the keys do when no question is open over it."""
        if self.error:
            return ["leave_now"]
        if getattr(self.inner, "modal", None) is not None:
            return []  # the match screen asks something: the step's panel steps aside
        hints: list[str] = []
        kind = _kind(self.inner)
        if self.can_advance():
            hints.append("finish" if self.index >= len(STEPS) - 1 else "next")
        elif kind == "report":
            hints.append("continue")  # the report's own Enter: Continue
        elif kind == "match" and self._end_allowed():
            hints.append("end_turn")  # the match screen's own E
        elif kind == "match" and self.step.wait == "bar":
            hints.append("pick_bar")  # the arrows read the segments, as a click does
        elif kind == "match" and self.step.wait == "region":
            hints.append("pick_region")  # M takes the map; its arrows go region to region
        closes = self.escape_closes(under_question=True)
        if closes == "leave":
            hints.append("leave_now" if self.index >= len(STEPS) - 1 else "leave")
        else:
            hints.append(f"close_{closes}")
        return hints

    def _tip_owner(self) -> Any:
        """The element whose tooltip is showing, if one is."""
        for element in self.app.manager.get_sprite_group().sprites():
            tip = getattr(element, "tool_tip", None)
            if tip is not None and tip.alive():
                return element
        return None

    def _close_tip(self) -> None:
        owner = self._tip_owner()
        if owner is None:
            return
        owner.tool_tip.kill()
        owner.tool_tip = None
        # Not again while the pointer stays: pygame_gui counts the hover time up from here,
        # and starts again at 0 the next time the pointer comes over it.
        owner.hover_time = float("-inf")
        self.app.dirty()

    # ---- input ------------------------------------------------------------------------------

    def handle(self, event: pygame.event.Event) -> None:
        if self.asking:  # the question is on top of everything: only its answers count
            self._handle_question(event)
            return
        if event.type == pygame_gui.UI_BUTTON_PRESSED:
            if event.ui_element is self.next_button:
                if self.can_advance():
                    self.advance()
                return
            if event.ui_element is self.leave_button:
                self.ask_to_leave()
                return
        inner: Any = self.inner
        if event.type == pygame.KEYDOWN:
            if event.key == pygame.K_ESCAPE:
                closes = self.escape_closes()
                if closes == "tip":
                    self._close_tip()
                elif closes in ("modal", "region"):
                    inner.handle(event)  # the match screen closes its own panel
                else:
                    self.ask_to_leave()
                return
            if event.key in (*ENTER, pygame.K_SPACE) and self.can_advance():
                self.advance()
                return
            if self.step.wait == "bar" and event.key in (pygame.K_LEFT, pygame.K_RIGHT):
                self._step_bar(-1 if event.key == pygame.K_LEFT else 1)
                return
            if self.error:
                return
            if _kind(inner) == "match" and not self._end_allowed():
                focus = inner.focused() if getattr(inner, "modal", None) is None else True
                ends = event.key == pygame.K_e or (
                    event.key in ENTER and (focus is None or getattr(focus, "key", "") == "end")
                )
                if ends:
                    return  # not yet: the tutorial has more to show first
        elif event.type in (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP, pygame.MOUSEWHEEL):
            pos = getattr(event, "pos", None) or pygame.mouse.get_pos()
            if self.panel_rect.collidepoint(pos):
                return  # the panel is on top: what lies beneath does not get the click
            if event.type == pygame.MOUSEBUTTONDOWN and getattr(event, "button", 0) == 1:
                self._clicked(pos)
        if inner is not None:
            inner.handle(event)

    def _handle_question(self, event: pygame.event.Event) -> None:
        if event.type == pygame_gui.UI_BUTTON_PRESSED:
            if event.ui_element is self.confirm_leave_button:
                self.leave_tutorial()
            elif event.ui_element is self.stay_button:
                self.stay()
        elif event.type == pygame.KEYDOWN:
            if event.key in ENTER:
                self.leave_tutorial()
            elif event.key == pygame.K_ESCAPE:
                self.stay()

    def _clicked(self, pos: tuple[int, int]) -> None:
        if self.step.wait != "bar":
            return
        arr = self.bar_segment_at(pos)
        if arr is not None:
            self._reveal(arr)

    def _step_bar(self, step: int) -> None:
        """The arrows read the segments one by one (the bar step without a mouse), starting from
        the segment the world is in."""
        order = [a.value for a in ARRANGEMENT_ORDER]
        if self.info in order:
            i = max(0, min(len(order) - 1, order.index(self.info) + step))
        else:
            m = getattr(getattr(self.inner, "bar", None), "measure", None)
            i = order.index(m.arrangement.value) if m is not None else 0
        self._reveal(order[i])

    def _reveal(self, arr: str) -> None:
        self.info = arr
        self.done = True
        self._overlay_key = None
        self.app.dirty()

    # ---- the frame ----------------------------------------------------------------------------

    def update(self, dt: float) -> None:
        inner: Any = self.inner
        if inner is not None:
            inner.update(dt)
        if self._leaving:
            return
        self._check()
        inner = self.inner
        if _kind(inner) == "match":
            button = getattr(inner, "end_button", None)
            if button is not None and button.alive():
                allowed = self._end_allowed()
                if allowed and not button.is_enabled:
                    button.enable()
                elif not allowed and button.is_enabled:
                    button.disable()
        self._refresh_overlay()

    def draw(self, surface: pygame.Surface) -> None:
        if self.inner is not None:
            self.inner.draw(surface)
        else:
            surface.fill(self.app.palette.background)

    # ---- the overlay --------------------------------------------------------------------------

    def _kill_overlay(self) -> None:
        for w in self._overlay:
            w.kill()
        self._overlay = []
        self._spot = self._panel = None
        self.next_button = self.leave_button = None
        self.stay_button = self.confirm_leave_button = None
        self.panel_rect = pygame.Rect(0, 0, 0, 0)
        self.highlight = None

    def _refresh_overlay(self) -> None:
        """Rebuild the panel and the highlight when what they show has changed."""
        if not self._entered or self._leaving:
            return
        inner: Any = self.inner
        modal = getattr(inner, "modal", None) is not None
        target = None if self.error else self.rect_of(self.step.target)
        key = (
            self.index,
            self.done,
            self.info,
            id(inner),
            tuple(target) if target else None,
            modal,
            self.app.size,
            self.app.settings.ui_scale,
            self.app.settings.language,
            self.can_advance(),
            tuple(self._details_rect() or ()) if self.step.wait == "region" else None,
            # Last, what changes only the pictures (updated in place, the buttons kept).
            (tuple(self.key_hints()), tuple(self._notice_rect() or ())),
        )
        if key == self._overlay_key:
            return
        old, self._overlay_key = self._overlay_key, key
        if old is not None and old[:-1] == key[:-1] and self._panel is not None and not modal:
            self._update_overlay(target)  # only the hints: the buttons must live on
            self.app.dirty()
            return
        self._kill_overlay()
        if modal and not self.asking:  # the match screen asks something: stay out of its way
            self.app.dirty()
            return
        self._build_overlay(target)
        if self.asking:
            self._build_question()
        self.app.dirty()

    def _build_question(self) -> None:
        """ "Leave the tutorial?" over everything, with its two answers and its keys."""
        app, s, pal = self.app, self.app.s, self.app.palette
        screen = pygame.Rect((0, 0), app.size)
        width = min(s(420), screen.w - s(24))
        inner = width - 2 * s(20)
        parts = [
            text_block(t("tutorial.ask.title"), app.font(19, bold=True), pal.accent, inner),
            text_block(t("tutorial.ask.text"), app.font(14), pal.text, inner, s(2)),
            text_block(self._hints_text(), app.font(12), pal.muted, inner),
        ]
        bh = s(36)
        height = s(20) + sum(p.get_height() + s(10) for p in parts) + s(8) + bh + s(20)
        rect = pygame.Rect(0, 0, width, min(height, screen.h - s(12)))
        rect.center = screen.center
        sheet = pygame.Surface(app.size, pygame.SRCALPHA)
        sheet.fill((*pal.background, 170))
        box = pygame.Surface(rect.size, pygame.SRCALPHA)
        pygame.draw.rect(box, (*pal.panel, 255), box.get_rect(), border_radius=s(10))
        pygame.draw.rect(box, pal.accent, box.get_rect(), max(2, s(2)), border_radius=s(10))
        y = s(20)
        for part in parts:
            box.blit(part, (s(20), y))
            y += part.get_height() + s(10)
        sheet.blit(box, rect.topleft)
        # One sheet over the whole screen that swallows every click but its buttons'.
        self._overlay.append(
            _Panel(screen, sheet, app.manager, starting_height=ASK_LAYER, object_id="#tutorial")
        )
        labels = (t("tutorial.ask.stay"), t("tutorial.ask.leave"))
        widths = [app.font(16, bold=True).size(label)[0] + s(36) for label in labels]
        x = rect.right - s(20) - sum(widths) - s(8)
        by = rect.bottom - s(20) - bh
        made = []
        for label, w, obj in zip(labels, widths, ("#tutorial_leave", "#primary"), strict=True):
            made.append(
                UIButton(
                    pygame.Rect(x, by, w, bh),
                    label,
                    app.manager,
                    starting_height=ASK_LAYER + 4,
                    object_id=ObjectID(object_id=obj, class_id="@tutorial"),
                )
            )
            x += w + s(8)
        self.stay_button, self.confirm_leave_button = made
        self._overlay += made
        self.question_rect = rect

    def _hints_text(self, hints: list[str] | None = None) -> str:
        return " · ".join(t(f"tutorial.hint.{h}") for h in (hints or self.key_hints()))

    def _texts(self) -> tuple[str, str, str, str | None]:
        """Title, body, task line and an optional note (what the player revealed)."""
        if self.error:
            return t("tutorial.title"), self.error, "", None
        sid = self.step_id()
        title = t(f"tutorial.step.{sid}.title")
        body = t(f"tutorial.step.{sid}.text")
        if self.step.wait == "read" and self.step.id != "finish":
            task = t("tutorial.read_hint")
        elif self.done:
            task = t("tutorial.done")
        else:
            task = t(f"tutorial.step.{sid}.task")
        note = None
        if self.info:
            note = f"{t(f'tutorial.arr.{self.info}')}: {t(f'tutorial.arr_tip.{self.info}')}"
        return title, body, task, note

    def _compose(self, target: pygame.Rect | None) -> tuple[pygame.Surface, pygame.Surface]:
        """The panel's picture and the veil's, and where they go (``panel_rect``,
        ``highlight``)."""
        app, s = self.app, self.app.s
        screen = pygame.Rect((0, 0), app.size)
        margin = s(12)
        title, body, task, note = self._texts()
        room = screen.inflate(-2 * margin, -2 * margin)
        panel, rect = self._fit(title, body, task, note, target, room)
        self.panel_rect = rect
        self.highlight = target.inflate(s(8), s(8)).clip(screen) if target is not None else None

        # A light veil over all but the target, the highlight and the arrow: one sheet over
        # the whole screen, which clicks and hovers go through.
        sheet = pygame.Surface(app.size, pygame.SRCALPHA)
        sheet.fill((*app.palette.background, VEIL))
        # What keeps its hover (and its tips): the target, the control the task needs.
        lit = [r for r, _ in self._avoid(target)]
        if self.highlight is not None:
            lit.append(self.highlight)
        notice = self._notice_rect()
        if notice is not None:  # the last click's result: in plain sight, as the box is
            sheet.fill((0, 0, 0, 0), notice)
        outline = self._region_outline() if self.step.target == "velna" else None
        if outline:  # a region: its own shape, lit (and its details, once the player asked)
            details = self._details_rect() if self.done else None
            if details is not None:
                sheet.fill((0, 0, 0, 0), details)
                lit.append(details)
            pygame.draw.polygon(sheet, (0, 0, 0, 0), outline)
            pygame.draw.polygon(sheet, (*app.palette.accent, 255), outline, max(2, s(3)))
            self._draw_arrow(sheet, rect, self.highlight or pygame.Rect(outline[0], (1, 1)))
        elif self.highlight is not None:
            sheet.fill((0, 0, 0, 0), self.highlight)
            self._draw_highlight(sheet, self.highlight)
            self._draw_arrow(sheet, rect, self.highlight)
        self._lit = tuple(lit)
        return panel, sheet

    def _button_rects(self) -> tuple[pygame.Rect | None, pygame.Rect | None]:
        """Next's and Leave's places: in the panel's footer, right-aligned."""
        app, s, rect = self.app, self.app.s, self.panel_rect
        bh = s(34)
        by = rect.bottom - s(14) - bh
        x = rect.right - s(16)
        next_label, leave_label = self._labels()
        next_rect = leave_rect = None
        if next_label:
            nw = app.font(17, bold=True).size(next_label)[0] + s(36)
            x -= nw
            next_rect = pygame.Rect(x, by, nw, bh)
            x -= s(8)
        if leave_label:
            lw = app.font(15).size(leave_label)[0] + s(28)
            x -= lw
            leave_rect = pygame.Rect(x, by, lw, bh)
        return next_rect, leave_rect

    def _build_overlay(self, target: pygame.Rect | None) -> None:
        app = self.app
        panel, sheet = self._compose(target)
        screen = pygame.Rect((0, 0), app.size)
        self._spot = _Spot(
            screen, sheet, app.manager, starting_height=LAYER, object_id="#tutorial_spot"
        )
        self._spot.lit = self._lit
        self._panel = _Panel(
            self.panel_rect, panel, app.manager, starting_height=LAYER + 2, object_id="#tutorial"
        )
        self._overlay += [self._spot, self._panel]
        next_label, leave_label = self._labels()
        next_rect, leave_rect = self._button_rects()
        if next_label and next_rect is not None:
            self.next_button = UIButton(
                next_rect,
                next_label,
                app.manager,
                starting_height=LAYER + 4,
                object_id=ObjectID(object_id="#primary", class_id="@tutorial"),
            )
            if not self.can_advance():
                self.next_button.disable()
            self._overlay.append(self.next_button)
        if leave_label and leave_rect is not None:
            self.leave_button = UIButton(
                leave_rect,
                leave_label,
                app.manager,
                starting_height=LAYER + 4,
                object_id=ObjectID(object_id="#tutorial_leave", class_id="@tutorial"),
            )
            self._overlay.append(self.leave_button)
        self._theme_buttons()

    def _update_overlay(self, target: pygame.Rect | None) -> None:
        """Only the key-hint line changed (a tip opened or closed): redraw the pictures and
        move the same buttons. Rebuilding them would lose a click whose press came before the
        change and whose release comes after it."""
        panel, sheet = self._compose(target)
        if self._spot is not None:
            self._spot.set_image(sheet)
            self._spot.lit = self._lit
        if self._panel is not None:
            self._panel.set_position(self.panel_rect.topleft)
            if self._panel.rect.size != self.panel_rect.size:
                self._panel.set_dimensions(self.panel_rect.size)
            self._panel.set_image(panel)
        next_rect, leave_rect = self._button_rects()
        for button, rect in ((self.next_button, next_rect), (self.leave_button, leave_rect)):
            if button is not None and rect is not None and pygame.Rect(button.rect) != rect:
                button.set_position(rect.topleft)

    def _fit(
        self,
        title: str,
        body: str,
        task: str,
        note: str | None,
        target: pygame.Rect | None,
        room: pygame.Rect,
    ) -> tuple[pygame.Surface, pygame.Rect]:
        """The panel's size and place: the largest words, then the widest panel, that leave
        the target uncovered (the player must reach it); failing that, what covers least."""
        s = self.app.s
        least = s(32) + self._buttons_width()
        avoid = self._avoid(target)
        zone = self._notice_zone()
        if zone is not None:  # where "Ordered: …" appears: never under the box
            avoid.append((zone, 1.0))
        best: tuple[float, pygame.Surface, pygame.Rect] | None = None
        for size in (14, 13, 12, 11):
            for width in (460, 400, 340, 290):
                w = min(s(width), room.w)
                if w < least and width != 460:
                    continue
                panel = self._render_panel(title, body, task, note, size, w)
                if panel.get_height() > room.h:
                    continue
                cost, rect = self._place(panel.get_size(), target, room, self.step.target, avoid)
                if cost == 0:
                    return panel, rect
                if best is None or cost < best[0]:
                    best = (cost, panel, rect)
        if best is not None:
            return best[1], best[2]
        panel = self._render_panel(title, body, task, note, 10, room.w)
        rect = panel.get_rect(center=room.center).clamp(room)
        return panel, rect

    def _avoid(self, target: pygame.Rect | None) -> list[tuple[pygame.Rect, float]]:
        """What the panel must leave uncovered, and how much each matters: the target (unless
        it is the whole report), and the control the step's task needs."""
        out: list[tuple[pygame.Rect, float]] = []
        if target is not None and self.step.target != "report":
            out.append((target, 1.0))
        inner: Any = self.inner
        kind = _kind(inner)
        if kind == "report" and getattr(inner, "continue_button", None) is not None:
            out.append((pygame.Rect(inner.continue_button.rect), 4.0))
        if kind == "match" and self.step.wait in ("answer", "order", "end_turn"):
            if self.step.wait == "end_turn" and inner.end_button is not None:
                out.append((pygame.Rect(inner.end_button.rect), 4.0))
            out.append((pygame.Rect(inner.lay.tabs), 2.0))
        return out

    def _notice_zone(self) -> pygame.Rect | None:
        """Where the match screen shows the last click's result ("Ordered: …"), room for two
        lines, whether or not one shows now: the box stays put when a notice comes and goes."""
        m: Any = self.inner
        if _kind(m) != "match":
            return None
        s = self.app.s
        width = min(m.lay.map.w - s(40), s(620))
        height = s(16) + 2 * self.app.font(13).get_linesize()
        above = m.lay.map.bottom - m.map.legend_rect.h - s(10)
        return pygame.Rect(0, 0, width, height).move(m.lay.map.centerx - width // 2, above - height)

    def _notice_rect(self) -> pygame.Rect | None:
        """The notice showing now, if one is (as the match screen places it)."""
        m: Any = self.inner
        zone = self._notice_zone()
        surf = getattr(m, "_notice_surface", None)
        if zone is None or getattr(m, "notice", None) is None:
            return None
        if not isinstance(surf, pygame.Surface):
            return zone
        return surf.get_rect(midbottom=zone.midbottom)

    def _labels(self) -> tuple[str, str | None]:
        """The panel's buttons: Next (or Back to the menu at the end) and Leave."""
        if self.error:
            return "", t("tutorial.leave")
        if self.index >= len(STEPS) - 1:
            return t("tutorial.finish"), None
        return t("tutorial.next"), t("tutorial.leave")

    def _buttons_width(self) -> int:
        app, s = self.app, self.app.s
        next_label, leave_label = self._labels()
        width = app.font(17, bold=True).size(next_label)[0] + s(36) if next_label else 0
        if leave_label:
            width += app.font(15).size(leave_label)[0] + s(28) + s(8)
        return width

    def _theme_buttons(self) -> None:
        """Fonts at the player's scale for the panel's buttons (the theme's defaults block does
        not carry a font in pygame_gui 0.6)."""
        m = self.app.manager
        size = self.app.settings.ui_scale
        if getattr(m, "_continuum_tutorial_scale", None) == size:
            return
        s = self.app.s
        m.get_theme().load_theme(
            {
                "@tutorial": {"font": {"name": "noto_sans", "size": str(s(15)), "bold": "0"}},
                "@tutorial.#primary": {
                    "font": {"name": "noto_sans", "size": str(s(16)), "bold": "1"}
                },
            }
        )
        m._continuum_tutorial_scale = size  # type: ignore[attr-defined]
        for b in (self.next_button, self.leave_button):
            if b is not None:
                b.rebuild_from_changed_theme_data()

    def _render_panel(
        self, title: str, body: str, task: str, note: str | None, size: int, width: int
    ) -> pygame.Surface:
        """The panel's picture: counter, title, text, the revealed note, the task; the buttons
        are laid over its footer."""
        app, s, pal = self.app, self.app.s, self.app.palette
        pad = s(16)
        inner = width - 2 * pad - s(6)
        counter = t("tutorial.step_of", n=self.index + 1, total=len(STEPS))
        if self.session is not None:
            w = self.session.view(SEAT)
            turn = self.step.turn if self.step.after else w.turn
            counter = f"{t('tutorial.title')} · {counter} · " + t(
                "tutorial.turn_of", turn=turn, last=w.last_turn
            )
        parts: list[tuple[pygame.Surface, int]] = [
            (text_block(counter.upper(), app.font(size - 3, bold=True), pal.muted, inner), s(4)),
            (text_block(title, app.font(size + 5, bold=True), pal.accent, inner), s(8)),
            (text_block(body, app.font(size), pal.text, inner, s(2)), s(10)),
        ]
        if note:
            box = text_block(note, app.font(size - 1), pal.text, inner - s(20), s(1))
            framed = pygame.Surface((inner, box.get_height() + s(16)), pygame.SRCALPHA)
            pygame.draw.rect(
                framed, (*mix(pal.panel, pal.accent, 0.12), 255), framed.get_rect(), 0, s(6)
            )
            pygame.draw.rect(framed, pal.accent, (0, s(4), s(3), framed.get_height() - s(8)))
            framed.blit(box, (s(12), s(8)))
            parts.append((framed, s(10)))
        task_colour = pal.good if (self.done and self.step.wait != "read") else pal.accent
        if task:
            parts.append(
                (text_block(task, app.font(size, bold=True), task_colour, inner - s(16)), 0)
            )
        # The keys that work now, on a line of their own (never hidden by the buttons).
        hints = self._hints_text(self.step_hints())
        parts.append((text_block(hints, app.font(size - 3), pal.muted, inner), 0))
        if task:  # the task keeps its gap above the keys
            parts[-2] = (parts[-2][0], s(8))
        footer = s(34) + s(14) + s(12)
        height = pad + sum(p.get_height() + gap for p, gap in parts) + footer
        surf = pygame.Surface((width, height), pygame.SRCALPHA)
        r = surf.get_rect()
        pygame.draw.rect(surf, (*pal.border, 255), r, border_radius=s(10))
        pygame.draw.rect(surf, (*pal.panel, 250), r.inflate(-2, -2), border_radius=s(10))
        pygame.draw.rect(surf, pal.accent, r, max(2, s(2)), border_radius=s(10))
        pygame.draw.rect(
            surf, pal.accent, (s(8), pad, s(4), height - pad - footer + s(4)), border_radius=s(2)
        )
        y = pad
        x = pad + s(6)
        for i, (p, gap) in enumerate(parts):
            if i == len(parts) - 2 and task:  # the task: a marker before it
                cy = y + app.font(size, bold=True).get_linesize() // 2
                pygame.draw.circle(surf, task_colour, (x + s(5), cy), s(4))
                surf.blit(p, (x + s(16), y))
            else:
                surf.blit(p, (x, y))
            y += p.get_height() + gap
        return surf

    @staticmethod
    def _place(
        size: tuple[int, int],
        target: pygame.Rect | None,
        room: pygame.Rect,
        name: str = "",
        avoid: list[tuple[pygame.Rect, float]] | None = None,
    ) -> tuple[float, pygame.Rect]:
        """Where the panel goes, and what it covers of what it should not (0: nothing).

        Beside the target, on the side with most room first, level with its start, its middle
        or its end; inside a large target (the report's log, whose short left-aligned lines
        leave its right-hand side free) in its bottom-right corner first. Always on the screen.
        """
        w, h = size
        rect = pygame.Rect(0, 0, min(w, room.w), min(h, room.h))
        if target is None:
            rect.center = room.center
            return 0.0, rect.clamp(room)
        gap = 24
        candidates: list[pygame.Rect] = []
        if name == "report":
            r = rect.copy()
            r.bottomright = (target.right - gap, target.bottom - gap)
            candidates.append(r)
        spaces = {
            "below": room.bottom - target.bottom,
            "above": target.top - room.top,
            "right": room.right - target.right,
            "left": target.left - room.left,
        }
        for side in sorted(spaces, key=lambda k: -spaces[k]):
            if side in ("below", "above"):
                y = target.bottom + gap if side == "below" else target.top - gap - rect.h
                xs = [target.centerx - rect.w // 2, target.left, target.right - rect.w]
                if name in ("tiles", "world_tile"):
                    xs = [room.right - rect.w, room.left, *xs]
                candidates += [pygame.Rect(x, y, rect.w, rect.h) for x in xs]
            else:
                x = target.right + gap if side == "right" else target.left - gap - rect.w
                ys = [target.top - gap, target.centery - rect.h // 2, target.bottom - rect.h]
                candidates += [pygame.Rect(x, y, rect.w, rect.h) for y in ys]
        # Failing all those (a large panel at 200 %), the screen's corners: far from the
        # target, but the arrow still points at it.
        for corner in ("topleft", "topright", "bottomleft", "bottomright"):
            r = rect.copy()
            setattr(r, corner, getattr(room, corner))
            candidates.append(r)
        best: tuple[float, pygame.Rect] | None = None
        for r in candidates:
            r = r.clamp(room)
            cost = 0.0
            for area, weight in avoid or []:
                clip = r.clip(area)
                cost += weight * clip.w * clip.h
            if best is None or cost < best[0]:
                best = (cost, r)
            if cost == 0:
                break
        assert best is not None
        return best

    def _draw_highlight(self, sheet: pygame.Surface, rect: pygame.Rect) -> None:
        s, pal = self.app.s, self.app.palette
        glow = mix(pal.accent, pal.background, 0.5)
        pygame.draw.rect(sheet, (*glow, 150), rect.inflate(s(6), s(6)), s(4), border_radius=s(10))
        pygame.draw.rect(sheet, (*pal.accent, 255), rect, max(2, s(3)), border_radius=s(8))

    def _draw_arrow(self, sheet: pygame.Surface, panel: pygame.Rect, target: pygame.Rect) -> None:
        """An arrow from the panel's edge to the target's nearest edge, when they are apart."""
        s, pal = self.app.s, self.app.palette
        if panel.colliderect(target):
            return
        tx = max(target.left, min(panel.centerx, target.right))
        ty = max(target.top, min(panel.centery, target.bottom))
        px = max(panel.left, min(tx, panel.right))
        py = max(panel.top, min(ty, panel.bottom))
        start, end = pygame.Vector2(px, py), pygame.Vector2(tx, ty)
        v = end - start
        if v.length() < s(14):
            return
        d = v.normalize()
        head = s(14)
        tip = end - d * s(2)
        base = tip - d * head
        normal = pygame.Vector2(-d.y, d.x) * (head * 0.6)
        for colour, width in ((pal.border, max(5, s(6))), (pal.accent, max(3, s(3)))):
            pygame.draw.line(sheet, colour, start, base, width)
        pygame.draw.polygon(
            sheet, pal.border, [tip + d * 2, base + normal * 1.2, base - normal * 1.2]
        )
        pygame.draw.polygon(sheet, pal.accent, [tip, base + normal, base - normal])
