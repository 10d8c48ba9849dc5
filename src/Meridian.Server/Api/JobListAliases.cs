// SPDX-License-Identifier: MIT
using Meridian.Engine.Descriptions;
using Meridian.Server.Http;

namespace Meridian.Server.Api;

/// <summary>
/// The further paths of a job list (a service's <c>aliases:</c>), served in place: a request under an alias is routed
/// as the same request under /uws/{service}, not redirected, because a client fixed elsewhere (OImaging) takes its job
/// id from the last segment of Location and reads every URL the server writes. Those URLs keep the alias
/// (<see cref="JobDocuments.JobListUrl"/>). The folders above an alias answer 200, as a client's "is it alive" request
/// to the server's root (GET /OImaging-uws/) expects. Before routing, after the path base.
/// </summary>
public sealed class JobListAliases
{
    private readonly IReadOnlyList<(PathString Alias, string Service)> _aliases;
    private readonly IReadOnlyDictionary<string, IReadOnlyList<string>> _folders;

    private JobListAliases(IReadOnlyList<(PathString Alias, string Service)> aliases)
    {
        _aliases = aliases;
        var folders = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (alias, _) in aliases)
        {
            var path = alias.Value!;
            for (var cut = path.LastIndexOf('/'); cut > 0; cut = path.LastIndexOf('/', cut - 1))
            {
                var folder = path[..cut];
                if (!folders.TryGetValue(folder, out var below))
                {
                    folders[folder] = below = [];
                }

                below.Add(path);
            }
        }

        _folders = folders.ToDictionary(pair => pair.Key, pair => (IReadOnlyList<string>)pair.Value, StringComparer.Ordinal);
    }

    internal static WebApplication Use(WebApplication app)
    {
        var aliases = app.Services.GetRequiredService<ServiceCatalog>().Services
            .SelectMany(service => service.Aliases.Select(alias => (new PathString(alias), service.Name)))
            .ToList();
        if (aliases.Count > 0)
        {
            var table = new JobListAliases(aliases);
            app.Use((context, next) => table.ServeAsync(context, next));
        }

        return app;
    }

    /// <summary>The alias through which this request reached the job list of <paramref name="service"/>, or null.</summary>
    public static string? AliasOf(HttpContext context, string service) =>
        context.Items.TryGetValue(typeof(JobListAliases), out var value) && value is (string alias, string aliased) && aliased == service ? alias : null;

    private Task ServeAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        foreach (var (alias, service) in _aliases)
        {
            if (request.Path.StartsWithSegments(alias, StringComparison.Ordinal, out var remaining))
            {
                context.Items[typeof(JobListAliases)] = (alias.Value!, service);
                request.Path = new PathString("/uws/" + service).Add(remaining);
                return next(context);
            }
        }

        var path = request.Path.Value?.TrimEnd('/') ?? "";
        if (HttpMethods.IsGet(request.Method) && _folders.TryGetValue(path, out var below))
        {
            var root = $"{request.Scheme}://{request.Host}{request.PathBase}";
            return PlainText.Value($"Meridian UWS server. Job lists under {request.PathBase}{path}/:\n"
                + string.Concat(below.Select(alias => $"{root}{alias}\n"))).ExecuteAsync(context);
        }

        return next(context);
    }
}

/// <summary>Program.cs's entry to <see cref="JobListAliases"/>.</summary>
public static class JobListAliasesSetup
{
    /// <summary>Before routing, after the path base: a request under an alias is routed as the job list's own.</summary>
    public static WebApplication UseJobListAliases(this WebApplication app) => JobListAliases.Use(app);
}
