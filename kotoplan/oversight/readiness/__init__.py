"""The statutory readiness check: versioned rules, a stored result per plan, its refresh."""
