// SPDX-License-Identifier: MIT
namespace Meridian.Cli.CommandLine;

/// <summary>The streams a command reads and writes: the process's own, or a test's.</summary>
public sealed record CliConsole(TextReader Input, TextWriter Output, TextWriter Error);
