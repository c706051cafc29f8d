"""Sound effects and music, synthesized in code: no binary assets to license or ship.

Every sound is built from sine partials under short envelopes when the game starts (the music
loop once, on first use, cached in the user's cache folder). Where there is no audio device —
the mixer fails to start, SDL's dummy driver, a mixer that goes away mid-game — every call is a
silent no-op: sound never stops the game.

Screens call ``audio_of(app).play("card")``; ``start_music()`` / ``stop_music()`` for the loop.
"""

from __future__ import annotations

import cmath
import contextlib
import io
import logging
import math
import operator
import random
import threading
import wave
from array import array
from collections.abc import Callable, Iterable
from itertools import accumulate, repeat
from pathlib import Path
from typing import TYPE_CHECKING, Any

import platformdirs
import pygame

from game.atomic import write_atomic
from game.ui.settings import Settings

if TYPE_CHECKING:
    from game.ui.app import App

log = logging.getLogger(__name__)

SAMPLE_RATE = 44100  # effects
MUSIC_RATE = 16000  # the music is soft and low: 16 kHz carries it, and synthesizes faster
SAMPLE_WIDTH = 2  # bytes: signed 16-bit PCM, mono
PEAK = 0.7  # effects peak at -3 dBFS: never clipping
MUSIC_PEAK = 0.5
MUSIC_VERSION = 1  # bump when the composition changes, so a stale cache is not played
SILENT_DRIVERS = frozenset({"dummy", "disk"})

SOUNDS = ("card", "vote_passed", "vote_failed", "turn", "click")
# How loud each effect is relative to the player's sound volume.
GAIN = {"card": 0.8, "vote_passed": 0.85, "vote_failed": 0.85, "turn": 1.0, "click": 0.45}

Partials = tuple[tuple[float, float, float], ...]  # (frequency ratio, amplitude, decay factor)


def note(name: str) -> float:
    """The frequency of a note such as ``"A4"`` or ``"F#3"`` (equal temperament, A4 = 440)."""
    steps = {"C": -9, "D": -7, "E": -5, "F": -4, "G": -2, "A": 0, "B": 2}[name[0]]
    rest = name[1:]
    if rest.startswith("#"):
        steps, rest = steps + 1, rest[1:]
    elif rest.startswith("b"):
        steps, rest = steps - 1, rest[1:]
    return 440.0 * 2 ** ((steps + 12 * (int(rest) - 4)) / 12)


# ---- synthesis: pure functions over lists of floats ----------------------------------------------


def _ring(freq: float, decay: float | None, n: int, rate: int, amp: float = 1.0) -> list[float]:
    """``amp · sin(2π f t) · e^(−t/decay)`` for ``n`` samples, as the imaginary part of a
    complex geometric series: the loop runs in C (itertools), not sample by sample in Python."""
    w = 2 * math.pi * freq / rate
    r = math.exp(-1.0 / (decay * rate)) if decay else 1.0
    z = cmath.rect(r, w)
    powers = accumulate(repeat(z, n - 1), operator.mul, initial=complex(amp))
    return list(map(_IMAG, powers))


_IMAG = operator.attrgetter("imag")


def _mix(a: list[float], b: Iterable[float]) -> list[float]:
    return list(map(operator.add, a, b))


def _voice(
    buf: list[float],
    start: float,
    freq: float,
    length: float,
    amp: float,
    attack: float,
    decay: float,
    partials: Partials,
    rate: int,
) -> None:
    """Add one struck tone to ``buf``: partials (each decaying at its own rate) under a linear
    attack, an exponential decay and a short fade at the end, so no tone ever clicks."""
    i0 = round(start * rate)
    n = min(round(length * rate), len(buf) - i0)
    if n <= 0:
        return
    out = [0.0] * n
    for ratio, a, dk in partials:
        out = _mix(out, _ring(freq * ratio, decay * dk, n, rate, a * amp))
    att = min(n, max(1, round(attack * rate)))
    out[:att] = [o * i / att for i, o in enumerate(out[:att])]
    fade = min(n, round(0.02 * rate))
    out[n - fade :] = [o * (fade - 1 - i) / fade for i, o in enumerate(out[n - fade :])]
    buf[i0 : i0 + n] = _mix(buf[i0 : i0 + n], out)


def to_pcm(buf: Iterable[float], peak: float = PEAK) -> array:
    """Float samples as signed 16-bit PCM, scaled so the loudest sample sits at ``peak``."""
    samples = list(buf)
    top = max(map(abs, samples), default=0.0) or 1.0
    scale = peak * 32767 / top
    return array("h", [round(x * scale) for x in samples])


def wav_bytes(pcm: array, rate: int) -> bytes:
    """A mono 16-bit WAV file holding ``pcm``."""
    out = io.BytesIO()
    with wave.open(out, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(SAMPLE_WIDTH)
        w.setframerate(rate)
        w.writeframes(pcm.tobytes())
    return out.getvalue()


BELL: Partials = ((1.0, 1.0, 1.0), (2.0, 0.22, 0.6), (3.0, 0.06, 0.4))
SOFT: Partials = ((1.0, 1.0, 1.0), (2.0, 0.12, 0.5), (3.0, 0.04, 0.3))
GONG: Partials = (
    (1.0, 1.0, 1.0),
    (1.006, 0.5, 1.0),  # a slow beat against the fundamental: the gong's shimmer
    (1.48, 0.45, 0.7),
    (2.0, 0.3, 0.55),
    (2.74, 0.2, 0.4),
    (3.76, 0.1, 0.3),
)

# Each effect: (duration in seconds, its notes as (start, note, length, amp, attack, decay, partials)).
EFFECTS: dict[str, tuple[float, list[tuple[float, str, float, float, float, float, Partials]]]] = {
    # a soft two-note chime, a fifth apart
    "card": (
        0.9,
        [(0.0, "E5", 0.9, 0.8, 0.004, 0.28, BELL), (0.09, "B5", 0.81, 0.65, 0.004, 0.3, BELL)],
    ),
    # a rising major triad
    "vote_passed": (
        1.15,
        [
            (0.0, "C5", 1.15, 0.6, 0.006, 0.4, BELL),
            (0.11, "E5", 1.04, 0.55, 0.006, 0.4, BELL),
            (0.22, "G5", 0.93, 0.55, 0.006, 0.45, BELL),
        ],
    ),
    # a falling minor third, darker and softer
    "vote_failed": (
        1.1,
        [
            (0.0, "G4", 0.6, 0.7, 0.01, 0.3, SOFT),
            (0.18, "E4", 0.92, 0.75, 0.01, 0.42, SOFT),
        ],
    ),
    # a low gong
    "turn": (2.4, [(0.0, "A2", 2.4, 1.0, 0.008, 0.9, GONG)]),
    # a short soft tick
    "click": (0.06, [(0.0, "E6", 0.06, 1.0, 0.001, 0.015, SOFT)]),
}


def synth_effect(name: str, rate: int = SAMPLE_RATE) -> array:
    """One effect as 16-bit mono PCM at ``rate``: exactly its duration long, peaking at PEAK."""
    duration, voices = EFFECTS[name]
    buf = [0.0] * round(duration * rate)
    for start, pitch, length, amp, attack, decay, partials in voices:
        _voice(buf, start, note(pitch), length, amp, attack, decay, partials, rate)
    return to_pcm(buf)


# ---- the music: a calm loop in A minor (aeolian) ----------------------------------------------

MUSIC_CHORD_SECONDS = 5.0
# i – VI – III – VII – i – iv – VI – v: the last chord leans back into the first, so it loops.
MUSIC_CHORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("A2", ("A3", "C4", "E4")),
    ("F2", ("F3", "A3", "C4")),
    ("C3", ("G3", "C4", "E4")),
    ("G2", ("G3", "B3", "D4")),
    ("A2", ("A3", "C4", "E4")),
    ("D3", ("F3", "A3", "D4")),
    ("F2", ("F3", "A3", "C4")),
    ("E2", ("G3", "B3", "E4")),
)
PENTATONIC = ("A4", "C5", "D5", "E5", "G5", "A5")
MUSIC_SECONDS = MUSIC_CHORD_SECONDS * len(MUSIC_CHORDS)
_PAD_PERIOD = 2.0  # seconds: pad tones are tuned to multiples of 1/_PAD_PERIOD Hz, so they tile


def _pad_cycle(freq: float, rate: int) -> list[float]:
    """One exactly periodic stretch of a pad tone: two voices half a hertz apart (a slow
    chorus) with a faint octave. Tuned to the period's grid, so it repeats without a seam."""
    n = round(_PAD_PERIOD * rate)
    grid = 1 / _PAD_PERIOD
    f = round(freq / grid) * grid
    out = [0.0] * n
    for ff, a in ((f, 0.5), (f + grid, 0.5), (2 * f, 0.08)):
        out = _mix(out, _ring(ff, None, n, rate, a))
    return out


def _add_wrapped(buf: list[float], start: int, seg: list[float]) -> None:
    """Add ``seg`` into the circular ``buf`` at ``start``: what runs past the end comes back in
    at the beginning, so the loop has no seam."""
    n = len(buf)
    pos, rest = start % n, seg
    while rest:
        take = min(len(rest), n - pos)
        buf[pos : pos + take] = map(operator.add, buf[pos : pos + take], rest[:take])
        rest, pos = rest[take:], 0


def synth_music(rate: int = MUSIC_RATE, seed: int = 5) -> array:
    """The music loop as 16-bit mono PCM: a slow pad under a sparse pentatonic melody, with a
    soft echo. Deterministic (seeded), exactly MUSIC_SECONDS long, and seamless when looped."""
    n = round(MUSIC_SECONDS * rate)
    buf = [0.0] * n
    cycles: dict[str, list[float]] = {}
    seg_len = round((MUSIC_CHORD_SECONDS + 2.0) * rate)  # each chord rings into the next
    attack, release = 1.6 * rate, 2.0 * rate
    env = [
        min(1.0, i / attack) * min(1.0, max(0.0, (seg_len - i) / release)) for i in range(seg_len)
    ]
    period = round(_PAD_PERIOD * rate)
    for c, (bass, tones) in enumerate(MUSIC_CHORDS):
        for name in tones:
            if name not in cycles:
                cycles[name] = _pad_cycle(note(name), rate)
        pad = [sum(v) for v in zip(*(cycles[t] for t in tones), strict=True)]
        tiled = (pad * (seg_len // period + 1))[:seg_len]
        seg = list(map(operator.mul, tiled, map(operator.mul, env, repeat(0.16))))
        start = round(c * MUSIC_CHORD_SECONDS * rate)
        _add_wrapped(buf, start, seg)
        low = [0.0] * seg_len  # a soft bass under each chord
        _voice(low, 0.0, note(bass), seg_len / rate, 0.3, 0.3, 2.5, SOFT, rate)
        _add_wrapped(buf, start, low)
    # the melody: a few notes a chord, from the A minor pentatonic, leaning on chord tones
    rng = random.Random(seed)
    beat = MUSIC_CHORD_SECONDS / 4
    rendered: dict[str, list[float]] = {}
    length = round(2.2 * rate)
    for c, (_, tones) in enumerate(MUSIC_CHORDS):
        chord_pcs = {t[:-1] for t in tones}
        for b in range(4):
            if rng.random() < (0.35 if b else 0.1):
                continue  # rests let it breathe
            choices = [p for p in PENTATONIC if p[:-1] in chord_pcs] or list(PENTATONIC)
            pitch = rng.choice(choices if b % 2 == 0 else PENTATONIC)
            if pitch not in rendered:
                tone = [0.0] * length
                _voice(tone, 0.0, note(pitch), length / rate, 0.22, 0.03, 0.7, BELL, rate)
                rendered[pitch] = tone
            _add_wrapped(buf, round((c * MUSIC_CHORD_SECONDS + b * beat) * rate), rendered[pitch])
    # a soft echo (two taps), wrapped like everything else
    dry = buf[:]
    for delay, gain in ((0.375, 0.28), (0.75, 0.14)):
        d = round(delay * rate)
        shifted = dry[-d:] + dry[:-d]
        buf = list(map(operator.add, buf, map(operator.mul, shifted, repeat(gain))))
    return to_pcm(buf, MUSIC_PEAK)


def music_cache_path() -> Path:
    return Path(platformdirs.user_cache_dir("continuum", appauthor=False)) / (
        f"music-v{MUSIC_VERSION}-{MUSIC_RATE}.wav"
    )


def cached_music_wav(cache: Path | None = None) -> bytes | None:
    """The music loop from the cache file, if it is there and sound (fast: no synthesis)."""
    path = cache or music_cache_path()
    expected = round(MUSIC_SECONDS * MUSIC_RATE)
    with contextlib.suppress(OSError, wave.Error, EOFError):
        data = path.read_bytes()
        with wave.open(io.BytesIO(data), "rb") as w:
            if (
                w.getnframes() == expected
                and w.getframerate() == MUSIC_RATE
                and w.getsampwidth() == SAMPLE_WIDTH
                and w.getnchannels() == 1
            ):
                return data
    return None


def music_wav(cache: Path | None = None) -> bytes:
    """The music loop as WAV bytes: from the cache file when it is there and sound, else
    synthesized (and cached, if the folder can be written)."""
    path = cache or music_cache_path()
    data = cached_music_wav(path)
    if data is not None:
        return data
    data = wav_bytes(synth_music(), MUSIC_RATE)
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, data)
    return data


# ---- playback --------------------------------------------------------------------------------


class Audio:
    """The game's sound. Built once per app (see ``for_app``); safe to call anywhere.

    ``enabled`` is False when there is no real audio device: the mixer failed to start, or SDL
    runs its dummy driver (tests, servers). Then every call returns at once and nothing is
    synthesized. ``allow_dummy`` lets tests drive the real code path on the dummy driver.
    """

    def __init__(self, settings: Settings | None = None, allow_dummy: bool = False) -> None:
        self.settings = settings or Settings()
        self.sounds: dict[str, Any] = {}
        self.enabled = False
        self.music_wanted = False
        self.music_playing = False
        self.music_failed = False  # the music could not be loaded: effects still play
        self._music_wav: bytes | None = None
        self._composing = False
        self._mixer = pygame.mixer
        try:
            if not self._mixer.get_init():
                self._mixer.init(frequency=SAMPLE_RATE, size=-16, channels=2, buffer=1024)
            driver = self._mixer.get_driver() if hasattr(self._mixer, "get_driver") else ""
            if driver in SILENT_DRIVERS and not allow_dummy:
                return
            for name in SOUNDS:
                self.sounds[name] = self._mixer.Sound(
                    file=io.BytesIO(wav_bytes(synth_effect(name), SAMPLE_RATE))
                )
            self.enabled = True
        except Exception as e:  # no device, no SDL_mixer, an odd driver: play silently
            log.info("sound is off: %s", e)
            self.sounds.clear()
            self.enabled = False

    @classmethod
    def for_app(cls, app: App) -> Audio:
        """The app's one Audio, made on first use and kept as ``app.audio``. Picks up new
        settings when the app's settings object has been replaced."""
        audio = getattr(app, "audio", None)
        if not isinstance(audio, Audio):
            audio = cls(app.settings)
            app.audio = audio  # type: ignore[attr-defined]
        elif audio.settings is not app.settings:
            audio.set_volumes(app.settings)
        return audio

    # ---- what the player hears ----------------------------------------------------------------

    def effect_volume(self, name: str) -> float:
        """The volume an effect plays at: 0 when muted."""
        if self.settings.muted:
            return 0.0
        return max(0.0, min(1.0, self.settings.sound_volume * GAIN.get(name, 1.0)))

    def music_volume(self) -> float:
        return 0.0 if self.settings.muted else max(0.0, min(1.0, self.settings.music_volume))

    def _alive(self) -> bool:
        """Whether the mixer is still there; if it has gone, sound stays off from now on."""
        if not self.enabled:
            return False
        try:
            if self._mixer.get_init():
                return True
        except Exception:
            pass
        self._off()
        return False

    def _off(self) -> None:
        self.enabled = False
        self.music_playing = False
        self.sounds.clear()
        self._music_wav = None

    def _safely(self, fn: Callable[[], object], music: bool = False) -> bool:
        """Run a mixer call; on any error turn sound off (only the music, if it was music)."""
        try:
            fn()
            return True
        except Exception as e:
            log.info("%s is off: %s", "music" if music else "sound", e)
            if music:
                self.music_failed = True
                self.music_playing = False
            else:
                self._off()
            return False

    def play(self, name: str) -> None:
        """Play an effect: "card", "vote_passed", "vote_failed", "turn" or "click"."""
        volume = self.effect_volume(name)
        sound = self.sounds.get(name)
        if sound is None or volume <= 0 or not self._alive():
            return

        def go() -> None:
            sound.set_volume(volume)
            sound.play()

        self._safely(go)

    def _compose(self) -> None:
        _compose_into(self)

    def start_music(self) -> None:
        """Start the music loop (fading in), unless muted or already playing."""
        self.music_wanted = True
        self._sync_music()

    def stop_music(self) -> None:
        self.music_wanted = False
        if self.music_playing and self._alive():
            self._safely(lambda: self._mixer.music.fadeout(800), music=True)
        self.music_playing = False

    def set_volumes(self, settings: Settings) -> None:
        """Take the player's new settings: volumes, mute."""
        self.settings = settings
        self._sync_music()

    def _sync_music(self) -> None:
        volume = self.music_volume()
        if self.music_failed or not self._alive():
            return
        if volume <= 0 or not self.music_wanted:
            if self.music_playing:
                self._safely(self._mixer.music.stop, music=True)
                self.music_playing = False
            return
        if self.music_playing:
            self._safely(lambda: self._mixer.music.set_volume(volume), music=True)
            return

        if self._music_wav is None:
            self._music_wav = cached_music_wav()
        if self._music_wav is None:
            # The first start synthesizes the loop (~1 s): do it off the main thread so the
            # menu shows at once; the music fades in when it is ready.
            if not self._composing:
                self._composing = True
                threading.Thread(target=self._compose, name="music", daemon=True).start()
            return

        def go() -> None:
            # a fresh stream each time: SDL closes the one it was given when the music stops
            self._mixer.music.load(io.BytesIO(self._music_wav), "wav")
            self._mixer.music.set_volume(volume)
            self._mixer.music.play(loops=-1, fade_ms=2500)

        self.music_playing = self._safely(go, music=True)


def _compose_into(audio: Audio) -> None:
    with contextlib.suppress(Exception):  # no music is better than a crash
        audio._music_wav = music_wav()
    audio._composing = False
    if audio._music_wav is not None:
        audio._sync_music()


def audio_of(app: App) -> Audio:
    """The app's Audio: ``audio_of(app).play("card")``."""
    return Audio.for_app(app)
