// SPDX-License-Identifier: MIT
using System.CommandLine;
using Meridian.Cli.CommandLine;
using Meridian.Protocol;

namespace Meridian.Cli.Client;

/// <summary>`meridian wait JOB [--timeout SECONDS]`: blocks with UWS WAIT until the job ends; exit 0 when it COMPLETED.</summary>
internal static class WaitCommand
{
    public const int DefaultTimeoutSeconds = 3600;

    /// <summary>The longest single WAIT asked for: servers cap it anyway, and a shorter one survives idle-connection timeouts.</summary>
    private const int LongestWaitSeconds = 60;

    public static Command Create(ClientOptions options, CliConsole console)
    {
        var job = ClientOptions.Url("JOB", "the job's URL");
        var timeout = new Option<int>("--timeout")
        {
            Description = "give up after this many seconds",
            DefaultValueFactory = _ => DefaultTimeoutSeconds,
        };
        timeout.Validators.Add(option =>
        {
            if (option.GetValueOrDefault<int>() <= 0)
            {
                option.AddError("--timeout must be a positive number of seconds");
            }
        });
        var command = options.Command("wait", "Wait until a job ends (exit 0 when it COMPLETED)", job);
        command.Add(timeout);
        command.SetAction(result => UwsSession.RunAsync(result, options, console,
            session => WaitForEndAsync(session, result.GetRequiredValue(job), result.GetValue(timeout))));
        return command;
    }

    /// <summary>Prints each phase the job moves to (on standard error), then the job; 0 when it COMPLETED.</summary>
    public static async Task<int> WaitForEndAsync(UwsSession session, string url, int timeoutSeconds)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(timeoutSeconds);
        var job = UwsXmlReader.ReadJob(await session.GetStringAsync(url));
        if (!session.Json)
        {
            session.Errors.WriteLine(job.Phase.ToWire());
        }

        while (IsUnfinished(job.Phase) && DateTimeOffset.UtcNow < deadline)
        {
            var wait = (int)Math.Clamp((deadline - DateTimeOffset.UtcNow).TotalSeconds, 1, LongestWaitSeconds);
            var next = UwsXmlReader.ReadJob(await session.GetStringAsync($"{url}?WAIT={wait}&PHASE={job.Phase.ToWire()}"));
            if (next.Phase != job.Phase && !session.Json)
            {
                session.Errors.WriteLine(next.Phase.ToWire());
            }

            job = next;
        }

        JobPrinter.Write(session, job);
        return job.Phase == ExecutionPhase.COMPLETED ? MeridianCommandLine.Done : MeridianCommandLine.Failed;
    }

    /// <summary>Phases a job may still leave by itself or by its owner's hand: waiting goes on through them.</summary>
    private static bool IsUnfinished(ExecutionPhase phase) =>
        phase is ExecutionPhase.PENDING or ExecutionPhase.QUEUED or ExecutionPhase.EXECUTING or ExecutionPhase.HELD or ExecutionPhase.SUSPENDED;
}
