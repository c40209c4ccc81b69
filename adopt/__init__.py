"""`fedctl adopt`: a live federation → an environment file whose first plan only imports."""
