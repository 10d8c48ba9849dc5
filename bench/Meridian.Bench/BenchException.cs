// SPDX-License-Identifier: MIT
namespace Meridian.Bench;

/// <summary>The bench cannot go on (the server answered wrongly, or did not start): a failure, not a missed target.</summary>
internal sealed class BenchException(string message) : Exception(message);
