"""Sound: synthesized effects and music, silent (never failing) without an audio device."""

from __future__ import annotations

import io
import os
import wave
from array import array
from pathlib import Path

os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame
import pytest

from game.ui import audio as A
from game.ui.audio import Audio, audio_of
from game.ui.settings import Settings


class FakeSound:
    """Stands in for a pygame Sound: records what was played, at what volume."""

    def __init__(self) -> None:
        self.volume = 1.0
        self.played = 0

    def set_volume(self, v: float) -> None:
        self.volume = v

    def play(self) -> None:
        self.played += 1


@pytest.fixture
def mixer():
    """A real mixer on SDL's dummy driver, shut down afterwards."""
    pygame.mixer.quit()
    pygame.mixer.init(frequency=44100, size=-16, channels=2)
    yield pygame.mixer
    pygame.mixer.quit()


@pytest.fixture(scope="module")
def music_bytes(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """The real music loop, synthesized once for the module (about a second)."""
    return A.music_wav(tmp_path_factory.mktemp("music") / "music.wav")


@pytest.fixture
def music_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, music_bytes: bytes) -> Path:
    """A cache file already holding the loop, where the game will look for it."""
    path = tmp_path / "music.wav"
    path.write_bytes(music_bytes)
    monkeypatch.setattr(A, "music_cache_path", lambda: path)
    return path


def _fake_sounds(audio: Audio) -> dict[str, FakeSound]:
    fakes = {name: FakeSound() for name in A.SOUNDS}
    audio.sounds = dict(fakes)
    return fakes


# ---- no device ---------------------------------------------------------------------------------


def test_no_device_is_silent_and_never_raises(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*args: object, **kwargs: object) -> None:
        raise pygame.error("ALSA: Couldn't open audio device")

    monkeypatch.setattr(pygame.mixer, "get_init", lambda: None)
    monkeypatch.setattr(pygame.mixer, "init", fail)
    audio = Audio(Settings())
    assert not audio.enabled and audio.sounds == {}
    for name in A.SOUNDS:
        audio.play(name)
    audio.play("no_such_sound")
    audio.start_music()
    audio.set_volumes(Settings(muted=True))
    audio.stop_music()
    assert not audio.music_playing


def test_dummy_driver_is_silent_by_default(mixer) -> None:
    audio = Audio(Settings())
    assert not audio.enabled
    assert audio.sounds == {}  # nothing synthesized for nobody to hear
    audio.play("card")
    audio.start_music()
    assert not audio.music_playing


def test_a_mixer_that_disappears_turns_sound_off(mixer, music_cache: Path) -> None:
    audio = Audio(Settings(), allow_dummy=True)
    assert audio.enabled
    audio.start_music()
    pygame.mixer.quit()
    audio.play("turn")
    audio.set_volumes(Settings(music_volume=0.9))
    audio.stop_music()
    audio.start_music()
    assert not audio.enabled and not audio.music_playing


def test_a_sound_that_fails_to_play_turns_sound_off(mixer) -> None:
    audio = Audio(Settings(), allow_dummy=True)

    class Broken(FakeSound):
        def play(self) -> None:
            raise pygame.error("device lost")

    audio.sounds["card"] = Broken()
    audio.play("card")  # no exception
    assert not audio.enabled


# ---- mute and volumes ----------------------------------------------------------------------------


def test_muted_play_does_nothing(mixer) -> None:
    audio = Audio(Settings(muted=True), allow_dummy=True)
    fakes = _fake_sounds(audio)
    for name in A.SOUNDS:
        audio.play(name)
    assert all(f.played == 0 for f in fakes.values())
    audio.set_volumes(Settings(muted=False))
    audio.play("card")
    assert fakes["card"].played == 1


def test_zero_volume_plays_nothing(mixer) -> None:
    audio = Audio(Settings(sound_volume=0), allow_dummy=True)
    fakes = _fake_sounds(audio)
    audio.play("vote_passed")
    assert fakes["vote_passed"].played == 0


def test_effect_volumes_apply(mixer) -> None:
    audio = Audio(Settings(sound_volume=0.7), allow_dummy=True)
    audio.play("card")
    real = audio.sounds["card"]
    assert real.get_volume() == pytest.approx(0.7 * A.GAIN["card"], abs=1 / 64)
    audio.set_volumes(Settings(sound_volume=0.25))
    audio.play("card")
    assert real.get_volume() == pytest.approx(0.25 * A.GAIN["card"], abs=1 / 64)
    fakes = _fake_sounds(audio)
    audio.play("click")
    assert fakes["click"].volume == pytest.approx(0.25 * A.GAIN["click"])


def test_music_volume_and_mute(mixer, music_cache: Path) -> None:
    audio = Audio(Settings(music_volume=0.4), allow_dummy=True)
    audio.start_music()
    assert audio.music_playing and pygame.mixer.music.get_busy()
    assert pygame.mixer.music.get_volume() == pytest.approx(0.4, abs=1 / 64)
    audio.set_volumes(Settings(music_volume=0.1))
    assert pygame.mixer.music.get_volume() == pytest.approx(0.1, abs=1 / 64)
    audio.set_volumes(Settings(muted=True))
    assert not audio.music_playing and not pygame.mixer.music.get_busy()
    audio.set_volumes(Settings(muted=False, music_volume=0.3))  # unmuting brings it back
    assert audio.music_playing and pygame.mixer.music.get_busy()
    audio.stop_music()
    assert not audio.music_playing
    audio.set_volumes(Settings(music_volume=0.8))  # not wanted: stays off
    assert not audio.music_playing


def test_for_app_attaches_one_instance_and_follows_settings(mixer) -> None:
    class FakeApp:
        settings = Settings(sound_volume=0.5)

    app = FakeApp()
    first = audio_of(app)  # type: ignore[arg-type]
    assert audio_of(app) is first  # type: ignore[arg-type]
    app.settings = Settings(sound_volume=0.2, muted=True)
    assert audio_of(app).settings is app.settings  # type: ignore[arg-type]
    assert first.effect_volume("card") == 0


# ---- the synthesized buffers ---------------------------------------------------------------------


@pytest.mark.parametrize("name", A.SOUNDS)
def test_effects_have_the_right_length_and_format(name: str) -> None:
    pcm = A.synth_effect(name)
    duration, _ = A.EFFECTS[name]
    assert pcm.typecode == "h" and pcm.itemsize == A.SAMPLE_WIDTH
    assert len(pcm) == round(duration * A.SAMPLE_RATE)
    peak = max(map(abs, pcm))
    assert 0.6 * 32767 < peak <= A.PEAK * 32767 + 1  # audible, never clipping
    assert abs(pcm[0]) < 200 and abs(pcm[-1]) < 200  # no click at either end
    with wave.open(io.BytesIO(A.wav_bytes(pcm, A.SAMPLE_RATE)), "rb") as w:
        assert (w.getnchannels(), w.getsampwidth(), w.getframerate()) == (1, 2, A.SAMPLE_RATE)
        assert w.getnframes() == len(pcm)


def test_effects_load_into_the_mixer(mixer) -> None:
    audio = Audio(Settings(), allow_dummy=True)
    assert set(audio.sounds) == set(A.SOUNDS)
    for name, sound in audio.sounds.items():
        assert sound.get_length() == pytest.approx(A.EFFECTS[name][0], abs=0.01)


def test_the_music_loop(music_bytes: bytes, tmp_path: Path) -> None:
    cache = tmp_path / "music.wav"
    cache.write_bytes(music_bytes)
    assert A.music_wav(cache) == music_bytes  # read back from the cache, not made again
    with wave.open(io.BytesIO(music_bytes), "rb") as w:
        assert (w.getnchannels(), w.getsampwidth(), w.getframerate()) == (1, 2, A.MUSIC_RATE)
        n = w.getnframes()
        pcm = array("h", w.readframes(n))
    assert n == round(A.MUSIC_SECONDS * A.MUSIC_RATE)
    assert 30 <= A.MUSIC_SECONDS <= 60
    peak = max(map(abs, pcm))
    rms = (sum(x * x for x in pcm[::50]) / len(pcm[::50])) ** 0.5
    assert 0.3 * 32767 < peak <= A.MUSIC_PEAK * 32767 + 1  # audible, never clipping
    assert rms > 0.05 * 32767  # a pad that sounds throughout, not a few notes in silence
    # seamless: the step from the last sample back to the first is an ordinary one
    steps = sorted(abs(pcm[i + 1] - pcm[i]) for i in range(0, n - 1, 7))
    assert abs(pcm[0] - pcm[-1]) <= steps[int(len(steps) * 0.999)]


def test_the_music_is_made_the_same_every_time() -> None:
    low = 4000  # the same composition at a low rate: quick to make twice
    first, second = A.synth_music(low), A.synth_music(low)
    assert first == second and len(first) == round(A.MUSIC_SECONDS * low)


def test_the_music_is_cached_where_it_can_be(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    silence = array("h", bytes(2 * round(A.MUSIC_SECONDS * A.MUSIC_RATE)))
    monkeypatch.setattr(A, "synth_music", lambda: silence)
    cache = tmp_path / "sub" / "music.wav"
    data = A.music_wav(cache)
    assert cache.read_bytes() == data and data.startswith(b"RIFF")
    cache.write_bytes(b"not a wav file")  # a broken cache is made again
    assert A.music_wav(cache) == data and cache.read_bytes() == data
    blocked = tmp_path / "file"
    blocked.write_text("a file where a folder should be")
    assert A.music_wav(blocked / "music.wav") == data  # unwritable: still music, uncached


def test_note_names() -> None:
    assert A.note("A4") == pytest.approx(440.0)
    assert A.note("A3") == pytest.approx(220.0)
    assert A.note("C4") == pytest.approx(261.63, abs=0.01)
    assert A.note("F#3") == pytest.approx(A.note("Gb3"))


def test_the_first_start_composes_the_music_without_holding_up_the_menu(
    mixer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import time

    path = tmp_path / "music.wav"  # no cache yet: a first start on this machine
    monkeypatch.setattr(A, "music_cache_path", lambda: path)
    audio = Audio(Settings(music_volume=0.4), allow_dummy=True)
    started = time.perf_counter()
    audio.start_music()
    assert time.perf_counter() - started < 0.2, "start_music must not synthesize on the spot"
    deadline = time.monotonic() + 30
    while not audio.music_playing and time.monotonic() < deadline:
        time.sleep(0.05)
    assert audio.music_playing and pygame.mixer.music.get_busy()
    assert A.cached_music_wav(path) is not None, "the loop is cached for the next start"
