"""Near-duplicate articles: MinHash-LSH over bodies groups copies and close rewrites."""

from diurna.duplicates.minhash import DEFAULT_THRESHOLD, jaccard, near_duplicate_clusters, shingles

__all__ = ["DEFAULT_THRESHOLD", "jaccard", "near_duplicate_clusters", "shingles"]
