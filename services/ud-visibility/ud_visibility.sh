#!/bin/sh
# SPDX-License-Identifier: MIT
# ud_visibility: squared visibility of a uniform or linearly limb-darkened
# stellar disk. Writes vis2.csv and vis2.svg in the current directory.
# Usage: ud_visibility.sh --theta MAS --wavelength UM [--model uniform|limb-darkened]
#                         [--u COEFF] [--npoints N] -- BASELINE_M...
set -u
LC_ALL=C; export LC_ALL

die() { printf 'ud_visibility: %s\n' "$1" >&2; exit 1; }

# Reject anything that cannot be part of a decimal number (spaces, newlines,
# quotes, ...) before the value reaches awk; awk checks the exact syntax.
numeric_chars() {
    case $2 in
        ''|*[!0-9eE.+-]*) die "$1 must be a number, got: $2" ;;
    esac
}

theta='' wavelength='' model=uniform u=0.3 npoints=''
while [ $# -gt 0 ]; do
    case $1 in
        --theta|--wavelength|--model|--u|--npoints)
            [ $# -ge 2 ] || die "$1 needs a value"
            case $1 in
                --theta) theta=$2 ;;
                --wavelength) wavelength=$2 ;;
                --model) model=$2 ;;
                --u) u=$2 ;;
                --npoints) npoints=$2 ;;
            esac
            shift 2 ;;
        --) shift; break ;;
        *) die "unknown argument: $1" ;;
    esac
done
# The remaining arguments are the baselines, one per argument.
[ $# -ge 1 ] || die "at least one baseline is required after --"
[ $# -le 500 ] || die "at most 500 baselines are allowed"

numeric_chars theta "$theta"
numeric_chars wavelength "$wavelength"
numeric_chars u "$u"
[ -z "$npoints" ] || numeric_chars npoints "$npoints"
case $model in
    uniform|limb-darkened) ;;
    *) die "model must be 'uniform' or 'limb-darkened', got: $model" ;;
esac
for b in "$@"; do numeric_chars baseline "$b"; done

export theta wavelength model u npoints
# One baseline per line; safe since newlines were rejected above.
printf '%s\n' "$@" | awk '
function fail(msg) { printf "ud_visibility: %s\n", msg > "/dev/stderr"; failed = 1; exit 1 }
function isreal(s) { return s ~ /^[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?[0-9]+)?$/ }
function real_in(name, s, lo, hi) {
    if (!isreal(s)) fail(name " must be a number, got: " s)
    if (s + 0 < lo || s + 0 > hi) fail(name " must be between " lo " and " hi ", got: " s)
    return s + 0
}
function floor(v,  f) { f = int(v); return (f > v) ? f - 1 : f }

# J1(x)/x, from the Numerical Recipes bessj1 rational approximation (|x| < 8)
# and asymptotic expansion (|x| >= 8); absolute accuracy about 1e-8.
# Dividing by x inside the polynomial avoids 0/0 at x = 0 (limit 1/2).
function j1_over_x(x,   ax, y, z, xx, p, q, j) {
    ax = (x < 0) ? -x : x
    if (ax < 8) {
        y = x * x
        p = 72362614232.0 + y * (-7895059235.0 + y * (242396853.1 + y * (-2972611.439 \
            + y * (15704.48260 + y * (-30.16036606)))))
        q = 144725228442.0 + y * (2300535178.0 + y * (18583304.74 + y * (99447.43394 \
            + y * (376.9991397 + y * 1.0))))
        return p / q
    }
    z = 8.0 / ax; y = z * z; xx = ax - 2.356194491
    p = 1.0 + y * (0.183105e-2 + y * (-0.3516396496e-4 + y * (0.2457520174e-5 + y * (-0.240337019e-6))))
    q = 0.04687499995 + y * (-0.2002690873e-3 + y * (0.8449199096e-5 + y * (-0.88228987e-6 + y * 0.105787412e-6)))
    j = sqrt(0.636619772 / ax) * (cos(xx) * p - z * sin(xx) * q)
    return j / ax        # J1 is odd, so J1(x)/x = J1(|x|)/|x|
}

# sqrt(pi/2) * J_{3/2}(x) / x^{3/2} = (sin x - x cos x) / x^3, limit 1/3 at 0.
# Use the Taylor series for small x, where the direct form cancels badly.
function j32_term(x,   y) {
    if (x < 0.1) { y = x * x; return 1/3 - y/30 + y*y/840 - y*y*y/45360 }
    return (sin(x) - x * cos(x)) / (x * x * x)
}

function visibility(x) {
    if (x == 0) return 1
    if (model == "uniform") return 2 * j1_over_x(x)
    return ((1 - u) * j1_over_x(x) + u * j32_term(x)) / ((1 - u) / 2 + u / 3)
}

BEGIN {
    pi = atan2(0, -1)
    # Ranges mirror ud-visibility.yaml (the server checks them too).
    theta = real_in("theta", ENVIRON["theta"], 0.01, 100)
    lambda_um = real_in("wavelength", ENVIRON["wavelength"], 0.3, 20)
    u = real_in("u", ENVIRON["u"], 0, 1)
    model = ENVIRON["model"]
    np = ENVIRON["npoints"]
    if (np != "") {
        if (np !~ /^[+-]?[0-9]+$/ || np + 0 < 2 || np + 0 > 10000)
            fail("npoints must be an integer between 2 and 10000, got: " np)
        np += 0
    }
    n = 0; bmax = 0
}
{ b[++n] = real_in("baseline", $0, 0, 1000); if (b[n] > bmax) bmax = b[n] }
END {
    if (failed) exit 1
    if (n == 0) fail("no baselines given")
    if (np != "") {          # regular grid from 0 to max(baselines)
        n = np
        for (i = 1; i <= n; i++) b[i] = bmax * (i - 1) / (n - 1)
    }

    theta_rad = theta * pi / (180 * 3600 * 1000)   # mas -> rad
    lambda_m = lambda_um * 1e-6                     # um -> m
    rad_per_arcsec = pi / (180 * 3600)

    csv = "vis2.csv"
    print "baseline_m,spatial_frequency_cycles_per_arcsec,vis2" > csv
    for (i = 1; i <= n; i++) {
        x = pi * b[i] * theta_rad / lambda_m
        v = visibility(x)
        v2[i] = v * v
        # B/lambda is in cycles per radian; convert to cycles per arcsec.
        printf "%.10g,%.10g,%.10g\n", b[i], b[i] / lambda_m * rad_per_arcsec, v2[i] > csv
    }
    close(csv)

    # Sort by baseline for the line plot (insertion sort: n <= 10000 and
    # the list is at most 500 items, a grid is already sorted).
    for (i = 2; i <= n; i++) {
        kb = b[i]; kv = v2[i]
        for (j = i - 1; j >= 1 && b[j] > kb; j--) { b[j + 1] = b[j]; v2[j + 1] = v2[j] }
        b[j + 1] = kb; v2[j + 1] = kv
    }

    # --- SVG plot: vis2 (0..1) against baseline (0..nice maximum) ---
    W = 640; H = 420; L = 70; R = 20; T = 40; B = 60
    pw = W - L - R; ph = H - T - B
    xm = (bmax > 0) ? bmax : 1
    raw = xm / 5; mag = 10 ^ floor(log(raw) / log(10)); r = raw / mag
    step = (r <= 1 ? 1 : r <= 2 ? 2 : r <= 5 ? 5 : 10) * mag
    xtop = step * int(xm / step)          # axis end: first tick >= xm
    if (xtop < xm * (1 - 1e-12)) xtop += step
    svg = "vis2.svg"
    printf "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" > svg
    printf "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">\n", W, H, W, H > svg
    printf "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>\n", W, H > svg
    printf "<text x=\"%d\" y=\"24\" text-anchor=\"middle\" font-size=\"14\">%s disk, &#952; = %g mas, &#955; = %g &#181;m%s</text>\n", \
        L + pw / 2, (model == "uniform" ? "Uniform" : "Limb-darkened"), theta, lambda_um, \
        (model == "uniform" ? "" : sprintf(", u = %g", u)) > svg
    for (k = 0; k <= 5; k++) {            # y grid and labels
        y = T + ph - ph * k / 5
        printf "<line x1=\"%d\" y1=\"%.2f\" x2=\"%d\" y2=\"%.2f\" stroke=\"#ddd\"/>\n", L, y, L + pw, y > svg
        printf "<text x=\"%d\" y=\"%.2f\" text-anchor=\"end\">%g</text>\n", L - 6, y + 4, k / 5 > svg
    }
    for (t = 0; t <= xtop * (1 + 1e-9); t += step) {   # x grid and labels
        xp = L + pw * t / xtop
        printf "<line x1=\"%.2f\" y1=\"%d\" x2=\"%.2f\" y2=\"%d\" stroke=\"#ddd\"/>\n", xp, T, xp, T + ph > svg
        printf "<text x=\"%.2f\" y=\"%d\" text-anchor=\"middle\">%g</text>\n", xp, T + ph + 18, t > svg
    }
    printf "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"black\"/>\n", L, T, pw, ph > svg
    printf "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">Projected baseline (m)</text>\n", L + pw / 2, H - 15 > svg
    printf "<text x=\"18\" y=\"%d\" text-anchor=\"middle\" transform=\"rotate(-90 18 %d)\">|V|&#178;</text>\n", T + ph / 2, T + ph / 2 > svg
    printf "<polyline fill=\"none\" stroke=\"#1f77b4\" stroke-width=\"1.5\" points=\"" > svg
    for (i = 1; i <= n; i++)
        printf "%s%.2f,%.2f", (i > 1 ? " " : ""), L + pw * b[i] / xtop, T + ph * (1 - v2[i]) > svg
    printf "\"/>\n" > svg
    if (n <= 60)                          # markers for sparse samples
        for (i = 1; i <= n; i++)
            printf "<circle cx=\"%.2f\" cy=\"%.2f\" r=\"3\" fill=\"#1f77b4\"/>\n", L + pw * b[i] / xtop, T + ph * (1 - v2[i]) > svg
    printf "</svg>\n" > svg
    close(svg)
    printf "ud_visibility: %d baselines, model %s, theta %g mas, lambda %g um\n", n, model, theta, lambda_um
}' || exit 1
