"""The achievement of one indicator-year, with everything needed to explain it."""

from __future__ import annotations

import enum
from decimal import Decimal

import attrs

from kinerja.core._hooks import html_of
from kinerja.core._l10n import has_text, label, text
from kinerja.core._notation import format_number, format_plain, format_significant
from kinerja.core._options import Lang, check_lang
from kinerja.core._polarity import Polarity
from kinerja.core._rounding import round_half_up, significant_places
from kinerja.core._sentinels import NOT_APPLICABLE, NOT_STATED, NotApplicable, NotStated
from kinerja.core._validators import checked
from kinerja.exceptions import InvalidTypeError, InvalidValueError, KinerjaError
from kinerja.indicators._achievement import AchievementPolicy, formula_used
from kinerja.indicators._figures import Realization, Target
from kinerja.indicators._formulas import Formula
from kinerja.indicators._indicator import Indicator

__all__ = ["AchievementResult", "Status", "assess"]


class Status(enum.Enum):
    """How an indicator-year stands.

    >>> Status.MET.indonesian
    'tercapai'
    """

    MET = "met"
    NOT_MET = "not met"
    MISSING = "missing"
    NOT_APPLICABLE = "not applicable"
    NOT_STATED = "not stated"

    @property
    def indonesian(self) -> str:
        """The status in Indonesian, for tables."""
        return self.label("id")

    def label(self, lang: Lang) -> str:
        """The status in *lang* (from the catalogs, :mod:`kinerja.core._l10n`).

        >>> Status.NOT_MET.label("en"), Status.NOT_MET.label("id")
        ('not met', 'tidak tercapai')
        """
        return label(self, check_lang(lang))


@checked
@attrs.frozen(kw_only=True)
class AchievementResult:
    """The achievement of one indicator in one year, raw and capped, with its derivation.

    Build it with :func:`assess`.  ``raw`` and ``capped`` are exact Decimals
    (``None`` when the realization is missing or the indicator does not apply);
    ``capped`` equals ``raw`` when the policy has no cap.

    Examples
    --------
    >>> import kinerja
    >>> indicator = kinerja.Indicator(code="IKK-1.3", name="Klien anak terpenuhi hak pendidikan",
    ...                               level="IKK", unit="%")
    >>> result = kinerja.assess(
    ...     indicator,
    ...     kinerja.Target(year=2023, value=35),
    ...     kinerja.Realization(year=2023, numerator=15, denominator=17),
    ...     policy=kinerja.AchievementPolicy(cap=kinerja.CAP_120),
    ... )
    >>> result.status, kinerja.round_half_up(result.raw), result.capped
    (<Status.MET: 'met'>, Decimal('252.10'), Decimal('120'))
    >>> print(result.explain())
    IKK-1.3 2023: capaian 252,10 % = R / T × 100 dengan R = 88,24 % (15 / 17), T = 35 %; \
dikonversi paling tinggi 120 % → 120,00 %; tercapai [PermenPAN-RB 53/2014 (LKjIP) dan \
PermenPAN-RB 8/2021, “kondisi normal”: R / T × 100 (dokumentasi kinerja: \
“Achievement (capaian kinerja)” › “Higher is better”)]
    >>> print(result.explain("en"))
    IKK-1.3 2023: achievement 252.10 % = R / T × 100 with R = 88.24 % (15 / 17), T = 35 %; \
capped at 120 % → 120.00 %; met [PermenPAN-RB 53/2014 (LKjIP) and PermenPAN-RB 8/2021, \
“kondisi normal”: R / T × 100 (kinerja docs: “Achievement (capaian kinerja)” › \
“Higher is better”)]
    """

    indicator: Indicator
    year: int
    target: Target | None
    realization: Realization | None
    raw: Decimal | None
    capped: Decimal | None
    status: Status
    formula: Formula | None
    policy: AchievementPolicy

    def __repr__(self) -> str:
        figure = ("" if self.raw is None or self.capped is None else
                  f", raw {format_plain(self.raw, 2)} %, capped {format_plain(self.capped, 2)} %")
        return (f"AchievementResult({self.indicator.code} {self.year}{figure}, "
                f"{self.status.value})")

    def _repr_html_(self) -> str:
        return html_of(self)

    @property
    def value(self) -> Decimal | None:
        """The reported achievement: the capped one."""
        return self.capped

    def explain(self, lang: Lang = "id") -> str:
        """One line saying how the figure was obtained, with the rule's source, in *lang*.

        Every word comes from the catalogs (:mod:`kinerja.core._l10n`) and every
        number is written in the language's notation: Indonesian by default,
        ``lang="en"`` for English.
        """
        lang = check_lang(lang)
        head = f"{self.indicator.code} {self.year}"
        if self.status is Status.NOT_APPLICABLE:
            return text("explain.not_applicable", lang, head=head)
        if self.status is Status.NOT_STATED:
            what = "target" if self.target is None else "realization"
            return text("explain.not_stated", lang, head=head,
                        what=text(f"explain.{what}", lang))
        if self.status is Status.MISSING:
            reason = self.realization.note if self.realization else None
            note = f" ({reason})" if reason else ""
            return text("explain.missing", lang, head=head, note=note)
        assert self.raw is not None and self.capped is not None
        assert self.formula is not None and self.target is not None
        assert self.realization is not None and self.realization.value is not None
        unit = self.indicator.unit.suffix
        counts = (f" ({self.realization.numerator} / {self.realization.denominator})"
                  if self.realization.has_counts else "")
        low, high = self.target.bounds
        target = format_significant(low, notation=lang)
        if low != high:
            target += "–" + format_significant(high, notation=lang)
        real = self.realization.value
        shown = format_number(real, 2 if counts else significant_places(real), notation=lang)
        # Show enough decimals that the figure does not contradict the status
        # (99.996 % is "not met": not "100,00 %").
        places = 2 if (round_half_up(self.raw, 2) >= 100) == (self.raw >= 100) else 6
        line = text("explain.figure", lang, head=head,
                    raw=format_number(self.raw, places, notation=lang),
                    formula=self.formula.expression, r=shown + unit, counts=counts,
                    t=target + unit)
        if self.indicator.polarity is Polarity.LOWER_IS_BETTER:
            line += text("explain.lower", lang)
        if self.policy.floor is not None:
            line += text("explain.floor", lang, floor=self.policy.floor)
        cap = self.policy.cap
        if cap is not None:
            bounds = format_significant(cap.upper, notation=lang)
            if cap.lower is not None:
                bounds = format_significant(cap.lower, notation=lang) + "–" + bounds
            line += text("explain.cap", lang, bounds=bounds,
                         capped=format_number(self.capped, notation=lang))
        key = f"source.formula.{self.formula.key}"
        source = text(key, lang) if has_text(key) else self.formula.source
        return line + text("explain.status", lang, status=self.status, source=source)

def _expect(value: object, kind: type, field: str, fix: str) -> None:
    if not isinstance(value, kind):
        raise InvalidTypeError(f"expected a {kind.__name__}, not {type(value).__name__}",
                               field=field, value=value, fix=f"pass {fix}")


def assess(
    indicator: Indicator,
    target: Target | NotApplicable | NotStated,
    realization: Realization,
    *,
    policy: AchievementPolicy | None = None,
) -> AchievementResult:
    """Compute one indicator-year's achievement and keep how it was obtained.

    Parameters
    ----------
    indicator : Indicator
        Gives the polarity and the unit.
    target : Target, NOT_APPLICABLE or NOT_STATED
        The year's target; :data:`~kinerja.NOT_APPLICABLE` when the indicator
        has no target that year (status "not applicable", not scored);
        :data:`~kinerja.NOT_STATED` when the document does not show it (status
        "not stated", as for a realization the document does not show).
    realization : Realization
        The year's realization; a missing one gives status "missing".
    policy : AchievementPolicy, optional
        Conventions (lower-is-better method, zero target, floor, cap).

    Raises
    ------
    UnitMismatchError
        The target or realization is stated in another unit than the indicator's.
    InvalidValueError
        Target and realization are for different years.

    Examples
    --------
    >>> import kinerja
    >>> anak = kinerja.Indicator(code="IKK-1.2", name="Anak putusan pidana penjara",
    ...                          level="IKK", unit="%", polarity="negatif")
    >>> result = kinerja.assess(anak, kinerja.Target(year=2023, value=55),
    ...                         kinerja.Realization(year=2023, numerator=31, denominator=47))
    >>> kinerja.round_half_up(result.raw), result.status.value
    (Decimal('80.08'), 'not met')
    >>> kinerja.assess(anak, kinerja.NOT_APPLICABLE,
    ...                kinerja.Realization.not_reported(2024)).status.value
    'not applicable'
    """
    _expect(indicator, Indicator, "indicator", "kinerja.Indicator(...)")
    if target is not NOT_APPLICABLE and target is not NOT_STATED:
        _expect(target, Target, "target", "kinerja.Target(year=..., value=...) or "
                "kinerja.NOT_APPLICABLE")
    _expect(realization, Realization, "realization", "kinerja.Realization(year=..., value=...)")
    if policy is not None:
        _expect(policy, AchievementPolicy, "policy", "kinerja.AchievementPolicy(...)")
    policy = policy or AchievementPolicy()
    year = realization.year
    if target is NOT_APPLICABLE:
        return AchievementResult(indicator=indicator, year=year, target=None,
                                 realization=realization, raw=None, capped=None,
                                 status=Status.NOT_APPLICABLE, formula=None, policy=policy)
    if target is NOT_STATED or realization.is_not_stated:
        # The document does not show a figure the achievement needs: unknown, not wrong.
        return AchievementResult(indicator=indicator, year=year,
                                 target=target if isinstance(target, Target) else None,
                                 realization=realization, raw=None, capped=None,
                                 status=Status.NOT_STATED, formula=None, policy=policy)
    assert isinstance(target, Target)
    if target.year != realization.year:
        raise InvalidValueError(
            f"target is for {target.year} but realization for {realization.year}",
            field=f"{indicator.code}.realization.year", value=realization.year,
            fix="compare figures of the same year",
        )
    for figure, name in ((target, "target"), (realization, "realization")):
        if figure.unit is not None:
            indicator.unit.check_same(figure.unit, field=f"{indicator.code}.{name}.unit")
    if realization.is_missing:
        return AchievementResult(indicator=indicator, year=year, target=target,
                                 realization=realization, raw=None, capped=None,
                                 status=Status.MISSING, formula=None, policy=policy)
    assert realization.value is not None
    try:
        raw, capped = policy.raw_and_capped(realization.value, target, indicator.polarity)
    except KinerjaError as error:
        # Name the indicator: "IKK-1.2 2023.target" rather than "target".
        raise error.at(f"{indicator.code} {year}.{error.field}") from None
    return AchievementResult(
        indicator=indicator,
        year=year,
        target=target,
        realization=realization,
        raw=raw,
        capped=capped,
        status=Status.MET if raw >= 100 else Status.NOT_MET,
        formula=formula_used(realization.value, target, indicator.polarity, policy),
        policy=policy,
    )
