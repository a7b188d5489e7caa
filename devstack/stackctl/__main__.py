"""Entry point for `python -m stackctl` (devstack/up, devstack/down and devstack/status call it)."""

import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main())
