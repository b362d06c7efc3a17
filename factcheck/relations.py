"""Relations between measures: a tiny, safe expression language evaluated on intervals.

A relation such as ``fentanyl.doses_per_kilogram == 1 kg / fentanyl.lethal_dose`` says how
measures must agree. The text is parsed with Python's ``ast`` (never ``eval``) and only this
grammar is accepted:

    relation := side ("==" | "<=" | ">=") side
    side     := side ("+" | "-" | "*" | "/") side | "-" side | "(" side ")"
              | measure id (dotted names) | number | number unit   (``1 kg``, ``0.5 mg``)

A number followed by a unit word is rewritten to a placeholder before parsing, because
``1 kg`` is not Python syntax; the placeholder then stands for that quantity.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from factcheck.interval import Interval
from factcheck.units import parse_unit

_OPERATORS = {ast.Eq: "==", ast.LtE: "<=", ast.GtE: ">="}
# A number with an optional unit word after it. The unit word must not be followed by a dot,
# which would make it the start of a measure id ("2 fentanyl.x" is an error, not a unit).
_QUANTITY = re.compile(
    r"(?<![\w.])(\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)[ \t]*(?![eE][+-]?\d)([A-Za-z_]\w*)\b(?![ \t]*\.)"
)
_PLACEHOLDER = "__q{}__"


@dataclass(frozen=True)
class Quantity:
    value: float
    unit: str


@dataclass(frozen=True)
class Ref:
    measure: str


@dataclass(frozen=True)
class BinOp:
    op: str  # one of + - * /
    left: Node
    right: Node


@dataclass(frozen=True)
class Neg:
    operand: Node


Node = Quantity | Ref | BinOp | Neg


@dataclass(frozen=True)
class RelationExpr:
    """A parsed relation: ``lhs op rhs`` and the set of measure ids it uses."""

    text: str
    op: str  # "==", "<=" or ">="
    lhs: Node
    rhs: Node
    measures: frozenset[str] = field(default_factory=frozenset)


class RelationSyntaxError(ValueError):
    """The relation text is not in the grammar; the message says what is wrong."""


def parse_relation(expr: str) -> RelationExpr:
    """Parse a relation or raise RelationSyntaxError."""
    quantities: dict[str, Quantity] = {}

    def lift(match: re.Match[str]) -> str:
        unit = match.group(2)
        try:
            parse_unit(unit)
        except ValueError as exc:
            raise RelationSyntaxError(str(exc)) from exc
        name = _PLACEHOLDER.format(len(quantities))
        quantities[name] = Quantity(float(match.group(1)), unit)
        return name

    source = _QUANTITY.sub(lift, expr.strip())
    try:
        tree = ast.parse(source, mode="eval")
    except SyntaxError as exc:
        raise RelationSyntaxError(f"'{expr}' is not a valid relation ({exc.msg})") from None
    body = tree.body
    if not isinstance(body, ast.Compare) or len(body.ops) != 1:
        raise RelationSyntaxError(
            f"'{expr}' must be one comparison: left == right, left <= right or left >= right"
        )
    op = _OPERATORS.get(type(body.ops[0]))
    if op is None:
        raise RelationSyntaxError(f"'{expr}': only ==, <= and >= compare the two sides")
    measures: set[str] = set()
    lhs = _convert(body.left, quantities, measures, expr)
    rhs = _convert(body.comparators[0], quantities, measures, expr)
    return RelationExpr(expr, op, lhs, rhs, frozenset(measures))


def _convert(node: ast.AST, quantities: Mapping[str, Quantity], measures: set[str], expr: str):
    if isinstance(node, ast.BinOp):
        ops = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/"}
        op = ops.get(type(node.op))
        if op is None:
            raise RelationSyntaxError(f"'{expr}': only + - * / are allowed")
        left = _convert(node.left, quantities, measures, expr)
        right = _convert(node.right, quantities, measures, expr)
        return BinOp(op, left, right)
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
        operand = _convert(node.operand, quantities, measures, expr)
        return Neg(operand) if isinstance(node.op, ast.USub) else operand
    if isinstance(node, ast.Constant) and type(node.value) in (int, float):
        return Quantity(float(node.value), "dimensionless")
    if isinstance(node, ast.Name) and node.id in quantities:
        return quantities[node.id]
    name = _dotted_name(node)
    if name is not None:
        measures.add(name)
        return Ref(name)
    raise RelationSyntaxError(
        f"'{expr}': only measure ids, numbers (with a unit), + - * / and parentheses are allowed"
    )


def _dotted_name(node: ast.AST) -> str | None:
    parts: list[str] = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
        # Measure ids are lowercase words; "__class__" and friends are never one.
        if all(part[:1].isalpha() for part in parts):
            return ".".join(reversed(parts))
    return None


def evaluate(expr: RelationExpr, values: Mapping[str, Interval]) -> tuple[Interval, Interval]:
    """Both sides of the relation as intervals. ``values`` maps every measure id the relation
    uses to an interval; a missing one raises KeyError naming it."""
    return evaluate_side(expr.lhs, values), evaluate_side(expr.rhs, values)


def holds(expr: RelationExpr, lhs: Interval, rhs: Interval) -> bool:
    """Whether some values in the two intervals satisfy the comparison (the relation is
    consistent with what the text asserts)."""
    rhs = rhs.to(lhs.unit)
    if expr.op == "==":
        return lhs.overlaps(rhs)
    if expr.op == "<=":
        return lhs.low <= rhs.high
    return lhs.high >= rhs.low


def evaluate_side(node: Node, values: Mapping[str, Interval]) -> Interval:
    """One side of a relation (``expr.lhs`` or ``expr.rhs``) as an interval."""
    if isinstance(node, Quantity):
        return Interval.point(node.value, node.unit)
    if isinstance(node, Ref):
        if node.measure not in values:
            raise KeyError(node.measure)
        return values[node.measure]
    if isinstance(node, Neg):
        return -evaluate_side(node.operand, values)
    left, right = evaluate_side(node.left, values), evaluate_side(node.right, values)
    if node.op == "+":
        return left + right
    if node.op == "-":
        return left - right
    if node.op == "*":
        return left * right
    return left / right
