"""Stage 5, publish: what leaves the build besides the pages. The open data (export.py) and the Open
data page that describes it (datapage.py); the Content-Security-Policy of each built page (csp.py)."""
