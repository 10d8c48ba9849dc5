#!/bin/sh
# SPDX-License-Identifier: MIT
# planck_spectrum: the spectrum of a star radiating as a black body, as a
# VOTable 1.4 (TABLEDATA) in spectrum.vot in the current directory.
# Usage: planck_spectrum.sh --temperature K --radius RSUN --distance PC
#                           --wave-min UM --wave-max UM --npoints N
set -u
LC_ALL=C; export LC_ALL

die() { printf 'planck_spectrum: %s\n' "$1" >&2; exit 1; }

# Only characters of a decimal number reach awk, which checks the exact syntax.
numeric_chars() {
    case $2 in
        ''|*[!0-9eE.+-]*) die "$1 must be a number, got: $2" ;;
    esac
}

temperature='' radius='' distance='' wave_min='' wave_max='' npoints=''
while [ $# -gt 0 ]; do
    [ $# -ge 2 ] || die "$1 needs a value"
    case $1 in
        --temperature) temperature=$2 ;;
        --radius) radius=$2 ;;
        --distance) distance=$2 ;;
        --wave-min) wave_min=$2 ;;
        --wave-max) wave_max=$2 ;;
        --npoints) npoints=$2 ;;
        *) die "unknown argument: $1" ;;
    esac
    shift 2
done
for pair in "temperature $temperature" "radius $radius" "distance $distance" \
            "wave-min $wave_min" "wave-max $wave_max" "npoints $npoints"; do
    numeric_chars ${pair% *} "${pair#* }"
done

export temperature radius distance wave_min wave_max npoints
awk '
function fail(msg) { printf "planck_spectrum: %s\n", msg > "/dev/stderr"; failed = 1; exit 1 }
function isreal(s) { return s ~ /^[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?[0-9]+)?$/ }
function real_in(name, s, lo, hi) {
    if (!isreal(s)) fail(name " must be a number, got: " s)
    if (s + 0 < lo || s + 0 > hi) fail(name " must be between " lo " and " hi ", got: " s)
    return s + 0
}
BEGIN {
    T = real_in("temperature", ENVIRON["temperature"], 500, 200000)
    R = real_in("radius", ENVIRON["radius"], 0.001, 10000)
    D = real_in("distance", ENVIRON["distance"], 0.001, 1e9)
    lo = real_in("wave-min", ENVIRON["wave_min"], 0.01, 1000)
    hi = real_in("wave-max", ENVIRON["wave_max"], 0.01, 1000)
    n = real_in("npoints", ENVIRON["npoints"], 2, 100000)
    if (n != int(n)) fail("npoints must be a whole number, got: " n)
    if (lo >= hi) fail("wave-min (" lo " um) must be below wave-max (" hi " um)")

    h = 6.62607015e-34; c = 299792458; k = 1.380649e-23
    rsun = 6.957e8; pc = 3.0856775814913673e16
    dilution = (R * rsun / (D * pc)) ^ 2
    out = "spectrum.vot"
    print "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" > out
    print "<VOTABLE version=\"1.4\" xmlns=\"http://www.ivoa.net/xml/VOTable/v1.3\">" > out
    print " <RESOURCE type=\"results\">" > out
    print "  <INFO name=\"QUERY_STATUS\" value=\"OK\"/>" > out
    printf "  <TABLE name=\"planck_spectrum\">\n" > out
    printf "   <DESCRIPTION>Black-body spectrum: T = %g K, R = %g Rsun, d = %g pc</DESCRIPTION>\n", T, R, D > out
    printf "   <PARAM name=\"temperature\" datatype=\"double\" unit=\"K\" ucd=\"phys.temperature.effective\" value=\"%.10g\"/>\n", T > out
    print "   <FIELD name=\"wavelength\" datatype=\"double\" unit=\"um\" ucd=\"em.wl\"/>" > out
    print "   <FIELD name=\"flux\" datatype=\"double\" unit=\"W.m-2.um-1\" ucd=\"phot.flux.density;em.wl\"/>" > out
    print "   <FIELD name=\"radiance\" datatype=\"double\" unit=\"W.m-2.sr-1.um-1\" ucd=\"phot.flux.density;em.wl;phys.angArea\"/>" > out
    print "   <DATA><TABLEDATA>" > out
    for (i = 0; i < n; i++) {
        um = lo + (hi - lo) * i / (n - 1)
        wl = um * 1e-6
        x = h * c / (wl * k * T)
        # exp overflows a double beyond ~709: the radiance there is zero to double precision.
        b = x > 700 ? 0 : 2 * h * c * c / (wl ^ 5) / (exp(x) - 1) * 1e-6
        printf "    <TR><TD>%.10g</TD><TD>%.10g</TD><TD>%.10g</TD></TR>\n", um, 3.141592653589793 * b * dilution, b > out
        if (i % 1000 == 0) printf "%.4f\n", i / n > "progress"
    }
    print "   </TABLEDATA></DATA>" > out
    print "  </TABLE>" > out
    print " </RESOURCE>" > out
    print "</VOTABLE>" > out
    close(out)
    printf "planck_spectrum: %d points from %g to %g um, peak (Wien) at %.6g um\n", n, lo, hi, 2897.771955 / T
}
END { if (failed) exit 1 }
'
