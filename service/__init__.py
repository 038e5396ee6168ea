"""The thin web shell: read uploads within their limits, call ``parsers`` and ``matching``, answer in JSON."""
