// SPDX-License-Identifier: MIT
using System.Collections.Frozen;
using System.Reflection;
using System.Security.Cryptography;

namespace Meridian.Server.Web;

/// <summary>
/// The browser client: static pages and ES modules under /web/, embedded in the server so that it needs no build
/// chain, no content root and no network beyond this server; and the two JSON reads it adds to the UWS API.
/// </summary>
public static class BrowserClientEndpoints
{
    private const string ResourcePrefix = "meridian-web/";

    // Nothing but this server: no inline script, no third-party origin; images may be result files or drawn blobs.
    // The one other address the pages may call is a SAMP hub's Web Profile, which listens on port 21012 of the
    // reader's own machine (SAMP 1.3 §5.2); both spellings of loopback, as hubs differ in which they bind.
    public const string ContentSecurityPolicy =
        "default-src 'self'; connect-src 'self' http://localhost:21012 http://127.0.0.1:21012; img-src 'self' data: blob:; "
        + "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    private static readonly FrozenDictionary<string, string> ContentTypes = new Dictionary<string, string>
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".svg"] = "image/svg+xml",
    }.ToFrozenDictionary();

    private static readonly Lazy<FrozenDictionary<string, Asset>> Assets = new(LoadAssets);

    public static IEndpointRouteBuilder MapBrowserClient(this IEndpointRouteBuilder app)
    {
        app.MapGet("/web/{**path}", Serve);
        app.MapServiceDescriptions();
        app.MapPhaseRules();
        app.MapJobBrowsing();
        app.MapJobUploads();
        app.MapJobLogs();
        // Browsers ask for /favicon.ico on every page of the origin, the UWS documents too: the pages' own icon.
        app.MapGet("/favicon.ico", (HttpContext context) => Serve("favicon.svg", context));
        return app;
    }

    public static IResult Serve(string? path, HttpContext context)
    {
        // The pages link to each other relatively, so the folder needs its slash.
        if (context.Request.Path.Value == "/web")
        {
            return Results.Redirect(context.Request.PathBase + "/web/");
        }

        if (!Assets.Value.TryGetValue(string.IsNullOrEmpty(path) ? "index.html" : path, out var asset))
        {
            return Results.NotFound();
        }

        var headers = context.Response.Headers;
        headers.CacheControl = "no-cache";
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.ETag = asset.ETag;
        if (context.Request.Headers.IfNoneMatch == asset.ETag)
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        return Results.Bytes(asset.Content, asset.ContentType);
    }

    private static FrozenDictionary<string, Asset> LoadAssets()
    {
        var assembly = Assembly.GetExecutingAssembly();
        var assets = new Dictionary<string, Asset>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var content = buffer.ToArray();
            var type = ContentTypes.GetValueOrDefault(Path.GetExtension(name), "application/octet-stream");
            assets[name[ResourcePrefix.Length..]] = new Asset(content, type, $"\"{Convert.ToHexString(SHA256.HashData(content))[..16]}\"");
        }

        return assets.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private sealed record Asset(byte[] Content, string ContentType, string ETag);
}
