"""Reference WhaTrack backend ("ticket era", tjgontijo/whatrack @ 6fda984f).

A small FastAPI + SQLite server that speaks the same HTTP API, cookies, Centrifugo tokens and
publications as the real Next.js backend, so the desktop inbox can be developed and tested
against it and still work against a real deployment. See docs/api.md for the differences.
"""

__version__ = "0.1.0"
