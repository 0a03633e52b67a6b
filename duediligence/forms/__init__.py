"""Forms of due diligence, one module per area (as in views/)."""
