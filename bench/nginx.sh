#!/usr/bin/env bash
# Starts a throwaway nginx on 127.0.0.1 serving static folders, for benchmarks and end-to-end runs.
# Usage: bench/nginx.sh start WORKDIR PORT:ROOT [PORT:ROOT ...]   (prints nothing; pid in WORKDIR/nginx.pid)
#        bench/nginx.sh stop WORKDIR
set -euo pipefail
action=$1; work=$2; shift 2
case "$action" in
  start)
    mkdir -p "$work/nginx-temp"
    {
      echo "worker_processes 2; pid $work/nginx.pid; error_log $work/nginx-error.log;"
      echo "events { worker_connections 1024; }"
      echo "http {"
      echo "  include /etc/nginx/mime.types; types { application/gzip tgz; }"
      echo "  access_log off; sendfile on; tcp_nopush on; keepalive_requests 10000;"
      echo "  client_body_temp_path $work/nginx-temp; proxy_temp_path $work/nginx-temp;"
      echo "  fastcgi_temp_path $work/nginx-temp; uwsgi_temp_path $work/nginx-temp; scgi_temp_path $work/nginx-temp;"
      for pair in "$@"; do
        echo "  server { listen 127.0.0.1:${pair%%:*}; root ${pair#*:}; etag on; }"
      done
      echo "}"
    } > "$work/nginx.conf"
    nginx -c "$work/nginx.conf" -p "$work"
    ;;
  stop)
    [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
    ;;
esac
