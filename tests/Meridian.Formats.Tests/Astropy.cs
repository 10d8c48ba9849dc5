// SPDX-License-Identifier: MIT
using System.Diagnostics;
using System.Text.Json;

namespace Meridian.Formats.Tests;

/// <summary>Runs the scripts of Clients/ with Debian's python3-astropy (test.sh installs it).</summary>
public static class Astropy
{
    public static async Task<(int ExitCode, string Output)> RunAsync(string script, params string[] arguments)
    {
        var start = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Clients", script));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var python = Process.Start(start)!;
        var output = python.StandardOutput.ReadToEndAsync();
        var errors = python.StandardError.ReadToEndAsync();
        await python.WaitForExitAsync();
        Assert.True(python.ExitCode is 0 or 1, $"{script} failed (is python3-astropy installed? test.sh installs it): {await errors}");
        return (python.ExitCode, await output + await errors);
    }

    /// <summary>What astropy reads in the file: one element per HDU (name, kind, header, data or columns).</summary>
    public static async Task<JsonElement> DumpAsync(string path)
    {
        var (code, output) = await RunAsync("astropy_dump.py", path);
        Assert.True(code == 0, output);
        return JsonDocument.Parse(output).RootElement;
    }

    public static async Task WriteSampleAsync(string path)
    {
        var (code, output) = await RunAsync("astropy_write.py", path);
        Assert.True(code == 0, output);
    }

    /// <summary>Asserts that astropy finds the two files identical in data and header values.</summary>
    public static async Task AssertIdenticalAsync(string expected, string actual)
    {
        var (code, output) = await RunAsync("astropy_diff.py", expected, actual);
        Assert.True(code == 0, output);
    }
}
