"""stackctl: starts and stops the local WhaTrack stack (docs/devstack.md).

Standard library only, on purpose: `devstack/up` must work on a machine where the backend's
virtualenv does not exist yet (scripts/bootstrap creates it), and a test harness must be able
to stop a stack with nothing but the system Python.
"""
