"""Helpers the tests share: the project and its builds, one local HTTP server, one HTML parser, one YAML loader.

Tests import them by name (`from support.project import PROJECT`); pytest.ini puts tests/ on the path.
"""
