"""Budget lines: pagu, realization, blokir and what a line funds (its classification).

Totals by any classification are in :mod:`kinerja.budget._totals`.  The figures
and their sources are stated in the docs page *Budget (anggaran)*
(``docs/budget.md``).
"""

from __future__ import annotations

import enum
import functools
from decimal import Decimal
from typing import Any

import attrs

from kinerja.budget._absorption import absorption as absorption_of
from kinerja.budget._regional import (
    CLASSIFICATIONS,
    ApbdSpendingGroup,
    ApbdSpendingType,
    is_regional_code,
)
from kinerja.core._input import to_rupiah
from kinerja.core._options import check_choice
from kinerja.core._sentinels import NOT_APPLICABLE, NOT_STATED, NotApplicable, NotStated
from kinerja.core._validators import checked
from kinerja.core._validators import year as _year_validator
from kinerja.exceptions import (
    InvalidTypeError,
    InvalidValueError,
    KinerjaError,
    MissingValueError,
)

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
        if type(text) is str and text in _BY_CODE:
            return _BY_CODE[text]
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
#: The codes as written, read at once ("52").
_BY_CODE = {member.value: member for member in SpendingType}


class Amounts:
    """The figures every pagu/realization pair has: remainder, absorption, pagu minus.

    A pagu or a realization the document does not show is NOT_STATED (never
    0: nothing spent yet is a realization of 0, printed as such); the
    remainder and the absorption that need it are NOT_STATED too.
    """

    pagu: int | NotStated
    realization: int | NotStated

    @property
    def remainder(self) -> int | NotStated:
        """Sisa: pagu − realization (negative when spending exceeds pagu; docs page *Budget*)."""
        if isinstance(self.pagu, NotStated) or isinstance(self.realization, NotStated):
            return NOT_STATED
        return self.pagu - self.realization

    @property
    def absorption(self) -> Decimal | NotApplicable | NotStated:
        """Penyerapan: realization / pagu × 100, exact; NOT_APPLICABLE when pagu is 0.

        PMK 214/PMK.02/2017; docs page *Budget (anggaran)*.  NOT_STATED when
        the pagu or the realization is not stated.
        """
        if isinstance(self.pagu, NotStated) or isinstance(self.realization, NotStated):
            return NOT_STATED
        if self.pagu == 0:
            return NOT_APPLICABLE
        result: Decimal = absorption_of(self.realization, self.pagu)
        return result

    @property
    def over_pagu(self) -> bool:
        """Whether spending exceeds pagu ("pagu minus"): allowed, but a finding.

        False when either amount is not stated: nothing is known to exceed.
        """
        if isinstance(self.pagu, NotStated) or isinstance(self.realization, NotStated):
            return False
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


Kind = SpendingType | ApbdSpendingType | ApbdSpendingGroup


def _optional_spending_type(value: Any) -> Kind | None:
    """A spending type already read (by :func:`_kind_of`), or a central one from its text."""
    if value is None or isinstance(value, SpendingType | ApbdSpendingType | ApbdSpendingGroup):
        return value
    return SpendingType.parse(value)


def _kind_of(value: Any, classification: str) -> Any:
    """Read a spending type under the line's chart of accounts (APBN or APBD).

    Under APBD a kind (jenis, ``5.1.02``) or a whole group (kelompok,
    ``5.2`` "Belanja Modal", for a report that does not split it) is read.
    """
    if value is None or isinstance(value, SpendingType | ApbdSpendingType | ApbdSpendingGroup):
        return value
    if classification == "apbn":
        return SpendingType.parse(value)
    try:
        return ApbdSpendingType.parse(value, provisional=classification == "apbd-provisional")
    except InvalidValueError as error:
        if "provisional" in str(error):
            raise
        try:
            return ApbdSpendingGroup.parse(value)
        except InvalidValueError:
            raise error from None


@attrs.frozen
class _Unread:
    """An amount the converter could not read, kept for the validator to refuse, located."""

    value: Any


def _amount(value: Any) -> Any:
    """Whole Rupiah as an int (or ``None``); anything else wrapped for :func:`_whole_rupiah`."""
    if value is None or value is NOT_STATED:
        return value
    try:
        return to_rupiah(value, field="amount")
    except KinerjaError:
        return _Unread(value)


def _whole_rupiah(instance: BudgetLine, attribute: attrs.Attribute[Any], value: Any) -> None:
    """Refuse an amount the converter could not read, naming the line and the field."""
    if isinstance(value, _Unread) or (value is None
                                      and attribute.name not in ("blokir", "pagu_awal")):
        if value is None and attribute.name in ("pagu", "realization"):
            raise MissingValueError(
                "is not given", field=f"{instance.describe()}.{attribute.name}",
                fix='give the amount the document prints; NOT_STATED ("not stated" in a '
                "report file) when it does not show it, 0 when nothing is spent yet")
        raw = value.value if isinstance(value, _Unread) else None
        to_rupiah(raw, field=f"{instance.describe()}.{attribute.name}")  # raises, located


def _type_of_account(account: str | None, classification: str = "apbn") -> Kind | None:
    """The spending type an account code gives, if there is one.

    A six-digit central account gives its first two digits (51, 52, ...); a
    dotted APBD account its kind (``5.1.02.01.01.0024`` → 5.1.02) or, for
    ``5.2``, its group.
    """
    text = _optional_text(account)
    if text is None:
        return None
    return _type_of_code(text, classification)


@functools.lru_cache(maxsize=4096)
def _type_of_code(text: str, classification: str) -> Kind:
    """:func:`_type_of_account` of a code as text (an export repeats a few hundred codes)."""
    if classification != "apbn" and is_regional_code(text):
        if text.count(".") == 1:
            return ApbdSpendingGroup.parse(text)
        return ApbdSpendingType.from_account(
            text, provisional=classification == "apbd-provisional")
    return SpendingType.from_account(text)


def _classification(value: Any) -> str:
    return check_choice(value, CLASSIFICATIONS, "classification")


Amount = int | str | Decimal | float | NotStated


@checked
@attrs.frozen(kw_only=True, init=False)
class BudgetLine(Amounts):
    """One budget line of a year: pagu and realization in whole Rupiah, and what it funds.

    Parameters
    ----------
    year : int
        The fiscal year.
    pagu, realization : int or NOT_STATED
        Budget ceiling and spending, whole Rupiah (ints; number strings in
        Indonesian notation such as ``"Rp. 570.750.000,-"`` are read too).
        Realization above pagu ("pagu minus") is allowed and flagged by
        :attr:`over_pagu`.  :data:`~kinerja.NOT_STATED` when the document
        does not show the amount (a news release giving a line's pagu before
        any spending is reported): never 0, which says that nothing was spent.
    blokir : int, optional
        The frozen part of pagu; not above pagu.
    program, activity, output : str, optional
        The program, activity (kegiatan) and output (keluaran) funded.
    account : str, optional
        A six-digit account code (APBN), or a dotted APBD account code
        (``"5.1.02.01.01.0024"``); gives the spending type.
    spending_type : SpendingType, ApbdSpendingType, ApbdSpendingGroup or str, optional
        APBN: 51 pegawai, 52 barang, 53 modal, 57 bansos.  APBD (Permendagri
        90/2019): a kind such as ``"5.1.02"`` / "Belanja Barang dan Jasa", or a
        whole group such as ``"5.2"`` / "Belanja Modal".  Checked against *account*.
    indicator : str, optional
        The code of the indicator this line funds (anggaran per indikator).
    name : str, optional
        How error messages and tables call the line.
    pagu_awal : int, optional
        The pagu before the year's revisions (pagu awal, the first DIPA);
        *pagu* is then the revised one (pagu revisi), against which
        absorption is measured.
    classification : {"apbn", "apbd", "apbd-provisional"}, optional
        The chart of accounts the spending type and account are read in:
        the central government's (APBN, the default) or the regional
        government's (APBD, Permendagri 90/2019; ``"apbd-provisional"`` reads
        its provisional codes too).  Inferred as APBD from an APBD spending
        type or a dotted account.

    Examples
    --------
    >>> line = BudgetLine(year=2023, spending_type="52", pagu=1_214_271_000,
    ...                   realization="1.213.755.475")
    >>> line.remainder, line.absorption
    (515525, Decimal('99.957544...'))
    >>> BudgetLine(year=2023, pagu=100, realization=120).over_pagu
    True
    >>> from kinerja import NOT_STATED
    >>> BudgetLine(year=2024, pagu=5_000_000, realization=NOT_STATED).absorption
    NOT_STATED
    >>> regional = BudgetLine(year=2024, classification="apbd", spending_type="5.1.02",
    ...                       pagu=100, realization=90)
    >>> regional.spending_type.indonesian, regional.spending_group.indonesian
    ('Belanja Barang dan Jasa', 'Belanja Operasi')
    >>> BudgetLine(year=2023, name="Belanja Modal", pagu=-1, realization=0)
    Traceback (most recent call last):
    ...
    kinerja.exceptions.InvalidValueError: Belanja Modal 2023.pagu: a Rupiah amount must not be \
negative (got -1). Fix: give the amount as a positive number.
    """

    year: int = attrs.field(validator=_year_validator)
    pagu: int | NotStated = attrs.field(converter=_amount, validator=_whole_rupiah)
    realization: int | NotStated = attrs.field(converter=_amount, validator=_whole_rupiah)
    blokir: int | None = attrs.field(default=None, converter=_amount, validator=_whole_rupiah)
    program: str | None = attrs.field(default=None, converter=_optional_text)
    activity: str | None = attrs.field(default=None, converter=_optional_text)
    output: str | None = attrs.field(default=None, converter=_optional_text)
    account: str | None = attrs.field(default=None, converter=_optional_text)
    spending_type: SpendingType | ApbdSpendingType | ApbdSpendingGroup | None = attrs.field(
        default=None, converter=_optional_spending_type)
    indicator: str | None = attrs.field(default=None, converter=_optional_text)
    name: str | None = attrs.field(default=None, converter=_optional_text)
    pagu_awal: int | None = attrs.field(default=None, converter=_amount,
                                        validator=_whole_rupiah)
    classification: str = attrs.field(default="apbn", converter=_classification)

    def __init__(self, *, year: int, pagu: Amount, realization: Amount,
                 blokir: Amount | None = None, program: str | None = None,
                 activity: str | None = None, output: str | None = None,
                 account: str | None = None, spending_type: Kind | str | int | None = None,
                 indicator: str | None = None, name: str | None = None,
                 pagu_awal: Amount | None = None, classification: str | None = None) -> None:
        # The chart of accounts and the spending type an account gives are derived
        # before the fields are set.
        if classification is None:
            regional = isinstance(spending_type, ApbdSpendingType | ApbdSpendingGroup) or (
                is_regional_code(account)
                or (isinstance(spending_type, str) and is_regional_code(spending_type)))
            classification = "apbd" if regional else "apbn"
        classification = _classification(classification)
        if spending_type is None:
            spending_type = _type_of_account(account, classification)
        else:
            spending_type = _kind_of(spending_type, classification)
        self.__attrs_init__(year=year, pagu=pagu, realization=realization, blokir=blokir,
                            program=program, activity=activity, output=output, account=account,
                            spending_type=spending_type, indicator=indicator, name=name,
                            pagu_awal=pagu_awal, classification=classification)

    def __attrs_post_init__(self) -> None:
        where = self.describe()
        if (self.blokir is not None and not isinstance(self.pagu, NotStated)
                and self.blokir > self.pagu):
            raise InvalidValueError(
                f"blokir {self.blokir} exceeds pagu {self.pagu}", field=f"{where}.blokir",
                value=self.blokir, fix="the frozen part cannot exceed the ceiling",
            )
        regional = isinstance(self.spending_type, ApbdSpendingType | ApbdSpendingGroup)
        if self.spending_type is not None and regional != (self.classification != "apbn"):
            raise InvalidValueError(
                f"a spending type of the {'APBD' if regional else 'APBN'} chart on a line "
                f"read as {self.classification.upper()}", field=f"{where}.spending_type",
                value=self.spending_type.value,
                fix="give the report's classification (classification = \"apbd\" for a "
                "regional budget), or a spending type of its chart")
        from_account = _type_of_account(self.account, self.classification)
        if from_account is not None and self.spending_type is not from_account:
            assert self.spending_type is not None
            raise InvalidValueError(
                f"account {self.account} is spending type {from_account.value}, "
                f"not {self.spending_type.value}",
                field=f"{where}.spending_type", value=self.spending_type.value,
                fix="drop spending_type (the account gives it) or correct it",
            )

    @property
    def spending_group(self) -> ApbdSpendingGroup | None:
        """The APBD group (kelompok) of the line's spending type; None for APBN lines."""
        kind = self.spending_type
        if isinstance(kind, ApbdSpendingType):
            return kind.group
        return kind if isinstance(kind, ApbdSpendingGroup) else None

    def describe(self) -> str:
        """Name the line for messages: its name, or its classification, and its year."""
        if self.name:
            return f"{self.name} {self.year}"
        parts = [p for p in (self.program, self.activity, self.output, self.account) if p]
        if self.spending_type is not None:
            parts.append(self.spending_type.indonesian)
        return f"budget line {' / '.join(parts) or '(unclassified)'} {self.year}"

    @property
    def available(self) -> int | NotStated:
        """Pagu less blokir: what may actually be spent (NOT_STATED with the pagu)."""
        if isinstance(self.pagu, NotStated):
            return NOT_STATED
        return self.pagu - (self.blokir or 0)
