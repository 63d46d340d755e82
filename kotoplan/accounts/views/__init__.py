"""Account pages: `login` (logging in and out, passwords), `two_factor` (the authenticator
app) and `middleware` (session expiry and the second-factor gate)."""
