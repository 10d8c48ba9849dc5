// SPDX-License-Identifier: MIT
using System.Globalization;

namespace Meridian.Bench;

/// <summary>A target from the project's performance goals, and whether this run met it.</summary>
internal sealed record Target(string Text, bool Met);

/// <summary>
/// One line of the table. When <paramref name="FloorMs"/> is given the value is a latency in ms too (or in
/// <paramref name="FloorUnit"/>, the value's unit), and the ratio says how many floors it costs.
/// </summary>
internal sealed record Row(string Figure, double Value, string Unit, double? FloorMs = null, string? FloorName = null, Target? Target = null, string FloorUnit = "ms")
{
    public bool IsSection { get; init; }
}

/// <summary>The figures of one run, printed as a table followed by the targets missed and notes on how the run went.</summary>
internal sealed class Report
{
    private readonly List<Row> _rows = [];
    private readonly List<string> _notes = [];

    private readonly List<string[]> _sideBySide = [];
    private string[] _sideBySideHeader = [];

    public void Add(Row row) => _rows.Add(row);

    /// <summary>A heading line in the table (a configuration's rows follow it).</summary>
    public void Section(string title) => _rows.Add(new Row("== " + title, double.NaN, "") { IsSection = true });

    /// <summary>The columns of the side-by-side table printed after the main one (configurations).</summary>
    public void SideBySideColumns(params string[] configurations) => _sideBySideHeader = ["figure", .. configurations, "unit"];

    /// <summary>One figure across the configurations (NaN: not measured there).</summary>
    public void SideBySide(string figure, string unit, params double[] values) =>
        _sideBySide.Add([figure, .. values.Select(value => double.IsNaN(value) ? "-" : Format(value)), unit]);

    public void Note(string note) => _notes.Add(note);

    /// <summary>Notes a loop that its time budget cut short, so that no one reads its figure as a full run.</summary>
    public void NoteIfTruncated(string part, LoopResult result)
    {
        if (result.Truncated)
        {
            Note($"{part}: stopped by its time budget after {result.Done} of {result.Planned} ({result.Elapsed.TotalSeconds:0.0} s)");
        }
    }

    public void Print(TextWriter output)
    {
        string[] header = ["figure", "value", "unit", "floor", "ratio", "target", "met?"];
        var cells = _rows.Select(row => row.IsSection ? new[] { row.Figure, "", "", "", "", "", "" } : new[]
        {
            row.Figure, Format(row.Value), row.Unit,
            row.FloorMs is { } floor ? $"{Format(floor)} {row.FloorUnit} ({row.FloorName})" : "-",
            row.FloorMs is { } divisor ? string.Create(CultureInfo.InvariantCulture, $"{row.Value / divisor:0.0}x") : "-",
            row.Target?.Text ?? "-",
            row.Target is null ? "" : row.Target.Met ? "yes" : "NO",
        }).ToList();
        var widths = header.Select((title, column) => cells.Select(line => line[column].Length).Append(title.Length).Max()).ToArray();

        void Line(string[] line) =>
            output.WriteLine(string.Join("  ", line.Select((cell, column) => column is 1 or 4 ? cell.PadLeft(widths[column]) : cell.PadRight(widths[column]))).TrimEnd());

        output.WriteLine();
        Line(header);
        Line(widths.Select(width => new string('-', width)).ToArray());
        cells.ForEach(Line);
        output.WriteLine();

        if (_sideBySide.Count > 0)
        {
            var sideWidths = _sideBySideHeader.Select((title, column) => _sideBySide.Select(line => line[column].Length).Append(title.Length).Max()).ToArray();
            void SideLine(string[] line) => output.WriteLine(string.Join("  ", line.Select((cell, column) =>
                column == 0 || column == line.Length - 1 ? cell.PadRight(sideWidths[column]) : cell.PadLeft(sideWidths[column]))).TrimEnd());
            output.WriteLine("Side by side (same run):");
            SideLine(_sideBySideHeader);
            SideLine(sideWidths.Select(width => new string('-', width)).ToArray());
            _sideBySide.ForEach(SideLine);
            output.WriteLine();
        }

        var missed = _rows.Where(row => row.Target is { Met: false }).ToList();
        output.WriteLine(missed.Count == 0
            ? $"All {_rows.Count(row => row.Target is not null)} targets met."
            : $"TARGETS MISSED ({missed.Count} of {_rows.Count(row => row.Target is not null)}):");
        foreach (var row in missed)
        {
            output.WriteLine($"  - {row.Figure}: {Format(row.Value)} {row.Unit}, target {row.Target!.Text}");
        }

        if (_notes.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("Notes:");
            _notes.ForEach(note => output.WriteLine("  " + note));
        }
    }

    private static string Format(double value) => value switch
    {
        double.NaN => "n/a",
        >= 1000 => value.ToString("N0", CultureInfo.InvariantCulture),
        >= 100 => value.ToString("0.0", CultureInfo.InvariantCulture),
        >= 1 => value.ToString("0.00", CultureInfo.InvariantCulture),
        _ => value.ToString("0.000", CultureInfo.InvariantCulture),
    };
}
