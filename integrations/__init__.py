"""Clients of outside services, kept apart from the rules engine (petition/) and from Flask (web/).

`represent`: Open North's Represent API (a postal code's Member of Parliament), with its cache and its
site-wide rate limit.
"""
