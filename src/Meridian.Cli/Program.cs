// SPDX-License-Identifier: MIT
using Meridian.Cli.CommandLine;

return await MeridianCommandLine.InvokeAsync(args, new CliConsole(Console.In, Console.Out, Console.Error));
