"""Search: the site's own index (words, entries, index files) in pieces the browser loads on demand,
and the worker as one file. Browser side: overrides/assets/javascripts/workers/.

May import: model, render. Imported by: hooks.
"""
