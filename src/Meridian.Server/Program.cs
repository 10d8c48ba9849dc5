// SPDX-License-Identifier: MIT
using Meridian.Engine.Descriptions;
using Meridian.Engine.Storage;
using Meridian.Server;
using Meridian.Server.Api;
using Meridian.Server.Web;
using Microsoft.Extensions.Options;

var builder = WebApplication.CreateBuilder(args);
builder.AddMeridian();
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

// Answers to clients' mistakes are 4xx with a reason, never 500.
app.UseMiddleware<RequestErrorHandling>();
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
app.MapBrowserClient();

await app.RunAsync();
return 0;

/// <summary>The entry point, visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
