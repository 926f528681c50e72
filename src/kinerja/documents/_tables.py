"""Reading the tables of a report: agreements, indicator tables, plans, budget tables.

Each reader recognises its table by the words of its header (``SASARAN`` /
``INDIKATOR`` / ``TARGET``; ``Indikator`` / ``Target`` / ``Realisasi`` /
``Capaian``; ``Jenis Belanja`` / ``Pagu``; ...) and reads every figure of every
row: as a candidate for the draft's inputs, and as a printed figure for the
audit, with the table's caption, the row and the column.
"""

from __future__ import annotations

import re

from kinerja.core._parse import parse_rupiah
from kinerja.documents._draft import Candidate, Draft, IndicatorDraft
from kinerja.documents._ikpa import read_ikpa
from kinerja.documents._layout import Block, Row, caption_year, number_in, similarity
from kinerja.documents._model import Provenance
from kinerja.exceptions import KinerjaError

__all__ = ["TableReader", "guess_polarity"]

_YEAR = re.compile(r"\b((?:19|20)\d{2})\b")
_MARKER = re.compile(r"^\(\d+\)$")
_NUMBER_COLUMN = re.compile(r"no\.?|nomor|no\.? urut", re.IGNORECASE)
_LEVELS = (("strategis", "strategic"), ("utama", "strategic"), ("program", "program"),
           ("kegiatan", "activity"))
_SPENDING = {"pegawai": "51", "barang": "52", "modal": "53", "bantuan sosial": "57"}
#: Words in an indicator's name that suggest lower is better.
LOWER_WORDS = ("menurunnya", "menurun", "penurunan", "angka kematian", "semakin rendah",
               "prevalensi", "kasus", "tingkat pengangguran", "angka kesakitan")


def guess_polarity(name: str) -> str | None:
    """The word of *name* that suggests lower is better, if any.

    >>> guess_polarity("Persentase menurunnya anak yang mendapatkan putusan pidana penjara")
    'menurunnya'
    """
    lowered = name.lower()
    return next((word for word in LOWER_WORDS if word in lowered), None)


def _unit(name: str, cell: str) -> str:
    if name.lower().lstrip("0123456789. ").startswith("indeks"):
        return "indeks"
    if "%" in cell or "persen" in cell.lower():
        return "%"
    words = re.sub(r"[\d.,%\s]+", " ", cell).strip()
    return words if words and len(words) < 40 else "%" if "persentase" in name.lower() else ""


def _is_data(row: Row) -> bool:
    if re.fullmatch(r"tahun\s+\d{4}", row.cells[0].lower()):
        return True
    for cell in row.cells[1:]:
        if _MARKER.match(cell) or re.fullmatch(r"(?:tahun\s+)?\d{4}", cell.lower()):
            continue
        if re.match(r"(?:rp\.?\s*)?\d", cell.lower()):
            return True
    return False


def _labels(header: list[Row], width: int) -> list[str]:
    labels = [""] * width
    for index, row in enumerate(header):
        carried = ""
        last = index == len(header) - 1
        for j in range(width):
            cell = row.cells[j] if j < len(row.cells) else ""
            if cell and not _MARKER.match(cell):
                carried = cell
            if j and carried and not last:
                labels[j] = (labels[j] + " " + (cell or carried)).strip()
            elif cell and not _MARKER.match(cell):
                labels[j] = (labels[j] + " " + cell).strip()
    return labels


def _kind(label: str, *, budget: bool = False) -> str | None:
    """What a column holds, by its label.

    In a budget table "(%)" marks the absorption (``Realisasi (%)``); in an
    indicator's table it is the unit of the column (``Target (%)``).

    >>> _kind("Tahun 2022 Target (%)"), _kind("Realisasi (%)", budget=True)
    ('target', 'achievement')
    """
    low = label.lower()
    words: tuple[tuple[str, str], ...] = (
        ("sisa", "remainder"), ("capaian", "achievement"), ("persentase", "achievement"),
        ("penyerapan", "achievement"), ("realisasi", "realization"), ("pagu", "pagu"),
        ("target", "target"), ("anggaran", "pagu"), ("(%)", "achievement"))
    if budget:
        words = (("(%)", "achievement"), *words)
    return next((kind for word, kind in words if word in low), None)


class TableReader:
    """Reads the table blocks of one document into a :class:`Draft`."""

    def __init__(self, draft: Draft, year: int) -> None:
        self.draft = draft
        self.year = year
        #: block index → the indicator its rows are about (for the sentences before it)
        self.block_indicator: dict[int, IndicatorDraft] = {}
        self.agreement_years: dict[tuple[str, int], set[str]] = {}
        self.agreement_sources: dict[tuple[str, int], Provenance] = {}
        self._in_table: dict[tuple[str | None, str], set[str]] = {}
        self._last_goal: dict[str, tuple[str | None, object]] = {}
        self.recognised = 0

    def read(self, blocks: tuple[Block, ...]) -> None:
        """Read every block: agreements and budgets first, then what refers to them."""
        blocks = tuple(self._numbered(block) for block in self._continued(blocks))
        kinds = [self._classify(block) for block in blocks]
        for block, kind in zip(blocks, kinds, strict=True):
            if kind == "agreement":
                self._agreement(block)
            elif kind == "spending_type":
                self._spending(block)
            elif kind == "activity":
                self._activity(block)
            elif kind == "ikpa":
                header, data, _ = self._split(block)
                read_ikpa(self.draft, block, header, data, self.year)
        for index, (block, kind) in enumerate(zip(blocks, kinds, strict=True)):
            if kind == "indicator":
                found = self._indicator_table(block)
                if found is not None:
                    self.block_indicator[index] = found
            elif kind == "pagu":
                self._pagu(block)
        self.recognised = sum(kind is not None for kind in kinds)

    def _numbered(self, block: Block) -> Block:
        """*block* without its leading 'No' column, when only that keeps it from being read.

        ``No | Indikator | Target | Realisasi``: the row's name is in the second column.
        """
        if self._classify(block) is not None or not block.rows \
                or _NUMBER_COLUMN.fullmatch(block.rows[0].cells[0]) is None \
                or any(len(row.cells) < 2 for row in block.rows):
            return block
        rest = Block(caption=block.caption, caption_text=block.caption_text,
                     rows=tuple(Row(line=row.line, cells=row.cells[1:]) for row in block.rows))
        return rest if self._classify(rest) is not None else block

    def _continued(self, blocks: tuple[Block, ...]) -> tuple[Block, ...]:
        """Blocks without a header under the caption of the block before take its header."""
        out: list[Block] = []
        for block in blocks:
            if out and block.caption is not None and out[-1].caption == block.caption \
                    and _is_data(block.rows[0]):
                header, _, _ = self._split(out[-1])
                if header:
                    block = Block(caption=block.caption, caption_text=block.caption_text,
                                  rows=(*header, *block.rows))
            out.append(block)
        return tuple(out)

    def _split(self, block: Block) -> tuple[list[Row], list[Row], list[str]]:
        rows = list(block.rows)
        first = next((i for i, row in enumerate(rows) if _is_data(row)), len(rows))
        width = max(len(row.cells) for row in rows)
        return rows[:first], rows[first:], _labels(rows[:first], width)

    def _classify(self, block: Block) -> str | None:
        header, data, labels = self._split(block)
        if not header or not data:
            return None
        words = " ".join(labels).lower()
        first = labels[0].lower()
        if "revisi dipa" in words or ("nilai total" in words and "koreksi bobot" in words):
            return "ikpa"
        if "sasaran" in words and "indikator" in words and "target" in words \
                and "realisasi" not in words:
            return "agreement"
        if "jenis belanja" in words and "pagu" in words:
            return "spending_type"
        if "pagu" in words and "realisasi" in words:
            return "activity"
        if first.startswith("indikator") and ("target" in words or "realisasi" in words):
            return "indicator"
        if "anggaran" in words and ("kegiatan" in first or "program" in first):
            return "pagu"
        return None

    def _where(self, block: Block, row: Row) -> str:
        return block.caption or f"tabel pada baris {row.line}"

    def _source(self, block: Block, row: Row, cell: str, label: str | None = None) -> Provenance:
        return Provenance(line=row.line, text=cell, table=block.caption, row=row.cells[0] or None,
                          column=label or None)

    # --- performance agreements ------------------------------------------------------

    def _agreement(self, block: Block) -> None:
        _, data, labels = self._split(block)
        low = [label.lower() for label in labels]
        goal_col = next(j for j, text in enumerate(low) if "sasaran" in text)
        ind_col = next(j for j, text in enumerate(low) if "indikator" in text)
        target_col = next(j for j, text in enumerate(low) if "target" in text)
        unit_col = next((j for j, text in enumerate(low) if "satuan" in text), None)
        level = next((lv for word, lv in _LEVELS if word in low[goal_col] + " " + low[ind_col]),
                     "activity")
        year = caption_year(block) or self.year
        state = self._last_goal.get(level)
        goal = state[1] if state is not None and state[0] == block.caption else None
        for row in data:
            cells = list(row.cells) + [""] * (len(labels) - len(row.cells))
            if cells[goal_col]:
                goal = self.draft.goal(level, cells[goal_col])
            name = re.sub(r"^\s*\d+\s*[.)]\s*", "", cells[ind_col]).strip()
            target = cells[target_col]
            value = number_in(target)
            if goal is None or not name or value is None:
                continue
            assert not isinstance(goal, str)
            in_table = self._in_table.setdefault((block.caption, level), set())
            unit = _unit(name, target if unit_col is None else f"{target} {cells[unit_col]}")
            record = self.draft.indicator(goal, name, unit,  # type: ignore[arg-type]
                                          exclude=frozenset(in_table))
            in_table.add(record.code)
            self.agreement_years.setdefault((level, year), set()).add(record.code)
            self.agreement_sources.setdefault((level, year), Provenance(
                line=row.line, text=block.caption_text[:120] or "agreement", table=block.caption))
            path = f"indicators.{record.code}"
            source = self._source(block, row, target, labels[target_col])
            record.targets.setdefault(year, []).append(Candidate(
                value=value, rank=1, source=source, label=f"agreement ({block.caption})"))
            if record.unit == "indeks" and "%" in target:
                self.draft.note(f"{path}.unit", "an index printed with '%': the draft reads "
                                "the unit as indeks", f"{target} ({source.describe()})")
            word = guess_polarity(name)
            if word is not None and record.polarity != "lower_is_better":
                record.polarity = "lower_is_better"
                self.draft.note(f"{path}.polarity", f"polarity guessed from the word {word!r} "
                                "in the name: lower is better", f"{name} (line {row.line})")
            if not record.unit:
                record.unit = "not stated"
                self.draft.note(f"{path}.unit", "no unit printed: write the unit",
                                f"{target} (line {row.line})")
            self.draft.add_printed(source, figure="target", indicator=record.code, year=year,
                                   text=target, where=self._where(block, row))
        self._last_goal[level] = (block.caption, goal)

    # --- an indicator's own tables ----------------------------------------------------

    def _indicator_table(self, block: Block) -> IndicatorDraft | None:
        _, data, labels = self._split(block)
        plan = not any(_kind(label) in ("realization", "achievement") for label in labels[1:])
        found: IndicatorDraft | None = None
        for row in data:
            record = self.draft.find(row.cells[0])
            if record is None:
                self.draft.note("indicators", "a table row matches no indicator of the "
                                "agreements: not read", f"{row.cells[0][:80]} (line {row.line}, "
                                f"{block.caption})")
                continue
            found = found or record
            for j, cell in enumerate(row.cells[1:], start=1):
                label = labels[j] if j < len(labels) else ""
                kind = "plan_target" if plan else _kind(label)
                value = number_in(cell)
                years = _YEAR.findall(label)
                year = int(years[-1]) if years else self.year
                if kind is None or value is None or (plan and not years):
                    continue
                source = self._source(block, row, cell, label)
                candidate = Candidate(value=value, rank=3 if kind == "realization" else 5,
                                      source=source, label=f"table ({block.caption})")
                if kind == "plan_target":
                    record.plan.setdefault(year, []).append(candidate)
                elif kind == "target":
                    record.targets.setdefault(year, []).append(candidate)
                elif kind == "realization":
                    record.realizations.setdefault(year, []).append(candidate)
                self.draft.add_printed(source, figure=kind, indicator=record.code, year=year,
                                       text=cell, where=self._where(block, row))
        return found

    # --- budget tables -----------------------------------------------------------------

    def _amount(self, cell: str, path: str, source: Provenance) -> int | None:
        try:
            return parse_rupiah(cell)
        except KinerjaError as error:
            body = re.sub(r"^\s*(?:rp\.?)?\s*|[.,]?-\s*$", "", cell, flags=re.IGNORECASE)
            if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", body):
                amount = parse_rupiah(re.sub(r"[.,]", ".", body), notation="id")
                self.draft.note(path, "an amount printed with mixed separators, every one "
                                "read as a thousands separator", f"{cell} ({source.describe()})")
                return amount
            self.draft.note(path, f"an amount that cannot be read: {error}",
                            f"{cell} ({source.describe()})")
            return None

    def _line(self, block: Block, row: Row, labels: list[str], breakdown: str, year: int,
              key: str, total: bool) -> None:
        figures: dict[str, tuple[str, Provenance]] = {}
        for j, cell in enumerate(row.cells[1:], start=1):
            kind = _kind(labels[j], budget=True) if j < len(labels) else None
            if kind is None or not re.search(r"\d", cell):
                continue
            kind = {"realization": "spending", "achievement": "absorption"}.get(kind, kind)
            source = self._source(block, row, cell, labels[j])
            figures[kind] = (cell, source)
            where = self._where(block, row)
            if breakdown == "spending_type":
                where = f"{where}, Tahun {year}, {row.cells[0]}"
            self.draft.add_printed(source, figure=kind, breakdown=breakdown,
                                   line="total" if total else key, year=year, text=cell,
                                   where=where)
        if total or "pagu" not in figures or "spending" not in figures:
            return
        path = f"budget.{breakdown}.{year}.{key}"
        pagu = self._amount(figures["pagu"][0], f"{path}.pagu", figures["pagu"][1])
        spent = self._amount(figures["spending"][0], f"{path}.realization",
                             figures["spending"][1])
        if pagu is None or spent is None:
            return
        if (breakdown, year, key) in self.draft.budget:
            self.draft.note(path, "the line is printed twice: the draft keeps the first",
                            f"line {row.line}")
            return
        self.draft.budget[(breakdown, year, key)] = {"pagu": pagu, "realization": spent}
        self.draft.provenance[f"{path}.pagu"] = figures["pagu"][1]
        self.draft.provenance[f"{path}.realization"] = figures["spending"][1]

    def _spending(self, block: Block) -> None:
        _, data, labels = self._split(block)
        year = caption_year(block) or self.year
        for row in data:
            label = row.cells[0].lower()
            if match := re.fullmatch(r"tahun\s+(\d{4})", label):
                year = int(match[1])
                continue
            total = label.startswith(("total", "jumlah"))
            code = next((c for word, c in _SPENDING.items() if word in label), None)
            if code is None and not total:
                self.draft.note("budget.spending_type", "a spending type not recognised: "
                                "not read", f"{row.cells[0]} (line {row.line})")
                continue
            self._line(block, row, labels, "spending_type", year, code or "total", total)

    def _activity(self, block: Block) -> None:
        _, data, labels = self._split(block)
        year = caption_year(block) or self.year
        for row in data:
            total = row.cells[0].lower().startswith(("total", "jumlah"))
            self._line(block, row, labels, "activity", year, row.cells[0], total)

    def _pagu(self, block: Block) -> None:
        _, data, labels = self._split(block)
        year = caption_year(block) or self.year
        for row in data:
            name = row.cells[0]
            if name.lower().startswith("program") or len(row.cells) < 2:
                continue
            line = max((key for (kind, y, key) in self.draft.budget
                        if kind == "activity" and y == year),
                       key=lambda key: similarity(key, name), default=None)
            source = self._source(block, row, row.cells[1], labels[1])
            if line is None or similarity(line, name) < 0.8:
                self.draft.note("budget.activity", f"a pagu printed for an activity with no "
                                f"budget line of {year}: not read", source.describe())
                continue
            self.draft.add_printed(source, figure="pagu", breakdown="activity", line=line,
                                   year=year, text=row.cells[1], where=self._where(block, row))
