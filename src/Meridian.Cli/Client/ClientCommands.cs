// SPDX-License-Identifier: MIT
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace Meridian.Cli.Client;

/// <summary>
/// `meridian services|submit|list|show|wait|abort|delete|results URL …`: a client of any UWS 1.1 server (services
/// reads Meridian's /uws index). Exit codes: 0 done (for wait: the job COMPLETED); 1 the server refused or the job
/// did not complete; 2 the command line is wrong.
/// </summary>
public sealed class ClientCommands(HttpClient http, TextWriter output, TextWriter errors)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };
    private static readonly string[] JobFields = ["jobId", "runId", "ownerId", "phase", "creationTime", "startTime", "endTime", "executionDuration", "destruction"];

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter errors, HttpMessageHandler? handler = null)
    {
        var parsed = ClientArguments.Parse(args, out var problem);
        if (parsed is null || parsed.Words.Count < 2)
        {
            errors.WriteLine($"meridian: {problem ?? "a command and a URL are needed"} (meridian --help)");
            return 2;
        }

        using var http = new HttpClient(handler ?? new SocketsHttpHandler { AllowAutoRedirect = false }, disposeHandler: handler is null) { Timeout = TimeSpan.FromMinutes(10) };
        if (parsed.Value("--token") is { } token)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        var commands = new ClientCommands(http, output, errors);
        try
        {
            return await commands.RunAsync(parsed);
        }
        catch (RefusedException refused)
        {
            errors.WriteLine($"meridian: {refused.Message}");
            return 1;
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException or System.Xml.XmlException or UriFormatException or InvalidOperationException)
        {
            errors.WriteLine($"meridian: {exception.Message}");
            return 1;
        }
    }

    private Task<int> RunAsync(ClientArguments args)
    {
        var url = args.Words[1].TrimEnd('/');
        return args.Words[0] switch
        {
            "services" => ServicesAsync(url, args),
            "submit" => SubmitAsync(url, args),
            "list" => ListAsync(url, args),
            "show" => ShowAsync(url, args),
            "wait" => WaitAsync(url, args),
            "abort" => ChangeAsync(url, HttpMethod.Post, [new("PHASE", "ABORT")], args),
            "delete" => ChangeAsync(url, HttpMethod.Delete, null, args),
            "results" => ResultsAsync(url, args),
            var other => Task.FromResult(Usage($"unknown command '{other}'")),
        };
    }

    private async Task<int> ServicesAsync(string url, ClientArguments args)
    {
        var services = JsonNode.Parse(await GetStringAsync(url + "/uws"))!.AsArray();
        if (args.Json)
        {
            output.WriteLine(services.ToJsonString(Indented));
            return 0;
        }

        foreach (var service in services)
        {
            output.WriteLine($"{service!["name"]}\t{service["jobs"]}\t{service["title"]}");
        }

        return 0;
    }

    /// <summary>name=value fields, name=@path uploads (multipart); --run queues it at once; --wait runs it and waits for its end.</summary>
    private async Task<int> SubmitAsync(string url, ClientArguments args)
    {
        var fields = new List<(string Name, string Value)>();
        foreach (var word in args.Words.Skip(2))
        {
            var equals = word.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                return Usage($"'{word}' is not name=value or name=@file");
            }

            fields.Add((word[..equals], word[(equals + 1)..]));
        }

        if (args.Given.Contains("--run") || args.Given.Contains("--wait"))
        {
            fields.Add(("PHASE", "RUN"));
        }

        using var content = Form(fields);
        using var response = await http.PostAsync(url, content);
        var jobUrl = await LocationAsync(response);
        if (!args.Given.Contains("--wait"))
        {
            output.WriteLine(args.Json ? new JsonObject { ["job"] = jobUrl }.ToJsonString() : jobUrl);
            return 0;
        }

        errors.WriteLine(jobUrl);
        return await WaitAsync(jobUrl, args);
    }

    private async Task<int> ListAsync(string url, ClientArguments args)
    {
        var query = args.All("--phase").Select(p => $"PHASE={Uri.EscapeDataString(p)}").ToList();
        if (args.Value("--after") is { } after)
        {
            query.Add($"AFTER={Uri.EscapeDataString(after)}");
        }

        if (args.Value("--last") is { } last)
        {
            query.Add($"LAST={Uri.EscapeDataString(last)}");
        }

        var list = XDocument.Parse(await GetStringAsync(query.Count == 0 ? url : $"{url}?{string.Join('&', query)}"));
        var jobs = UwsDocuments.JobRefs(list).ToList();
        if (args.Json)
        {
            output.WriteLine(new JsonArray([.. jobs.Select(j => (JsonNode)new JsonObject { ["id"] = j.Id, ["phase"] = j.Phase, ["href"] = j.Href, ["creationTime"] = j.Created })]).ToJsonString(Indented));
            return 0;
        }

        foreach (var (id, phase, href, created) in jobs)
        {
            output.WriteLine($"{id}\t{phase}\t{created}\t{href}");
        }

        return 0;
    }

    private async Task<int> ShowAsync(string url, ClientArguments args)
    {
        var job = XDocument.Parse(await GetStringAsync(url));
        Write(job, args.Json);
        return 0;
    }

    /// <summary>Blocks with WAIT until the job ends (or --timeout seconds pass), printing each phase it moves to.</summary>
    private async Task<int> WaitAsync(string url, ClientArguments args)
    {
        var timeout = int.TryParse(args.Value("--timeout"), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) ? seconds : 3600;
        var deadline = DateTimeOffset.UtcNow.AddSeconds(timeout);
        var job = XDocument.Parse(await GetStringAsync(url));
        var phase = UwsDocuments.Phase(job);
        if (!args.Json)
        {
            errors.WriteLine(phase);
        }

        while (UwsDocuments.ActivePhases.Contains(phase) && DateTimeOffset.UtcNow < deadline)
        {
            var wait = (int)Math.Clamp((deadline - DateTimeOffset.UtcNow).TotalSeconds, 1, 60);
            job = XDocument.Parse(await GetStringAsync($"{url}?WAIT={wait}&PHASE={phase}"));
            if (UwsDocuments.Phase(job) != phase)
            {
                phase = UwsDocuments.Phase(job);
                if (!args.Json)
                {
                    errors.WriteLine(phase);
                }
            }
        }

        Write(job, args.Json);
        return phase == "COMPLETED" ? 0 : 1;
    }

    private async Task<int> ChangeAsync(string url, HttpMethod method, List<KeyValuePair<string, string>>? fields, ClientArguments args)
    {
        using var request = new HttpRequestMessage(method, url) { Content = fields is null ? null : new FormUrlEncodedContent(fields) };
        using var response = await http.SendAsync(request);
        await LocationAsync(response);
        output.WriteLine(args.Json ? new JsonObject { ["job"] = url, ["done"] = args.Words[0] }.ToJsonString() : $"{args.Words[0]}: {url}");
        return 0;
    }

    /// <summary>Lists the results; with --out DIR downloads each into DIR (a result id with slashes keeps its folders).</summary>
    private async Task<int> ResultsAsync(string url, ClientArguments args)
    {
        var results = UwsDocuments.Results(XDocument.Parse(await GetStringAsync(url + "/results")).Root!).ToList();
        var saved = new JsonArray();
        foreach (var (id, href) in results)
        {
            string? path = null;
            if (args.Value("--out") is { } folder)
            {
                path = Path.GetFullPath(Path.Combine(folder, id));
                if (!path.StartsWith(Path.GetFullPath(folder) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                {
                    throw new RefusedException($"result id '{id}' would be saved outside {folder}");
                }

                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                using var response = await http.GetAsync(href, HttpCompletionOption.ResponseHeadersRead);
                await EnsureAsync(response);
                await using var file = File.Create(path);
                await response.Content.CopyToAsync(file);
            }

            saved.Add(new JsonObject { ["id"] = id, ["href"] = href, ["file"] = path });
            if (!args.Json)
            {
                output.WriteLine(path is null ? $"{id}\t{href}" : $"{id}\t{path}");
            }
        }

        if (args.Json)
        {
            output.WriteLine(saved.ToJsonString(Indented));
        }

        return 0;
    }

    private void Write(XDocument job, bool json)
    {
        var root = job.Root!;
        var fields = JobFields.Select(name => (name, UwsDocuments.Value(root, name))).Where(f => f.Item2 is not null).ToList();
        var error = root.Element(UwsDocuments.Uws + "errorSummary")?.Element(UwsDocuments.Uws + "message")?.Value;
        if (json)
        {
            var node = new JsonObject();
            foreach (var (name, value) in fields)
            {
                node[name] = value;
            }

            node["parameters"] = new JsonObject([.. UwsDocuments.Parameters(root).GroupBy(p => p.Id).Select(g => KeyValuePair.Create(g.Key, (JsonNode?)string.Join(" ", g.Select(p => p.Value))))]);
            node["results"] = new JsonObject([.. UwsDocuments.Results(root).Select(r => KeyValuePair.Create(r.Id, (JsonNode?)r.Href))]);
            node["error"] = error;
            output.WriteLine(node.ToJsonString(Indented));
            return;
        }

        foreach (var (name, value) in fields)
        {
            output.WriteLine($"{name}: {value}");
        }

        foreach (var (id, value) in UwsDocuments.Parameters(root))
        {
            output.WriteLine($"parameter {id}: {value}");
        }

        foreach (var (id, href) in UwsDocuments.Results(root))
        {
            output.WriteLine($"result {id}: {href}");
        }

        if (error is not null)
        {
            output.WriteLine($"error: {error}");
        }
    }

    private static HttpContent Form(List<(string Name, string Value)> fields)
    {
        if (!fields.Any(f => f.Value.StartsWith('@')))
        {
            return new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Name, f.Value)));
        }

        var multipart = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            if (value.StartsWith('@'))
            {
                var path = value[1..];
                multipart.Add(new StreamContent(File.OpenRead(path)), name, Path.GetFileName(path));
            }
            else
            {
                multipart.Add(new StringContent(value), name);
            }
        }

        return multipart;
    }

    private async Task<string> GetStringAsync(string url)
    {
        using var response = await http.GetAsync(url);
        await EnsureAsync(response);
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task<string> LocationAsync(HttpResponseMessage response)
    {
        if (response.StatusCode != HttpStatusCode.SeeOther || response.Headers.Location is null)
        {
            await EnsureAsync(response);
            throw new RefusedException($"the server answered {(int)response.StatusCode} where UWS expects 303 See Other");
        }

        return response.Headers.Location.ToString();
    }

    private static async Task EnsureAsync(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
        {
            var reason = (await response.Content.ReadAsStringAsync()).Trim();
            throw new RefusedException($"{(int)response.StatusCode} {(reason.Length > 0 ? reason : response.ReasonPhrase)}");
        }
    }

    private int Usage(string problem)
    {
        errors.WriteLine($"meridian: {problem} (meridian --help)");
        return 2;
    }

    private sealed class RefusedException(string message) : Exception(message);
}
