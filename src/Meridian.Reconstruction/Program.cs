// SPDX-License-Identifier: MIT
using Meridian.Reconstruction;

// Exit codes: 0 reconstructed, 1 an input it cannot reconstruct (the reason is in the log), 2 wrong arguments.
CommandLine command;
try
{
    command = CommandLine.Parse(args);
}
catch (UsageException e)
{
    Console.Error.WriteLine($"meridian-reconstruct: {e.Message}");
    Console.Error.WriteLine(CommandLine.Usage);
    return 2;
}

using var records = new RunRecords(Console.Out, command.LogFile, command.Progress, command.History);
try
{
    ReconstructionJob.Run(command, records);
    return 0;
}
catch (InputException e)
{
    records.Log($"error: {e.Message}");
    Console.Error.WriteLine($"meridian-reconstruct: {e.Message}");
    return 1;
}
