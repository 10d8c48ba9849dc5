// SPDX-License-Identifier: MIT
using System.Security.Cryptography;
using Meridian.Browser.Tests.Samp;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Meridian.Browser.Tests;

/// <summary>
/// "Send to…" with authentication on: Chromium registers with astropy's real SAMP hub through the Web Profile,
/// lists its clients, and sends each kind of result; astropy's real SAMP client receives the message and
/// downloads, without the browser's session, exactly the bytes of the result (a CSV table: of its VOTable form).
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class SampTests(SignInBrowserServer server) : IClassFixture<SignInBrowserServer>
{
    private const string RealOifits = "/work/shared/data/oifits/Bin_Ary--MIRC_H_with_img.fits";

    [Fact]
    public async Task EachResult_IsSentThroughARealHub_AndTheReceiverDownloadsItsExactBytes()
    {
        var alice = server.As("alice", SignInBrowserServer.AlicePassword);
        var folder = Directory.CreateTempSubdirectory("meridian-samp-files-").FullName;
        var fits = await ClientProgram.RunAsync("/usr/bin/python3", [Path.Combine(AppContext.BaseDirectory, "Fits", "write_fits.py"), folder]);
        Assert.True(fits.ExitCode == 0, fits.Errors);
        var votables = await ClientProgram.RunAsync("/usr/bin/python3", [Path.Combine(AppContext.BaseDirectory, "Fits", "write_votables.py"), folder]);
        Assert.True(votables.ExitCode == 0, votables.Errors);

        var image = await Jobs.RunWithFileAsync(alice, "fits-copy", "image", Path.Combine(folder, "scaled.fits"));
        var oifits = await Jobs.RunWithFileAsync(alice, "fits-copy", "image", RealOifits);
        var votable = await Jobs.RunWithFileAsync(alice, "votable-copy", "table", Path.Combine(folder, "stars-binary2.vot"));
        var csv = await Jobs.CreateAsync(alice, "ud-visibility", run: true);
        Assert.Equal("COMPLETED", await Jobs.WaitWhileAsync(alice, "ud-visibility", csv, "PENDING", "QUEUED", "EXECUTING"));
        var csvAsVotable = await alice.GetByteArrayAsync($"/uws/ud-visibility/{csv}/results/vis2?format=votable");

        await using var peer = await SampPeer.StartAsync(server.Application.BaseAddress);
        var page = await server.SignedInPageAsync("alice", SignInBrowserServer.AlicePassword);
        var sends = new[]
        {
            ("fits-copy", image, "image", "image.load.fits", SHA256.HashData(await File.ReadAllBytesAsync(Path.Combine(folder, "scaled.fits")))),
            ("fits-copy", oifits, "image", "table.load.fits", SHA256.HashData(await File.ReadAllBytesAsync(RealOifits))),
            ("votable-copy", votable, "table", "table.load.votable", SHA256.HashData(await File.ReadAllBytesAsync(Path.Combine(folder, "stars-binary2.vot")))),
            ("ud-visibility", csv, "vis2", "table.load.votable", SHA256.HashData(csvAsVotable)),
        };
        var registered = false;
        foreach (var (service, job, result, mtype, sha256) in sends)
        {
            await page.GotoAsync($"/web/job.html?service={service}&id={job}");
            var box = page.Locator($"[data-result={result}]");
            await box.GetByRole(AriaRole.Button, new() { Name = "Send to…" }).ClickAsync();
            if (!registered)
            {
                var registration = await peer.NextAsync("registration");
                Assert.True(registration?.GetProperty("accepted").GetBoolean(), $"the hub did not accept the page: {registration}");
                registered = true;
            }

            await Expect(box.Locator(".samp-status")).ToContainTextAsync($"Clients that take {mtype}");
            await box.GetByRole(AriaRole.Button, new() { Name = "Send to astropy-receiver" }).ClickAsync();
            await Expect(box.Locator(".samp-status")).ToContainTextAsync($"Sent {result} to astropy-receiver ({mtype})");
            var message = await peer.NextAsync("message");
            Assert.True(message.HasValue, $"astropy's client received nothing for {service}/{result}");
            Assert.Equal(mtype, message.Value.GetProperty("mtype").GetString());
            Assert.True(message.Value.GetProperty("status").GetInt32() == 200, $"the receiver's download answered {message}");
            Assert.Equal(Convert.ToHexStringLower(sha256), message.Value.GetProperty("sha256").GetString());
            Assert.Contains("/shared/", message.Value.GetProperty("url").GetString(), StringComparison.Ordinal);
        }

        Assert.Empty(server.PageErrors);
    }
}
