#!/usr/bin/env bash
# Serves the demo on http://127.0.0.1:8000 with the background task worker beside it.
set -eu
PY=.venv/bin/python
# Imports the previous worker left running were interrupted: mark them failed first.
$PY manage.py recover_import_runs --worker-restart
$PY manage.py purge_import_uploads
# Imports a stopped worker left "being saved" are marked failed; expired uploads are removed.
$PY manage.py recover_imports
$PY manage.py purge_imports
$PY manage.py db_worker --interval 2 &
worker=$!
trap 'kill $worker 2>/dev/null || true' EXIT INT TERM
echo "Kotoplan is running on http://127.0.0.1:8000  (Ctrl+C stops it)"
if [ "${DEV:-}" = 1 ]; then
  # make dev: debug pages and reloading on code changes
  $PY manage.py runserver 127.0.0.1:8000
else
  echo "E-mails the demo sends are written to var/mail/."
  $PY manage.py runserver 127.0.0.1:8000 --noreload
fi
