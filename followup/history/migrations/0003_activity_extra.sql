-- The columns followup has no field for (the output document's Activity.extra), as JSON text.
ALTER TABLE activities ADD COLUMN extra_json TEXT NOT NULL DEFAULT '{}';
