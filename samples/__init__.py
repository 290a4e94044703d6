"""Realistic follow-up report PDFs, the generator that makes them and their expected outputs."""
