"""`make bench`: followup against the bare pdfplumber parse and generic table extractors."""
