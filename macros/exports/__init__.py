"""Exports: the built pages turned into documents people download (PDF, Word), and their cache.

May import: model, render. Imported by: hooks, commands.
"""
