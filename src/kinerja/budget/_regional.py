"""Regional-government (APBD) spending: the Permendagri 90/2019 chart of accounts.

A regional budget (APBD) classifies spending by *kelompok* (group: belanja
operasi 5.1, belanja modal 5.2, belanja tidak terduga 5.3, belanja transfer
5.4) and *jenis* (kind: belanja pegawai 5.1.01, ...), the first two and three
segments of a dotted account code (``5.1.02.01.01.0024``).  Which codes were
checked, and against what, is stated in the docs page *Budget (anggaran)*,
section *Regional budgets (APBD)*; the codes not yet verified are marked
provisional and read only when the caller (or the report file, with
``classification = "apbd-provisional"``) asks for them.
"""

from __future__ import annotations

import enum
import re

from kinerja.exceptions import InvalidValueError

__all__ = ["CLASSIFICATIONS", "ApbdSpendingGroup", "ApbdSpendingType", "is_regional_code"]

#: The charts of accounts a report's budget may use: the central government's
#: (APBN, spending types 51/52/53/57), the regional government's (APBD,
#: Permendagri 90/2019), or the regional one with its provisional codes read too.
CLASSIFICATIONS = ("apbn", "apbd", "apbd-provisional")

_CODE = re.compile(r"5(\.\d+)+")


def is_regional_code(text: object) -> bool:
    """Whether *text* looks like a dotted APBD account code (``5.1.02``, ``5.2``).

    >>> is_regional_code("5.1.02.01.01.0024"), is_regional_code("521211")
    (True, False)
    """
    return isinstance(text, str) and _CODE.fullmatch(text.strip()) is not None


def _key(text: str) -> str:
    return " ".join(str(text).replace(",", " ").split()).lower().removeprefix("belanja ")


class ApbdSpendingGroup(enum.Enum):
    """Kelompok belanja of a regional budget (Permendagri 90/2019; PP 12/2019 Art. 55).

    Examples
    --------
    >>> ApbdSpendingGroup.parse("Belanja Operasi")
    <ApbdSpendingGroup.OPERASI: '5.1'>
    >>> ApbdSpendingGroup.parse("5.4").indonesian
    'Belanja Transfer'
    """

    OPERASI = "5.1"
    MODAL = "5.2"
    TIDAK_TERDUGA = "5.3"
    TRANSFER = "5.4"

    @property
    def indonesian(self) -> str:
        """The heading regional reports use: "Belanja Operasi", "Belanja Modal", ...."""
        return _GROUPS[self][0]

    @property
    def english(self) -> str:
        """Operating, capital, unexpected or transfer spending."""
        return _GROUPS[self][1]

    @classmethod
    def parse(cls, text: str | ApbdSpendingGroup) -> ApbdSpendingGroup:
        """Read ``"5.1"``, ``"Belanja Operasi"``, ``"operasi"`` or ``"operating"``."""
        if isinstance(text, ApbdSpendingGroup):
            return text
        key = _key(str(text))
        for member, (indonesian, english) in _GROUPS.items():
            if key in (member.value, _key(indonesian), english):
                return member
        raise InvalidValueError(
            "unknown APBD spending group (kelompok belanja)", field="spending_type",
            value=text, fix="use 5.1 (belanja operasi), 5.2 (belanja modal), 5.3 (belanja "
            "tidak terduga) or 5.4 (belanja transfer)")


_GROUPS = {
    ApbdSpendingGroup.OPERASI: ("Belanja Operasi", "operating"),
    ApbdSpendingGroup.MODAL: ("Belanja Modal", "capital"),
    ApbdSpendingGroup.TIDAK_TERDUGA: ("Belanja Tidak Terduga", "unexpected"),
    ApbdSpendingGroup.TRANSFER: ("Belanja Transfer", "transfer"),
}


class ApbdSpendingType(enum.Enum):
    """Jenis belanja of a regional budget: the first three segments of an APBD account.

    Permendagri 90/2019 (Lampiran, klasifikasi akun belanja), as updated by
    Kepmendagri 050-5889/2021; the kinds of each group are those of PP
    12/2019 Art. 55 and 64.  The codes of Belanja Bunga (5.1.03), Belanja
    Subsidi (5.1.04) and Belanja Modal Aset Lainnya (5.2.06) are
    *provisional* (:attr:`provisional`): their names and groups are certain,
    their codes are read only with ``provisional=True``.

    Examples
    --------
    >>> ApbdSpendingType.from_account("5.1.02.01.01.0024")
    <ApbdSpendingType.BARANG_JASA: '5.1.02'>
    >>> ApbdSpendingType.parse("Belanja Hibah").group
    <ApbdSpendingGroup.OPERASI: '5.1'>
    >>> ApbdSpendingType.parse("5.1.03")
    Traceback (most recent call last):
    ...
    kinerja.exceptions.InvalidValueError: spending_type: the code 5.1.03 (Belanja Bunga) is \
provisional: not yet verified against the regulation's text (got '5.1.03'). Fix: write the \
name ('Belanja Bunga'), or read provisional codes (classification = "apbd-provisional", or \
provisional=True).
    >>> ApbdSpendingType.parse("5.1.03", provisional=True).indonesian
    'Belanja Bunga'
    """

    PEGAWAI = "5.1.01"
    BARANG_JASA = "5.1.02"
    BUNGA = "5.1.03"
    SUBSIDI = "5.1.04"
    HIBAH = "5.1.05"
    BANSOS = "5.1.06"
    MODAL_TANAH = "5.2.01"
    MODAL_PERALATAN_MESIN = "5.2.02"
    MODAL_GEDUNG_BANGUNAN = "5.2.03"
    MODAL_JALAN_IRIGASI_JARINGAN = "5.2.04"
    MODAL_ASET_TETAP_LAINNYA = "5.2.05"
    MODAL_ASET_LAINNYA = "5.2.06"
    TIDAK_TERDUGA = "5.3.01"
    BAGI_HASIL = "5.4.01"
    BANTUAN_KEUANGAN = "5.4.02"

    @property
    def indonesian(self) -> str:
        """The name of the kind: "Belanja Barang dan Jasa", ...."""
        return _TYPES[self][0]

    @property
    def english(self) -> str:
        """The kind in English: "goods and services", ...."""
        return _TYPES[self][1]

    @property
    def group(self) -> ApbdSpendingGroup:
        """The kelompok of the kind (its code's first two segments)."""
        return ApbdSpendingGroup(self.value.rsplit(".", 1)[0])

    @property
    def provisional(self) -> bool:
        """Whether the code is not yet verified against the regulation's text."""
        return self in _PROVISIONAL

    @classmethod
    def parse(cls, text: str | ApbdSpendingType, *, provisional: bool = False
              ) -> ApbdSpendingType:
        """Read ``"5.1.02"``, ``"Belanja Barang dan Jasa"`` or ``"goods and services"``."""
        if isinstance(text, ApbdSpendingType):
            return text
        key = _key(str(text))
        for member, (indonesian, english) in _TYPES.items():
            if key == member.value:
                return _allowed(member, text, provisional)
            if key in (_key(indonesian), english):
                return member
        raise InvalidValueError(
            "unknown APBD spending type (jenis belanja)", field="spending_type", value=text,
            fix="use a code such as 5.1.01 (belanja pegawai) or 5.1.02 (belanja barang dan "
            "jasa), or the name as the chart writes it ('Belanja Modal Gedung dan Bangunan')")

    @classmethod
    def from_account(cls, account: str, *, provisional: bool = False) -> ApbdSpendingType:
        """Return the kind of a dotted APBD account code (its first three segments)."""
        text = str(account).strip()
        if not is_regional_code(text) or text.count(".") < 2:
            raise InvalidValueError(
                "an APBD spending account is a dotted code of at least three segments",
                field="account", value=account,
                fix="give the account as the chart writes it, e.g. '5.1.02.01.01.0024'")
        akun, kelompok, jenis = text.split(".")[:3]
        return cls.parse(f"{akun}.{kelompok}.{jenis.zfill(2)}", provisional=provisional)


def _allowed(member: ApbdSpendingType, text: object, provisional: bool) -> ApbdSpendingType:
    if member.provisional and not provisional:
        raise InvalidValueError(
            f"the code {member.value} ({member.indonesian}) is provisional: not yet verified "
            "against the regulation's text", field="spending_type", value=text,
            fix=f"write the name ({member.indonesian!r}), or read provisional codes "
            '(classification = "apbd-provisional", or provisional=True)')
    return member


_TYPES = {
    ApbdSpendingType.PEGAWAI: ("Belanja Pegawai", "personnel"),
    ApbdSpendingType.BARANG_JASA: ("Belanja Barang dan Jasa", "goods and services"),
    ApbdSpendingType.BUNGA: ("Belanja Bunga", "interest"),
    ApbdSpendingType.SUBSIDI: ("Belanja Subsidi", "subsidies"),
    ApbdSpendingType.HIBAH: ("Belanja Hibah", "grants"),
    ApbdSpendingType.BANSOS: ("Belanja Bantuan Sosial", "social aid"),
    ApbdSpendingType.MODAL_TANAH: ("Belanja Modal Tanah", "capital: land"),
    ApbdSpendingType.MODAL_PERALATAN_MESIN: ("Belanja Modal Peralatan dan Mesin",
                                             "capital: equipment and machinery"),
    ApbdSpendingType.MODAL_GEDUNG_BANGUNAN: ("Belanja Modal Gedung dan Bangunan",
                                             "capital: buildings"),
    ApbdSpendingType.MODAL_JALAN_IRIGASI_JARINGAN: (
        "Belanja Modal Jalan, Irigasi, dan Jaringan", "capital: roads, irrigation and networks"),
    ApbdSpendingType.MODAL_ASET_TETAP_LAINNYA: ("Belanja Modal Aset Tetap Lainnya",
                                                "capital: other fixed assets"),
    ApbdSpendingType.MODAL_ASET_LAINNYA: ("Belanja Modal Aset Lainnya", "capital: other assets"),
    ApbdSpendingType.TIDAK_TERDUGA: ("Belanja Tidak Terduga", "unexpected"),
    ApbdSpendingType.BAGI_HASIL: ("Belanja Bagi Hasil", "revenue sharing"),
    ApbdSpendingType.BANTUAN_KEUANGAN: ("Belanja Bantuan Keuangan", "financial aid"),
}

#: Codes seen in no copy of the regulation's text at hand (docs page *Budget*).
_PROVISIONAL = frozenset({ApbdSpendingType.BUNGA, ApbdSpendingType.SUBSIDI,
                          ApbdSpendingType.MODAL_ASET_LAINNYA})
