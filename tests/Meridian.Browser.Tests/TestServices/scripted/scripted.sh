#!/bin/sh
# SPDX-License-Identifier: MIT
# scripted: writes results whose script, if it ran on the server's origin, would mark the document and create a job.
cat > picture.svg <<'SVG'
<svg xmlns="http://www.w3.org/2000/svg" width="120" height="60" viewBox="0 0 120 60">
  <rect width="120" height="60" fill="#0a58ca"/>
  <script>document.documentElement.setAttribute('data-ran', 'yes'); fetch('/uws/hello', { method: 'POST', body: new URLSearchParams({ PHASE: 'RUN' }) });</script>
</svg>
SVG
cat > page.html <<'HTML'
<!doctype html><html lang="en"><head><title>A result</title></head><body><p>A result page.</p>
<script>document.documentElement.setAttribute('data-ran', 'yes'); fetch('/uws/hello', { method: 'POST', body: new URLSearchParams({ PHASE: 'RUN' }) });</script>
</body></html>
HTML
