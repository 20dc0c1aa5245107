"""The words a reference uses to say what kind of document a work is: "Report", "Working paper",
"Press release", "Submission". One vocabulary, composed into the patterns that look for it."""

from __future__ import annotations

# Reports and papers, in the languages reference lists are mostly written in.
REPORT_KINDS = (
    r"report|rapport|bericht|informe|relat[oó]rio|working\s+paper|discussion\s+paper|policy\s+(?:brief|paper)|"
    r"briefing\s+(?:paper|note)|white\s+paper|occasional\s+paper|research\s+paper|conference\s+paper|"
    r"fact\s?sheet|technical\s+note"
)
# What an organisation issues or a person delivers, besides reports.
STATEMENT_KINDS = r"submission|memorandum|testimony|(?:press|media|news)\s+release|speech|blog\s+post|podcast"
# What describes a work as a whole, in the sentence after its title ("Product monograph", "Vortrag am ...").
DESCRIPTION_KINDS = r"monograph|documento|vortrag|interview|entretien"
# An agency's or a research house's report number: "GAO-21-123", "OIG-22-05", "EPA-600-R-12-001", "RR-A1234-1".
AGENCY_REPORT_NUMBER = r"[A-Z]{2,6}-[A-Z]?\d{2,5}(?:-[A-Z]?\d{1,6})*[A-Z]{0,2}"
# The number a report's kind is followed by: "12", "No. 12-3", "#7", "WP/19/42".
SERIAL_NUMBER = r"(?:(?i:no|number|nr)\.?\s*|#\s*)?(?P<number>(?=[\w./-]*\d)[A-Z0-9][\w./-]*)"
