"""The exchange with 1C as plain functions, with no HTTP in them: a run that records itself in
the history (run), the catalog lease and the import and orders locks (locks), the calls both
exchange types share (session), the catalog's (catalog) and the orders' (sale) steps, files
given from outside 1C's upload (files), uploads 1C never asked to import (pending), and the
file mechanics of uploads (upload). The HTTP door (sidecar.web), the CLI and a background
import call these alike."""
