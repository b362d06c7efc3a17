"""Regular expressions that cannot run away.

Catalog terms are written by users and run against every sentence of every document, so one
pattern such as ``(a|a)*$`` could stall a run on an unlucky sentence. They are compiled for
RE2 (``compile_user_pattern``), an automaton engine whose time is linear in the text whatever
the pattern: no shape of pattern needs to be recognised as dangerous, and what RE2 cannot run
in linear time (backreferences, lookaround) it refuses to compile, which the catalog reports
with its file and line. A static check can only ever know some of the dangerous shapes.

The project's own patterns run on Python's ``re``, which backtracks; the tests hold them to
``check_linear``, which refuses the shapes that make backtracking super-linear:

- a quantifier (``*``, ``+``, ``{2,}``...) over something that itself holds such a quantifier:
  ``(a+)+``, ``(?:\\w+\\s)*``;
- a quantifier over alternatives that can start with the same character: ``(?:a|ab)*``;
- two quantifiers in a row over overlapping characters: ``\\d+\\d*``, ``.*.*``;
- backreferences, which are not regular at all.

The analysis works on the parse tree of Python's own regex parser, so it sees exactly what
``re`` will run.
"""

from __future__ import annotations

import re
import re._constants as C  # noqa: N812 - the parser's opcodes
import re._parser as sre_parse
import string
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from typing import Protocol, TypeVar

import re2

# First characters are compared on a sample alphabet: exact for ASCII, and a few letters the
# domain uses (accented Spanish names, typographic quotes and dashes).
_ALPHABET = frozenset(string.printable + "áéíóúñÁÉÍÓÚÑüÜ’‘“”–—")
_REPEATS = (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT)


T = TypeVar("T")


class UnsafePattern(ValueError):
    """The pattern cannot be run in linear time (or at all); the message says why."""


class UserMatch(Protocol):
    def start(self, group: int = 0) -> int: ...
    def end(self, group: int = 0) -> int: ...
    def group(self, group: int = 0) -> str: ...


class UserPattern(Protocol):
    """What the matcher uses of a compiled catalog pattern (``re`` and RE2 objects alike)."""

    pattern: str

    def search(self, text: str, pos: int = ..., endpos: int = ...) -> UserMatch | None: ...
    def finditer(self, text: str, pos: int = ..., endpos: int = ...) -> Iterator[UserMatch]: ...


# RE2 keeps a compiled pattern's automata within this much memory, so that a pattern with
# large counted repetitions ("(?:a?){1000}") is refused when compiled, not run out of memory.
_RE2_MAX_MEM = 8 << 20
# How far past a match a trailing "(?!...)" is looked for: what a lookahead excludes is the
# next word or two ("fentanyl(?!\\s+analog)"), and a bound keeps every test constant-time.
LOOKAHEAD_WINDOW = 100


def _options():
    options = re2.Options()
    options.case_sensitive = False
    options.log_errors = False  # the catalog reports the problem with its file and line
    options.max_mem = _RE2_MAX_MEM
    return options


def _re2(source: str):
    return re2.compile(source, _options())


class PatternSet:
    """Which of many compiled catalog patterns may occur in a text, found in one pass.

    RE2's Set runs all the patterns as one automaton: a sentence is scanned once, where a
    search per pattern pays RE2's start-up cost (encoding the text, mapping offsets) each
    time. ``may_occur`` is never wrong when it says no; it says yes for a pattern it does not
    hold (one with a lookahead guard is held as its main pattern, which finds a superset)."""

    def __init__(self, patterns) -> None:
        self._position: dict[object, int] = {}
        self._set = None
        self._recent: dict[str, frozenset[int]] = {}  # a few texts' answers, kept
        built = re2.Set.SearchSet(_options())
        try:
            for pattern in patterns:
                if pattern in self._position:
                    continue
                main = pattern._main if isinstance(pattern, _GuardedPattern) else pattern
                self._position[pattern] = built.Add(main.pattern)
            built.Compile()
        except re2.error:
            self._position = {}  # too large for one automaton: every pattern may occur
            return
        self._set = built

    def found_in(self, text: str) -> frozenset[int]:
        """The positions of the patterns found somewhere in ``text`` (the last few texts'
        answers are kept: a sentence is asked about once per claim in it)."""
        known = self._recent.get(text)
        if known is None:
            if len(self._recent) >= 16:
                self._recent.clear()
            found = self._set.Match(text) if self._set is not None else None
            known = self._recent[text] = frozenset(found or ())
        return known

    def held(self, patterns) -> frozenset[int]:
        """The positions of those of ``patterns`` the set holds: all of them must be found
        for all the patterns to be."""
        return frozenset(self._position[p] for p in patterns if p in self._position)

    def may_occur(self, pattern: object, found: frozenset[int]) -> bool:
        position = self._position.get(pattern)
        return position is None or position in found


@lru_cache(maxsize=4096)  # as re caches: the same source gives the same (equal) object
def compile_user_pattern(source: str) -> UserPattern:
    """A pattern from a user's catalog, case-insensitive, compiled for RE2 (linear time in the
    text, whatever the pattern); raises UnsafePattern with RE2's reason when it cannot be.

    RE2 has no lookaround. A negative lookahead that ends an alternative ("fentanyl(?!\\s+
    analog)|IMF") is still accepted: its alternative is run by RE2 and the lookahead, also an
    RE2 pattern, is tried at the end of each match found (within LOOKAHEAD_WINDOW characters);
    a match it refuses is skipped whole. Any other lookaround, and backreferences, are refused.
    """
    try:
        return _re2(source)
    except re2.error as exc:
        reason = exc.args[0] if exc.args else exc
    split = _split_trailing_lookaheads(source)
    if split is not None:
        main, guards = split
        try:
            return _GuardedPattern(source, _re2(main), [_re2(g) for g in guards])
        except re2.error as exc:
            reason = exc.args[0] if exc.args else exc
    if isinstance(reason, bytes):
        reason = reason.decode("utf-8", "replace")
    raise UnsafePattern(
        f"RE2, the linear-time engine catalog patterns run on, cannot run it: {reason} "
        "(backreferences and lookaround are not supported, except a negative lookahead "
        "(?!...) at the end of an alternative)"
    )


def _split_trailing_lookaheads(source: str) -> tuple[str, list[str]] | None:
    """``source`` with each top-level "(?!Y)" that ends an alternative replaced by an empty
    named group "(?P<_gK>)" (which tells which alternative matched), and the Ys; None when
    it holds no such lookahead, or lookaround anywhere else."""
    out: list[str] = []
    guards: list[str] = []
    depth = 0
    i = 0
    for kind, j, _end in _tokens(source):
        if kind == "open" and depth == 0 and source.startswith("(?!", j):
            close = _closing_paren(source, j)
            if close is None or (close + 1 < len(source) and source[close + 1] != "|"):
                return None
            out.append(source[i:j] + f"(?P<_g{len(guards)}>)")
            guards.append(source[j + 3 : close])
            i = close + 1
            depth = -1  # skip the lookahead's own tokens up to its closing parenthesis
            skip_to = close
            continue
        if depth == -1:
            if j >= skip_to:
                depth = 0
            continue
        if kind == "open":
            if source.startswith(("(?=", "(?!", "(?<=", "(?<!"), j):
                return None
            depth += 1
        elif kind == "close":
            depth -= 1
    if not guards or any("(?=" in g or "(?!" in g or "(?<" in g for g in guards):
        return None
    out.append(source[i:])
    return "".join(out), guards


def _tokens(source: str):
    """(kind, start, end) of each token of a pattern: "open" and "close" parentheses,
    "escape" (a backslash and its character), "class" ([...]) and "char"."""
    i, n = 0, len(source)
    while i < n:
        c = source[i]
        if c == "\\":
            yield "escape", i, min(i + 2, n)
            i += 2
        elif c == "[":
            j = i + 1
            if j < n and source[j] == "^":
                j += 1
            if j < n and source[j] == "]":
                j += 1  # "[]a]": a leading "]" is a member
            while j < n and source[j] != "]":
                j += 2 if source[j] == "\\" else 1
            yield "class", i, min(j + 1, n)
            i = j + 1
        elif c == "(":
            yield "open", i, i + 1
            i += 1
        elif c == ")":
            yield "close", i, i + 1
            i += 1
        else:
            yield "char", i, i + 1
            i += 1


def _closing_paren(source: str, start: int) -> int | None:
    depth = 0
    for kind, j, _ in _tokens(source[start:]):
        if kind == "open":
            depth += 1
        elif kind == "close":
            depth -= 1
            if depth == 0:
                return start + j
    return None


class _GuardedPattern:
    """An RE2 pattern whose alternatives may each end in a negative lookahead (see
    ``compile_user_pattern``). Matches are RE2's; each search resumes after the last match
    tried, so a scan of the text stays linear."""

    def __init__(self, source: str, main, guards: list) -> None:
        self.pattern = source
        self._main = main
        self._guards = [(main.groupindex[f"_g{k}"], guard) for k, guard in enumerate(guards)]

    def _refused(self, m, text: str) -> bool:
        end = m.end()
        for group, guard in self._guards:
            if m.start(group) != -1:  # this alternative matched: its lookahead applies
                return guard.match(text, end, min(len(text), end + LOOKAHEAD_WINDOW)) is not None
        return False

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None):
        endpos = len(text) if endpos is None else endpos
        for m in self._main.finditer(text, pos, endpos):
            if not self._refused(m, text):
                yield m

    def search(self, text: str, pos: int = 0, endpos: int | None = None):
        return next(self.finditer(text, pos, endpos), None)

    def __reduce__(self):  # pickled for --jobs worker processes: compiled again there
        return compile_user_pattern, (self.pattern,)


def check_linear(pattern: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """Compile ``pattern`` or raise ``re.error`` (invalid) / ``UnsafePattern`` (not linear)."""
    compiled = re.compile(pattern, flags)
    tree = sre_parse.parse(pattern, flags)
    _check_sequence(list(tree), ignorecase=bool(flags & re.IGNORECASE))
    return compiled


def _check_sequence(items: list, ignorecase: bool) -> None:
    previous: tuple | None = None
    for item in items:
        op, av = item
        if op in _REPEATS:
            _check_repeat(av, ignorecase)
            if previous is not None and _is_unbounded(previous) and _is_unbounded(item):
                a = _single_char_set(previous[1][2], ignorecase)
                b = _single_char_set(av[2], ignorecase)
                if a is not None and b is not None and a & b:
                    raise UnsafePattern(
                        "two quantifiers in a row repeat the same characters "
                        "(like \\d+\\d*); merge them into one"
                    )
        for child in _children(op, av):
            _check_sequence(child, ignorecase)
        previous = item


def _check_repeat(av: tuple, ignorecase: bool) -> None:
    _, high, body = av
    if high <= 1:
        return
    body = list(body)
    if _contains_repeat(body):
        raise UnsafePattern(
            "it has a nested quantifier (a repeated group that itself repeats, like (a+)+); "
            "regular expressions must be linear"
        )
    for op, av2 in _flatten_groups(body):
        if op is C.BRANCH:
            starts = [_first_chars(list(alt), ignorecase) for alt in av2[1]]
            seen: set[str] = set()
            for chars in starts:
                if chars & seen:
                    raise UnsafePattern(
                        "a quantifier repeats alternatives that can start with the same "
                        "character (like (a|ab)+); regular expressions must be linear"
                    )
                seen |= chars


def _is_unbounded(item: tuple) -> bool:
    op, av = item
    return op in _REPEATS and av[1] > 1


def _children(op, av) -> Iterable[list]:
    if op in _REPEATS:
        yield list(av[2])
    elif op is C.SUBPATTERN:
        yield list(av[3])
    elif op is C.BRANCH:
        for alternative in av[1]:
            yield list(alternative)
    elif op in (C.ASSERT, C.ASSERT_NOT):
        yield list(av[1])
    elif op is C.ATOMIC_GROUP:
        yield list(av)
    elif op is C.GROUPREF_EXISTS:
        raise UnsafePattern("conditional groups and backreferences are not allowed")
    elif op is C.GROUPREF:
        raise UnsafePattern("backreferences are not allowed")


def _flatten_groups(items: list) -> list:
    """The items of a sequence with plain groups opened up: (?:(a|b)) is a|b."""
    out = []
    for op, av in items:
        if op is C.SUBPATTERN:
            out.extend(_flatten_groups(list(av[3])))
        else:
            out.append((op, av))
    return out


def _contains_repeat(items: list) -> bool:
    for op, av in items:
        if op in _REPEATS and av[1] > 1:
            return True
        for child in _children(op, av):
            if _contains_repeat(child):
                return True
    return False


def _nullable(item: tuple) -> bool:
    op, av = item
    if op in _REPEATS:
        return av[0] == 0 or all(_nullable(i) for i in av[2])
    if op is C.SUBPATTERN:
        return all(_nullable(i) for i in av[3])
    if op is C.BRANCH:
        return any(all(_nullable(i) for i in alt) for alt in av[1])
    return op in (C.AT, C.ASSERT, C.ASSERT_NOT)


def _first_chars(items: list, ignorecase: bool) -> set[str]:
    """The characters a match of this sequence can start with (on the sample alphabet)."""
    chars: set[str] = set()
    for item in items:
        op, av = item
        single = _single_char_set([item], ignorecase)
        if single is not None:
            chars |= single
        elif op in _REPEATS:
            chars |= _first_chars(list(av[2]), ignorecase)
        elif op is C.SUBPATTERN:
            chars |= _first_chars(list(av[3]), ignorecase)
        elif op is C.BRANCH:
            for alternative in av[1]:
                chars |= _first_chars(list(alternative), ignorecase)
        elif op not in (C.AT, C.ASSERT, C.ASSERT_NOT):
            return set(_ALPHABET)  # unknown construct: assume it can start anywhere
        if not _nullable(item):
            break
    return chars


def _single_char_set(items, ignorecase: bool) -> set[str] | None:
    """The set of characters when ``items`` is exactly one character class, else None."""
    items = list(items)
    if len(items) != 1:
        return None
    op, av = items[0]
    if op is C.LITERAL:
        return _case({chr(av)}, ignorecase)
    if op is C.NOT_LITERAL:
        return set(_ALPHABET) - _case({chr(av)}, ignorecase)
    if op is C.ANY:
        return set(_ALPHABET) - {"\n"}
    if op is C.IN:
        return _class_chars(av, ignorecase)
    return None


def _class_chars(items: list, ignorecase: bool) -> set[str]:
    negate = False
    chars: set[str] = set()
    for op, av in items:
        if op is C.NEGATE:
            negate = True
        elif op is C.LITERAL:
            chars |= _case({chr(av)}, ignorecase)
        elif op is C.RANGE:
            low, high = av
            chars |= _case({c for c in _ALPHABET if low <= ord(c) <= high}, ignorecase)
        elif op is C.CATEGORY:
            chars |= {c for c in _ALPHABET if _in_category(c, av)}
        else:
            chars |= set(_ALPHABET)
    return set(_ALPHABET) - chars if negate else chars


def _in_category(char: str, category) -> bool:
    name = str(category)
    if "NOT_DIGIT" in name:
        return not char.isdigit()
    if "DIGIT" in name:
        return char.isdigit()
    if "NOT_SPACE" in name:
        return not char.isspace()
    if "SPACE" in name:
        return char.isspace()
    if "NOT_WORD" in name:
        return not (char.isalnum() or char == "_")
    if "WORD" in name:
        return char.isalnum() or char == "_"
    return True


def _case(chars: set[str], ignorecase: bool) -> set[str]:
    if not ignorecase:
        return chars
    return chars | {c.lower() for c in chars} | {c.upper() for c in chars}


_BUILT: dict[tuple[int, str], tuple[object, object]] = {}


def built_once(owner: object, what: str, build: Callable[[], T]) -> T:
    """What ``build`` makes for ``owner`` (a catalog, its vocabulary), made once and kept while
    the owner is the one in use (a few owners are kept: tests load many catalogs)."""
    key = (id(owner), what)
    held = _BUILT.get(key)
    if held is None or held[0] is not owner:
        if len(_BUILT) > 16:
            _BUILT.clear()
        held = _BUILT[key] = (owner, build())
    return held[1]  # type: ignore[return-value]


def pattern_set(owner: object, patterns: Callable[[], Iterable[UserPattern]]) -> PatternSet:
    """The PatternSet of ``owner``'s patterns, built once (see ``built_once``)."""
    return built_once(owner, "patterns", lambda: PatternSet(patterns()))
