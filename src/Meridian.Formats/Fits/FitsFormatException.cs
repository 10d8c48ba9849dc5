// SPDX-License-Identifier: MIT
namespace Meridian.Formats.Fits;

/// <summary>A FITS file that breaks the standard in a way this reader cannot get past, or a value that cannot be written.</summary>
public sealed class FitsFormatException : Exception
{
    public FitsFormatException(string message) : base(message)
    {
    }

    public FitsFormatException(string message, Exception inner) : base(message, inner)
    {
    }

    public FitsFormatException()
    {
    }
}
