"""xc1c: the 1C:Enterprise <-> X-Cart 5 CommerceML exchange sidecar."""

__version__ = "0.5.0"
