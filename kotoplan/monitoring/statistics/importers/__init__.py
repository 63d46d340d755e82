"""What the statistics readers share: the dataset they return, and fetching from an address."""
