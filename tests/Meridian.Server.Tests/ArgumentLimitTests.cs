// SPDX-License-Identifier: MIT
using System.Net;

namespace Meridian.Server.Tests;

/// <summary>
/// Linux passes at most 131,071 bytes in one program argument: a value within a parameter's max_length may be
/// longer in UTF-8, and is refused with a 400 when the job is created rather than failing at exec time.
/// Messages a client reads never show the server's own paths.
/// </summary>
public sealed class ArgumentLimitTests(MeridianApplication app) : IClassFixture<MeridianApplication>
{
    private readonly UwsClient _uws = new(app.Client);

    [Fact]
    public async Task AValueTooLongForOneArgument_IsRefusedAtCreation_NamingTheParameterAndTheLimit()
    {
        // 70,000 characters, within max_length 100,000, but 140,000 bytes in UTF-8.
        using var response = await _uws.PostAsync("/uws/echo", ("text", new string('é', 70_000)), ("PHASE", "RUN"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var reason = await response.Content.ReadAsStringAsync();
        Assert.Contains("text:", reason, StringComparison.Ordinal);
        Assert.Contains("131071", reason, StringComparison.Ordinal);
        Assert.DoesNotContain(app.DataDirectory, reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AValueJustWithinTheLimit_Runs()
    {
        var text = new string('a', 100_000);
        var job = await _uws.CreateAsync("echo", ("text", text), ("PHASE", "RUN"));

        var document = await _uws.WaitForEndAsync(job);

        Assert.Equal("COMPLETED", UwsClient.Phase(document));
        Assert.StartsWith(text + "\n", await _uws.GetTextAsync(UwsClient.ResultLinks(document)["args"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AJobThatCannotStart_SaysWhy_WithoutTheServersPaths()
    {
        var job = await _uws.CreateAsync("missing", ("PHASE", "RUN"));

        var document = await _uws.WaitForEndAsync(job);

        var summary = UwsClient.ErrorSummary(document)!.Value;
        Assert.Contains("/nonexistent/program", summary, StringComparison.Ordinal);
        Assert.DoesNotContain(app.DataDirectory, summary, StringComparison.Ordinal);
        Assert.DoesNotContain(app.DataDirectory, await _uws.GetTextAsync(job + "/error"), StringComparison.Ordinal);
    }
}
