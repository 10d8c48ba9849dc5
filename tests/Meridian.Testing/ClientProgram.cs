// SPDX-License-Identifier: MIT
using System.Diagnostics;

namespace Meridian.Testing;

/// <summary>A real client program (STILTS, jshell, python3) run to its end, its output kept for assertions.</summary>
public sealed record ClientProgram(int ExitCode, string Output, string Errors)
{
    public static async Task<ClientProgram> RunAsync(string program, IEnumerable<string> arguments, IDictionary<string, string>? environment = null, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        if (workingDirectory is not null)
        {
            start.WorkingDirectory = workingDirectory;
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} did not finish in 3 minutes:\n{await output}\n{await errors}");
        }

        return new ClientProgram(process.ExitCode, await output, await errors);
    }

    /// <summary>The key=value lines a client script prints, by key.</summary>
    public IReadOnlyDictionary<string, string> Facts() => Output.Split('\n')
        .Select(line => line.Split('=', 2))
        .Where(parts => parts.Length == 2 && !parts[0].Contains(' ', StringComparison.Ordinal))
        .GroupBy(parts => parts[0]).ToDictionary(g => g.Key, g => g.Last()[1].TrimEnd('\r'));
}
