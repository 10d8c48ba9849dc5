// SPDX-License-Identifier: MIT
using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Meridian.Bench;

/// <summary>
/// What no job server can beat on this machine, measured in the same run: starting a process, and one
/// HTTP request over loopback. Meridian's figures are read as multiples of these.
/// </summary>
internal static class Floors
{
    /// <summary>fork/exec of /bin/true and waiting for it, as .NET does it (Process.Start + WaitForExit).</summary>
    public static async Task<LoopResult> ForkExecAsync(int warmUp, int count, TimeSpan budget, CancellationToken cancellationToken)
    {
        static Task RunTrue(CancellationToken _)
        {
            using var process = Process.Start(new ProcessStartInfo("/bin/true") { UseShellExecute = false })
                ?? throw new BenchException("/bin/true did not start");
            process.WaitForExit();
            return process.ExitCode == 0 ? Task.CompletedTask : throw new BenchException($"/bin/true exited with {process.ExitCode}");
        }

        await Loops.SequentialAsync(warmUp, budget, RunTrue, cancellationToken);
        return await Loops.SequentialAsync(count, budget, RunTrue, cancellationToken);
    }

    /// <summary>GET / answered "ok" by a bare Kestrel in this process, through the same kind of client the bench uses.</summary>
    public static async Task<LoopResult> HttpRoundTripAsync(int warmUp, int count, TimeSpan budget, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        await using var app = builder.Build();
        app.MapGet("/", () => "ok");
        await app.StartAsync(cancellationToken);
        try
        {
            var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
            using var client = BenchHttp.CreateClient(new Uri(address));

            async Task GetOk(CancellationToken token)
            {
                using var response = await client.GetAsync(new Uri("/", UriKind.Relative), token);
                var body = await response.Content.ReadAsStringAsync(token);
                if (response.StatusCode != HttpStatusCode.OK || body != "ok")
                {
                    throw new BenchException($"the floor endpoint answered {(int)response.StatusCode} '{body}'");
                }
            }

            await Loops.SequentialAsync(warmUp, budget, GetOk, cancellationToken);
            return await Loops.SequentialAsync(count, budget, GetOk, cancellationToken);
        }
        finally
        {
            await app.StopAsync(CancellationToken.None);
        }
    }
}
