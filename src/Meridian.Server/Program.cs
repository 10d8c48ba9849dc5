// SPDX-License-Identifier: MIT
using Meridian.Engine.Descriptions;
using Meridian.Engine.Execution;
using Meridian.Engine.Storage;
using Meridian.Server;
using Meridian.Server.Api;
using Meridian.Server.Audit;
using Meridian.Server.Auth;
using Meridian.Server.Http;
using Meridian.Server.Limits;
using Meridian.Server.Proxy;
using Meridian.Server.Sharing;
using Meridian.Server.Web;
using Microsoft.Extensions.Options;

var builder = WebApplication.CreateBuilder(args);
builder.AddMeridian();
builder.AddMeridianProxy();
builder.Services.AddDescribeAndObserve();
var app = builder.Build();

// A broken service definition stops the server before it listens, with file:line and the reason.
try
{
    app.Services.GetRequiredService<ServiceCatalog>();
}
catch (DefinitionException exception)
{
    Console.Error.WriteLine(exception.Message);
    return 2;
}

// A service's executor must be able to run here (SLURM's commands installed, for executor: slurm).
var executors = app.Services.GetServices<IJobExecutor>().ToDictionary(executor => executor.Name, StringComparer.Ordinal);
foreach (var service in app.Services.GetRequiredService<ServiceCatalog>().Services)
{
    if (executors.GetValueOrDefault(service.Executor)?.CheckInstalled() is { } problem)
    {
        Console.Error.WriteLine($"{service.SourcePath}: executor: {service.Executor}, but {problem}.");
        return 2;
    }
}

// So does a store that cannot be used: an unreachable database or a missing connection string.
try
{
    app.Services.GetRequiredService<IJobStore>();
}
catch (Exception exception) when (exception is StoreUnavailableException or OptionsValidationException)
{
    Console.Error.WriteLine($"meridian-server: {exception.Message}");
    return 3;
}

// And a users file that cannot be read.
try
{
    app.Services.GetRequiredService<UserDirectory>();
    app.Services.GetRequiredService<JwtValidator>();
}
catch (Exception exception) when (exception is InvalidDataException or IOException or UnauthorizedAccessException)
{
    Console.Error.WriteLine($"meridian-server: {exception.Message}");
    return 2;
}

// Behind a reverse proxy: the client's real address, scheme and host from trusted proxies, and the path base.
app.UseMeridianProxy();
app.UseMiddleware<HeadRequests>();
// A job list may also answer at further paths (a service's aliases:), routed in place.
app.UseJobListAliases();
app.UseRouting();

// Answers to clients' mistakes are 4xx with a reason, never 500.
app.UseMiddleware<RequestErrorHandling>();
app.UseAuthentication();
app.UseMiddleware<AccessControl>();
app.UseMiddleware<SessionProtection>();
app.UseMeridianLimits();
app.UseMiddleware<AuditTrail>();
app.Use((context, next) =>
{
    context.Response.Headers.XContentTypeOptions = "nosniff";
    return next(context);
});

// The UWS 1.1 REST binding, one job list per service.
app.MapServiceIndex();
app.MapJobLists();
app.MapJobs();
app.MapJobProperties();
app.MapResults();
app.MapSignedResults();
app.MapBrowserClient();
app.MapSessions();

// Batch jobs report their start and end here.
app.MapExecutionCallbacks();
app.UseListeningAddressForCallbacks();

// Discovery and operations: VOSI, service descriptions, synchronous runs, provenance, health, metrics.
app.MapDescribeAndObserve();

await app.RunAsync();
return 0;

/// <summary>The entry point, visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
