"""Turning parses into dates: the resolver. Calendar arithmetic lives in ``deadline_cn._calendar``."""
