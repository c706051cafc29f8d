"""A scenario in several files: ``{"$include": "cards/famine.json"}`` stands for a part.

An include may stand for a whole top-level field (``"regions": {"$include": "map.json"}``) or
for an item of a top-level list (``"cards": [{"$include": "cards/famine.json"}, …]``); a part
that is a list is spliced into the list it stands in, and its own items may be includes too.
Nothing deeper: a card is read whole from one file, so every error has one obvious home.

Parts are data like the scenario: read under the same limits, never outside the scenario's
folder (symbolic links are followed before that is checked), at most ``MAX_PARTS`` of them,
all files together no larger than one scenario may be. Every problem names the file it is in;
``Assembled.place`` maps a path in the assembled document back to its file and path there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from .jsonio import MIB, JsonReadError, decode_text, parse_json, read_limited
from .locate import Elems, SourceMap

INCLUDE = "$include"
MAX_PARTS = 256
MAX_TOTAL_BYTES = 4 * MIB
MAX_NESTING = 8
_MARK = re.compile(r'"\$include"')
_WINDOWS_DRIVE = re.compile(r"^[A-Za-z]:")


@dataclass(frozen=True)
class PartIssue:
    """A problem found while assembling: in ``file`` at ``elems`` (a path in that file)."""

    file: str
    elems: Elems
    message: str
    line: int | None = None
    column: int | None = None
    located: bool = False


@dataclass
class Assembled:
    """The scenario document with every include replaced by its part."""

    doc: object
    main: str
    texts: dict[str, str] = field(default_factory=dict)  # file name -> its text
    parts: list[Path] = field(default_factory=list)  # every part file, resolved
    read: list[Path] = field(default_factory=list)  # every part file it tried to read, found or not
    issues: list[PartIssue] = field(default_factory=list)
    # A path in the assembled document -> (file, the same place's path in that file).
    _origins: dict[Elems, tuple[str, Elems]] = field(default_factory=dict)

    def place(self, elems: Elems) -> tuple[str, Elems]:
        """The file a place in the assembled document comes from, and its path there."""
        for n in range(len(elems), 0, -1):
            origin = self._origins.get(elems[:n])
            if origin is not None:
                file, base = origin
                return file, (*base, *elems[n:])
        return self.main, elems

    def order(self, file: str) -> int:
        """Where a file comes in the report: the scenario first, then its parts as met."""
        names = list(self.texts)
        return names.index(file) if file in names else len(names)

    def source_map(self, file: str) -> SourceMap | None:
        text = self.texts.get(file)
        return None if text is None else SourceMap(text)


def is_include(value: object) -> bool:
    return isinstance(value, dict) and INCLUDE in value


def assemble(main: Path, doc: object, text: str) -> Assembled:
    """The document with its includes resolved; problems are collected, never raised."""
    out = Assembled(doc, str(main), {str(main): text})
    if not isinstance(doc, dict) or not _MARK.search(text):
        return out
    a = _Assembler(main, out)
    a.total = len(text.encode("utf-8"))
    assembled: dict[str, object] = {}
    for key, value in doc.items():
        here: Elems = (key,)
        if is_include(value):
            part = a.read(value, a.main_file, here)
            if part is None:
                assembled[key] = None
                continue
            file, content = part
            out._origins[here] = (file.name, ())
            if isinstance(content, list):
                a.stack.append(file.path)
                content = a.splice(content, here, file, (), 1)
                a.stack.pop()
            assembled[key] = content
        elif isinstance(value, list):
            assembled[key] = a.splice(value, here, a.main_file, here, 0)
        else:
            assembled[key] = value
    out.doc = assembled
    a.misplaced()
    return out


@dataclass(frozen=True)
class _File:
    name: str  # as reports show it: the scenario's folder as the user named it, then the part
    path: Path  # resolved, for loops and for the folder check


class _Assembler:
    def __init__(self, main: Path, out: Assembled) -> None:
        self.out = out
        self.main_file = _File(str(main), main.resolve())
        self.root = main.resolve().parent
        self.shown_root = main.parent
        self.total = 0
        self.count = 0
        self.stack: list[Path] = [self.main_file.path]
        self.cache: dict[Path, tuple[object, str] | None] = {}
        self.stopped = False  # a limit was hit: say it once, read nothing more

    def issue(self, file: _File, elems: Elems, message: str) -> None:
        self.out.issues.append(PartIssue(file.name, elems, message))

    def splice(
        self, items: list, at: Elems, file: _File, base: Elems, depth: int, into: list | None = None
    ) -> list[object]:
        """The list with its include items replaced by their parts. ``at`` is where the list
        sits in the assembled document, ``base`` where ``items`` sits in ``file``; a part that
        is a list is spliced into the same result (``into``)."""
        result: list[object] = [] if into is None else into
        for i, item in enumerate(items):
            if not is_include(item):
                self.out._origins[(*at, len(result))] = (file.name, (*base, i))
                result.append(item)
                continue
            part = self.read(item, file, (*base, i))
            if part is None:
                continue
            part_file, content = part
            if not isinstance(content, list):
                self.out._origins[(*at, len(result))] = (part_file.name, ())
                result.append(content)
            elif depth >= MAX_NESTING:
                self.issue(file, (*base, i), f"parts include parts more than {MAX_NESTING} deep")
            else:
                self.stack.append(part_file.path)
                self.splice(content, at, part_file, (), depth + 1, result)
                self.stack.pop()
        return result

    def read(self, include: dict, file: _File, elems: Elems) -> tuple[_File, object] | None:
        """The part an include names, or None after reporting why it cannot be used."""
        if self.stopped:
            return None
        extra = sorted(k for k in include if k != INCLUDE)
        if extra:
            self.issue(
                file,
                (*elems, extra[0]),
                f"an {INCLUDE} stands alone; move {extra[0]!r} into the part file",
            )
            return None
        name = include[INCLUDE]
        where = (*elems, INCLUDE)
        why = _bad_name(name)
        if why:
            self.issue(file, where, why)
            return None
        assert isinstance(name, str)
        target = (file.path.parent / name).resolve()
        if not target.is_relative_to(self.root):
            link = _link_on_the_way(file.path.parent, name, self.root)
            if link is not None:
                at, leads = link
                self.issue(
                    file,
                    where,
                    f"{name!r} goes through {at}, a symbolic link to {leads}, outside the "
                    f"scenario's folder ({self.shown_root}); copy the part into that folder",
                )
            else:
                self.issue(
                    file,
                    where,
                    f"{name!r} is outside the scenario's folder ({self.shown_root}); a part "
                    "must be in that folder or below it",
                )
            return None
        if target in self.stack:
            loop = [*self.stack[self.stack.index(target) :], target]
            shown = " -> ".join(str(p.relative_to(self.root)) for p in loop)
            self.issue(file, where, f"{name!r} includes itself: {shown}")
            return None
        self.count += 1
        if self.count > MAX_PARTS:
            self.issue(file, where, f"more than {MAX_PARTS} includes in one scenario")
            self.stopped = True
            return None
        part = _File(str(self.shown_root / target.relative_to(self.root)), target)
        loaded = self._load(part, file, where, name)
        if loaded is None:
            return None
        content, text = loaded
        self.total += len(text.encode("utf-8"))
        if self.total > MAX_TOTAL_BYTES:
            self.issue(
                file,
                where,
                f"the scenario and its parts come to more than {MAX_TOTAL_BYTES // MIB} MiB",
            )
            self.stopped = True
            return None
        if isinstance(content, dict) and "$schema" in content:
            # A part may name a schema for its editor; the scenario has no place for it.
            content = {k: v for k, v in content.items() if k != "$schema"}
        self.out.texts.setdefault(part.name, text)
        if target not in self.out.parts:
            self.out.parts.append(target)
        return part, content

    def _load(self, part: _File, file: _File, where: Elems, name: str) -> tuple[object, str] | None:
        if part.path not in self.cache:
            self.out.read.append(part.path)
            if part.path.exists() and not part.path.is_dir() and not part.path.is_file():
                # A pipe or a device would block the reader or never end.
                self.issue(file, where, f"{name!r} is not a regular file")
                self.cache[part.path] = None
                return None
            try:
                text = decode_text(read_limited(part.path, MAX_TOTAL_BYTES))
                self.cache[part.path] = (parse_json(text), text)
            except JsonReadError as e:
                self.cache[part.path] = None
                if e.issues and all(i.line is None for i in e.issues):
                    # Missing, a folder, unreadable, too large: said at the include.
                    for i in e.issues:
                        self.issue(file, where, f"{name!r}: {i.message}")
                else:
                    for i in e.issues:
                        self.out.issues.append(
                            PartIssue(part.name, i.elems, i.message, i.line, i.column, True)
                        )
                    self.out.texts.setdefault(part.name, "")
        return self.cache[part.path]

    def misplaced(self) -> None:
        """An include left anywhere (inside a card, or a part that is only another include)
        is an error said in its own words, not as an unknown field."""
        doc = self.out.doc
        if not isinstance(doc, dict):
            return
        stack: list[tuple[Elems, object]] = [((k,), v) for k, v in doc.items()]
        while stack:
            elems, node = stack.pop()
            if isinstance(node, dict):
                if INCLUDE in node:
                    file, local = self.out.place(elems)
                    self.out.issues.append(
                        PartIssue(
                            file,
                            (*local, INCLUDE),
                            f"{INCLUDE} cannot stand here: only a whole top-level field or an "
                            "item of a top-level list (a card, an actor, a region…) may be read "
                            "from a part",
                        )
                    )
                stack.extend(((*elems, k), v) for k, v in node.items())
            elif isinstance(node, list):
                stack.extend(((*elems, i), v) for i, v in enumerate(node))


def _link_on_the_way(base: Path, name: str, root: Path) -> tuple[str, Path] | None:
    """The first symbolic link met while following ``name`` from ``base`` that leads out of
    ``root``, as (the path up to it, as the include names it; where it leads), or None."""
    here = base
    named: list[str] = []
    for segment in PurePosixPath(name).parts:
        here = here / segment
        named.append(segment)
        try:
            if here.is_symlink() and not here.resolve().is_relative_to(root):
                return "/".join(named), here.resolve()
        except OSError:
            return None
    return None


def _bad_name(name: object) -> str | None:
    """Why ``name`` cannot be a part's path, or None."""
    if not isinstance(name, str) or not name:
        return f'{INCLUDE} needs a file path such as "cards/famine.json"'
    if len(name) > 260:
        return "the path is longer than 260 characters"
    if "\\" in name:
        return "write the path with / between folders, not \\"
    if name.startswith("/") or _WINDOWS_DRIVE.match(name) or name.startswith("~"):
        return f'{name!r} is not relative: name the part from the scenario\'s folder, like "cards/famine.json"'
    if not name.endswith(".json"):
        return f"{name!r} is not a .json file"
    if any(seg in ("",) for seg in PurePosixPath(name).parts) or "//" in name:
        return f"{name!r} has an empty folder name"
    return None
