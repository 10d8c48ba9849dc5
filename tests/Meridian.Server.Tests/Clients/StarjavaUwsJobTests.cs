// SPDX-License-Identifier: MIT
using System.Net;
using Meridian.Compliance;

namespace Meridian.Server.Tests.Clients;

/// <summary>
/// starjava's UwsJob, the UWS client class inside STILTS and TOPCAT, scripted with jshell (Debian's JDK): a
/// multipart creation with a text and a file parameter (a quoted boundary, a chunked body, a Content-Type before
/// each text part's disposition), start, waitForFinish, results, delete.
/// </summary>
public sealed class StarjavaUwsJobTests(ExampleServicesApplication examples) : IClassFixture<ExampleServicesApplication>
{
    private static readonly string[] Jars = ["starlink-vo", "starlink-util", "starlink-table", "starlink-votable"];

    [Fact]
    public async Task UwsJob_CreatesWithAFileAndAText_RunsWaitsReadsResults_AndDeletes()
    {
        using var folder = new TempDirectory();
        var table = folder.Combine("stars.csv");
        await File.WriteAllTextAsync(table, "name,vmag,bv\nVega,0.03,0.00\nSirius,-1.46,0.00\nBetelgeuse,0.42,1.85\n");
        var app = examples.Application;

        var jshell = await RunScriptAsync(app, Path.Combine(AppContext.BaseDirectory, "Clients", "starjava_uwsjob.jsh"), table);

        var facts = jshell.Facts();
        Assert.False(facts.ContainsKey("failure"), jshell.Output);
        Assert.True(facts.ContainsKey("deleted"), $"jshell did not finish the script:\n{jshell.Output}\n{jshell.Errors}");
        Assert.Equal("PENDING", facts["phase.created"]);
        Assert.Equal("COMPLETED", facts["phase.finished"]);
        Assert.Equal("comma", facts["parameter.delimiter"]);
        Assert.EndsWith("/results/stats", facts["result.stats"], StringComparison.Ordinal);
        var job = facts["created"];
        Assert.Equal(job + "/parameters/table", facts["parameter.table"]);

        // The job is gone after the client's DELETE: its results and upload went with it.
        using var gone = await app.Client.GetAsync(job);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task UwsJob_Upload_ArrivesByteForByte_AndIsComputedOn()
    {
        using var folder = new TempDirectory();
        var table = folder.Combine("stars.csv");
        await File.WriteAllTextAsync(table, "name,vmag\nVega,0.03\nSirius,-1.46\nDeneb,1.25\n");
        var app = examples.Application;
        var script = folder.Combine("keep.jsh");
        // The same script without its final DELETE, so that the job can be read afterwards.
        var text = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Clients", "starjava_uwsjob.jsh"));
        await File.WriteAllTextAsync(script, text.Replace("job.postDelete();", "", StringComparison.Ordinal));

        var jshell = await RunScriptAsync(app, script, table);

        var facts = jshell.Facts();
        Assert.True(facts.TryGetValue("phase.finished", out var phase) && phase == "COMPLETED", $"{jshell.Output}\n{jshell.Errors}");
        Assert.Equal(await File.ReadAllBytesAsync(table), await app.Client.GetByteArrayAsync(facts["parameter.table"]));
        var stats = await app.Client.GetStringAsync(facts["result.stats"]);
        Assert.Contains("vmag,3,-1.46,1.25", stats, StringComparison.Ordinal);
    }

    /// <summary>jshell with STILTS's jars running a UwsJob script on the table-stats job list with the given table.</summary>
    private static Task<ClientProgram> RunScriptAsync(MeridianApplication app, string script, string table) =>
        ClientProgram.RunAsync("jshell", ["--class-path", string.Join(':', Jars.Select(j => $"/usr/share/java/{j}.jar")), script],
            new Dictionary<string, string> { ["MERIDIAN_JOB_LIST"] = new Uri(app.BaseAddress, "uws/table-stats").ToString(), ["MERIDIAN_TABLE"] = table });
}
