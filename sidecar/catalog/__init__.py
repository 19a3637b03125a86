"""Catalog orchestration: match 1C Ид to X-Cart ids, decide create / update / skip, and drive
the time-boxed, resumable import of one file. Builds no SQL itself."""
