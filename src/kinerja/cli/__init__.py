"""The ``kinerja`` command line (the top layer): ``kinerja audit`` and ``kinerja tables``.

Run ``kinerja --help``; the docs page *The audit* shows examples.
"""

from kinerja.cli._main import main

__all__ = ["main"]
