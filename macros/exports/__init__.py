"""Exports: the built pages turned into documents people download (PDF now; Word later).

Belongs here: which pages become documents, the cache that keeps them from being made twice,
and the engines that write them. Exports read the built site, never HR's files directly.

May import: model, render. Imported by: hooks, commands.
"""
