"""The observations and shortcomings dialogue, and the records of regional discussions."""
