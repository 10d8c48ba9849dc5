// SPDX-License-Identifier: MIT
using System.Globalization;

namespace Meridian.Protocol.Tables;

/// <summary>A column's type, narrowed cell by cell as a table streams past: long, double, boolean or char.</summary>
public sealed class ColumnTypeGuess
{
    private bool _integers = true;
    private bool _reals = true;
    private bool _booleans = true;

    public void See(string raw)
    {
        var cell = raw.Trim();
        if (cell.Length == 0 || (!_integers && !_reals && !_booleans))
        {
            return;
        }

        _integers &= long.TryParse(cell, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _);
        _reals &= TableColumn.IsReal(cell);
        _booleans &= cell.Equals("true", StringComparison.OrdinalIgnoreCase) || cell.Equals("false", StringComparison.OrdinalIgnoreCase);
    }

    public string DataType => _integers ? "long" : _reals ? "double" : _booleans ? "boolean" : "char";
}
