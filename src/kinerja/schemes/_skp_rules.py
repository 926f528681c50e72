"""SKP of one civil servant and of a unit: predikat, credit points, the distribution of predikat.

* :func:`skp_predikat`: the predikat from the ratings of work results and of
  behaviour (PermenPAN-RB 6/2022, the predikat matrix);
* :func:`skp_credit_points`: credit points = months / 12 × the predikat's
  share × the position's yearly coefficient (PerBKN 3/2023);
* :func:`skp_distribution`: a unit's predikat counted and, where a rule is
  given for the organisation's own rating, checked against it.

The rules are data (:class:`SkpScheme`, ``presets/skp/skp-2022.toml``); the
whole-office versions are in :mod:`kinerja.batch`.  Docs page *SKP*
(``docs/schemes/skp.md``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

from kinerja.core._input import exact, is_array, to_count, to_decimal
from kinerja.core._notation import format_trace
from kinerja.core._numpy import np
from kinerja.exceptions import InvalidTypeError, InvalidValueError, MissingValueError
from kinerja.schemes._skp import SkpDistribution, SkpScheme, describe_limits, read_rating
from kinerja.schemes._skp_file import skp_scheme

__all__ = ["credit_coefficient", "skp_credit_points", "skp_distribution", "skp_predikat",
           "the_scheme"]


def the_scheme(scheme: Any) -> SkpScheme:
    """*scheme*, or the preset when ``None``; anything else is refused."""
    if scheme is None:
        return skp_scheme()
    if not isinstance(scheme, SkpScheme):
        raise InvalidTypeError(f"expected an SkpScheme, not {type(scheme).__name__}",
                               field="scheme", value=scheme,
                               fix="give kinerja.skp_scheme() or one read with "
                               "kinerja.loads_skp_scheme")
    return scheme


def skp_predikat(hasil_kerja: Any, perilaku: Any, *, scheme: SkpScheme | None = None) -> str:
    r"""Return the predikat of a civil servant from the two ratings (PermenPAN-RB 6/2022).

    Parameters
    ----------
    hasil_kerja, perilaku : str
        The rating of work results and of behaviour: ``"below"``,
        ``"as_expected"`` or ``"above"`` (or ``"di bawah ekspektasi"``,
        ``"sesuai ekspektasi"``, ``"di atas ekspektasi"``).
    scheme : SkpScheme, optional
        The rules; the preset (:func:`kinerja.skp_scheme`) by default.

    Notes
    -----
    ======================  ==================  ===============  ===============
    hasil kerja \ perilaku  below               as expected      above
    ======================  ==================  ===============  ===============
    above                   Kurang/Misconduct   Baik             Sangat Baik
    as expected             Kurang/Misconduct   Baik             Baik
    below                   Sangat Kurang       Butuh Perbaikan  Butuh Perbaikan
    ======================  ==================  ===============  ===============

    Examples
    --------
    >>> import kinerja
    >>> kinerja.skp_predikat("above", "above"), kinerja.skp_predikat("as_expected", "above")
    ('Sangat Baik', 'Baik')
    >>> kinerja.skp_predikat("di bawah ekspektasi", "Sesuai Ekspektasi")
    'Butuh Perbaikan'
    """
    rules = the_scheme(scheme)
    return rules.predikat[read_rating(hasil_kerja, field="hasil_kerja")][
        read_rating(perilaku, field="perilaku")]


def credit_coefficient(rules: SkpScheme, position: Any, coefficient: Any) -> Decimal:
    """The yearly coefficient: given, or the position's in *rules* (exactly one of the two)."""
    if (position is None) == (coefficient is None):
        raise InvalidValueError("give either the position or its coefficient",
                                field="position", fix="position='Ahli Muda' or coefficient=25")
    if coefficient is not None:
        number = to_decimal(coefficient, field="coefficient")
        if number <= 0:
            raise InvalidValueError("a coefficient is positive", field="coefficient",
                                    value=coefficient,
                                    fix="give a coefficient above 0, e.g. coefficient=25")
        return number
    if not isinstance(position, str) or position not in rules.coefficients:
        raise InvalidValueError(f"no coefficient for this position in {rules.label}",
                                field="position", value=position,
                                fix="use one of " + ", ".join(rules.coefficients)
                                + ", or give coefficient=")
    return rules.coefficients[position]


def skp_credit_points(predikat: Any, *, position: str | None = None, coefficient: Any = None,
                      months: int = 12, scheme: SkpScheme | None = None) -> Decimal:
    """Return the credit points (angka kredit) a predikat earns (PerBKN 3/2023).

    Parameters
    ----------
    predikat : str
        The predikat (``"Baik"``, ``"Kurang"`` for Kurang/Misconduct, ...).
    position : str, optional
        The position (jenjang jabatan) whose yearly coefficient applies:
        ``"Ahli Pertama"``, ``"Ahli Muda"``, ``"Ahli Madya"``, ``"Ahli Utama"``.
    coefficient : number, optional
        The yearly coefficient itself, for a position the scheme does not list.
    months : int, default 12
        The months the predikat covers (1–12): pro rata.
    scheme : SkpScheme, optional
        The rules; the preset by default.

    Returns
    -------
    Decimal
        Exact; reports print 2 decimals (:func:`kinerja.round_half_up`).

    Notes
    -----
    AK = months / 12 × share / 100 × coefficient, with the share of
    the predikat (Sangat Baik 150, Baik 100, Butuh Perbaikan 75,
    Kurang/Misconduct 50, Sangat Kurang 25 %) and the coefficient of the
    position (Ahli Pertama 12,5, Ahli Muda 25, Ahli Madya 37,5, Ahli Utama
    50), PerBKN 3/2023.

    Examples
    --------
    >>> import kinerja
    >>> kinerja.skp_credit_points("Sangat Baik", position="Ahli Pertama")
    Decimal('18.75')
    >>> points = kinerja.skp_credit_points("Baik", position="Ahli Pertama", months=2)
    >>> kinerja.round_half_up(points, 6), kinerja.round_half_up(points)
    (Decimal('2.083333'), Decimal('2.08'))
    """
    rules = the_scheme(scheme)
    name = rules.find_predikat(predikat)
    number = credit_coefficient(rules, position, coefficient)
    count = to_count(months, field="months", minimum=1, maximum=12)
    with exact():
        return count * rules.credit_percent[name] * number / 1200


def skp_distribution(predikat: Iterable[Any], *, organisation: str | None = None,
                     scheme: SkpScheme | None = None) -> SkpDistribution:
    """Count a unit's predikat and check them against the rule for the organisation's rating.

    Parameters
    ----------
    predikat : iterable of str
        Every employee's predikat (a list, an array or a pandas column).
    organisation : str, optional
        The organisation's own rating (predikat kinerja organisasi).  When
        the scheme has a distribution rule for it, the shares are checked
        against its limits; otherwise the result is the table only.
    scheme : SkpScheme, optional
        The rules; the preset (which has no distribution rule) by default.

    Notes
    -----
    Share of a predikat = its count / the number of employees × 100
    (exact).  PermenPAN-RB 6/2022 ties the distribution of predikat to the
    organisation's rating; kinerja knows no numbers for it, so a rule is
    data the user supplies (``[distribution]`` in the SKP file).

    Examples
    --------
    >>> import kinerja
    >>> table = kinerja.skp_distribution(["Baik", "Baik", "Sangat Baik", "Butuh Perbaikan"])
    >>> table.counts["Baik"], table.shares["Sangat Baik"], table.has_rule
    (2, Decimal('25'), False)
    """
    rules = the_scheme(scheme)
    values = _sequence(predikat)
    counts = dict.fromkeys(rules.predikats, 0)
    for index, value in enumerate(values):
        if value is None:
            raise MissingValueError("a predikat is missing", field=f"predikat[{index}]",
                                    fix="give every employee's predikat")
        counts[rules.find_predikat(value, field=f"predikat[{index}]")] += 1
    if not values:
        raise MissingValueError("no predikat given", field="predikat",
                                fix="give every employee's predikat")
    if organisation is not None and not isinstance(organisation, str):
        raise InvalidTypeError("an organisation's rating is text", field="organisation",
                               value=organisation,
                               fix="write the organisation's rating as text, e.g. 'Baik'")
    limits: Mapping[str, tuple[Decimal | None, Decimal | None]] = (
        rules.distribution.get(organisation, {}) if organisation is not None else {})
    breaches = []
    total = len(values)
    for name, (low, high) in limits.items():
        with exact():
            share = Decimal(counts[name]) * 100 / total
        if (low is not None and share < low) or (high is not None and share > high):
            breaches.append(f"{name}: {counts[name]} of {total} = {format_trace(share)} %, "
                            f"outside the limit {describe_limits(name, (low, high))} for "
                            f"{organisation}")
    return SkpDistribution(counts=counts, organisation=organisation, limits=limits,
                           breaches=breaches)


def _sequence(value: Any) -> list[Any]:
    if isinstance(value, str) or value is None:
        raise InvalidTypeError("give a list of predikat, one per employee", field="predikat",
                               value=value,
                               fix="give e.g. ['Baik', 'Sangat Baik'], one per employee")
    if is_array(value) and not isinstance(value, list):
        array = np.ma.asarray(value.to_numpy() if hasattr(value, "to_numpy") else value)
        if np.ma.is_masked(array):
            raise MissingValueError("a predikat is missing", field="predikat",
                                    fix="give every employee's predikat")
        items: list[Any] = np.ma.getdata(array).ravel().tolist()
        return items
    if not isinstance(value, Iterable):
        raise InvalidTypeError("give a list of predikat, one per employee", field="predikat",
                               value=value,
                               fix="give e.g. ['Baik', 'Sangat Baik'], one per employee")
    return list(value)
