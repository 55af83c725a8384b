"""The commands the Makefile runs, each `python -m macros.commands.<name>`: check (make check),
new_tip (make new-tip), fingerprint (make fingerprint) and zensical_config (make build ENGINE=zensical).
Each is a thin layer over the stages: it parses its arguments and prints; the work is done below."""
