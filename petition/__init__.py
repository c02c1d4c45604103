"""Petition Helper's rules engine: model, House formulae, reader, converter and checks.

Plain Python with no Flask import, so the CLI, the web app and the PDF renderer
all call the same code.
"""
