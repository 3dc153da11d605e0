"""The readers: normalise() for a cell, extract() for running text, the jionlp fallback."""
