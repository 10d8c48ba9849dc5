// SPDX-License-Identifier: MIT
namespace Meridian.Server.Tests;

/// <summary>A job folder left without its job (a crash between row and files) is swept once it has been idle long enough.</summary>
public sealed class OrphanFolderTests : IDisposable
{
    private readonly MeridianApplication _app = new(new Dictionary<string, string>
    {
        ["Meridian:OrphanSweepInterval"] = "00:00:00.5",
        ["Meridian:OrphanFolderAge"] = "00:10:00",
    }, null);

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Sweeper_RemovesAnIdleFolderWithNoJob_AndKeepsJobsYoungFoldersAndOtherNames()
    {
        var uws = new UwsClient(_app.Client);
        var jobUrl = await uws.CreateAsync("echo", ("PHASE", "RUN"));
        await uws.WaitForEndAsync(jobUrl);
        var jobFolder = _app.JobFolder(jobUrl[(jobUrl.LastIndexOf('/') + 1)..]);
        var orphan = Folder("AAAAAAAAAAAAAAAAAAAAAA", idle: TimeSpan.FromHours(2));
        var young = Folder("BBBBBBBBBBBBBBBBBBBBBB", idle: TimeSpan.Zero);
        var notAJob = Folder("lost+found", idle: TimeSpan.FromHours(2));
        Age(jobFolder, TimeSpan.FromHours(2));

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (Directory.Exists(orphan) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        Assert.False(Directory.Exists(orphan), "an idle folder whose job does not exist is removed");
        Assert.True(Directory.Exists(young), "a folder still being written may belong to a job being created");
        Assert.True(Directory.Exists(notAJob), "only folders named like a job id are Meridian's");
        Assert.True(Directory.Exists(jobFolder), "a job's own folder stays, however old");
        Assert.Equal("COMPLETED", await uws.PhaseAsync(jobUrl));
    }

    private string Folder(string name, TimeSpan idle)
    {
        var folder = _app.JobFolder(name);
        Directory.CreateDirectory(Path.Combine(folder, "inputs"));
        File.WriteAllText(Path.Combine(folder, "inputs", "data.txt"), "left behind\n");
        Age(folder, idle);
        return folder;
    }

    private static void Age(string folder, TimeSpan idle)
    {
        var then = DateTime.UtcNow - idle;
        foreach (var entry in Directory.EnumerateFileSystemEntries(folder, "*", SearchOption.AllDirectories).Append(folder))
        {
            if (File.Exists(entry))
            {
                File.SetLastWriteTimeUtc(entry, then);
            }
            else
            {
                Directory.SetLastWriteTimeUtc(entry, then);
            }
        }
    }
}
