"""Claims held compactly: repeated strings shared, no value changed."""

import json

from factcheck.compact import share_strings
from factcheck.model import Claim


def _claim(start: int) -> Claim:
    # Through JSON, as the claim cache gives them: every string a copy of its own.
    row = json.loads(json.dumps({
        "doc": "drafts/budget.md", "start": start, "end": start + 3, "line": 1,
        "column": start + 1, "end_line": 1, "end_column": start + 4, "surface": "120",
        "sentence": "The town hired 120 teachers and 45 nurses in 2019.", "value": 120.0,
        "low": None, "high": None, "unit": "count", "qualifier": "exact", "kind": "count",
        "noun": "teachers", "period": "2019", "attribution": ["no measure: 'teachers' names none"],
        "frame": {"sort": "people", "substance": ["none given"]},
    }))  # fmt: skip
    return Claim(**row)


def test_repeated_strings_are_shared_and_values_kept():
    first, second = _claim(15), _claim(30)
    before = [c.to_dict() for c in (first, second)]
    assert first.sentence is not second.sentence
    share_strings([first, second])
    assert [c.to_dict() for c in (first, second)] == before
    assert first.sentence is second.sentence
    assert first.doc is second.doc and first.unit is second.unit
    assert first.attribution[0] is second.attribution[0]
    assert first.frame["substance"][0] is second.frame["substance"][0]
    # Equal frames and attributions are held once (nothing changes them after matching).
    assert first.attribution is second.attribution and first.frame is second.frame


def test_frames_that_differ_in_their_json_are_kept_apart():
    claims = [_claim(start) for start in range(0, 60, 10)]
    frames = [{"sort": "people", "substance": ["none given"]},
              {"substance": ["none given"], "sort": "people"},  # another key order
              {"sort": "people", "substance": "none given"},  # a string, not a list
              {"sort": "people", "hypothetical": True},
              {"sort": "people", "hypothetical": 1},
              {"sort": "people", "hypothetical": -0.0}]  # fmt: skip
    for claim, frame in zip(claims, frames, strict=True):
        claim.frame = frame
    texts = [json.dumps(c.to_dict()) for c in claims]
    share_strings(claims)
    assert [json.dumps(c.to_dict()) for c in claims] == texts
    assert len({id(c.frame) for c in claims}) == len(frames)


def test_equal_numbers_are_held_once_and_zero_keeps_its_sign():
    first, second = _claim(15), _claim(30)
    first.low, first.high = 120.0, 120.0  # equal to the value, each an object of its own
    second.value, second.low = -0.0, 0.0
    first.line, second.line = int("1000"), int("1000")  # two objects, as JSON gives them
    assert first.line is not second.line
    texts = [json.dumps(c.to_dict()) for c in (first, second)]
    share_strings([first, second])
    assert [json.dumps(c.to_dict()) for c in (first, second)] == texts
    assert first.low is first.value and first.high is first.value
    assert first.line is second.line
    assert str(second.value) == "-0.0" and str(second.low) == "0.0"


def test_a_final_claim_makes_its_surface_and_id_again_and_reads_the_same():
    claims = [_claim(15), _claim(32)]
    claims[1].surface, claims[1].value = "45", 45.0  # at 32 in the sentence
    claims[1].end = 34
    claims[0].sentence_offset, claims[1].sentence_offset = 15, 32
    before = [(c.to_dict(), c.id, c.end) for c in claims]
    share_strings(claims)
    assert [(c.to_dict(), c.id, c.end) for c in claims] == before
    assert all(c._surface is None and c._rare is None for c in claims)  # neither held


def test_a_surface_or_id_that_cannot_be_made_again_is_kept():
    # A surface not at its offset in the sentence (a table cell's line break read as a
    # space, say), an id given that is not the hash of the place: both kept as given.
    claim = _claim(15)
    claim.sentence_offset = 0  # the sentence does not start with "120"
    claim.id = "c-given"
    share_strings([claim])
    assert claim.surface == "120" and claim.id == "c-given"


def test_moving_a_claims_start_moves_its_whole_span():
    claim = _claim(15)
    claim.start += 100
    assert (claim.start, claim.end) == (115, 118)
    claim.end = 120
    assert (claim.start, claim.end) == (115, 120)
