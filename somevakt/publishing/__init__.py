"""Posts for the official accounts, their pictures and the photo-consent register."""
