// SPDX-License-Identifier: MIT
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Meridian.Testing;

/// <summary>
/// The real server on a real loopback port (Kestrel), with its SQLite file and job folders in a fresh
/// temporary directory and the test services of TestServices/.
/// </summary>
public sealed class MeridianApplication : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string> _settings;

    public MeridianApplication()
        : this(null, null)
    {
    }

    internal MeridianApplication(IDictionary<string, string>? settings, string? servicesDirectory)
    {
        DataDirectory = Directory.CreateTempSubdirectory("meridian-test-").FullName;
        _settings = new Dictionary<string, string>
        {
            ["Meridian:DataDirectory"] = DataDirectory,
            ["Meridian:ServicesDirectory"] = servicesDirectory ?? TestServicesDirectory,
            ["Meridian:QueuePollInterval"] = "00:00:00.5",
            ["Meridian:MaxConcurrentJobs"] = "4",
            ["Meridian:MaxWaitSeconds"] = "3",
            ["Meridian:DestructionSweepInterval"] = "00:00:01",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            _settings[key] = value;
        }

        // An endpoint of its own on a free loopback port. UseKestrel(0) would instead rewrite the server's
        // address list after the app's own thread may already have bound it: a race that fails the start.
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("the test server did not start listening; its log says why (a service definition it refused stops it at start-up)");
        Client = UwsClient.CreateHttp(new Uri(address + "/"));
    }

    public static string TestServicesDirectory => Path.Combine(AppContext.BaseDirectory, "TestServices");

    public string DataDirectory { get; }

    public HttpClient Client { get; }

    public Uri BaseAddress => Client.BaseAddress!;

    public string JobFolder(string jobId) => Path.Combine(DataDirectory, "jobs", jobId);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Client.Dispose();
            try
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A job's process may still hold a file for a moment; the OS temp cleaner takes the rest.
            }
        }
    }
}
