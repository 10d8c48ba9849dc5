// SPDX-License-Identifier: MIT
using Meridian.Server;
using Meridian.Server.Api;
using Meridian.Server.Audit;
using Meridian.Server.Auth;
using Meridian.Server.Http;
using Meridian.Server.Limits;
using Meridian.Server.Proxy;
using Meridian.Server.Sharing;
using Meridian.Server.Sweeps;
using Meridian.Server.Web;

// The settings are read once, at start. Reloading them on change would watch the content root, and with it
// the data folder usually below it, recursively: a wake-up and an inotify watch for every folder a job makes.
var builder = WebApplication.CreateBuilder([.. args, "--hostBuilder:reloadConfigOnChange=false"]);
builder.AddMeridian();
builder.AddMeridianProxy();
builder.Services.AddDescribeAndObserve();
var app = builder.Build();

// Broken definitions, an executor that cannot run here, an unusable store or users file: one line, and no start.
if (StartupChecks.Run(app.Services, Console.Error) is { } exitCode)
{
    return exitCode;
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
// Credentials that prove nothing are refused everywhere; a service's jobs are for signed-in callers (ServiceAccess).
app.UseMiddleware<FailedCredentials>();
app.UseAuthorization();
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
app.MapSweeps();
app.MapResultArchive();
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
