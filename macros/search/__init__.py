"""Search: the site's own index, in pieces the browser loads on demand, and the worker as one file.

Belongs here: what a word is (words.py), a page's entries — the page, its sections, each numbered
clause (entries.py), the index files and the settings the browser worker reads (index.py), and the
one-file worker (worker.py). The browser side lives in overrides/assets/javascripts/workers/.

May import: model, render. Imported by: hooks.
"""
