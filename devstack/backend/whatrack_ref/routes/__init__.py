"""HTTP routes, one module per area of the real API."""
