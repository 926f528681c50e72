"""Hostile report files and paths: a kinerja error (exit 2 in the CLI), never a bare traceback.

Every value of the bundled reference file is replaced, one at a time, by a
wrong value; the file is cut short at many points; binary, huge, deeply
nested files, duplicate keys and unusable paths are tried.  Each load either
raises a :class:`kinerja.KinerjaError` or gives a report that the audit
checks without raising.
"""

from __future__ import annotations

import os
import random
import re

import pytest

import kinerja
from kinerja.cli import main

TEXT = kinerja.example_path().read_text(encoding="utf-8")
LINES = TEXT.splitlines()
#: Lines ``key = value`` of the reference file (the values to spoil).
ASSIGNMENTS = [i for i, line in enumerate(LINES) if re.match(r"^\s*[\w.\"-]+\s*=\s*\S", line)]
WRONG = ['"abc"', "-1", "[]", "{}", "true", "inf", "nan", "1e400", '"9999999999999999999999999"',
         '""', "0", "[1, [2, 3]]", '"2023-13-45"']


def _loads_or_kinerja_error(text: str) -> kinerja.Report | None:
    """Load *text*; a KinerjaError gives None, anything else fails the test."""
    try:
        return kinerja.loads_report(text)
    except kinerja.KinerjaError as error:
        message = str(error)
    assert message.strip()
    return None


def _spoiled(seed: int) -> list[tuple[str, str]]:
    """A sample of (id, text): one assignment of the reference file given a wrong value."""
    rng = random.Random(seed)
    cases = []
    for index in rng.sample(ASSIGNMENTS, 150):
        key = LINES[index].split("=", 1)[0]
        for wrong in rng.sample(WRONG, 4):
            lines = [*LINES]
            lines[index] = f"{key}= {wrong}"
            cases.append((f"line {index + 1} = {wrong}", "\n".join(lines)))
    return cases


def test_every_spoiled_value_is_an_error_or_an_auditable_report():
    """600 single-value spoilings: each loads into an auditable report or raises a kinerja error."""
    loaded = refused = 0
    for case, text in _spoiled(seed=12):
        report = _loads_or_kinerja_error(text)
        if report is None:
            refused += 1
            continue
        loaded += 1
        result = kinerja.audit(report)  # must not raise
        assert result.printed_count == len(report.printed), case
    assert refused > loaded  # most spoilings are caught at the door, not later


@pytest.mark.parametrize("cut", range(0, len(TEXT), len(TEXT) // 40))
def test_truncated_file_is_an_error_or_an_auditable_report(cut):
    """The reference file cut short anywhere loads or gives a kinerja error."""
    report = _loads_or_kinerja_error(TEXT[:cut])
    if report is not None:
        kinerja.audit(report)


HOSTILE_TEXTS = {
    "duplicate key": TEXT.replace("[satker]", "[satker]\nname = 'x'\nname = 'y'", 1),
    "duplicate table": TEXT + "\n[satker]\nname = 'x'\n",
    "deep arrays": "x = " + "[" * 50_000 + "]" * 50_000,
    "deep tables": "x = " + "{a = " * 5_000 + "1" + "}" * 5_000,
    "NUL bytes": TEXT[:200] + "\x00" * 10 + TEXT[200:],
    "empty": "",
    "only a comment": "# laporan\n",
    "format version from the future": TEXT.replace("\nversion = 1\n", "\nversion = 99\n", 1),
    "a JSON document": '{"satker": {"name": "x"}}',
    "an HTML page": "<html><body>LKjIP</body></html>",
}


@pytest.mark.parametrize("name", sorted(HOSTILE_TEXTS))
def test_hostile_text_is_refused_with_a_kinerja_error(name):
    """Each hostile text raises a kinerja error with a message."""
    with pytest.raises(kinerja.KinerjaError) as caught:
        kinerja.loads_report(HOSTILE_TEXTS[name])
    assert str(caught.value).strip()


def _write(path, data: bytes):
    path.write_bytes(data)
    return path


HOSTILE_FILES = {
    "binary": lambda p: _write(p, bytes(random.Random(1).randrange(256) for _ in range(4096))),
    "UTF-16": lambda p: _write(p, TEXT.encode("utf-16")),
    "Latin-1": lambda p: _write(p, "[satker]\nname = 'Balai Pemasyarakatan é'\n".encode("latin-1")),
    "a zip (docx) file": lambda p: _write(p, b"PK\x03\x04" + bytes(2000)),
    "a PDF": lambda p: _write(p, b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" + bytes(200)),
    "truncated UTF-8": lambda p: _write(p, TEXT.encode()[:-1] + "é".encode()[:1]),
}


@pytest.mark.parametrize("name", sorted(HOSTILE_FILES))
def test_hostile_file_is_refused_with_a_report_file_error(tmp_path, name):
    """Binary and wrongly encoded files raise ReportFileError naming the path."""
    path = HOSTILE_FILES[name](tmp_path / "laporan.toml")
    with pytest.raises(kinerja.KinerjaError) as caught:
        kinerja.load_report(path)
    assert str(path) in str(caught.value) or isinstance(caught.value, ExceptionGroup)


def test_huge_file_is_refused_before_reading(tmp_path):
    """A file above the size limit is refused from its size, without reading it."""
    path = tmp_path / "huge.toml"
    with path.open("wb") as handle:  # sparse: 21 MB that take no disk space
        handle.truncate(21 * 1024 * 1024)
    with pytest.raises(kinerja.ReportFileError, match="bytes"):
        kinerja.load_report(path)


@pytest.mark.parametrize("path", ["/dev/zero", "/dev/null", "/", "/nonexistent/laporan.toml",
                                  "", "laporan\x00.toml"])
def test_unusable_path_is_a_report_file_error(path):
    """Devices, directories, missing files and impossible names raise ReportFileError."""
    with pytest.raises(kinerja.KinerjaError):
        kinerja.load_report(path)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file_is_a_report_file_error(tmp_path):
    """A file without read permission raises ReportFileError."""
    path = tmp_path / "laporan.toml"
    path.write_text(TEXT)
    path.chmod(0)
    with pytest.raises(kinerja.ReportFileError):
        kinerja.load_report(path)


@pytest.mark.parametrize("name", ["binary", "UTF-16", "a PDF"])
def test_cli_exits_2_with_one_message_on_a_hostile_file(tmp_path, capsys, name):
    """The command line answers a hostile file with exit status 2 and one line on stderr."""
    path = HOSTILE_FILES[name](tmp_path / "laporan.toml")
    assert main(["audit", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.strip()
    assert "Traceback" not in err


@pytest.mark.parametrize("target", ["/", "/nonexistent/x.toml", "/dev/full"])
def test_save_to_an_unusable_path_is_a_report_file_error(target):
    """Saving to a directory, a missing directory or a full device raises ReportFileError."""
    with pytest.raises(kinerja.ReportFileError):
        kinerja.save_report(kinerja.example_report(), target)
