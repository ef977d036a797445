"""Shared test helpers: building a small site, serving it, driving Chromium."""
