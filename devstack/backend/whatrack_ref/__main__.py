"""`python -m whatrack_ref ...` entry point."""

import sys

from whatrack_ref.cli import main

sys.exit(main())
