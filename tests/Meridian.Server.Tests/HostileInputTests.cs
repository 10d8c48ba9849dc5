// SPDX-License-Identifier: MIT
using System.Net;
using System.Text;

namespace Meridian.Server.Tests;

/// <summary>Whatever a client sends, the answer is a 4xx with a reason or a success, never a 500, and the server keeps serving.</summary>
public sealed class HostileInputTests(MeridianApplication app) : IClassFixture<MeridianApplication>
{
    private readonly UwsClient _uws = new(app.Client);

    public static TheoryData<string, string> MalformedBodies => new()
    {
        { "multipart/form-data", "no boundary at all" },
        { "multipart/form-data; boundary=xyz", "--xyz\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\nunterminated" },
        { "application/x-www-form-urlencoded", "text=%ZZ%G1&&&=&==&count" },
        { "application/x-www-form-urlencoded", "text=" + new string('a', 5_000_000) },
    };

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task Create_AnswersA4xx_WhenTheBodyIsMalformed(string contentType, string body)
    {
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        using var response = await app.Client.PostAsync("/uws/echo", content);

        AssertClientError(response);
        await AssertStillServingAsync();
    }

    [Fact]
    public async Task Create_AnswersA4xx_WhenThousandsOfFieldsAreSent()
    {
        var fields = Enumerable.Range(0, 5000).Select(i => ($"p{i}", "x")).ToArray();

        using var response = await _uws.PostAsync("/uws/echo", fields);

        AssertClientError(response);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("Meridian:MaxParameters = 1000", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await AssertStillServingAsync();
    }

    [Fact]
    public async Task Create_AnswersA4xxNamingMaxParameters_WhenThousandsOfFilePartsAreSent()
    {
        using var form = new MultipartFormDataContent();
        for (var i = 0; i < 3000; i++)
        {
            form.Add(new ByteArrayContent("x"u8.ToArray()), "data", $"f{i}.txt");
        }

        using var response = await app.Client.PostAsync("/uws/upload", form);

        AssertClientError(response);
        Assert.Contains("Meridian:MaxParameters", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await AssertStillServingAsync();
    }

    [Fact]
    public async Task Create_Answers400NamingTheParameter_WhenAValueIsLongerThanOneProgramArgumentCanBe()
    {
        // Within max_length (100,000 characters), but 200,000 bytes in UTF-8: exec would refuse it.
        using var response = await _uws.PostAsync("/uws/echo", ("text", new string('é', 100_000)), ("PHASE", "RUN"));

        var reason = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"answered {(int)response.StatusCode}: {reason}");
        Assert.StartsWith("text: 200000 bytes", reason, StringComparison.Ordinal);
        Assert.Contains("MAX_ARG_STRLEN", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Job_RunsAValueJustBelowTheArgumentLimit()
    {
        var jobUrl = await _uws.CreateAsync("echo", ("text", new string('é', 65_000)), ("PHASE", "RUN"));

        Assert.Equal("COMPLETED", UwsClient.Phase(await _uws.WaitForEndAsync(jobUrl)));
    }

    [Fact]
    public async Task Create_KeepsInvalidUtf8AsReplacementCharacters_AndEmitsValidXml()
    {
        using var content = new ByteArrayContent([.. "text="u8, 0xC3, 0x28, 0xFF, .. "%00%01%1B"u8]);
        content.Headers.TryAddWithoutValidation("Content-Type", "application/x-www-form-urlencoded");

        using var response = await app.Client.PostAsync("/uws/echo", content);

        Assert.True(response.StatusCode is HttpStatusCode.SeeOther or HttpStatusCode.BadRequest, $"answered {(int)response.StatusCode}");
        if (response.StatusCode == HttpStatusCode.SeeOther)
        {
            await _uws.GetXmlAsync(response.Headers.Location!.ToString());
        }
    }

    [Fact]
    public async Task Create_NeverAnswers5xx_ToABoundedFuzzOfFields()
    {
        var random = new Random(20261122);
        string[] names = ["text", "count", "loud", "items", "PHASE", "RUNID", "EXECUTIONDURATION", "DESTRUCTION", "ACTION", "WAIT", "x", "", "téxt", "COUNT"];
        string[] pieces = ["1", "-1", "0", "1e308", "NaN", "true", "RUN", "ABORT", "DELETE", "2030-01-01T00:00:00Z", "", " ", ",", "../..", "\0", "%", "日本", "$(id)", "'", "\"", "\n", "9999999999999999999999"];
        for (var round = 0; round < 300; round++)
        {
            var fields = Enumerable.Range(0, random.Next(0, 6))
                .Select(_ => (names[random.Next(names.Length)], string.Concat(Enumerable.Range(0, random.Next(1, 4)).Select(_ => pieces[random.Next(pieces.Length)]))))
                .ToArray();

            using var response = await _uws.PostAsync("/uws/echo", fields);

            Assert.True((int)response.StatusCode < 500, $"round {round}: {string.Join("&", fields)} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            if (response.StatusCode == HttpStatusCode.SeeOther)
            {
                await _uws.GetXmlAsync(response.Headers.Location!.ToString());
            }
        }

        await AssertStillServingAsync();
    }

    [Theory]
    [InlineData("..")]
    [InlineData("../../../../tmp/meridian-escape.txt")]
    [InlineData("/etc/passwd")]
    [InlineData("..\\..\\windows\\evil.ini")]
    [InlineData("C:\\evil.txt")]
    [InlineData("evil\0.txt")]
    [InlineData("\0")]
    public async Task Upload_IsStoredInsideItsJob_WhateverTheFileNameSays(string fileName)
    {
        using var response = await PostMultipartAsync("/uws/upload", Part("data", "line\n"u8.ToArray(), fileName));

        Assert.True(response.StatusCode is HttpStatusCode.SeeOther || (int)response.StatusCode is >= 400 and < 500, $"answered {(int)response.StatusCode}");
        if (response.StatusCode == HttpStatusCode.SeeOther)
        {
            var jobUrl = response.Headers.Location!.ToString();
            await _uws.GetXmlAsync(jobUrl);
            var inputs = Path.Combine(app.JobFolder(jobUrl[(jobUrl.LastIndexOf('/') + 1)..]), "inputs");
            var stored = Assert.Single(Directory.GetFiles(inputs));
            Assert.StartsWith("data", Path.GetFileName(stored), StringComparison.Ordinal);
            Assert.Equal("line\n", await _uws.GetTextAsync(jobUrl + "/parameters/data"));
        }

        Assert.False(File.Exists("/tmp/meridian-escape.txt"), "an upload name must never place a file outside its job");
        await AssertStillServingAsync();
    }

    [Fact]
    public async Task Create_KeepsInvalidUtf8InAMultipartValue_AsValidXml()
    {
        using var response = await PostMultipartAsync("/uws/echo", Part("text", [0xC3, 0x28, 0xFF, 0xFE, 0x00, 0x1B, .. "ok"u8], null));

        Assert.True(response.StatusCode is HttpStatusCode.SeeOther or HttpStatusCode.BadRequest, $"answered {(int)response.StatusCode}");
        if (response.StatusCode == HttpStatusCode.SeeOther)
        {
            await _uws.GetXmlAsync(response.Headers.Location!.ToString());
        }

        await AssertStillServingAsync();
    }

    public static TheoryData<string> HostileMultiparts => new()
    {
        "a part with a 100 kB header",
        "a part with 1,000 headers",
        "20,000 empty parts",
        "multipart nested 2,000 deep",
    };

    [Theory]
    [MemberData(nameof(HostileMultiparts))]
    public async Task Create_AnswersA4xxOrStoresPlainText_WhenTheMultipartIsHostile(string shape)
    {
        byte[][] parts = shape switch
        {
            "a part with a 100 kB header" => [RawPart($"Content-Disposition: form-data; name=\"text\"\r\nX-Junk: {new string('j', 100_000)}", "x")],
            "a part with 1,000 headers" => [RawPart("Content-Disposition: form-data; name=\"text\"" + string.Concat(Enumerable.Range(0, 1000).Select(i => $"\r\nX-{i}: {i}")), "x")],
            "20,000 empty parts" => Enumerable.Range(0, 20_000).Select(i => Part($"p{i}", [], null)).ToArray(),
            _ => [Part("text", Encoding.ASCII.GetBytes(Nested(2000)), null)],
        };

        using var response = await PostMultipartAsync("/uws/echo", parts);

        Assert.True(response.StatusCode is HttpStatusCode.SeeOther || (int)response.StatusCode is >= 400 and < 500, $"{shape}: answered {(int)response.StatusCode}");
        if (response.StatusCode != HttpStatusCode.SeeOther)
        {
            AssertClientError(response);
            Assert.NotEmpty((await response.Content.ReadAsStringAsync()).Trim());
        }

        await AssertStillServingAsync();
    }

    private const string Boundary = "meridian-hostile-boundary";

    private static string Nested(int depth) =>
        string.Concat(Enumerable.Range(0, depth).Select(i => $"--b{i}\r\nContent-Type: multipart/mixed; boundary=b{i + 1}\r\n\r\n"))
        + string.Concat(Enumerable.Range(0, depth).Reverse().Select(i => $"\r\n--b{i}--"));

    private static byte[] Part(string name, byte[] content, string? fileName) => RawPart(
        $"Content-Disposition: form-data; name=\"{name}\"" + (fileName is null ? "" : $"; filename=\"{fileName}\""), content);

    private static byte[] RawPart(string headers, string content) => RawPart(headers, Encoding.UTF8.GetBytes(content));

    // Raw bytes, because HttpClient's multipart content refuses NUL and invalid UTF-8 in what it writes.
    private static byte[] RawPart(string headers, byte[] content) =>
        [.. Encoding.UTF8.GetBytes($"--{Boundary}\r\n{headers}\r\n\r\n"), .. content, .. "\r\n"u8];

    private async Task<HttpResponseMessage> PostMultipartAsync(string url, params byte[][] parts)
    {
        using var content = new ByteArrayContent([.. parts.SelectMany(part => part), .. Encoding.ASCII.GetBytes($"--{Boundary}--\r\n")]);
        content.Headers.TryAddWithoutValidation("Content-Type", $"multipart/form-data; boundary={Boundary}");
        return await app.Client.PostAsync(url, content);
    }

    [Theory]
    [InlineData("/uws/echo/..%2F..%2Fetc")]
    [InlineData("/uws/..%2F..%2Fetc/passwd")]
    [InlineData("/uws/echo/AAAAAAAAAAAAAAAAAAAAAA/parameters/..%2F..%2Fmeridian.db")]
    [InlineData("/uws/echo/%00/phase")]
    public async Task Paths_CannotReachFilesOutsideAJob(string path)
    {
        using var response = await app.Client.GetAsync(path);

        // 404 from Meridian, or 400 from Kestrel itself for a NUL in the path.
        Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest, $"answered {(int)response.StatusCode}");
    }

    private static void AssertClientError(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        Assert.True(status is >= 400 and < 500, $"answered {status}");
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.ToString());
    }

    private async Task AssertStillServingAsync()
    {
        var jobUrl = await _uws.CreateAsync("echo", ("text", "still here"));
        Assert.Equal("PENDING", await _uws.PhaseAsync(jobUrl));
    }
}
