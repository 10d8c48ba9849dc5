// SPDX-License-Identifier: MIT
using Meridian.Cli.CommandLine;

namespace Meridian.Cli.Tests;

/// <summary>The `meridian` command line as a user types it: generated help, and exit code 2 with a reason in words for a wrong one.</summary>
public sealed class CommandLineTests
{
    [Theory]
    [InlineData("a command is needed")]
    [InlineData("unknown command 'frob'", "frob")]
    [InlineData("unknown option --colour", "list", "http://127.0.0.1:1/uws/echo", "--colour")]
    [InlineData("a command and a URL are needed: meridian show JOB", "show")]
    [InlineData("a command and a URL are needed: meridian submit JOBLIST", "submit")]
    [InlineData("users add needs NAME", "users", "add")]
    [InlineData("--timeout must be a positive number of seconds", "wait", "http://127.0.0.1:1/uws/echo/x", "--timeout", "0")]
    [InlineData("--last", "list", "http://127.0.0.1:1/uws/echo", "--last", "ten")]
    [InlineData("unexpected 'extra' after meridian show", "show", "http://127.0.0.1:1/uws/echo/x", "extra")]
    public async Task AWrongCommandLine_ExitsWith2_SayingWhy_BeforeAnyRequest(string reason, params string[] args)
    {
        var (code, output, errors) = await RunAsync(args);

        Assert.Equal(2, code);
        Assert.Contains(reason, errors);
        Assert.Contains("(meridian --help)", errors);
        Assert.Empty(output);
    }

    [Fact]
    public async Task Help_ListsEveryCommand_AndTheExitCodes()
    {
        var (code, output, _) = await RunAsync("--help");

        Assert.Equal(0, code);
        foreach (var command in new[] { "check", "users", "services", "submit", "list", "show", "wait", "abort", "delete", "results" })
        {
            Assert.Contains($"  {command} ", output);
        }

        Assert.Contains("2 the command line is wrong", output);
    }

    [Fact]
    public async Task HelpOfACommand_DescribesItsArgumentsAndOptions()
    {
        var (code, output, _) = await RunAsync("submit", "--help");

        Assert.Equal(0, code);
        // The usage line starts with the executable's name: meridian when installed, the test host here.
        Assert.Contains(" submit <JOBLIST> [<FIELD>...] [options]", output);
        Assert.Contains("name=@file to upload a file", output);
        Assert.Contains("--wait", output);
        Assert.Contains("--token <token>", output);
    }

    [Fact]
    public async Task AServerThatCannotBeReached_ExitsWith1_WithTheReason()
    {
        var (code, _, errors) = await RunAsync("show", "http://127.0.0.1:1/uws/echo/x");

        Assert.Equal(1, code);
        Assert.StartsWith("meridian: ", errors);
    }

    private static async Task<(int Code, string Output, string Errors)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var code = await MeridianCommandLine.InvokeAsync(args, new CliConsole(TextReader.Null, output, errors));
        return (code, output.ToString(), errors.ToString());
    }
}
