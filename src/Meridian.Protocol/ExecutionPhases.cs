// SPDX-License-Identifier: MIT
namespace Meridian.Protocol;

/// <summary>Reading and writing phase names on the wire.</summary>
public static class ExecutionPhases
{
    private static readonly string[] Names = Enum.GetNames<ExecutionPhase>();

    /// <summary>The wire spelling (UWS phases are case-sensitive upper-case words).</summary>
    public static string ToWire(this ExecutionPhase phase) => Names[(int)phase];

    /// <summary>Parses a phase name exactly as the standard spells it; no numbers, no other case.</summary>
    public static bool TryParse(string? text, out ExecutionPhase phase)
    {
        var index = text is null ? -1 : Array.IndexOf(Names, text);
        phase = index < 0 ? default : (ExecutionPhase)index;
        return index >= 0;
    }

    /// <summary>Parses a phase name that must be valid (read back from a store); anything else is corruption.</summary>
    public static ExecutionPhase Parse(string text) =>
        TryParse(text, out var phase) ? phase : throw new FormatException($"'{text}' is not a UWS execution phase");

    /// <summary>PENDING, QUEUED and EXECUTING: the phases in which a WAIT may block (UWS §2.2.1.2).</summary>
    public static bool IsActive(this ExecutionPhase phase) =>
        phase is ExecutionPhase.PENDING or ExecutionPhase.QUEUED or ExecutionPhase.EXECUTING;
}
