"""Plan documents, drift and the classification of changes shared with the live audit."""
