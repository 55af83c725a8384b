"""Stage 1, read: each data file, parsed strictly (yamlfile.py) and checked against its kind's JSON
Schema, into records that remember the line of every value (records.py)."""
