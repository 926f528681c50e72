"""Schemes: weighted scores as data (IKPA, SMART DJA NKA, e-Monev, LKE, SKP) and their scoring.

The fourth layer (above :mod:`kinerja.budget`): a :class:`Scheme` (components,
weights, aspects, deductions, category bands) is data, read from TOML; the
presets kinerja ships are such files in ``kinerja/schemes/presets``.  Scoring
is written once for one work unit and for many.  Rules and sources: docs
pages *Scoring schemes*, *IKPA*, *IKPA 2024+ components*, *SMART DJA NKA*,
*e-Monev Bappenas*, *SAKIP evaluation (LKE)* and *SKP*.

The value classes of the SAKIP evaluation and of SKP (:class:`LkeScore`,
:class:`SkpScheme`, ...) are exported from here; the functions that make them
also from :mod:`kinerja`.
"""

from typing import TYPE_CHECKING

from kinerja.core._lazy import lazy_attributes
from kinerja.schemes._batch import BatchScore
from kinerja.schemes._file import dump_scheme, load_scheme, loads_scheme, save_scheme
from kinerja.schemes._parts import Aspect, Band, CalculatedComponent, Component, Deduction
from kinerja.schemes._presets import emonev_scale, ikpa_scheme, nka_scheme, preset_schemes
from kinerja.schemes._progress import ProgressScale
from kinerja.schemes._scheme import Scheme
from kinerja.schemes._scoring import ComponentScore, ScoreResult, ScoreStep

if TYPE_CHECKING:
    from kinerja.schemes._ikpa_2024 import (
        ikpa_belanja_kontraktual,
        ikpa_capaian_output,
        ikpa_dispensasi_spm,
        ikpa_up_tup,
    )
    from kinerja.schemes._ikpa_components import (
        PENYERAPAN_TARGETS,
        ikpa_deviasi_halaman_iii,
        ikpa_penyerapan,
    )
    from kinerja.schemes._ikpa_revisi import ikpa_revisi_dipa
    from kinerja.schemes._lke import LkeLoss, LkeScore, lke_answer_scale, lke_scheme, lke_score
    from kinerja.schemes._lke_review import (
        LkeDifference,
        LkeEvaluation,
        LkePrintedFigure,
        lke_check_printed,
        lke_evaluation,
    )
    from kinerja.schemes._skp import SkpDistribution, SkpScheme
    from kinerja.schemes._skp_file import (
        dump_skp_scheme,
        load_skp_scheme,
        loads_skp_scheme,
        skp_scheme,
    )
    from kinerja.schemes._skp_pp46 import SkpCapaian, skp_capaian_pp46
    from kinerja.schemes._skp_rules import skp_credit_points, skp_distribution, skp_predikat

#: The SKP rules, the IKPA component calculators and the SAKIP evaluation (LKE), loaded
#: on first use (core/_lazy.py): an audit of a report file needs them only when it prints
#: their figures.
_LAZY = {
    "LkeDifference": "kinerja.schemes._lke_review",
    "LkeEvaluation": "kinerja.schemes._lke_review",
    "LkeLoss": "kinerja.schemes._lke",
    "LkePrintedFigure": "kinerja.schemes._lke_review",
    "LkeScore": "kinerja.schemes._lke",
    "lke_answer_scale": "kinerja.schemes._lke",
    "lke_check_printed": "kinerja.schemes._lke_review",
    "lke_evaluation": "kinerja.schemes._lke_review",
    "lke_scheme": "kinerja.schemes._lke",
    "lke_score": "kinerja.schemes._lke",
    "PENYERAPAN_TARGETS": "kinerja.schemes._ikpa_components",
    "SkpCapaian": "kinerja.schemes._skp_pp46",
    "SkpDistribution": "kinerja.schemes._skp",
    "SkpScheme": "kinerja.schemes._skp",
    "dump_skp_scheme": "kinerja.schemes._skp_file",
    "ikpa_belanja_kontraktual": "kinerja.schemes._ikpa_2024",
    "ikpa_capaian_output": "kinerja.schemes._ikpa_2024",
    "ikpa_deviasi_halaman_iii": "kinerja.schemes._ikpa_components",
    "ikpa_dispensasi_spm": "kinerja.schemes._ikpa_2024",
    "ikpa_penyerapan": "kinerja.schemes._ikpa_components",
    "ikpa_revisi_dipa": "kinerja.schemes._ikpa_revisi",
    "ikpa_up_tup": "kinerja.schemes._ikpa_2024",
    "load_skp_scheme": "kinerja.schemes._skp_file",
    "loads_skp_scheme": "kinerja.schemes._skp_file",
    "skp_capaian_pp46": "kinerja.schemes._skp_pp46",
    "skp_credit_points": "kinerja.schemes._skp_rules",
    "skp_distribution": "kinerja.schemes._skp_rules",
    "skp_predikat": "kinerja.schemes._skp_rules",
    "skp_scheme": "kinerja.schemes._skp_file",
}
__getattr__ = lazy_attributes(__name__, _LAZY)

__all__ = [
    "PENYERAPAN_TARGETS",
    "Aspect",
    "Band",
    "BatchScore",
    "CalculatedComponent",
    "Component",
    "ComponentScore",
    "Deduction",
    "LkeDifference",
    "LkeEvaluation",
    "LkeLoss",
    "LkePrintedFigure",
    "LkeScore",
    "ProgressScale",
    "Scheme",
    "ScoreResult",
    "ScoreStep",
    "SkpCapaian",
    "SkpDistribution",
    "SkpScheme",
    "dump_scheme",
    "dump_skp_scheme",
    "emonev_scale",
    "ikpa_belanja_kontraktual",
    "ikpa_capaian_output",
    "ikpa_deviasi_halaman_iii",
    "ikpa_dispensasi_spm",
    "ikpa_penyerapan",
    "ikpa_revisi_dipa",
    "ikpa_scheme",
    "ikpa_up_tup",
    "lke_answer_scale",
    "lke_check_printed",
    "lke_evaluation",
    "lke_scheme",
    "lke_score",
    "load_scheme",
    "load_skp_scheme",
    "loads_scheme",
    "loads_skp_scheme",
    "nka_scheme",
    "preset_schemes",
    "save_scheme",
    "skp_capaian_pp46",
    "skp_credit_points",
    "skp_distribution",
    "skp_predikat",
    "skp_scheme",
]


def __dir__() -> list[str]:
    """The public names only (the private modules stay out of sight)."""
    return sorted(__all__)
