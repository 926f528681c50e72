"""``python -m kinerja``: the command line."""

import sys

from kinerja.cli._main import main

if __name__ == "__main__":
    sys.exit(main())
