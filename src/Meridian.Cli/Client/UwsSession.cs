// SPDX-License-Identifier: MIT
using System.CommandLine;
using System.Net;
using System.Net.Http.Headers;
using Meridian.Cli.CommandLine;

namespace Meridian.Cli.Client;

/// <summary>
/// One client command's conversation with a UWS server: its HTTP client (redirects not followed, so a 303 is seen
/// as UWS means it), the answers it expects, and the mapping of what went wrong to a message and exit code 1.
/// </summary>
public sealed class UwsSession(HttpClient http, CliConsole console, bool json)
{
    public HttpClient Http => http;

    public TextWriter Output => console.Output;

    public TextWriter Errors => console.Error;

    public bool Json => json;

    /// <summary>Runs <paramref name="work"/> with a session for the parsed command line, turning refusals and network problems into exit code 1.</summary>
    public static async Task<int> RunAsync(ParseResult result, ClientOptions options, CliConsole console, Func<UwsSession, Task<int>> work)
    {
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromMinutes(10) };
        if (result.GetValue(options.Token) is { } token)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        try
        {
            return await work(new UwsSession(http, console, result.GetValue(options.Json)));
        }
        catch (Exception exception) when (exception is RefusedException or HttpRequestException or IOException or FormatException
                                              or UriFormatException or InvalidOperationException or TaskCanceledException or System.Text.Json.JsonException)
        {
            console.Error.WriteLine($"meridian: {exception.Message}");
            return MeridianCommandLine.Failed;
        }
    }

    public async Task<string> GetStringAsync(string url)
    {
        using var response = await http.GetAsync(url);
        await EnsureAsync(response);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The Location of the 303 See Other with which UWS answers a creation or a change.</summary>
    public static async Task<string> LocationAsync(HttpResponseMessage response)
    {
        if (response.StatusCode != HttpStatusCode.SeeOther || response.Headers.Location is null)
        {
            await EnsureAsync(response);
            throw new RefusedException($"the server answered {(int)response.StatusCode} where UWS expects 303 See Other");
        }

        return response.Headers.Location.ToString();
    }

    /// <summary>A 4xx or 5xx becomes a refusal carrying the server's own reason.</summary>
    public static async Task EnsureAsync(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
        {
            var reason = (await response.Content.ReadAsStringAsync()).Trim();
            throw new RefusedException($"{(int)response.StatusCode} {(reason.Length > 0 ? reason : response.ReasonPhrase)}");
        }
    }

    /// <summary>A usage problem found once the command line parsed (a malformed name=value): exit code 2.</summary>
    public int Usage(string problem)
    {
        console.Error.WriteLine($"meridian: {problem} (meridian --help)");
        return MeridianCommandLine.BadCommandLine;
    }
}

/// <summary>The server refused, or answered what UWS does not allow; the message says which.</summary>
public sealed class RefusedException(string message) : Exception(message);
