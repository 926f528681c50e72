"""Budget lines: pagu, realization, blokir and what a line funds (its classification).

Totals by any classification are in :mod:`kinerja.budget._totals`.  The figures
and their sources are stated in the docs page *Budget (anggaran)*
(``docs/budget.md``).
"""

from __future__ import annotations

import enum
from decimal import Decimal
from typing import Any

import attrs

from kinerja.budget._absorption import absorption as absorption_of
from kinerja.core._input import to_rupiah
from kinerja.core._sentinels import NOT_APPLICABLE, NotApplicable
from kinerja.core._validators import checked
from kinerja.core._validators import year as _year_validator
from kinerja.exceptions import InvalidTypeError, InvalidValueError, KinerjaError

__all__ = ["Amounts", "BudgetLine", "SpendingType"]


class SpendingType(enum.Enum):
    """Spending type (jenis belanja): the first two digits of a six-digit account code.

    Examples
    --------
    >>> SpendingType.from_account("521211")
    <SpendingType.BARANG: '52'>
    >>> SpendingType.parse("Belanja Pegawai").indonesian
    'Belanja Pegawai'
    """

    PEGAWAI = "51"
    BARANG = "52"
    MODAL = "53"
    BANSOS = "57"

    @property
    def indonesian(self) -> str:
        """The heading LKjIP tables use: "Belanja Pegawai", "Belanja Barang", ...."""
        return _NAMES[self][0]

    @property
    def english(self) -> str:
        """Personnel, goods, capital or social-aid spending."""
        return _NAMES[self][1]

    @classmethod
    def from_account(cls, account: str) -> SpendingType:
        """Return the spending type of a six-digit account code (its first two digits)."""
        text = str(account).strip()
        if len(text) != 6 or not text.isdigit():
            raise InvalidValueError(
                "an account code has six digits", field="account", value=account,
                fix="give the six-digit account code (akun), e.g. '521211'",
            )
        return cls.parse(text[:2])

    @classmethod
    def parse(cls, text: str | int | SpendingType) -> SpendingType:
        """Read ``"52"``, ``52``, ``"Belanja Barang"``, ``"barang"`` or ``"goods"``."""
        if isinstance(text, SpendingType):
            return text
        key = str(text).strip().lower().removeprefix("belanja ").strip()
        for member, (indonesian, english) in _NAMES.items():
            if key in (member.value, indonesian.lower().removeprefix("belanja "), english):
                return member
        raise InvalidValueError(
            "unknown spending type", field="spending_type", value=text,
            fix="use 51 (pegawai), 52 (barang), 53 (modal) or 57 (bantuan sosial)",
        )


_NAMES = {
    SpendingType.PEGAWAI: ("Belanja Pegawai", "personnel"),
    SpendingType.BARANG: ("Belanja Barang", "goods"),
    SpendingType.MODAL: ("Belanja Modal", "capital"),
    SpendingType.BANSOS: ("Belanja Bantuan Sosial", "social aid"),
}


class Amounts:
    """The figures every pagu/realization pair has: remainder, absorption, pagu minus."""

    pagu: int
    realization: int

    @property
    def remainder(self) -> int:
        """Sisa: pagu − realization (negative when spending exceeds pagu; docs page *Budget*)."""
        return self.pagu - self.realization

    @property
    def absorption(self) -> Decimal | NotApplicable:
        """Penyerapan: realization / pagu × 100, exact; NOT_APPLICABLE when pagu is 0.

        PMK 214/PMK.02/2017; docs page *Budget (anggaran)*.
        """
        if self.pagu == 0:
            return NOT_APPLICABLE
        result: Decimal = absorption_of(self.realization, self.pagu)
        return result

    @property
    def over_pagu(self) -> bool:
        """Whether spending exceeds pagu ("pagu minus"): allowed, but a finding."""
        return self.realization > self.pagu



def _optional_text(value: Any) -> str | None:
    """Text, or a code given as a whole number (``521111``); blank text is None."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise InvalidTypeError("must be text (or a whole-number code)",
                               value=value, fix="give the name or code as text")
    text = str(value).strip()
    return text or None


def _optional_spending_type(value: Any) -> SpendingType | None:
    return None if value is None else SpendingType.parse(value)


@attrs.frozen
class _Unread:
    """An amount the converter could not read, kept for the validator to refuse, located."""

    value: Any


def _amount(value: Any) -> Any:
    """Whole Rupiah as an int (or ``None``); anything else wrapped for :func:`_whole_rupiah`."""
    if value is None:
        return None
    try:
        return to_rupiah(value, field="amount")
    except KinerjaError:
        return _Unread(value)


def _whole_rupiah(instance: BudgetLine, attribute: attrs.Attribute[Any], value: Any) -> None:
    """Refuse an amount the converter could not read, naming the line and the field."""
    if isinstance(value, _Unread) or (value is None
                                      and attribute.name not in ("blokir", "pagu_awal")):
        raw = value.value if isinstance(value, _Unread) else None
        to_rupiah(raw, field=f"{instance.describe()}.{attribute.name}")  # raises, located


def _type_of_account(account: str | None) -> SpendingType | None:
    """The spending type an account code gives (its first two digits), if there is one."""
    text = _optional_text(account)
    return None if text is None else SpendingType.from_account(text)


Amount = int | str | Decimal | float


@checked
@attrs.frozen(kw_only=True, init=False)
class BudgetLine(Amounts):
    """One budget line of a year: pagu and realization in whole Rupiah, and what it funds.

    Parameters
    ----------
    year : int
        The fiscal year.
    pagu, realization : int
        Budget ceiling and spending, whole Rupiah (ints; number strings in
        Indonesian notation such as ``"Rp. 570.750.000,-"`` are read too).
        Realization above pagu ("pagu minus") is allowed and flagged by
        :attr:`over_pagu`.
    blokir : int, optional
        The frozen part of pagu; not above pagu.
    program, activity, output : str, optional
        The program, activity (kegiatan) and output (keluaran) funded.
    account : str, optional
        A six-digit account code; gives the spending type.
    spending_type : SpendingType or str, optional
        51 pegawai, 52 barang, 53 modal, 57 bansos; checked against *account*.
    indicator : str, optional
        The code of the indicator this line funds (anggaran per indikator).
    name : str, optional
        How error messages and tables call the line.
    pagu_awal : int, optional
        The pagu before the year's revisions (pagu awal, the first DIPA);
        *pagu* is then the revised one (pagu revisi), against which
        absorption is measured.

    Examples
    --------
    >>> line = BudgetLine(year=2023, spending_type="52", pagu=1_214_271_000,
    ...                   realization="1.213.755.475")
    >>> line.remainder, line.absorption
    (515525, Decimal('99.957544...'))
    >>> BudgetLine(year=2023, pagu=100, realization=120).over_pagu
    True
    >>> BudgetLine(year=2023, name="Belanja Modal", pagu=-1, realization=0)
    Traceback (most recent call last):
    ...
    kinerja.exceptions.InvalidValueError: Belanja Modal 2023.pagu: a Rupiah amount must not be \
negative (got -1). Fix: give the amount as a positive number.
    """

    year: int = attrs.field(validator=_year_validator)
    pagu: int = attrs.field(converter=_amount, validator=_whole_rupiah)
    realization: int = attrs.field(converter=_amount, validator=_whole_rupiah)
    blokir: int | None = attrs.field(default=None, converter=_amount, validator=_whole_rupiah)
    program: str | None = attrs.field(default=None, converter=_optional_text)
    activity: str | None = attrs.field(default=None, converter=_optional_text)
    output: str | None = attrs.field(default=None, converter=_optional_text)
    account: str | None = attrs.field(default=None, converter=_optional_text)
    spending_type: SpendingType | None = attrs.field(default=None,
                                                    converter=_optional_spending_type)
    indicator: str | None = attrs.field(default=None, converter=_optional_text)
    name: str | None = attrs.field(default=None, converter=_optional_text)
    pagu_awal: int | None = attrs.field(default=None, converter=_amount,
                                        validator=_whole_rupiah)

    def __init__(self, *, year: int, pagu: Amount, realization: Amount,
                 blokir: Amount | None = None, program: str | None = None,
                 activity: str | None = None, output: str | None = None,
                 account: str | None = None, spending_type: SpendingType | str | int | None = None,
                 indicator: str | None = None, name: str | None = None,
                 pagu_awal: Amount | None = None) -> None:
        # The spending type an account gives is derived before the fields are set.
        if spending_type is None:
            spending_type = _type_of_account(account)
        self.__attrs_init__(year=year, pagu=pagu, realization=realization, blokir=blokir,
                            program=program, activity=activity, output=output, account=account,
                            spending_type=spending_type, indicator=indicator, name=name,
                            pagu_awal=pagu_awal)

    def __attrs_post_init__(self) -> None:
        where = self.describe()
        if self.blokir is not None and self.blokir > self.pagu:
            raise InvalidValueError(
                f"blokir {self.blokir} exceeds pagu {self.pagu}", field=f"{where}.blokir",
                value=self.blokir, fix="the frozen part cannot exceed the ceiling",
            )
        from_account = _type_of_account(self.account)
        if from_account is not None and self.spending_type is not from_account:
            assert self.spending_type is not None
            raise InvalidValueError(
                f"account {self.account} is spending type {from_account.value}, "
                f"not {self.spending_type.value}",
                field=f"{where}.spending_type", value=self.spending_type.value,
                fix="drop spending_type (the account gives it) or correct it",
            )

    def describe(self) -> str:
        """Name the line for messages: its name, or its classification, and its year."""
        if self.name:
            return f"{self.name} {self.year}"
        parts = [p for p in (self.program, self.activity, self.output, self.account) if p]
        if self.spending_type is not None:
            parts.append(self.spending_type.indonesian)
        return f"budget line {' / '.join(parts) or '(unclassified)'} {self.year}"

    @property
    def available(self) -> int:
        """Pagu less blokir: what may actually be spent."""
        return self.pagu - (self.blokir or 0)
