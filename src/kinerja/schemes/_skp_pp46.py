"""SKP capaian under PP 46/2011 with Perka BKN 1/2013: kuantitas, kualitas, waktu, biaya.

Older reports still print the SKP achievement of PP 46/2011, computed by the
rules of Perka BKN 1/2013:

* kuantitas = RO / TO × 100; kualitas = RK / TK × 100;
* waktu (and biaya alike): efficiency = 100 − RW / TW × 100; when it is at
  most 24 %, (1,76 × TW − RW) / TW × 100, else 76 − ((1,76 × TW − RW) / TW ×
  100 − 100);
* capaian = the mean of the three aspects, or four with biaya;
* bands: 91 and above Sangat Baik, 76–90 Baik, 61–75 Cukup, 51–60 Kurang,
  50 and below Buruk.

Each formula is written once (:func:`pp46_figures`, against
:class:`~kinerja.core._ops.Ops`) for one employee (:func:`skp_capaian_pp46`)
and for a whole office (:func:`kinerja.batch.skp_capaians`).  The worked
example of Perka BKN 1/2013 (aspects 100, 90, 76, 76 → 85,50) is in the docs
page *SKP* (``docs/schemes/skp.md``).
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any, Literal, TypeAlias

import attrs

from kinerja.core._frozen import FrozenMap, freeze
from kinerja.core._input import FloatArray, exact, to_decimal
from kinerja.core._notation import format_number, format_trace
from kinerja.core._numpy import np
from kinerja.core._ops import SCALAR, Ops
from kinerja.core._options import check_choice
from kinerja.core._rounding import round_half_up
from kinerja.core._validators import checked
from kinerja.exceptions import InvalidValueError, UndefinedRatioError

if TYPE_CHECKING:
    import numpy.typing as npt

__all__ = ["ASPECTS", "GAP_POLICIES", "PP46_BANDS", "GapPolicy", "SkpCapaian",
           "pp46_categories", "pp46_figures", "skp_capaian_pp46"]

GapPolicy: TypeAlias = Literal["raise", "lower", "upper"]
#: What a score between two printed bands (90,5: between Baik 76–90 and Sangat Baik 91–)
#: is: an error (``"raise"``), the band below (``"lower"``) or the band above (``"upper"``).
GAP_POLICIES: tuple[str, ...] = ("raise", "lower", "upper")
#: The bands of Perka BKN 1/2013, best first: (category, lowest, highest) as printed.
PP46_BANDS: tuple[tuple[str, int | None, int | None], ...] = (
    ("Sangat Baik", 91, None), ("Baik", 76, 90), ("Cukup", 61, 75), ("Kurang", 51, 60),
    ("Buruk", None, 50))
#: The aspects, in the order of the form.
ASPECTS: tuple[str, ...] = ("kuantitas", "kualitas", "waktu", "biaya")
#: The efficiency rule of Perka BKN 1/2013.
FACTOR = Decimal("1.76")
THRESHOLD = Decimal(24)
BASE = Decimal(76)
PLACES = 2


def efficiency_score(ops: Ops, realized: Any, target: Any) -> tuple[Any, Any]:
    """(score, efficiency) of the waktu or biaya aspect, for either number kind."""
    efficiency = 100 - realized * 100 / target
    base = (target * ops.const(FACTOR) - realized) * 100 / target
    return ops.where(efficiency <= ops.const(THRESHOLD), base,
                     ops.const(BASE) - (base - 100)), efficiency


def pp46_figures(ops: Ops, ro: Any, to: Any, rk: Any, tk: Any, rw: Any, tw: Any, rb: Any,
                 tb: Any, cost: Any) -> dict[str, Any]:
    """Every figure of the capaian: the aspects, the capaian and the two efficiencies.

    *cost* says (per row) whether biaya is an aspect; where it is not, *rb*
    and *tb* are ignored (give any positive filler).
    """
    zero = ops.const(0)
    waktu, waktu_efficiency = efficiency_score(ops, rw, tw)
    biaya, biaya_efficiency = efficiency_score(ops, rb, tb)
    figures = {"kuantitas": ro * 100 / to, "kualitas": rk * 100 / tk, "waktu": waktu,
               "biaya": ops.where(cost, biaya, zero)}
    figures["capaian"] = (figures["kuantitas"] + figures["kualitas"] + waktu
                          + figures["biaya"]) / ops.where(cost, ops.const(4), ops.const(3))
    figures["waktu_efficiency"] = waktu_efficiency
    figures["biaya_efficiency"] = ops.where(cost, biaya_efficiency, ops.const(100))
    return figures


def pp46_categories(presented: FloatArray, gaps: GapPolicy) -> tuple[npt.NDArray[np.str_],
                                                                     npt.NDArray[np.bool_]]:
    """The category of each presented (2-decimal) capaian, and where it fell in a gap.

    A gap score takes the band below (``"lower"``) or above (``"upper"``);
    under ``"raise"`` its category is empty and the caller raises.

    >>> names, gap = pp46_categories(np.array([85.5, 90.5, 91.0, 50.0]), "lower")
    >>> names.tolist(), gap.tolist()
    (['Baik', 'Baik', 'Sangat Baik', 'Buruk'], [False, True, False, False])
    """
    names = np.full(np.shape(presented), "", dtype="<U11")
    for category, low, high in PP46_BANDS:
        inside = np.ones(np.shape(presented), dtype=bool)
        if low is not None:
            inside &= presented >= low
        if high is not None:
            inside &= presented <= high
        names[inside] = category
    gap = names == ""
    if gaps == "lower":
        for category, _, high in PP46_BANDS:  # best first: the first band ending below
            names[gap & (names == "") & (high is not None) & (presented > (high or 0))] = \
                category
    elif gaps == "upper":
        for category, low, _ in reversed(PP46_BANDS):  # worst first: the first starting above
            names[gap & (names == "") & (low is not None) & (presented < (low or 0))] = \
                category
    return names, gap


def gap_error(where: str, value: Any) -> InvalidValueError:
    """The error for a capaian between two bands under ``gaps="raise"``."""
    return InvalidValueError(
        f"the capaian falls between two bands of Perka BKN 1/2013 (76–90, 91–, ...){where}",
        field="gaps", value=value,
        fix="name the policy: gaps='lower' (the band below) or gaps='upper' (the band above)")


def _aspects(value: dict[str, Decimal]) -> FrozenMap[str, Decimal]:
    return freeze(value)


def _lines(value: Any) -> tuple[str, ...]:
    return tuple(value)


@checked
@attrs.frozen(kw_only=True)
class SkpCapaian:
    """An SKP achievement under PP 46/2011 and Perka BKN 1/2013, and how it was obtained.

    Attributes
    ----------
    aspects : FrozenMap of str to Decimal
        kuantitas, kualitas, waktu and (when assessed) biaya, exact.
    capaian : Decimal
        The mean of the aspects, exact.
    category : str
        Sangat Baik, Baik, Cukup, Kurang or Buruk, judged on the capaian
        rounded half up to 2 places.
    lines : tuple of str
        The derivation, one line per figure.

    >>> import kinerja
    >>> kinerja.skp_capaian_pp46(ro=10, to=10, rk=90, tk=100, rw=12, tw=12,
    ...                          rb=5_000_000, tb=5_000_000).presented
    Decimal('85.50')
    """

    aspects: FrozenMap[str, Decimal] = attrs.field(converter=_aspects)
    capaian: Decimal
    category: str
    lines: tuple[str, ...] = attrs.field(converter=_lines, repr=False)

    @property
    def presented(self) -> Decimal:
        """The capaian as printed: rounded half up to 2 places."""
        return round_half_up(self.capaian, PLACES)

    def explain(self) -> str:
        """The derivation, one line per figure."""
        return "\n".join(self.lines)


def _read(value: Any, field: str, *, positive: bool = False) -> Decimal:
    number = to_decimal(value, field=field)
    if number < 0:
        raise InvalidValueError("must not be negative", field=field, value=value,
                                fix="give the figure as 0 or more")
    if positive and number == 0:
        raise UndefinedRatioError("a target of 0 leaves the aspect undefined", field=field,
                                  value=value, fix="give the target of the SKP form")
    return number


def skp_capaian_pp46(*, ro: Any, to: Any, rk: Any, tk: Any, rw: Any, tw: Any,
                     rb: Any = None, tb: Any = None, gaps: GapPolicy = "raise") -> SkpCapaian:
    """Return the SKP capaian of PP 46/2011 (Perka BKN 1/2013) from the form's figures.

    Parameters
    ----------
    ro, to : number
        Realized and target output (kuantitas).
    rk, tk : number
        Realized and target quality (kualitas), usually of 100.
    rw, tw : number
        Realized and target time (waktu), e.g. in months.
    rb, tb : number, optional
        Realized and target cost (biaya); both or neither.  Without them the
        capaian is the mean of three aspects.
    gaps : {"raise", "lower", "upper"}, default "raise"
        The bands are printed as whole numbers (76–90, 91–): a capaian
        such as 90,50 lies between two.  ``"raise"``: an error naming this
        option; ``"lower"``: the band below; ``"upper"``: the band above.

    Returns
    -------
    SkpCapaian

    Notes
    -----
    kuantitas = RO / TO × 100; kualitas = RK / TK × 100; for waktu (and
    biaya alike) efficiency = 100 − RW / TW × 100, and the aspect is
    (1,76 × TW − RW) / TW × 100 when the efficiency is at most 24 %, else
    76 − ((1,76 × TW − RW) / TW × 100 − 100); capaian = mean of the aspects
    (Perka BKN 1/2013, implementing PP 46/2011).  The category is judged on
    the capaian rounded half up to 2 places: 91 and above Sangat Baik, 76–90
    Baik, 61–75 Cukup, 51–60 Kurang, 50 and below Buruk.  A time or cost
    above 1,76 times its target gives a negative aspect: kinerja does not
    floor it.

    Examples
    --------
    The worked example of Perka BKN 1/2013 (aspects 100, 90, 76, 76):

    >>> import kinerja
    >>> result = kinerja.skp_capaian_pp46(ro=10, to=10, rk=90, tk=100, rw=12, tw=12,
    ...                                   rb=5_000_000, tb=5_000_000)
    >>> result.capaian, result.presented, result.category
    (Decimal('85.50'), Decimal('85.50'), 'Baik')
    >>> print(result.explain())
    kuantitas = RO / TO × 100 = 10 / 10 × 100 = 100
    kualitas = RK / TK × 100 = 90 / 100 × 100 = 90
    waktu: efficiency = 100 − 12 / 12 × 100 = 0 % ≤ 24 % → (1,76 × 12 − 12) / 12 × 100 = 76
    biaya: efficiency = 100 − 5.000.000 / 5.000.000 × 100 = 0 % ≤ 24 % → (1,76 × 5.000.000 − \
5.000.000) / 5.000.000 × 100 = 76
    capaian = (100 + 90 + 76 + 76) / 4 = 85,5
    category Baik: 76 ≤ 85,50 ≤ 90 (Perka BKN 1/2013)
    """
    check_choice(gaps, GAP_POLICIES, "gaps", what="gap policy")
    if (rb is None) != (tb is None):
        raise InvalidValueError("give both the realized and the target cost, or neither",
                                field="rb" if rb is None else "tb", value=None,
                                fix="rb= and tb= together (biaya), or leave both out")
    cost = rb is not None
    values = {"ro": _read(ro, "ro"), "to": _read(to, "to", positive=True),
              "rk": _read(rk, "rk"), "tk": _read(tk, "tk", positive=True),
              "rw": _read(rw, "rw"), "tw": _read(tw, "tw", positive=True),
              "rb": _read(rb, "rb") if cost else Decimal(1),
              "tb": _read(tb, "tb", positive=True) if cost else Decimal(1)}
    with exact():
        figures = pp46_figures(SCALAR, cost=cost, **values)
    names = ASPECTS if cost else ASPECTS[:3]
    aspects = {name: figures[name] for name in names}
    capaian = figures["capaian"]
    presented = round_half_up(capaian, PLACES)
    categories, gap = pp46_categories(np.array([float(presented)]), gaps)
    if gap[0] and gaps == "raise":
        raise gap_error("", presented)
    category = str(categories[0])
    lines = _derivation(values, figures, names, cost)
    lines.append(f"category {category}: {_band_text(category, presented, bool(gap[0]), gaps)}")
    return SkpCapaian(aspects=aspects, capaian=capaian, category=category, lines=lines)


def _derivation(values: dict[str, Decimal], figures: dict[str, Any], names: tuple[str, ...],
                cost: bool) -> list[str]:
    t = format_trace
    v = values
    lines = [f"kuantitas = RO / TO × 100 = {t(v['ro'])} / {t(v['to'])} × 100 = "
             f"{t(figures['kuantitas'])}",
             f"kualitas = RK / TK × 100 = {t(v['rk'])} / {t(v['tk'])} × 100 = "
             f"{t(figures['kualitas'])}"]
    for aspect, (realized, target) in (("waktu", ("rw", "tw")), ("biaya", ("rb", "tb"))):
        if aspect == "biaya" and not cost:
            continue
        efficiency = figures[f"{aspect}_efficiency"]
        r, tt = t(v[realized]), t(v[target])
        head = f"{aspect}: efficiency = 100 − {r} / {tt} × 100 = {t(efficiency)} %"
        base = f"(1,76 × {tt} − {r}) / {tt} × 100"
        if efficiency <= THRESHOLD:
            lines.append(f"{head} ≤ 24 % → {base} = {t(figures[aspect])}")
        else:
            with exact():
                raw = (v[target] * FACTOR - v[realized]) * 100 / v[target]
            lines.append(f"{head} > 24 % → 76 − ({base} − 100) = 76 − ({t(raw)} − 100) = "
                         f"{t(figures[aspect])}")
    terms = " + ".join(t(figures[name]) for name in names)
    lines.append(f"capaian = ({terms}) / {len(names)} = {t(figures['capaian'])}")
    return lines


def _band_text(category: str, presented: Decimal, gap: bool, gaps: str) -> str:
    shown = format_number(presented, PLACES)
    low, high = next((lo, hi) for name, lo, hi in PP46_BANDS if name == category)
    if gap:
        side = "below" if gaps == "lower" else "above"
        return f"{shown} lies between two bands; gaps='{gaps}' takes the band {side}"
    if low is None:
        return f"{shown} ≤ {high} (Perka BKN 1/2013)"
    if high is None:
        return f"{shown} ≥ {low} (Perka BKN 1/2013)"
    return f"{low} ≤ {shown} ≤ {high} (Perka BKN 1/2013)"
