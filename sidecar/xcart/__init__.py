"""X-Cart storage: SQL that writes rows exactly as X-Cart itself would. Knows no CommerceML."""
