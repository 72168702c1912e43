"""Built-in actor dictionary data (CSV/YAML), read by :mod:`diurna.actors.dictionary`."""
