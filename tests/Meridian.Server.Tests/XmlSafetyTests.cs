// SPDX-License-Identifier: MIT
using System.Net;
using System.Text;

namespace Meridian.Server.Tests;

/// <summary>
/// Text a client sends is kept only when XML 1.0 can carry it: a noncharacter or a control character is
/// refused with a 400 naming the field, so no stored value can make a job or the job list unreadable.
/// </summary>
public sealed class XmlSafetyTests(MeridianApplication app) : IClassFixture<MeridianApplication>
{
    private readonly UwsClient _uws = new(app.Client);

    [Theory]
    [InlineData("RUNID=%EF%BF%BF", "RUNID")]
    [InlineData("RUNID=ok%EF%BF%BE", "RUNID")]
    [InlineData("text=a%EF%BF%BEb", "text")]
    [InlineData("text=bell%07", "text")]
    [InlineData("RUNID=%01", "RUNID")]
    public async Task Create_Answers400NamingTheField_WhenAValueHoldsACharacterXmlCannotCarry(string body, string field)
    {
        using var content = new ByteArrayContent(Encoding.ASCII.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", "application/x-www-form-urlencoded");

        using var response = await app.Client.PostAsync("/uws/echo", content);

        var reason = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"answered {(int)response.StatusCode}: {reason}");
        Assert.StartsWith(field + ":", reason, StringComparison.Ordinal);
        await _uws.GetXmlAsync("/uws/echo");
    }

    [Theory]
    [InlineData("/sync/echo?RUNID=%EF%BF%BE", "RUNID")]
    [InlineData("/sync/echo?text=%EF%BF%BF", "text")]
    public async Task Sync_Answers400NamingTheField_WhenAQueryValueHoldsANoncharacter(string url, string field)
    {
        using var response = await app.Client.GetAsync(url);

        var reason = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"answered {(int)response.StatusCode}: {reason}");
        Assert.StartsWith(field + ":", reason, StringComparison.Ordinal);
        await _uws.GetXmlAsync("/uws/echo");
    }

    [Fact]
    public async Task Update_Answers400_WhenAParameterValueHoldsANoncharacter()
    {
        var jobUrl = await _uws.CreateAsync("echo", ("text", "fine"));

        using var response = await _uws.PostAsync(jobUrl + "/parameters", ("text", "bad\uFFFF"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("fine", UwsClient.Parameters(await _uws.GetXmlAsync(jobUrl)).Single(p => p.Id == "text").Value);
    }

    [Fact]
    public async Task Upload_Answers400NamingTheFile_WhenItsNameHoldsANoncharacter()
    {
        // Raw bytes: HttpClient would not write this file name as UTF-8 in a part header.
        using var form = new ByteArrayContent([
            .. "--b\r\nContent-Disposition: form-data; name=\"data\"; filename=\"x"u8, .. Encoding.UTF8.GetBytes("\uFFFF"),
            .. ".txt\"\r\n\r\none\n\r\n--b--\r\n"u8]);
        form.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=b");

        using var response = await app.Client.PostAsync("/uws/upload", form);

        var reason = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"answered {(int)response.StatusCode}: {reason}");
        Assert.StartsWith("data: the file name", reason, StringComparison.Ordinal);
        await _uws.GetXmlAsync("/uws/upload");
    }

    [Fact]
    public async Task Job_KeepsCarriageReturnsInXml_AsJsonDoes()
    {
        var jobUrl = await _uws.CreateAsync("echo", ("text", "a\r\nb\rc"));

        var document = await _uws.GetXmlAsync(jobUrl);

        Assert.Equal("a\r\nb\rc", UwsClient.Parameters(document).Single(p => p.Id == "text").Value);
    }
}
