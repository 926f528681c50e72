"""A whole ministry at once: columnar achievements, absorption and scores.

Each function takes columns (numpy arrays, masked arrays or pandas Series,
one element per row) and returns numpy arrays, through the same formulas as
the scalar API: :func:`achievements` is :func:`kinerja.achievement`,
:func:`absorptions` is :func:`kinerja.absorption`, :func:`ikpa_scores` and
:func:`nka_scores` are :meth:`kinerja.Scheme.score_batch` under the preset
schemes; :func:`skp_predikats`, :func:`skp_credit_points` and
:func:`skp_capaians` are the SKP of a whole office (one row per employee).
:func:`audit_many` (and its streaming form :func:`iter_audits`) audits many
reports, in worker processes (``workers=``) or on a Dask cluster
(``client=``), each worker reading its own report files or building its own
synthetic reports (:func:`synthetic_rows`).
Rounded (presented) figures agree with the scalar path; see ``docs/batch.md``.

* Columns are taken by position (a pandas index is ignored).  pandas is not
  imported by kinerja; its columns are read through ``to_numpy``.
* A masked element is *missing*: its result is masked.  NaN (or pandas'
  ``<NA>``) is never taken for a figure: it raises, unless ``nan=`` says what it
  means.
* Long columns are computed block by block, so the temporaries of the
  formulas stay small: peak memory stays below the size of the inputs.

>>> import numpy as np
>>> from kinerja import batch
>>> batch.achievements(np.array([75.0, 66.0]), np.array([60.0, 55.0]), polarity=[1, -1])
array([125.,  80.])
"""

from kinerja.batch._chunks import Audited
from kinerja.batch._compute import absorptions, achievements, ikpa_scores, nka_scores
from kinerja.batch._many import audit_many, iter_audits
from kinerja.batch._periods import aggregate_periods
from kinerja.batch._reports import findings_table, synthetic_reports
from kinerja.batch._rows import SyntheticRows, synthetic_rows
from kinerja.batch._skp import skp_capaians, skp_credit_points, skp_predikats
from kinerja.batch._synthetic import (
    BudgetColumns,
    IndicatorColumns,
    SchemeColumns,
    SyntheticNational,
    synthetic_national,
)

__all__ = [
    "Audited",
    "BudgetColumns",
    "IndicatorColumns",
    "SchemeColumns",
    "SyntheticNational",
    "SyntheticRows",
    "absorptions",
    "achievements",
    "aggregate_periods",
    "audit_many",
    "findings_table",
    "ikpa_scores",
    "iter_audits",
    "nka_scores",
    "skp_capaians",
    "skp_credit_points",
    "skp_predikats",
    "synthetic_national",
    "synthetic_reports",
    "synthetic_rows",
]


def __dir__() -> list[str]:
    """The public names only (the private modules stay out of sight)."""
    return sorted(__all__)
