// SPDX-License-Identifier: MIT
namespace Meridian.Protocol;

/// <summary>Whether retrying the same job might succeed (transient) or not (fatal).</summary>
public enum ErrorType
{
    Transient,
    Fatal,
}

/// <summary>The errorSummary of a failed or aborted job; HasDetail says whether {job}/error holds more.</summary>
public sealed record ErrorSummary(ErrorType Type, string Message, bool HasDetail);
