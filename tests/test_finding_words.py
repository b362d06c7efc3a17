"""A finding worded when read (Finding.word_later) reads as the finding made worded."""

from factcheck.check.findings import claim_ref
from factcheck.model import Claim, Finding

CALLS = []


def _claim(start: int, surface: str) -> Claim:
    return Claim(doc="drafts/harbour.md", start=start, end=start + len(surface), line=3,
                 column=start + 1, end_line=3, end_column=start + 1 + len(surface),
                 surface=surface, sentence="The harbour took 412 ships and 38 ferries.",
                 value=float(surface), low=None, high=None, unit="count", qualifier="exact",
                 kind="count")  # fmt: skip


def _made(claim: Claim, other: Claim, note: str) -> Finding:
    CALLS.append(claim.id)
    return Finding(
        rule="contradiction",
        severity="error",
        message=f"{claim.surface} against {other.surface} ({note})",
        claims=[claim_ref(claim), claim_ref(other)],
        expected=other.surface,
        actual=f"{claim.surface} as written",
        difference=0.5,
        explanation=[f"this claim: {claim.surface}", f"the other: {other.surface}"],
    )


def test_words_made_again_are_the_words_made_at_first():
    first, second = _claim(17, "412"), _claim(31, "38")
    eager = _made(first, second, "a note")
    lazy = _made(first, second, "a note").word_later(_made, first, second, "a note")
    assert lazy.to_dict() == eager.to_dict()
    assert (lazy.message, lazy.explanation, lazy.expected, lazy.actual) == (
        eager.message, eager.explanation, eager.expected, eager.actual)  # fmt: skip
    assert lazy == eager
    assert [dict(c) for c in lazy.claims] == [dict(c) for c in eager.claims]
    assert lazy.claims[1]["surface"] == "38" and lazy.id == eager.id


def test_the_last_finding_worded_is_not_worded_twice_in_a_row():
    first, second = _claim(17, "412"), _claim(31, "38")
    lazy = _made(first, second, "x").word_later(_made, first, second, "x")
    CALLS.clear()
    lazy.message, lazy.explanation, lazy.actual  # noqa: B018
    assert len(CALLS) == 1


def test_a_word_set_after_keeps_the_others():
    first, second = _claim(17, "412"), _claim(31, "38")
    lazy = _made(first, second, "x").word_later(_made, first, second, "x")
    lazy.message = "said otherwise"
    assert lazy.message == "said otherwise"
    assert lazy.explanation == ["this claim: 412", "the other: 38"]
    assert lazy.actual == "412 as written"


def test_plain_dict_claims_are_kept_as_given():
    named = [{"id": "c1", "doc": "a.md", "line": 1, "column": 1}]
    finding = Finding(rule="verified", severity="info", message="m", claims=named)
    assert finding.claims is named


def _made_with_note(claim: Claim, other: Claim, note: str) -> Finding:
    return _made(claim, other, note)


def test_findings_sharing_one_recipe_are_worded_from_their_own_claims():
    from factcheck.model import Recipe

    first, second, third = _claim(17, "412"), _claim(31, "38"), _claim(40, "7")
    recipe = Recipe((_made_with_note, "shared"))
    pairs = [(first, second), (third, first)]
    lazy = [_made(a, b, "shared").word_later_by(recipe) for a, b in pairs]
    assert [f.to_dict() for f in lazy] == [_made(a, b, "shared").to_dict() for a, b in pairs]
    # Reordering a finding's claims (a hook puts the changed draft's first) words it first:
    # its words are those of the claims it was made from.
    words = lazy[0].message
    lazy[0].claims = list(reversed(lazy[0].claims))
    lazy[1].message  # noqa: B018  (another finding worded since)
    assert lazy[0].message == words
    assert [c["surface"] for c in lazy[0].claims] == ["38", "412"]


def test_a_finding_id_reads_as_given():
    first, second = _claim(17, "412"), _claim(31, "38")
    made = _made(first, second, "x")
    assert made.id[0] == "f" and len(made.id) == 13  # held as its number, read as text
    made.id = "f-mine"
    assert made.id == "f-mine"
    made.id = "f0123456789ab"
    assert made.id == "f0123456789ab"
