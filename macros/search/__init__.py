"""Search: the index the browser searches, refined after Material has written it.

Belongs here: clause-level entries, the index's encoding and the settings the browser worker
reads. The browser side lives in overrides/assets/javascripts/workers/.

May import: model, render. Imported by: hooks.
"""
