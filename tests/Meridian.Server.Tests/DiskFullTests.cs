// SPDX-License-Identifier: MIT
using System.Diagnostics;
using System.Net;

namespace Meridian.Server.Tests;

/// <summary>
/// The jobs' folder on a 2 MiB tmpfs mounted by the test (as root), filled up on purpose: requests answer 507
/// with a reason, a job whose output cannot be written ends in ERROR saying the disk is full, and once space
/// returns the server works again by itself. The database is elsewhere, as it may be in production.
/// </summary>
public sealed class DiskFullTests : IDisposable
{
    private readonly string _mount = Directory.CreateTempSubdirectory("meridian-full-").FullName;
    private readonly string _database = Directory.CreateTempSubdirectory("meridian-full-db-").FullName;
    private readonly MeridianApplication _app;
    private readonly UwsClient _uws;

    public DiskFullTests()
    {
        Run("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", _mount);
        _app = new MeridianApplication(new Dictionary<string, string>
        {
            ["Meridian:DataDirectory"] = _mount,
            ["Meridian:Store:Path"] = Path.Combine(_database, "meridian.db"),
        }, Path.Combine(AppContext.BaseDirectory, "DiskServices"));
        _uws = new UwsClient(_app.Client);
    }

    private string Filler => Path.Combine(_mount, "filler");

    public void Dispose()
    {
        _app.Dispose();
        Run("umount", _mount);
        Directory.Delete(_mount, recursive: true);
        Directory.Delete(_database, recursive: true);
    }

    [Fact]
    public async Task Requests_Answer507WithAReason_WhenTheDiskIsFull()
    {
        FillDisk(leaveFree: 0);
        using var form = new MultipartFormDataContent { { new ByteArrayContent(new byte[60_000]), "data", "big.txt" } };

        using var upload = await _app.Client.PostAsync("/uws/upload", form);
        using var sync = await _app.Client.GetAsync("/sync/noisy?kilobytes=200");

        Assert.Equal(HttpStatusCode.InsufficientStorage, upload.StatusCode);
        Assert.Contains("disk is full", await upload.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotNull(upload.Headers.RetryAfter);
        Assert.True(sync.StatusCode is HttpStatusCode.InsufficientStorage or HttpStatusCode.ServiceUnavailable, $"/sync answered {(int)sync.StatusCode}");
        var reason = await sync.Content.ReadAsStringAsync();
        Assert.Contains("disk is full", reason, StringComparison.Ordinal);
        Assert.DoesNotContain(_mount, reason, StringComparison.Ordinal);
        await _uws.GetXmlAsync("/uws/upload");
    }

    [Fact]
    public async Task RunningJob_EndsInErrorSayingTheDiskIsFull_AndTheServerRecoversOnceSpaceReturns()
    {
        FillDisk(leaveFree: 256 * 1024);
        var jobUrl = await _uws.CreateAsync("noisy", ("kilobytes", "4000"), ("PHASE", "RUN"));

        var ended = await _uws.WaitForEndAsync(jobUrl, seconds: 30);

        Assert.Equal("ERROR", UwsClient.Phase(ended));
        var message = UwsClient.ErrorSummary(ended)!.Element(UwsClient.Uws + "message")!.Value;
        Assert.Contains("disk is full", message, StringComparison.Ordinal);
        Assert.DoesNotContain(_mount, message, StringComparison.Ordinal);

        File.Delete(Filler);
        using (var deleted = await _app.Client.DeleteAsync(jobUrl))
        {
            Assert.Equal(HttpStatusCode.SeeOther, deleted.StatusCode);
        }

        var again = await _uws.CreateAsync("noisy", ("kilobytes", "10"), ("PHASE", "RUN"));
        Assert.Equal("COMPLETED", UwsClient.Phase(await _uws.WaitForEndAsync(again, seconds: 30)));
        using var form = new MultipartFormDataContent { { new ByteArrayContent("a\nb\n"u8.ToArray()), "data", "small.txt" } };
        using var upload = await _app.Client.PostAsync("/uws/upload", form);
        Assert.Equal(HttpStatusCode.SeeOther, upload.StatusCode);
    }

    /// <summary>Writes a file until the disk refuses more, then gives back <paramref name="leaveFree"/> bytes.</summary>
    private void FillDisk(long leaveFree)
    {
        using var filler = new FileStream(Filler, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.None);
        var chunk = new byte[16 * 1024];
        try
        {
            while (true)
            {
                filler.Write(chunk);
            }
        }
        catch (IOException)
        {
            // Full.
        }

        filler.SetLength(Math.Max(0, filler.Length - leaveFree));
    }

    private static void Run(string program, params string[] arguments)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', arguments)} failed (the test needs root): {error}");
    }
}
