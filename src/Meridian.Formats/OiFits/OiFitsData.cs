// SPDX-License-Identifier: MIT
using Meridian.Formats.Fits;

namespace Meridian.Formats.OiFits;

/// <summary>
/// The OIFITS tables of a file (OIFITS 2, Duvert et al. 2017; OIFITS 1 files read the same way): targets,
/// wavelengths, and every OI_VIS2, OI_T3 and OI_VIS table with its wavelengths resolved through INSNAME.
/// </summary>
public sealed class OiFitsData
{
    private OiFitsData(
        IReadOnlyList<OiTarget> targets, IReadOnlyList<OiWavelength> wavelengths, IReadOnlyList<OiDataTable<OiVis2Row>> vis2,
        IReadOnlyList<OiDataTable<OiT3Row>> t3, IReadOnlyList<OiDataTable<OiVisRow>> vis)
    {
        Targets = targets;
        Wavelengths = wavelengths;
        Vis2 = vis2;
        T3 = t3;
        Vis = vis;
    }

    public IReadOnlyList<OiTarget> Targets { get; }

    public IReadOnlyList<OiWavelength> Wavelengths { get; }

    public IReadOnlyList<OiDataTable<OiVis2Row>> Vis2 { get; }

    public IReadOnlyList<OiDataTable<OiT3Row>> T3 { get; }

    public IReadOnlyList<OiDataTable<OiVisRow>> Vis { get; }

    public static OiFitsData Read(FitsFile file)
    {
        var targets = new List<OiTarget>();
        foreach (var table in file.Tables("OI_TARGET"))
        {
            for (var row = 0; row < table.RowCount; row++)
            {
                targets.Add(new OiTarget(
                    (int)table.ReadDouble("TARGET_ID", row), table.ReadString("TARGET", row),
                    table.ReadDouble("RAEP0", row), table.ReadDouble("DECEP0", row)));
            }
        }

        var wavelengths = file.Tables("OI_WAVELENGTH").Select(table => new OiWavelength(
            table.Header.GetString("INSNAME"),
            Enumerable.Range(0, table.RowCount).Select(row => table.ReadDouble("EFF_WAVE", row)).ToArray(),
            Enumerable.Range(0, table.RowCount).Select(row => table.ReadDouble("EFF_BAND", row)).ToArray())).ToList();
        if (wavelengths.Count == 0)
        {
            throw new FitsFormatException("the file has no OI_WAVELENGTH table: it is not OIFITS");
        }

        var vis2 = ReadTables(file, "OI_VIS2", wavelengths, (table, row) => new OiVis2Row(
            TargetId(table, row), Mjd(table, row), table.ReadDouble("UCOORD", row), table.ReadDouble("VCOORD", row),
            table.ReadDoubles("VIS2DATA", row), table.ReadDoubles("VIS2ERR", row), Flags(table, row)));
        var t3 = ReadTables(file, "OI_T3", wavelengths, (table, row) => new OiT3Row(
            TargetId(table, row), Mjd(table, row),
            table.ReadDouble("U1COORD", row), table.ReadDouble("V1COORD", row), table.ReadDouble("U2COORD", row), table.ReadDouble("V2COORD", row),
            table.ReadDoubles("T3AMP", row), table.ReadDoubles("T3AMPERR", row), table.ReadDoubles("T3PHI", row), table.ReadDoubles("T3PHIERR", row),
            Flags(table, row)));
        var vis = ReadTables(file, "OI_VIS", wavelengths, (table, row) => new OiVisRow(
            TargetId(table, row), Mjd(table, row), table.ReadDouble("UCOORD", row), table.ReadDouble("VCOORD", row),
            table.ReadDoubles("VISAMP", row), table.ReadDoubles("VISAMPERR", row), table.ReadDoubles("VISPHI", row), table.ReadDoubles("VISPHIERR", row),
            Flags(table, row)));
        return new OiFitsData(targets, wavelengths, vis2, t3, vis);
    }

    public OiTarget? FindTarget(string name) =>
        Targets.FirstOrDefault(t => string.Equals(t.Name.Trim(), name.Trim(), StringComparison.OrdinalIgnoreCase));

    private static List<OiDataTable<TRow>> ReadTables<TRow>(
        FitsFile file, string extName, List<OiWavelength> wavelengths, Func<FitsBinaryTable, int, TRow> readRow)
    {
        var tables = new List<OiDataTable<TRow>>();
        foreach (var table in file.Tables(extName))
        {
            var insName = table.Header.GetString("INSNAME");
            var wavelength = wavelengths.FirstOrDefault(w => string.Equals(w.InsName, insName, StringComparison.Ordinal))
                ?? (wavelengths.Count == 1 ? wavelengths[0] : null)
                ?? throw new FitsFormatException($"{extName}: no OI_WAVELENGTH table has INSNAME '{insName}'");
            var rows = new List<TRow>(table.RowCount);
            for (var row = 0; row < table.RowCount; row++)
            {
                rows.Add(readRow(table, row));
            }

            tables.Add(new OiDataTable<TRow>(insName, table.Header.GetString("ARRNAME"), wavelength, rows));
        }

        return tables;
    }

    private static int TargetId(FitsBinaryTable table, int row) => (int)table.ReadDouble("TARGET_ID", row);

    private static double Mjd(FitsBinaryTable table, int row) => table.HasColumn("MJD") ? table.ReadDouble("MJD", row) : double.NaN;

    private static bool[] Flags(FitsBinaryTable table, int row) => table.HasColumn("FLAG") ? table.ReadLogicals("FLAG", row) : [];
}
