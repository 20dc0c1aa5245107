"""briefing-pipeline: turn a folder of source articles into a cited briefing."""
