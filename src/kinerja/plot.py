"""Charts like an LKjIP's, with Indonesian labels by default (needs the ``plot`` extra).

Each function draws on a Matplotlib ``Axes`` (a new figure when none is
given) and returns it, so charts can be combined and saved::

    import kinerja, kinerja.plot
    report = kinerja.example_report()
    ax = kinerja.plot.achievements(report)
    ax.figure.savefig("capaian.png")

Matplotlib is imported when a chart is drawn, not when kinerja is imported.
The charts are drawn by the outputs layer (``kinerja/outputs/_plot.py``).
"""

from kinerja.outputs._plot import absorption, absorptions, achievements, ikpa, trajectory

__all__ = ["absorption", "absorptions", "achievements", "ikpa", "trajectory"]


def __dir__() -> list[str]:
    """The public names only."""
    return sorted(__all__)
