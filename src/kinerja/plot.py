"""Charts like an LKjIP's, in Indonesian by default (needs the ``plot`` extra).

Each function draws on a Matplotlib ``Axes`` (a new figure when none is
given) and returns it, so charts can be combined and saved::

    import kinerja, kinerja.plot
    report = kinerja.example_report()
    ax = kinerja.plot.achievements(report)          # lang="en" for English
    ax.figure.savefig("capaian.png")

Every chart labels its marks with their values in the language's notation
(``99,96%``); a new figure has a constrained layout (a plain ``savefig`` cuts
nothing off) and its legend outside the plot; absorptions are drawn as dots on
a zoomed axis; a selection with nothing to draw is an error that says what to
choose.  Matplotlib is imported when a chart is drawn, not when kinerja is
imported.  The charts are drawn by the outputs layer
(``kinerja/outputs/_plot.py``); docs pages *Analysts (notebooks)* and *Output
languages*.
"""

from kinerja.outputs._plot import absorption, absorptions, achievements, ikpa, trajectory

__all__ = ["absorption", "absorptions", "achievements", "ikpa", "trajectory"]


def __dir__() -> list[str]:
    """The public names only."""
    return sorted(__all__)
