"""Turning parses into dates: the resolver, calendar arithmetic, offsets, the lunar table."""
