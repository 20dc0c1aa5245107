"""Government and legal citations, read before the styles' rules (designations in pipeline/text/designations.py).

- legal:      bills, laws, codes, registers, court cases, executive orders, CRS and committee reports
- acts:       Acts, bills and regulations cited by name in the Commonwealth styles (AGLC, McGill, OSCOLA)
- statements: floor statements, testimony, hearings, letters and memoranda, and their speakers
"""
