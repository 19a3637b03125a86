#!/usr/bin/env bash
# Brings the sidecar up on a local default set-up: MariaDB with an empty X-Cart 5.4 shop
# (database xc1c_demo), the project's sample catalog loaded through the exchange as 1C would
# send it, gunicorn serving the exchange URL. Ctrl-C stops it; running it again reuses the shop.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh

export XC1C_DATABASE_URL=${XC1C_DATABASE_URL:-mysql://root@127.0.0.1:3306/xc1c_demo}
export XC1C_DATA_DIR=${XC1C_DATA_DIR:-$PWD/var}
BIND=${XC1C_BIND:-127.0.0.1:8080}
LOGIN=${XC1C_DEMO_LOGIN:-1c}
PASSWORD=${XC1C_DEMO_PASSWORD:-demo-$(head -c 6 /dev/urandom | od -An -tx1 | tr -d ' \n')}
XC1C=.venv/bin/xc1c

$XC1C db create-xcart-schema --if-empty
$XC1C db migrate
$XC1C settings set login "$LOGIN" >/dev/null
$XC1C settings set password "$PASSWORD" >/dev/null
# No X-Cart installation here: photos go to a local images/ directory.
$XC1C settings set images_path "$XC1C_DATA_DIR/images" >/dev/null

$XC1C serve --bind "$BIND" &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT INT TERM
for _ in $(seq 1 50); do
  .venv/bin/python -c "import urllib.request; urllib.request.urlopen('http://$BIND/healthz', timeout=1)" \
    2>/dev/null && break
  sleep 0.2
done

URL="http://$BIND/1c_exchange.php"
XC1C_PUSH_PASSWORD="$PASSWORD" $XC1C push-catalog --url "$URL" --login "$LOGIN" tests/data/catalog

cat <<INFO

The exchange is up. Enter this in the 1C exchange node (or test with xc1c push-catalog):
  exchange URL: $URL
  login:        $LOGIN
  password:     $PASSWORD
  database:     $XC1C_DATABASE_URL
  status page:  http://$BIND/status (the same login and password)
Ctrl-C stops the sidecar.
INFO
wait $SERVER
