// SPDX-License-Identifier: MIT
namespace Meridian.Engine.Descriptions;

/// <summary>
/// How a job's {job}/error answers (`error_format:` in a definition). Plain text is UWS's default; a VOTable with
/// QUERY_STATUS=ERROR is what TAP-minded clients (STILTS, TOPCAT) read, as DALI describes error documents.
/// </summary>
public enum ErrorFormat
{
    Text,
    Votable,
}
