"""Past one machine: the distributed runner and its Parquet output."""
