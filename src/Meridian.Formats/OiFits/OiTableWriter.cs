// SPDX-License-Identifier: MIT
using Meridian.Formats.Fits;

namespace Meridian.Formats.OiFits;

/// <summary>Builds the OIFITS 2 tables of a new file (the columns every reader needs; optional ones left out).</summary>
public static class OiTableWriter
{
    public static FitsBinaryTable Targets(IReadOnlyList<OiTarget> targets)
    {
        var table = FitsBinaryTable.Create("OI_TARGET", [
            new("TARGET_ID", "1I"), new("TARGET", "16A"), new("RAEP0", "1D", "deg"), new("DECEP0", "1D", "deg"), new("EQUINOX", "1E", "yr"),
        ], targets.Count, Revision());
        for (var row = 0; row < targets.Count; row++)
        {
            table.WriteDoubles("TARGET_ID", row, targets[row].Id);
            table.WriteString("TARGET", row, targets[row].Name);
            table.WriteDoubles("RAEP0", row, targets[row].RaDeg);
            table.WriteDoubles("DECEP0", row, targets[row].DecDeg);
            table.WriteDoubles("EQUINOX", row, 2000);
        }

        return table;
    }

    public static FitsBinaryTable Wavelength(OiWavelength wavelength)
    {
        var table = FitsBinaryTable.Create("OI_WAVELENGTH", [new("EFF_WAVE", "1E", "m"), new("EFF_BAND", "1E", "m")],
            wavelength.EffWave.Length, Revision(wavelength.InsName));
        for (var row = 0; row < wavelength.EffWave.Length; row++)
        {
            table.WriteDoubles("EFF_WAVE", row, wavelength.EffWave[row]);
            table.WriteDoubles("EFF_BAND", row, wavelength.EffBand[row]);
        }

        return table;
    }

    public static FitsBinaryTable Vis2(string insName, IReadOnlyList<OiVis2Row> rows, int channels)
    {
        var n = $"{channels}";
        var table = FitsBinaryTable.Create("OI_VIS2", [
            new("TARGET_ID", "1I"), new("MJD", "1D", "day"), new("VIS2DATA", n + "D"), new("VIS2ERR", n + "D"),
            new("UCOORD", "1D", "m"), new("VCOORD", "1D", "m"), new("FLAG", n + "L"),
        ], rows.Count, Revision(insName));
        for (var row = 0; row < rows.Count; row++)
        {
            var r = rows[row];
            table.WriteDoubles("TARGET_ID", row, r.TargetId);
            table.WriteDoubles("MJD", row, r.Mjd);
            table.WriteDoubles("VIS2DATA", row, r.Vis2);
            table.WriteDoubles("VIS2ERR", row, r.Vis2Err);
            table.WriteDoubles("UCOORD", row, r.U);
            table.WriteDoubles("VCOORD", row, r.V);
            table.WriteLogicals("FLAG", row, r.Flag);
        }

        return table;
    }

    public static FitsBinaryTable T3(string insName, IReadOnlyList<OiT3Row> rows, int channels)
    {
        var n = $"{channels}";
        var table = FitsBinaryTable.Create("OI_T3", [
            new("TARGET_ID", "1I"), new("MJD", "1D", "day"), new("T3AMP", n + "D"), new("T3AMPERR", n + "D"),
            new("T3PHI", n + "D", "deg"), new("T3PHIERR", n + "D", "deg"), new("U1COORD", "1D", "m"), new("V1COORD", "1D", "m"),
            new("U2COORD", "1D", "m"), new("V2COORD", "1D", "m"), new("FLAG", n + "L"),
        ], rows.Count, Revision(insName));
        for (var row = 0; row < rows.Count; row++)
        {
            var r = rows[row];
            table.WriteDoubles("TARGET_ID", row, r.TargetId);
            table.WriteDoubles("MJD", row, r.Mjd);
            table.WriteDoubles("T3AMP", row, r.T3Amp);
            table.WriteDoubles("T3AMPERR", row, r.T3AmpErr);
            table.WriteDoubles("T3PHI", row, r.T3Phi);
            table.WriteDoubles("T3PHIERR", row, r.T3PhiErr);
            table.WriteDoubles("U1COORD", row, r.U1);
            table.WriteDoubles("V1COORD", row, r.V1);
            table.WriteDoubles("U2COORD", row, r.U2);
            table.WriteDoubles("V2COORD", row, r.V2);
            table.WriteLogicals("FLAG", row, r.Flag);
        }

        return table;
    }

    private static FitsHeader Revision(string? insName = null)
    {
        var header = new FitsHeader();
        header.Set("OI_REVN", 2L, "OIFITS 2");
        if (insName is not null)
        {
            header.Set("INSNAME", insName);
        }

        return header;
    }
}
