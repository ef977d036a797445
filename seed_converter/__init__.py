"""Seed converter: plain-text seed articles (seeds/*.txt) to Pelican Markdown.

The pipeline's first stage. Pure parts (decode, seed, byline, markdown_text,
slug, article) work on plain data; convert.py does the file-system work and
cli.py is the command line (`python -m seed_converter`).
"""
