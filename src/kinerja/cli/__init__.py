"""The ``kinerja`` command line (the top layer): ``kinerja audit`` and ``kinerja tables``.

Run ``kinerja --help``; the docs page *The audit* shows examples.
"""

from kinerja.cli._main import main

__all__ = ["main"]


def __dir__() -> list[str]:
    """The public names only (the private modules stay out of sight)."""
    return sorted(__all__)
