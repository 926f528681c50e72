"""``python -m kinerja``: the command line."""

import sys

from kinerja._cli import main

if __name__ == "__main__":
    sys.exit(main())
