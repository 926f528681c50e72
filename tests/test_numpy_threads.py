"""numpy imported on first use is safe with threads and never replaces the user's numpy."""

from __future__ import annotations

import subprocess
import sys

#: Eight threads touch kinerja's numpy at once in a fresh interpreter, then four import
#: numpy themselves: every one must see numpy whole.
SCRIPT = """
import sys, threading, kinerja
assert "numpy" not in sys.modules, "import kinerja imported numpy"
errors = []
barrier = threading.Barrier(8)
def work():
    barrier.wait()
    try:
        assert list(kinerja.achievement([75.0, 66.0], [60.0, 55.0])) == [125.0, 120.0]
    except Exception as error:
        errors.append(repr(error))
threads = [threading.Thread(target=work) for _ in range(8)]
[t.start() for t in threads]; [t.join() for t in threads]
def mine():
    try:
        import numpy
        numpy.zeros(3)
    except Exception as error:
        errors.append(repr(error))
threads = [threading.Thread(target=mine) for _ in range(4)]
[t.start() for t in threads]; [t.join() for t in threads]
print(len(errors), errors[:1])
"""


def test_threads_see_numpy_whole():
    """No thread sees a half-imported numpy, in kinerja's arrays or in the user's own import."""
    for _ in range(3):
        out = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True,
                             check=True).stdout
        assert out.startswith("0 "), out
