// SPDX-License-Identifier: MIT
using System.Globalization;

namespace Meridian.Protocol.Tables;

/// <summary>A column of a table result: its name, VOTable datatype (long, double, boolean or char), unit, UCD and description.</summary>
public sealed record TableColumn(string Name, string DataType, string? Unit = null, string? Ucd = null, string? Description = null)
{
    public static bool IsReal(string cell) =>
        double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
        || cell is "NaN" or "nan" or "inf" or "-inf" or "+inf" or "Infinity" or "-Infinity";
}
