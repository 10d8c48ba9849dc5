// SPDX-License-Identifier: MIT
using System.Text.Json;
using System.Xml.Linq;
using Meridian.Compliance;

namespace Meridian.Server.Tests.Clients;

/// <summary>
/// A CSV or TSV result fetched as a VOTable (?format=votable, or Accept: application/x-votable+xml), with column
/// types declared by the service or inferred from the cells, valid against the VOTable schema and read back by astropy.
/// </summary>
public sealed class TableAsVotableTests : IDisposable
{
    private static readonly XNamespace VoTable = "http://www.ivoa.net/xml/VOTable/v1.3";
    private readonly MeridianApplication _app = new(null, Path.Combine(AppContext.BaseDirectory, "ClientServices"));

    [Fact]
    public async Task ACsvResult_AsAVotable_HasInferredTypes_AndAstropyReadsTheSameCells()
    {
        var links = await FinishedResultsAsync();

        var xml = XDocument.Parse(await _app.Client.GetStringAsync(links["stars"] + "?format=votable"));
        Assert.Empty(SchemaFiles.ValidateVotable(xml));
        var types = xml.Descendants(VoTable + "FIELD").ToDictionary(f => (string)f.Attribute("name")!, f => (string)f.Attribute("datatype")!);
        Assert.Equal(new Dictionary<string, string>
        {
            ["name"] = "char", ["hip"] = "long", ["ra"] = "double", ["dec"] = "double", ["vmag"] = "double", ["variable"] = "boolean", ["note"] = "char",
        }, types);

        var astropy = await ReadWithAstropyAsync(links["stars"] + "?format=votable");
        var rows = astropy.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(4, rows.Count);
        Assert.Equal("A0V, photometric standard", rows[0][6].GetString());
        Assert.Equal("semi-regular \"SRc\"", rows[2][6].GetString());
        Assert.Equal("Betelgeuse", rows[2][0].GetString());
        Assert.Equal(102098, rows[3][1].GetInt64());
        Assert.Equal(-1.46, rows[1][4].GetDouble());
        Assert.True(rows[2][5].GetBoolean());
        // Deneb's variability and note are empty cells: nulls, not false or "".
        Assert.True(astropy.GetProperty("masked")[3][5].GetBoolean());
    }

    [Fact]
    public async Task DeclaredColumns_KeepTheirTypeUnitUcdAndDescription_TheOthersAreInferred()
    {
        var links = await FinishedResultsAsync("typed-catalogue");

        var xml = XDocument.Parse(await _app.Client.GetStringAsync(links["stars"] + "?format=votable"));
        Assert.Empty(SchemaFiles.ValidateVotable(xml));
        var astropy = await ReadWithAstropyAsync(links["stars"] + "?format=votable");
        var fields = astropy.GetProperty("fields").EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!);
        Assert.Equal("char", fields["hip"].GetProperty("datatype").GetString());
        Assert.Equal("meta.id;meta.main", fields["hip"].GetProperty("ucd").GetString());
        Assert.Equal("Hipparcos number, an identifier rather than a quantity", fields["hip"].GetProperty("description").GetString());
        Assert.Equal("deg", fields["ra"].GetProperty("unit").GetString());
        Assert.Equal("mag", fields["vmag"].GetProperty("unit").GetString());
        Assert.Equal("phot.mag;em.opt.V", fields["vmag"].GetProperty("ucd").GetString());
        // Not declared: inferred from the cells, as without columns:.
        Assert.Equal("double", fields["dec"].GetProperty("datatype").GetString());
        Assert.Equal(JsonValueKind.Null, fields["dec"].GetProperty("unit").ValueKind);
        Assert.Equal("boolean", fields["variable"].GetProperty("datatype").GetString());
        var rows = astropy.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal("102098", rows[3][1].GetString());
        Assert.Equal(-1.46, rows[1][4].GetDouble());
    }

    [Fact]
    public async Task AClientPreferringVotable_GetsOne_OthersGetTheFileAsItIs()
    {
        var links = await FinishedResultsAsync();
        using var asked = new HttpRequestMessage(HttpMethod.Get, links["spaced"]);
        asked.Headers.Accept.ParseAdd("application/x-votable+xml");
        asked.Headers.Accept.ParseAdd("text/tab-separated-values;q=0.5");

        using var votable = await _app.Client.SendAsync(asked);
        using var plain = await _app.Client.GetAsync(links["spaced"]);

        Assert.Equal("application/x-votable+xml", votable.Content.Headers.ContentType!.MediaType);
        var document = XDocument.Parse(await votable.Content.ReadAsStringAsync());
        Assert.Empty(SchemaFiles.ValidateVotable(document));
        Assert.Equal(["Vega", "91262", "0.03", "Altair", "97649", "0.76"], document.Descendants(VoTable + "TD").Select(td => td.Value));
        Assert.Equal("text/tab-separated-values", plain.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("name\thip\tvmag\n", await plain.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<IReadOnlyDictionary<string, string>> FinishedResultsAsync(string service = "catalogue")
    {
        var uws = new UwsClient(_app.Client);
        var job = await uws.CreateAsync(service, ("PHASE", "RUN"));
        var document = await uws.WaitForEndAsync(job);
        Assert.Equal("COMPLETED", UwsClient.Phase(document));
        return UwsClient.ResultLinks(document);
    }

    private static async Task<JsonElement> ReadWithAstropyAsync(string url)
    {
        var astropy = await ClientProgram.RunAsync("/usr/bin/python3", [Path.Combine(AppContext.BaseDirectory, "Clients", "astropy_votable.py"), url]);
        Assert.True(astropy.ExitCode == 0, $"astropy could not read {url}:\n{astropy.Errors}");
        return JsonDocument.Parse(astropy.Output).RootElement;
    }

    public void Dispose() => _app.Dispose();
}
